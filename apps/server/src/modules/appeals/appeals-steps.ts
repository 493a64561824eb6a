import type { AppealAction, AppealStepBodies } from '@yingshang/contracts';
import {
  type AppealFlowStatus,
  addWorkingDays,
  countWorkingDays,
  plusDays,
  type WorkCalendar,
} from '@yingshang/rules';
import type { z } from 'zod';
import type { Tx } from '../../db/database.js';
import type { AppealPatch, AppealRow, OrgUnitRow } from '../../db/schema.js';
import { type Actor, inScope } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';

export type StepBody<A extends AppealAction> = z.infer<(typeof AppealStepBodies)[A]>;

/** A timeline entry a step writes (`to` only where it differs from the step's own next status). */
export interface StepEvent {
  kind: string;
  to?: string | null;
  note?: string | null;
  rating?: string | null;
  departmentId?: string | null;
  internal?: boolean;
}

/** What a step changes: the appeal's columns, its timeline entries and the notices it sends. */
export interface StepEffect {
  set: AppealPatch;
  events: StepEvent[];
  notices: { to: string[]; kind: string; params: Record<string, string> }[];
}

/** What a step's handler is given: the appeal as read in the transaction, the body, the day. */
export interface StepContext<A extends AppealAction> {
  trx: Tx;
  actor: Actor;
  row: AppealRow;
  action: A;
  body: StepBody<A>;
  next: AppealFlowStatus;
  today: string;
  cal: WorkCalendar;
  officeUsers(): Promise<string[]>;
  deptUsers(unitId?: string | null): Promise<string[]>;
  enterpriseUsers(): Promise<string[]>;
  /** A department this office may assign to (refused at `departmentId` otherwise). */
  assignable(departmentId: string): Promise<OrgUnitRow>;
  findAppeal(id: string): Promise<AppealRow | undefined>;
  /** Writes an entry on another appeal's timeline (a merge's target). */
  eventOn(row: AppealRow, e: StepEvent): Promise<void>;
}

/** The clock that runs from now: which deadline, its day, and when the sweep looks again. */
const deadline = (stage: 'accept' | 'sign' | 'answer', due: { day: string; unscheduled: boolean }) => ({
  dueOn: due.day,
  dueStage: stage,
  dueUnscheduled: due.unscheduled ? 1 : 0,
  overdueSince: null,
  nextSweepOn: plusDays(due.day, 1),
});
/** The answer deadline set at acceptance, running again (after 签收 or a return). */
const answerDeadline = (cal: WorkCalendar, row: AppealRow) =>
  deadline('answer', {
    day: row.answerDueOn!,
    unscheduled: addWorkingDays(cal, row.acceptedOn ?? row.filedOn, row.slaAnswerDays).unscheduled,
  });
const stopClock = { dueOn: null, dueStage: null, dueUnscheduled: 0, overdueSince: null, nextSweepOn: null };

const effect = (e: Partial<StepEffect>): StepEffect => ({ set: {}, events: [], notices: [], ...e });

/** 评价 by the enterprise or 回访 by staff: 满意 closes the appeal, 不满意 sends it back (重办). */
async function rated(c: StepContext<'rate' | 'callback'>): Promise<StepEffect> {
  const { row, action, today, cal } = c;
  const b = c.body as StepBody<'rate'> & { note?: string };
  const comment = action === 'rate' ? (b.comment ?? null) : (b.note ?? null);
  const set: AppealPatch = {
    rating: b.rating,
    ratingComment: comment,
    ratedVia: action === 'rate' ? 'enterprise' : 'callback',
  };
  const events: StepEvent[] = [{ kind: action, note: comment, rating: b.rating }];
  if (c.next === 'closed') {
    Object.assign(set, { closedOn: today }, stopClock);
    events.push({ kind: 'close', to: 'closed' });
    return effect({ set, events });
  }
  // 重办: the same department answers again, on a fresh answer deadline.
  const due = addWorkingDays(cal, today, row.slaAnswerDays);
  Object.assign(set, { reopenCount: row.reopenCount + 1, answerDueOn: due.day }, deadline('answer', due));
  events.push({ kind: 'reopen', to: 'handling', departmentId: row.departmentId });
  return effect({
    set,
    events,
    notices: [
      { to: await c.deptUsers(), kind: 'appeal_reopened', params: { due: due.day } },
      { to: await c.officeUsers(), kind: 'appeal_reopened', params: { due: due.day } },
    ],
  });
}

/**
 * Each lifecycle step's own part, once the workflow has checked who may take it from which status
 * on which version: the columns it sets, the timeline entries and the notices. The workflow then
 * writes them in one transaction with the audit row and the roll-ups.
 */
export const STEP_HANDLERS: { [A in AppealAction]: (c: StepContext<A>) => Promise<StepEffect> } = {
  async accept({ body, cal, today, row }) {
    const due = addWorkingDays(cal, today, row.slaAnswerDays);
    return effect({
      set: { acceptedOn: today, answerDueOn: due.day, ...deadline('answer', due) },
      events: [{ kind: 'accept', note: body.note ?? null }],
    });
  },
  async reject({ body, today, enterpriseUsers }) {
    return effect({
      set: { rejectReason: body.reason, closedOn: today, ...stopClock },
      events: [{ kind: 'reject', note: body.reason }],
      notices: [{ to: await enterpriseUsers(), kind: 'appeal_rejected', params: { reason: body.reason } }],
    });
  },
  async assign({ body, cal, today, row, actor, assignable, deptUsers }) {
    const dept = await assignable(body.departmentId);
    const due = addWorkingDays(cal, today, row.slaSignDays);
    return effect({
      set: { departmentId: dept.id, assignedOn: today, signDueOn: due.day, ...deadline('sign', due) },
      events: [{ kind: 'assign', note: body.note ?? null, departmentId: dept.id }],
      notices: [
        {
          to: await deptUsers(dept.id),
          kind: 'appeal_assigned',
          params: {
            actor: actor.orgUnit.name,
            unit: dept.name,
            due: due.day,
            answerDue: row.answerDueOn ?? '',
          },
        },
      ],
    });
  },
  async sign({ cal, today, row }) {
    return effect({
      set: { signedOn: today, ...answerDeadline(cal, row) },
      events: [{ kind: 'sign', departmentId: row.departmentId }],
    });
  },
  async return({ body, cal, row, actor, officeUsers }) {
    return effect({
      set: { departmentId: null, signedOn: null, openQuestion: 0, ...answerDeadline(cal, row) },
      events: [{ kind: 'return', note: body.reason, departmentId: row.departmentId }],
      notices: [
        {
          to: await officeUsers(),
          kind: 'appeal_returned',
          params: { unit: actor.orgUnit.name, reason: body.reason },
        },
      ],
    });
  },
  async progress({ body, row }) {
    return effect({ events: [{ kind: 'progress', note: body.note, departmentId: row.departmentId }] });
  },
  async ask({ body, row, enterpriseUsers }) {
    return effect({
      set: { openQuestion: 1 },
      events: [{ kind: 'ask', note: body.question, departmentId: row.departmentId }],
      notices: [
        { to: await enterpriseUsers(), kind: 'appeal_question', params: { question: body.question } },
      ],
    });
  },
  async reply({ body, deptUsers }) {
    return effect({
      set: { openQuestion: 0 },
      events: [{ kind: 'reply', note: body.reply }],
      notices: [{ to: await deptUsers(), kind: 'appeal_replied', params: { reply: body.reply } }],
    });
  },
  async answer({ body, cal, today, row, actor, enterpriseUsers }) {
    return effect({
      set: {
        ...stopClock,
        answer: body.answer,
        answeredOn: today,
        answeredOnTime: row.answerDueOn && today <= row.answerDueOn ? 1 : 0,
        answerWorkingDays:
          row.answerWorkingDays ?? countWorkingDays(cal, row.acceptedOn ?? row.filedOn, today),
        openQuestion: 0,
        rating: null,
        ratingComment: null,
        ratedVia: null,
      },
      events: [{ kind: 'answer', note: body.answer, departmentId: row.departmentId }],
      notices: [
        { to: await enterpriseUsers(), kind: 'appeal_answered', params: { unit: actor.orgUnit.name } },
      ],
    });
  },
  rate: rated,
  callback: rated,
  async instruct({ body, actor, deptUsers, officeUsers }) {
    return effect({
      events: [{ kind: 'instruct', note: body.note, internal: true }],
      notices: [
        {
          to: [...(await deptUsers()), ...(await officeUsers())],
          kind: 'appeal_instructed',
          params: { actor: actor.displayName, note: body.note },
        },
      ],
    });
  },
  /** 合并: a repeat closes into an open appeal of the same enterprise, which gains a timeline entry. */
  async merge({ body, row, actor, today, findAppeal, eventOn }) {
    const target = body.targetId === row.id ? undefined : await findAppeal(body.targetId);
    if (
      !target ||
      target.enterpriseId !== row.enterpriseId ||
      !inScope(actor, target.regionPath) ||
      !['submitted', 'accepted', 'assigned', 'handling', 'answered'].includes(target.status)
    )
      fail('APPEAL_MERGE_INVALID', [{ path: 'targetId', message: 'APPEAL_MERGE_INVALID' }]);
    await eventOn(target, { kind: 'merged_in', note: row.code });
    return effect({
      set: { mergedIntoId: target.id, closedOn: today, ...stopClock },
      events: [{ kind: 'merge', note: target.code }],
    });
  },
};
