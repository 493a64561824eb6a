import { type CreateAppealBody, isRegionKind, type Role } from '@yingshang/contracts';
import { addWorkingDays, isLikelyRepeat, plusDays } from '@yingshang/rules';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database.js';
import type { OrgUnitRow } from '../../db/schema.js';
import { loadCalendar } from '../../kernel/calendar.js';
import { withRollups } from '../../kernel/rollups.js';
import { type Actor, inScope } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import {
  type BackdateLimit,
  backdatedTo,
  checkBackdate,
  DEFAULT_BACKDATE_LIMITS,
} from '../../lib/backdate.js';
import { beijingToday } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import type { Ports } from '../../ports.js';
import * as repo from './appeals.repository.js';
import { appealLink, auditAppeal, cityPath, noticeParams, OFFICE_ROLES } from './appeals-trail.js';
import { appealRollups } from './rollups.repository.js';

type Create = z.infer<typeof CreateAppealBody>;

const CHANNEL_ZH: Record<string, string> = {
  window: '办不成事窗口',
  hotline: '投诉举报专线',
  portal: '网上诉求',
  meeting: '政企活动',
  express: '项目直通车',
  transfer_12345: '12345转办',
};

/** Filing an appeal: by an enterprise (portal, 项目直通车), by staff from their channels, or at a meeting. */
export function createAppealFiling(deps: {
  db: Db;
  ports: Pick<Ports, 'notify' | 'findOrg' | 'findOrgByPath' | 'findUser' | 'usersOf' | 'findProjectRow'>;
  backdateLimits?: Record<Role, BackdateLimit>;
}) {
  const { db } = deps;
  const { notify, findOrg, findOrgByPath, findUser, usersOf, findProjectRow } = deps.ports;

  /** An office unit the actor may file into (or the enterprise's choice within its city). */
  async function officeFor(
    trx: Tx,
    actor: Actor,
    enterprise: OrgUnitRow,
    input: Create,
  ): Promise<OrgUnitRow> {
    const isEnterprise = actor.orgUnit.kind === 'enterprise';
    let unit: OrgUnitRow | undefined;
    if (input.regionId) {
      unit = await findOrg(trx, input.regionId);
      const allowed =
        !!unit &&
        isRegionKind(unit.kind) &&
        unit.kind !== 'province' &&
        (isEnterprise ? unit.path.startsWith(cityPath(enterprise.path)) : inScope(actor, unit.path));
      if (!allowed) fail('APPEAL_OFFICE_INVALID', [{ path: 'regionId', message: 'APPEAL_OFFICE_INVALID' }]);
    } else if (isEnterprise) {
      unit = enterprise.parentId ? await findOrg(trx, enterprise.parentId) : undefined;
    } else {
      unit = await findOrg(trx, actor.orgUnit.id);
      if (!unit || !isRegionKind(unit.kind))
        fail('APPEAL_OFFICE_INVALID', [{ path: 'regionId', message: 'APPEAL_OFFICE_INVALID' }]);
    }
    if (!unit) fail('APPEAL_OFFICE_INVALID', [{ path: 'regionId', message: 'APPEAL_OFFICE_INVALID' }]);
    // 项目直通车 goes straight to the city leadership.
    if (input.channel === 'express' && unit.kind !== 'city' && unit.kind !== 'province') {
      const city = await findOrgByPath(trx, cityPath(unit.path));
      if (city) unit = city;
    }
    return unit;
  }

  async function file(actor: Actor, input: Create, opts: { meetingId?: string; trx?: Tx } = {}) {
    const run = async (trx: Tx) => {
      const isEnterprise = actor.orgUnit.kind === 'enterprise';
      if (isEnterprise && input.channel !== 'portal' && input.channel !== 'express')
        fail('APPEAL_CHANNEL_INVALID', [{ path: 'channel', message: 'APPEAL_CHANNEL_INVALID' }]);
      if (!isEnterprise && !isRegionKind(actor.orgUnit.kind)) fail('FORBIDDEN');
      if (input.channel === 'meeting' && !opts.meetingId)
        fail('APPEAL_CHANNEL_INVALID', [{ path: 'channel', message: 'APPEAL_CHANNEL_INVALID' }]);
      const category = await repo.findCategory(trx, input.category);
      if (category?.active !== 1)
        fail('APPEAL_CATEGORY_UNKNOWN', [{ path: 'category', message: 'APPEAL_CATEGORY_UNKNOWN' }]);
      const enterpriseId = isEnterprise ? actor.orgUnit.id : input.enterpriseId;
      const enterprise = enterpriseId ? await findOrg(trx, enterpriseId) : undefined;
      if (
        enterprise?.kind !== 'enterprise' ||
        enterprise.active !== 1 ||
        (!isEnterprise && !inScope(actor, enterprise.path))
      )
        fail('APPEAL_ENTERPRISE_INVALID', [{ path: 'enterpriseId', message: 'APPEAL_ENTERPRISE_INVALID' }]);
      let projectId: string | null = null;
      if (input.projectId) {
        const project = isEnterprise ? undefined : await findProjectRow(trx, input.projectId);
        if (!project || !inScope(actor, project.regionPath))
          fail('PROJECT_NOT_FOUND', [{ path: 'projectId', message: 'PROJECT_NOT_FOUND' }]);
        projectId = project.id;
      }
      const office = await officeFor(trx, actor, enterprise, input);
      const rule = await repo.slaRuleFor(trx, input);
      if (!rule) fail('SLA_RULE_NOT_FOUND');
      const cal = await loadCalendar(trx);
      const today = beijingToday();
      // filed today, or on an earlier day entered later (补录, within the actor's back-date limit)
      const filedOn = input.filedOn ?? today;
      if (filedOn > today) fail('STAGE_DATE_INVALID', [{ path: 'filedOn', message: 'STAGE_DATE_INVALID' }]);
      checkBackdate(actor, deps.backdateLimits ?? DEFAULT_BACKDATE_LIMITS, [
        { path: 'filedOn', date: filedOn },
      ]);
      const due = addWorkingDays(cal, filedOn, rule.acceptDays);
      const repeat = (await repo.openAppealsOf(trx, enterprise.id, input.category)).find((o) =>
        isLikelyRepeat({ category: input.category, title: input.title }, o),
      );
      const id = newId();
      const code = repo.appealCode(id, today);
      const at = now();
      const contact = isEnterprise ? await findUser(trx, actor.userId) : undefined;
      const values = {
        id,
        code,
        title: input.title,
        description: input.description,
        searchText: `${input.title} ${code}`.toLowerCase(),
        channel: input.channel,
        category: input.category,
        urgency: input.urgency,
        anonymous: input.anonymous ? 1 : 0,
        express: input.channel === 'express' ? 1 : 0,
        enterpriseId: enterprise.id,
        enterpriseName: enterprise.name,
        contactName: input.contactName ?? contact?.displayName ?? null,
        contactPhone: input.contactPhone ?? contact?.phone ?? null,
        projectId,
        meetingId: opts.meetingId ?? null,
        regionId: office.id,
        regionPath: office.path,
        departmentId: null,
        supervisingUnitId: office.id,
        status: 'submitted',
        filedOn,
        acceptDueOn: due.day,
        dueOn: due.day,
        dueStage: 'accept',
        dueUnscheduled: due.unscheduled ? 1 : 0,
        nextSweepOn: plusDays(due.day, 1),
        slaAcceptDays: rule.acceptDays,
        slaSignDays: rule.signDays,
        slaAnswerDays: rule.answerDays,
        slaEscalateDays: rule.escalateAfterDays,
        duplicateOfId: repeat?.id ?? null,
        createdBy: actor.userId,
        createdAt: at,
        updatedAt: at,
      };
      await withRollups(trx, { source: appealRollups, ids: [id] }, () => repo.insertAppeal(trx, values));
      const row = (await repo.findAppealRow(trx, id))!;
      await repo.insertAppealEvent(trx, {
        id: newId(),
        appealId: id,
        kind: 'file',
        fromStatus: null,
        toStatus: 'submitted',
        note: null,
        rating: null,
        departmentId: null,
        actorId: actor.userId,
        actorName: actor.displayName,
        actorUnitId: actor.orgUnit.id,
        byEnterprise: isEnterprise ? 1 : 0,
        internal: 0,
        createdAt: at,
        occurredOn: filedOn < today ? filedOn : null,
      });
      await auditAppeal(trx, actor, row, 'create', null, { ...values, ...backdatedTo(filedOn, today) });
      const recipients = [
        ...(await usersOf(trx, office.id, OFFICE_ROLES)),
        ...(values.express ? await usersOf(trx, office.id, ['leader']) : []),
      ];
      await notify(trx, recipients, {
        kind: 'appeal_filed',
        params: noticeParams(row, { channel: CHANNEL_ZH[input.channel], due: due.day }),
        link: appealLink(row),
      });
      return row;
    };
    const row = opts.trx ? await run(opts.trx) : await db.transaction().execute(run);
    return row;
  }

  return { file };
}
