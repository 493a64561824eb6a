import type { AppealAction, AppealDetail, AppealRating, Role } from '@yingshang/contracts';
import {
  type AppealFlowContext,
  type AppealFlowStatus,
  type AppealParty,
  appealNextStatus,
  appealStepError,
} from '@yingshang/rules';
import type { Db, Tx } from '../../db/database.js';
import type { AppealRow } from '../../db/schema.js';
import { loadCalendar } from '../../kernel/calendar.js';
import { withRollups } from '../../kernel/rollups.js';
import { type Actor, parentPath } from '../../lib/actor.js';
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
import {
  STEP_HANDLERS,
  type StepBody,
  type StepContext,
  type StepEffect,
  type StepEvent,
} from './appeals-steps.js';
import { appealLink, auditAppeal, noticeParams, OFFICE_ROLES } from './appeals-trail.js';
import { appealRollups } from './rollups.repository.js';

/** What a step needs of the reading side (appeals.service.ts hands it over). */
export interface AppealView {
  visible(ex: Db | Tx, actor: Actor, id: string): Promise<AppealRow>;
  partiesOf(actor: Actor, row: AppealRow): Set<AppealParty>;
  flowContext(ex: Db | Tx, actor: Actor, row: AppealRow): Promise<AppealFlowContext>;
  detail(ex: Db | Tx, actor: Actor, id: string): Promise<AppealDetail>;
}

/**
 * The lifecycle of a filed appeal: who may take a step from which status, on which version; each
 * step's own part is its handler in STEP_HANDLERS (appeals-steps.ts).
 */
export function createAppealWorkflow(deps: {
  db: Db;
  view: AppealView;
  ports: Pick<Ports, 'notify' | 'findOrg' | 'usersOf'>;
  /** How far back each role may enter a step (config.backdateLimits). */
  backdateLimits?: Record<Role, BackdateLimit>;
}) {
  const { db, view } = deps;
  const limits = deps.backdateLimits ?? DEFAULT_BACKDATE_LIMITS;
  const { notify, findOrg, usersOf } = deps.ports;

  async function event(
    trx: Tx,
    actor: Actor | null,
    row: AppealRow,
    e: StepEvent,
    occurredOn: string | null = null,
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
      occurredOn,
    });
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
   * row and the notices in one transaction (the caller's `inTrx`, when a larger command takes it).
   */
  async function step<A extends AppealAction>(
    actor: Actor,
    id: string,
    action: A,
    body: StepBody<A>,
    inTrx?: Tx,
  ) {
    const run = async (trx: Tx) => {
      const row = await view.visible(trx, actor, id);
      const parties = view.partiesOf(actor, row);
      const ctx = await view.flowContext(trx, actor, row);
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

      // the day it happened: today, or an earlier day entered later (补录) — after the appeal's last
      // step, within the actor's back-date limit; deadlines and 按时 follow that day
      const today = beijingToday();
      const on = body.occurredOn ?? today;
      const last = [row.filedOn, row.acceptedOn, row.assignedOn, row.signedOn, row.answeredOn, row.closedOn]
        .filter((d): d is string => !!d)
        .sort()
        .at(-1)!;
      if (on > today || on < last)
        fail('STAGE_DATE_INVALID', [{ path: 'occurredOn', message: 'STAGE_DATE_INVALID' }]);
      checkBackdate(actor, limits, [{ path: 'occurredOn', date: on }]);
      const rating = 'rating' in body ? (body.rating as AppealRating) : undefined;
      const next = appealNextStatus(status, action, rating);
      const handler = STEP_HANDLERS[action] as (c: StepContext<A>) => Promise<StepEffect>;
      const { set, events, notices } = await handler({
        trx,
        actor,
        row,
        action,
        body,
        next,
        today: on,
        cal: await loadCalendar(trx),
        officeUsers: () => usersOf(trx, row.regionId, OFFICE_ROLES),
        deptUsers: (unitId = row.departmentId) => usersOf(trx, unitId),
        enterpriseUsers: () => usersOf(trx, row.enterpriseId, ['enterprise']),
        assignable: (departmentId) => assignable(trx, row, departmentId),
        findAppeal: (targetId) => repo.findAppealRow(trx, targetId),
        eventOn: (target, e) => event(trx, actor, target, e, on < today ? on : null),
      });

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
        await event(
          trx,
          actor,
          from,
          { to: e.kind === 'close' || e.kind === 'reopen' ? e.to : next, ...e },
          on < today ? on : null,
        );
        if (e.kind === 'rate' || e.kind === 'callback') from = { ...row, status: 'answered' };
      }
      await auditAppeal(
        trx,
        actor,
        row,
        action,
        { status: row.status, version: row.version },
        { status: next, ...set, ...(body as object), ...backdatedTo(on, today) },
      );
      for (const n of notices)
        await notify(trx, [...new Set(n.to)], {
          kind: n.kind,
          params: noticeParams(row, n.params),
          link: appealLink(row),
        });
      return view.detail(trx, actor, id);
    };
    return inTrx ? run(inTrx) : db.transaction().execute(run);
  }

  return { step };
}
