import {
  type AppealAction,
  type AppealDetail,
  type AppealRating,
  type AppealStepBodies,
  type AppealSummary,
  type CreateAppealBody,
  isRegionKind,
} from '@yingshang/contracts';
import {
  type AppealFlowStatus,
  type AppealParty,
  addWorkingDays,
  allowedAppealActions,
  appealNextStatus,
  appealStepError,
  countWorkingDays,
  isLikelyRepeat,
  isOpenAppeal,
  plusDays,
  slaState,
  type WorkCalendar,
} from '@yingshang/rules';
import type { z } from 'zod';
import type { Db, Executor, Tx } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { AppealRow, OrgUnitRow } from '../../db/schema.js';
import { type Actor, inScope, parentPath, scopePath } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { beijingToday } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { notify } from '../notifications/notifications.repository.js';
import { activeUnitsUnder, departmentsAround, findOrg, findOrgByPath } from '../orgs/orgs.repository.js';
import { findUser, userIdsOfUnit } from '../orgs/users.repository.js';
import { findProjectRow } from '../projects/projects.repository.js';
import { withRollups } from '../rollups/rollups.repository.js';
import * as repo from './appeals.repository.js';
import { loadCalendar } from './calendar.js';
import { findMeetingRow } from './meetings.repository.js';
import { appealRollups } from './rollups.repository.js';

type Create = z.infer<typeof CreateAppealBody>;
type StepBody<A extends AppealAction> = z.infer<(typeof AppealStepBodies)[A]>;

const OFFICE_ROLES = ['province_admin', 'city_bureau', 'county_staff'] as const;
/** 临期: at most this many working days left. */
export const WARN_WORKING_DAYS = 1;

const CHANNEL_ZH: Record<string, string> = {
  window: '办不成事窗口',
  hotline: '投诉举报专线',
  portal: '网上诉求',
  meeting: '政企活动',
  express: '项目直通车',
  transfer_12345: '12345转办',
};

/** The city-level ancestor path of a unit ('/province/city/…' → '/province/city/'). */
const cityPath = (path: string) => path.split('/').slice(0, 3).join('/').concat('/');

export function createAppealService(deps: { db: Db; dialect: Dialect }) {
  const { db, dialect } = deps;

  const reader = (actor: Actor): repo.AppealReader => {
    const kind = actor.orgUnit.kind;
    if (kind === 'enterprise') return { kind: 'enterprise', unitId: actor.orgUnit.id };
    if (kind === 'department') return { kind: 'department', unitId: actor.orgUnit.id };
    return { kind: 'region', path: scopePath(actor) };
  };

  /** An appeal the actor may read, or 404 (never a hint that it exists elsewhere). */
  async function visible(ex: Db | Tx, actor: Actor, id: string): Promise<AppealRow> {
    const row = await repo.findAppealRow(ex, id);
    if (!row) fail('APPEAL_NOT_FOUND');
    const r = reader(actor);
    const ok =
      r.kind === 'region'
        ? inScope(actor, row.regionPath)
        : r.kind === 'enterprise'
          ? row.enterpriseId === r.unitId
          : row.departmentId === r.unitId || (await repo.wasAssignedTo(ex, row.id, r.unitId));
    if (!ok) fail('APPEAL_NOT_FOUND');
    return row;
  }

  /** The parts this actor plays for this appeal. */
  function partiesOf(actor: Actor, row: AppealRow): Set<AppealParty> {
    const p = new Set<AppealParty>();
    const office = isRegionKind(actor.orgUnit.kind) && inScope(actor, row.regionPath);
    if (office && actor.permissions.has('appeals.manage')) p.add('office');
    if (office && actor.permissions.has('appeals.instruct')) p.add('leader');
    if (actor.permissions.has('appeals.handle') && row.departmentId === actor.orgUnit.id) p.add('department');
    if (actor.permissions.has('appeals.file') && row.enterpriseId === actor.orgUnit.id) p.add('enterprise');
    return p;
  }

  const supervised = (row: AppealRow) => row.escalationLevel > 0 || row.express === 1;

  async function flowContext(ex: Db | Tx, actor: Actor, row: AppealRow) {
    return {
      returnUsed: row.departmentId ? await repo.hasReturned(ex, row.id, row.departmentId) : false,
      openQuestion: row.openQuestion === 1,
      supervised: supervised(row),
      actor,
    };
  }

  /** Whether the reader must not learn who filed (an anonymous appeal, read by a department). */
  const masked = (actor: Actor, row: AppealRow) => row.anonymous === 1 && actor.orgUnit.kind === 'department';

  function toSummary(actor: Actor, r: repo.AppealListRow, cal: WorkCalendar, today: string): AppealSummary {
    const hide = masked(actor, r);
    return {
      id: r.id,
      code: r.code,
      title: r.title,
      channel: r.channel as never,
      category: r.category,
      urgency: r.urgency as never,
      anonymous: r.anonymous === 1,
      status: r.status as never,
      enterpriseId: hide ? null : r.enterpriseId,
      enterpriseName: hide ? null : r.enterpriseName,
      regionId: r.regionId,
      regionName: r.regionName,
      departmentId: r.departmentId,
      departmentName: r.departmentName,
      filedOn: r.filedOn,
      dueOn: r.dueOn,
      dueStage: (r.dueStage as never) ?? null,
      dueUnscheduled: r.dueUnscheduled === 1,
      sla: r.dueOn ? slaState(cal, today, r.dueOn, WARN_WORKING_DAYS) : null,
      workingDaysLeft: r.dueOn ? countWorkingDays(cal, today, r.dueOn) : null,
      escalationLevel: r.escalationLevel,
      supervisingUnitName: r.escalationLevel > 0 || r.express === 1 ? r.supervisingUnitName : null,
      express: r.express === 1,
      reopenCount: r.reopenCount,
      rating: (r.rating as never) ?? null,
      meetingId: r.meetingId,
      updatedAt: r.updatedAt,
      version: r.version,
    };
  }

  async function detail(ex: Db | Tx, actor: Actor, id: string): Promise<AppealDetail> {
    const cal = await loadCalendar(ex);
    const today = beijingToday();
    const r = (await repo.findAppealListRow(ex, id))!;
    const hide = masked(actor, r);
    const isEnterprise = actor.orgUnit.kind === 'enterprise';
    const [events, project, meeting, dup, merged, ctx] = await Promise.all([
      repo.appealEvents(ex, id),
      r.projectId && !hide ? findProjectRow(ex, r.projectId) : undefined,
      r.meetingId ? findMeetingRow(ex, r.meetingId) : undefined,
      isEnterprise || hide ? undefined : repo.appealRef(ex, r.duplicateOfId),
      repo.appealRef(ex, r.mergedIntoId),
      flowContext(ex, actor, r),
    ]);
    return {
      ...toSummary(actor, r, cal, today),
      description: r.description,
      contactName: hide ? null : r.contactName,
      contactPhone: hide ? null : r.contactPhone,
      projectId: hide ? null : r.projectId,
      projectName: project?.name ?? null,
      meetingTitle: meeting?.title ?? null,
      acceptDueOn: r.acceptDueOn,
      signDueOn: r.signDueOn,
      answerDueOn: r.answerDueOn,
      acceptedOn: r.acceptedOn,
      answeredOn: r.answeredOn,
      closedOn: r.closedOn,
      answer: r.answer,
      ratingComment: r.ratingComment,
      ratedVia: (r.ratedVia as never) ?? null,
      rejectReason: r.rejectReason,
      openQuestion: r.openQuestion === 1,
      possibleDuplicateOf: dup ?? null,
      mergedInto: merged ?? null,
      slaRule: { acceptDays: r.slaAcceptDays, signDays: r.slaSignDays, answerDays: r.slaAnswerDays },
      events: events
        .filter((e) => !(isEnterprise && e.internal === 1))
        .map((e) => {
          const anonymousFiler = hide && e.byEnterprise === 1;
          return {
            id: e.id,
            kind: e.kind as never,
            fromStatus: (e.fromStatus as never) ?? null,
            toStatus: (e.toStatus as never) ?? null,
            note: e.note,
            rating: (e.rating as never) ?? null,
            departmentName: e.departmentName ?? null,
            // Enterprises see the unit that acted, not the official's name; a department never
            // sees who filed an anonymous appeal.
            actorName: anonymousFiler || (isEnterprise && e.byEnterprise === 0) ? null : e.actorName,
            actorUnitName: anonymousFiler ? null : (e.actorUnitName ?? null),
            internal: e.internal === 1,
            createdAt: e.createdAt,
          };
        }),
      actions: allowedAppealActions(r.status as AppealFlowStatus, partiesOf(actor, r), ctx) as AppealAction[],
    };
  }

  async function event(
    trx: Tx,
    actor: Actor | null,
    row: AppealRow,
    e: {
      kind: string;
      to?: string | null;
      note?: string | null;
      rating?: string | null;
      departmentId?: string | null;
      internal?: boolean;
    },
  ) {
    await repo.insertAppealEvent(trx, {
      id: newId(),
      appealId: row.id,
      kind: e.kind,
      fromStatus: row.status,
      toStatus: e.to ?? row.status,
      note: e.note ?? null,
      rating: e.rating ?? null,
      departmentId: e.departmentId ?? null,
      actorId: actor?.userId ?? null,
      actorName: actor?.displayName ?? null,
      actorUnitId: actor?.orgUnit.id ?? null,
      byEnterprise: actor?.orgUnit.kind === 'enterprise' ? 1 : 0,
      internal: e.internal ? 1 : 0,
      createdAt: now(),
    });
  }

  const audit = (
    trx: Tx,
    actor: Actor | null,
    row: AppealRow,
    action: Parameters<typeof recordAudit>[2]['action'],
    before: unknown,
    after: unknown,
  ) =>
    recordAudit(trx, actor, {
      action,
      entity: 'appeal',
      entityId: row.id,
      scopePath: row.regionPath,
      summary: `${row.title} (${row.code})`,
      before,
      after,
    });

  const noticeParams = (row: AppealRow, extra: Record<string, string> = {}) => ({
    code: row.code,
    title: row.title,
    ...extra,
  });
  const link = (row: AppealRow) => `/appeals/${row.id}`;

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
      const due = addWorkingDays(cal, today, rule.acceptDays);
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
        filedOn: today,
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
      });
      await audit(trx, actor, row, 'create', null, values);
      const recipients = [
        ...(await repo.usersOf(trx, office.id, OFFICE_ROLES)),
        ...(values.express ? await repo.usersOf(trx, office.id, ['leader']) : []),
      ];
      await notify(trx, recipients, {
        kind: 'appeal_filed',
        params: noticeParams(row, { channel: CHANNEL_ZH[input.channel], due: due.day }),
        link: link(row),
      });
      return row;
    };
    const row = opts.trx ? await run(opts.trx) : await db.transaction().execute(run);
    return row;
  }

  /** A department this office may assign to: of the appeal's region or above it, or inside it. */
  async function assignable(trx: Db | Tx, row: AppealRow, departmentId: string) {
    const dept = await findOrg(trx, departmentId);
    const ok =
      !!dept &&
      dept.kind === 'department' &&
      dept.active === 1 &&
      (row.regionPath.startsWith(parentPath(dept.path)) || dept.path.startsWith(row.regionPath));
    if (!ok)
      fail('APPEAL_DEPARTMENT_INVALID', [{ path: 'departmentId', message: 'APPEAL_DEPARTMENT_INVALID' }]);
    return dept;
  }

  /**
   * One lifecycle step: on an appeal the actor can see, taken in the part the step needs, from a
   * status that allows it, on the version the actor read; the change, the timeline entry, the audit
   * row and the notices in one transaction.
   */
  async function step<A extends AppealAction>(actor: Actor, id: string, action: A, body: StepBody<A>) {
    return db.transaction().execute(async (trx) => {
      const row = await visible(trx, actor, id);
      const parties = partiesOf(actor, row);
      const ctx = await flowContext(trx, actor, row);
      const status = row.status as AppealFlowStatus;
      const needed = (['office', 'department', 'enterprise', 'leader'] as const).find(
        (p) =>
          appealStepError(status, action, p, { returnUsed: false, openQuestion: true, supervised: true }) ===
          null,
      );
      if (!needed || !parties.has(needed)) {
        if (needed === 'department' && actor.orgUnit.kind === 'department')
          fail('APPEAL_NOT_ASSIGNED_TO_YOU');
        fail('APPEAL_ACTION_INVALID');
      }
      const error = appealStepError(status, action, needed, ctx);
      if (error) fail(error);
      if (row.version !== body.version) fail('VERSION_CONFLICT');

      const cal = await loadCalendar(trx);
      const today = beijingToday();
      const rating = 'rating' in body ? (body.rating as AppealRating) : undefined;
      const next = appealNextStatus(status, action, rating);
      const set: Record<string, unknown> = {};
      const events: Parameters<typeof event>[3][] = [];
      const notices: { to: string[]; kind: string; params: Record<string, string> }[] = [];
      const officeUsers = () => repo.usersOf(trx, row.regionId, OFFICE_ROLES);
      const deptUsers = (unitId = row.departmentId) => repo.usersOf(trx, unitId);
      const enterpriseUsers = () => repo.usersOf(trx, row.enterpriseId, ['enterprise']);
      const deadline = (stage: 'accept' | 'sign' | 'answer', due: { day: string; unscheduled: boolean }) => ({
        dueOn: due.day,
        dueStage: stage,
        dueUnscheduled: due.unscheduled ? 1 : 0,
        overdueSince: null,
        nextSweepOn: plusDays(due.day, 1),
      });
      const answerDeadline = () =>
        deadline('answer', {
          day: row.answerDueOn!,
          unscheduled: addWorkingDays(cal, row.acceptedOn ?? row.filedOn, row.slaAnswerDays).unscheduled,
        });
      const stopClock = {
        dueOn: null,
        dueStage: null,
        dueUnscheduled: 0,
        overdueSince: null,
        nextSweepOn: null,
      };

      switch (action) {
        case 'accept': {
          const b = body as StepBody<'accept'>;
          const due = addWorkingDays(cal, today, row.slaAnswerDays);
          Object.assign(set, { acceptedOn: today, answerDueOn: due.day }, deadline('answer', due));
          events.push({ kind: 'accept', note: b.note ?? null });
          break;
        }
        case 'reject': {
          const b = body as StepBody<'reject'>;
          Object.assign(set, { rejectReason: b.reason, closedOn: today }, stopClock);
          events.push({ kind: 'reject', note: b.reason });
          notices.push({
            to: await enterpriseUsers(),
            kind: 'appeal_rejected',
            params: { reason: b.reason },
          });
          break;
        }
        case 'assign': {
          const b = body as StepBody<'assign'>;
          const dept = await assignable(trx, row, b.departmentId);
          const due = addWorkingDays(cal, today, row.slaSignDays);
          Object.assign(
            set,
            { departmentId: dept.id, assignedOn: today, signDueOn: due.day },
            deadline('sign', due),
          );
          events.push({ kind: 'assign', note: b.note ?? null, departmentId: dept.id });
          notices.push({
            to: await deptUsers(dept.id),
            kind: 'appeal_assigned',
            params: {
              actor: actor.orgUnit.name,
              unit: dept.name,
              due: due.day,
              answerDue: row.answerDueOn ?? '',
            },
          });
          break;
        }
        case 'sign':
          Object.assign(set, { signedOn: today }, answerDeadline());
          events.push({ kind: 'sign', departmentId: row.departmentId });
          break;
        case 'return': {
          const b = body as StepBody<'return'>;
          Object.assign(set, { departmentId: null, signedOn: null, openQuestion: 0 }, answerDeadline());
          events.push({ kind: 'return', note: b.reason, departmentId: row.departmentId });
          notices.push({
            to: await officeUsers(),
            kind: 'appeal_returned',
            params: { unit: actor.orgUnit.name, reason: b.reason },
          });
          break;
        }
        case 'progress':
          events.push({
            kind: 'progress',
            note: (body as StepBody<'progress'>).note,
            departmentId: row.departmentId,
          });
          break;
        case 'ask': {
          const b = body as StepBody<'ask'>;
          set.openQuestion = 1;
          events.push({ kind: 'ask', note: b.question, departmentId: row.departmentId });
          notices.push({
            to: await enterpriseUsers(),
            kind: 'appeal_question',
            params: { question: b.question },
          });
          break;
        }
        case 'reply': {
          const b = body as StepBody<'reply'>;
          set.openQuestion = 0;
          events.push({ kind: 'reply', note: b.reply });
          notices.push({
            to: await deptUsers(),
            kind: 'appeal_replied',
            params: { reply: b.reply },
          });
          break;
        }
        case 'answer': {
          const b = body as StepBody<'answer'>;
          Object.assign(set, stopClock, {
            answer: b.answer,
            answeredOn: today,
            answeredOnTime: row.answerDueOn && today <= row.answerDueOn ? 1 : 0,
            answerWorkingDays:
              row.answerWorkingDays ?? countWorkingDays(cal, row.acceptedOn ?? row.filedOn, today),
            openQuestion: 0,
            rating: null,
            ratingComment: null,
            ratedVia: null,
          });
          events.push({ kind: 'answer', note: b.answer, departmentId: row.departmentId });
          notices.push({
            to: await enterpriseUsers(),
            kind: 'appeal_answered',
            params: { unit: actor.orgUnit.name },
          });
          break;
        }
        case 'rate':
        case 'callback': {
          const b = body as StepBody<'rate'> & { note?: string };
          const comment = action === 'rate' ? (b.comment ?? null) : (b.note ?? null);
          Object.assign(set, {
            rating: b.rating,
            ratingComment: comment,
            ratedVia: action === 'rate' ? 'enterprise' : 'callback',
          });
          events.push({ kind: action, note: comment, rating: b.rating });
          if (next === 'closed') {
            Object.assign(set, { closedOn: today }, stopClock);
            events.push({ kind: 'close', to: 'closed' });
          } else {
            // 重办: the same department answers again, on a fresh answer deadline.
            const due = addWorkingDays(cal, today, row.slaAnswerDays);
            Object.assign(
              set,
              { reopenCount: row.reopenCount + 1, answerDueOn: due.day },
              deadline('answer', due),
            );
            events.push({ kind: 'reopen', to: 'handling', departmentId: row.departmentId });
            notices.push({ to: await deptUsers(), kind: 'appeal_reopened', params: { due: due.day } });
            notices.push({ to: await officeUsers(), kind: 'appeal_reopened', params: { due: due.day } });
          }
          break;
        }
        case 'instruct': {
          const b = body as StepBody<'instruct'>;
          events.push({ kind: 'instruct', note: b.note, internal: true });
          notices.push({
            to: [...(await deptUsers()), ...(await officeUsers())],
            kind: 'appeal_instructed',
            params: { actor: actor.displayName, note: b.note },
          });
          break;
        }
        case 'merge': {
          const b = body as StepBody<'merge'>;
          const target = b.targetId === row.id ? undefined : await repo.findAppealRow(trx, b.targetId);
          if (
            !target ||
            target.enterpriseId !== row.enterpriseId ||
            !inScope(actor, target.regionPath) ||
            !['submitted', 'accepted', 'assigned', 'handling', 'answered'].includes(target.status)
          )
            fail('APPEAL_MERGE_INVALID', [{ path: 'targetId', message: 'APPEAL_MERGE_INVALID' }]);
          Object.assign(set, { mergedIntoId: target.id, closedOn: today }, stopClock);
          events.push({ kind: 'merge', note: target.code });
          await repo.insertAppealEvent(trx, {
            id: newId(),
            appealId: target.id,
            kind: 'merged_in',
            fromStatus: target.status,
            toStatus: target.status,
            note: row.code,
            rating: null,
            departmentId: null,
            actorId: actor.userId,
            actorName: actor.displayName,
            actorUnitId: actor.orgUnit.id,
            byEnterprise: 0,
            internal: 0,
            createdAt: now(),
          });
          break;
        }
      }

      // Only this appeal's row changes (a merge's target gains a timeline entry, not a figure).
      await withRollups(trx, { source: appealRollups, ids: [row.id] }, () =>
        repo.updateAppeal(
          trx,
          { id: row.id, version: row.version },
          { ...set, status: next, updatedAt: now() },
        ),
      );
      let from = row;
      for (const e of events) {
        await event(trx, actor, from, { to: e.kind === 'close' || e.kind === 'reopen' ? e.to : next, ...e });
        if (e.kind === 'rate' || e.kind === 'callback') from = { ...row, status: 'answered' };
      }
      await audit(
        trx,
        actor,
        row,
        action,
        { status: row.status, version: row.version },
        { status: next, ...set, ...(body as object) },
      );
      for (const n of notices)
        await notify(trx, [...new Set(n.to)], {
          kind: n.kind,
          params: noticeParams(row, n.params),
          link: link(row),
        });
      return detail(trx, actor, id);
    });
  }

  return {
    visible,
    file,

    async create(actor: Actor, input: Create) {
      const row = await file(actor, input);
      return detail(db, actor, row.id);
    },

    async list(actor: Actor, q: Omit<repo.AppealFilter, 'reader' | 'regionPath'> & { regionId?: string }) {
      const { regionId, ...filter } = q;
      let regionPath: string | undefined;
      if (regionId) {
        const unit = await findOrg(db, regionId);
        if (!unit || !inScope(actor, unit.path)) fail('ORG_NOT_FOUND');
        regionPath = unit.path;
      }
      const cal = await loadCalendar(db);
      const today = beijingToday();
      // 临期 ends where two working days are left.
      const warnBefore = addWorkingDays(cal, today, WARN_WORKING_DAYS + 1).day;
      const page = await repo.listAppeals(
        db,
        dialect,
        { ...filter, reader: reader(actor), regionPath },
        { today, warnBefore },
      );
      return { ...page, items: page.items.map((r) => toSummary(actor, r, cal, today)) };
    },

    /** Summaries of given rows (meetings show theirs), as this actor may see them. */
    async summaries(ex: Executor, actor: Actor, rows: repo.AppealListRow[]) {
      const cal = await loadCalendar(ex);
      const today = beijingToday();
      return rows.map((r) => toSummary(actor, r, cal, today));
    },

    async get(actor: Actor, id: string) {
      await visible(db, actor, id);
      return detail(db, actor, id);
    },

    /**
     * The appeal as the owner of attachments: read by whoever sees it, added to an open appeal by the
     * parties handling it. `hiddenUploaders`: for a department reading an anonymous appeal, the
     * enterprise's users, whose files would give the filer away.
     */
    async attachmentOwner(actor: Actor, id: string, write: boolean) {
      const row = await visible(db, actor, id);
      if (write) {
        const parties = partiesOf(actor, row);
        const handling = [...parties].some((p) => p !== 'leader');
        if (!isOpenAppeal(row.status as AppealFlowStatus) || !handling) fail('APPEAL_ACTION_INVALID');
      }
      const hiddenUploaders = masked(actor, row)
        ? new Set(await userIdsOfUnit(db, row.enterpriseId))
        : new Set<string>();
      return { type: 'appeal' as const, id: row.id, scopePath: row.regionPath, hiddenUploaders };
    },

    /** The offices the actor may file into: an enterprise's city, counties and zones; staff's own area. */
    async offices(actor: Actor) {
      const base = actor.orgUnit.kind === 'enterprise' ? cityPath(actor.orgUnit.path) : scopePath(actor);
      const units = await activeUnitsUnder(db, dialect, base, ['city', 'county', 'zone']);
      return units.map((u) => ({ id: u.id, name: u.name, kind: u.kind as 'city' | 'county' | 'zone' }));
    },

    /** The departments the office may assign this appeal to. */
    async departments(actor: Actor, id: string) {
      const row = await visible(db, actor, id);
      if (!partiesOf(actor, row).has('office')) fail('APPEAL_ACTION_INVALID');
      const ancestors = row.regionPath.split('/').filter(Boolean);
      const units = await departmentsAround(db, dialect, ancestors, row.regionPath);
      return units.map(({ depth: _d, ...u }) => u);
    },

    step,

    async categories() {
      const rows = await repo.listCategories(db);
      return rows.map((r) => ({ code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, active: r.active === 1 }));
    },
  };
}
export type AppealService = ReturnType<typeof createAppealService>;
