import {
  type AppealAction,
  type AppealDetail,
  type AppealSummary,
  type CreateAppealBody,
  isRegionKind,
  type Role,
} from '@yingshang/contracts';
import {
  type AppealFlowStatus,
  type AppealParty,
  addWorkingDays,
  allowedAppealActions,
  countWorkingDays,
  isOpenAppeal,
  slaState,
  type WorkCalendar,
} from '@yingshang/rules';
import type { z } from 'zod';
import type { Db, Executor, Tx } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { AppealRow } from '../../db/schema.js';
import { loadCalendar } from '../../kernel/calendar.js';
import { type Actor, inScope, scopePath } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import type { BackdateLimit } from '../../lib/backdate.js';
import { beijingToday } from '../../lib/days.js';
import type { Ports } from '../../ports.js';
import * as repo from './appeals.repository.js';
import { createAppealFiling } from './appeals-filing.service.js';
import { createAppealImport } from './appeals-import.js';
import { cityPath } from './appeals-trail.js';
import { createAppealWorkflow } from './appeals-workflow.service.js';
import { findMeetingRow } from './meetings.repository.js';

type Create = z.infer<typeof CreateAppealBody>;

/** 临期: at most this many working days left. */
export const WARN_WORKING_DAYS = 1;

/**
 * Appeals as their readers see them (list, detail, the offices and departments to pick from), composed
 * with filing (appeals-filing.service.ts) and the lifecycle steps (appeals-workflow.service.ts).
 */
export function createAppealService(deps: {
  db: Db;
  dialect: Dialect;
  ports: Pick<
    Ports,
    | 'activeUnitsUnder'
    | 'departmentsAround'
    | 'findOrg'
    | 'findOrgByPath'
    | 'findUser'
    | 'usersOf'
    | 'userIdsOfUnit'
    | 'findProjectRow'
    | 'notify'
  >;
  /** How far back each role may enter a step (补录期限; default lib/backdate.ts). */
  backdateLimits?: Record<Role, BackdateLimit>;
}) {
  const { db, dialect } = deps;
  const { activeUnitsUnder, departmentsAround, findOrg, userIdsOfUnit, findProjectRow } = deps.ports;

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
            occurredOn: e.occurredOn ?? null,
          };
        }),
      actions: allowedAppealActions(r.status as AppealFlowStatus, partiesOf(actor, r), ctx) as AppealAction[],
    };
  }

  const filing = createAppealFiling(deps);
  const workflow = createAppealWorkflow({ ...deps, view: { visible, partiesOf, flowContext, detail } });

  const categories = async () => {
    const rows = await repo.listCategories(db);
    return rows.map((r) => ({ code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, active: r.active === 1 }));
  };

  return {
    visible,
    file: filing.file,
    /** 诉求台账导入 (an office's open register) and its saved column mapping. */
    ledger: createAppealImport({ ...deps, file: filing.file, step: workflow.step, categories }),

    async create(actor: Actor, input: Create) {
      const row = await filing.file(actor, input);
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

    step: workflow.step,

    categories,
  };
}
export type AppealService = ReturnType<typeof createAppealService>;
