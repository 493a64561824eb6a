import type { AppealAction, AppealDetail, AppealRating, AppealStepBodies } from '@yingshang/contracts';
import {
  type AppealFlowContext,
  type AppealFlowStatus,
  type AppealParty,
  addWorkingDays,
  appealNextStatus,
  appealStepError,
  countWorkingDays,
  plusDays,
} from '@yingshang/rules';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database.js';
import type { AppealRow } from '../../db/schema.js';
import { type Actor, inScope, parentPath } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { beijingToday } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import { notify } from '../notifications/notifications.repository.js';
import { findOrg } from '../orgs/orgs.repository.js';
import { withRollups } from '../rollups/rollups.repository.js';
import * as repo from './appeals.repository.js';
import { appealLink, auditAppeal, noticeParams, OFFICE_ROLES } from './appeals-trail.js';
import { loadCalendar } from './calendar.js';
import { appealRollups } from './rollups.repository.js';

type StepBody<A extends AppealAction> = z.infer<(typeof AppealStepBodies)[A]>;

/** What a step needs of the reading side (appeals.service.ts hands it over). */
export interface AppealView {
  visible(ex: Db | Tx, actor: Actor, id: string): Promise<AppealRow>;
  partiesOf(actor: Actor, row: AppealRow): Set<AppealParty>;
  flowContext(ex: Db | Tx, actor: Actor, row: AppealRow): Promise<AppealFlowContext>;
  detail(ex: Db | Tx, actor: Actor, id: string): Promise<AppealDetail>;
}

/** The lifecycle of a filed appeal: accept, assign, sign, answer, rate, merge and the rest. */
export function createAppealWorkflow(deps: { db: Db; view: AppealView }) {
  const { db, view } = deps;

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
      await auditAppeal(
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
          link: appealLink(row),
        });
      return view.detail(trx, actor, id);
    });
  }

  return { step };
}
