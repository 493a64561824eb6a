import type {
  CloseTaskBody,
  ContributionInput,
  ProgressInput,
  ReopenTaskBody,
  UpdateTaskBody,
  VerificationInput,
} from '@yingshang/contracts';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { beijingToday } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import type { Ports } from '../../ports.js';
import * as repo from './rectification.repository.js';
import type { TaskCommon, TaskFields } from './tasks.common.js';

/** The life of an open task: edits, progress reports, contributions, verification, 销号 and reopening. */
export function createTaskWorkflowService(
  deps: { db: Db; ports: Pick<Ports, 'notify'> },
  common: TaskCommon,
) {
  const { db } = deps;
  const { notify } = deps.ports;
  const { actorName, visibleTask, openTask, detail, checkTask, searchText, event, audit, counted } = common;

  /** Tells the users of the task's units (lead first) what happened. */
  async function tell(
    trx: Tx,
    taskId: string,
    kind: string,
    params: Record<string, string>,
    who: 'lead' | 'all' = 'all',
  ) {
    const units = (await repo.unitsOf(trx, [taskId])).get(taskId) ?? [];
    const orgIds = units
      .filter((u) => u.role === 'lead' || (who === 'all' && u.role === 'coop'))
      .map((u) => u.id);
    await notify(trx, await repo.unitUsers(trx, orgIds), {
      kind,
      params,
      link: `/rectification/tasks/${taskId}`,
    });
  }

  /** A version-checked update of the task row (409 when stale). */
  const bump = (trx: Tx, id: string, version: number, set: Record<string, unknown>) =>
    repo.updateTask(trx, { id, version }, set);

  async function evidence(trx: Tx, taskId: string, ids: string[]) {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return unique;
    const found = await repo.taskAttachmentIds(trx, taskId, unique);
    if (found.length !== unique.length)
      fail('ITEM_NOT_FOUND', [{ path: 'evidenceIds', message: 'ITEM_NOT_FOUND' }]);
    return unique;
  }

  async function verify(
    actor: Actor,
    id: string,
    kind: 'self_inspection' | 'field_survey',
    input: z.infer<typeof VerificationInput>,
  ) {
    return db.transaction().execute(async (trx) => {
      const row = await openTask(trx, actor, id);
      if (kind === 'self_inspection' && actor.orgUnit.id !== row.leadOrgId) fail('TASK_NOT_YOURS');
      if (input.result === 'passed' && row.progress < 100) fail('VERIFICATION_NOT_READY');
      const verifiedOn = input.verifiedOn ?? beijingToday();
      if (verifiedOn > beijingToday())
        fail('VALIDATION_FAILED', [{ path: 'verifiedOn', message: 'date in the future' }]);
      const passed = input.result === 'passed';
      await counted(trx, id, () =>
        bump(trx, id, input.version, {
          status: passed ? 'verified' : 'open',
          verification: input.result,
        }),
      );
      const vid = newId();
      await repo.insertVerification(trx, {
        id: vid,
        taskId: id,
        kind,
        result: input.result,
        findings: input.findings,
        verifiedOn,
        orgName: actor.orgUnit.name,
        actorId: actor.userId,
        actorName: actorName(actor),
        createdAt: now(),
      });
      if (!passed) {
        await event(trx, actor, id, 'return', input.findings);
        await tell(
          trx,
          id,
          'rectification_returned',
          {
            issue: row.issue.slice(0, 40),
            code: row.code,
            actor: actor.displayName,
            findings: input.findings,
          },
          'lead',
        );
      }
      await audit(trx, actor, row, {
        action: 'verify',
        entity: 'rectification_verification',
        entityId: vid,
        after: { taskId: id, kind, result: input.result, findings: input.findings, verifiedOn },
      });
      return detail(trx, actor, id);
    });
  }

  return {
    update: (actor: Actor, id: string, input: z.infer<typeof UpdateTaskBody>) =>
      db.transaction().execute(async (trx) => {
        const row = await openTask(trx, actor, id);
        const before = await detail(trx, actor, id);
        const { version, ...patch } = input;
        const fields: TaskFields = {
          campaignId: row.campaignId,
          problemId: row.problemId,
          issue: patch.issue ?? row.issue,
          measures: patch.measures ?? row.measures,
          leadOrgId: row.leadOrgId,
          coopOrgIds: patch.coopOrgIds ?? before.coops.map((c) => c.id),
          zoneIds: before.zones.map((z) => z.id),
          deadlineOn: patch.deadlineOn ?? row.deadlineOn,
          milestones: patch.milestones ?? JSON.parse(row.milestones),
        };
        const { lead, coops, zones } = await checkTask(trx, actor, fields);
        await counted(trx, id, async () => {
          await bump(trx, id, version, {
            issue: fields.issue,
            measures: fields.measures,
            deadlineOn: fields.deadlineOn,
            milestones: JSON.stringify(fields.milestones),
            searchText: searchText(row.code, fields, [
              lead.name,
              ...coops.map((c) => c.name),
              ...zones.map((z) => z.name),
            ]),
          });
          if (patch.coopOrgIds) await repo.replaceTaskUnits(trx, id, 'coop', coops);
        });
        const changed = Object.keys(patch).join(', ');
        await event(trx, actor, id, 'update', changed);
        const after = await detail(trx, actor, id);
        await audit(trx, actor, row, { action: 'update', before, after });
        return after;
      }),

    /** The lead unit's periodic report: a percentage (never above 100, backwards only with a reason). */
    report: (actor: Actor, id: string, input: z.infer<typeof ProgressInput>) =>
      db.transaction().execute(async (trx) => {
        const row = await openTask(trx, actor, id);
        if (actor.orgUnit.id !== row.leadOrgId) fail('TASK_NOT_YOURS');
        if (input.percent > 100)
          fail('PROGRESS_OUT_OF_RANGE', [{ path: 'percent', message: 'PROGRESS_OUT_OF_RANGE' }]);
        if (input.percent < row.progress && !input.reason)
          fail('PROGRESS_BACKWARDS', [{ path: 'reason', message: 'PROGRESS_BACKWARDS' }]);
        const files = await evidence(trx, id, input.evidenceIds);
        const today = beijingToday();
        await bump(trx, id, input.version, { progress: input.percent, lastReportOn: today });
        const rid = newId();
        await repo.insertReport(trx, {
          id: rid,
          taskId: id,
          kind: 'progress',
          orgId: actor.orgUnit.id,
          orgName: actor.orgUnit.name,
          percent: input.percent,
          narrative: input.narrative,
          reason: input.reason ?? null,
          evidence: JSON.stringify(files),
          reportedOn: today,
          actorId: actor.userId,
          actorName: actorName(actor),
          createdAt: now(),
        });
        await audit(trx, actor, row, {
          action: 'progress',
          entity: 'rectification_report',
          entityId: rid,
          before: { progress: row.progress },
          after: { progress: input.percent, narrative: input.narrative, reason: input.reason ?? null },
        });
        return detail(trx, actor, id);
      }),

    /** A cooperating unit adds what it has done (no percentage: the lead unit owns that). */
    contribute: (actor: Actor, id: string, input: z.infer<typeof ContributionInput>) =>
      db.transaction().execute(async (trx) => {
        const row = await openTask(trx, actor, id);
        const units = (await repo.unitsOf(trx, [id])).get(id) ?? [];
        if (!units.some((u) => u.role === 'coop' && u.id === actor.orgUnit.id)) fail('TASK_NOT_YOURS');
        const files = await evidence(trx, id, input.evidenceIds);
        const rid = newId();
        await repo.insertReport(trx, {
          id: rid,
          taskId: id,
          kind: 'contribution',
          orgId: actor.orgUnit.id,
          orgName: actor.orgUnit.name,
          percent: null,
          narrative: input.narrative,
          reason: null,
          evidence: JSON.stringify(files),
          reportedOn: beijingToday(),
          actorId: actor.userId,
          actorName: actorName(actor),
          createdAt: now(),
        });
        await repo.touchTask(trx, id);
        await audit(trx, actor, row, {
          action: 'contribute',
          entity: 'rectification_report',
          entityId: rid,
          after: { narrative: input.narrative },
        });
        return detail(trx, actor, id);
      }),

    selfInspect: (actor: Actor, id: string, input: z.infer<typeof VerificationInput>) =>
      verify(actor, id, 'self_inspection', input),
    fieldSurvey: (actor: Actor, id: string, input: z.infer<typeof VerificationInput>) =>
      verify(actor, id, 'field_survey', input),

    /** 销号: only after a passed verification. */
    close: (actor: Actor, id: string, input: z.infer<typeof CloseTaskBody>) =>
      db.transaction().execute(async (trx) => {
        const row = await openTask(trx, actor, id);
        if (row.status !== 'verified' || row.verification !== 'passed') fail('TASK_NOT_VERIFIED');
        await counted(trx, id, () =>
          bump(trx, id, input.version, { status: 'closed', closedOn: beijingToday() }),
        );
        await event(trx, actor, id, 'close', input.note ?? null);
        await audit(trx, actor, row, {
          action: 'close',
          before: { status: row.status },
          after: { status: 'closed', closedOn: beijingToday(), note: input.note ?? null },
        });
        await tell(trx, id, 'rectification_closed', {
          issue: row.issue.slice(0, 40),
          code: row.code,
          actor: actor.displayName,
        });
        return detail(trx, actor, id);
      }),

    /** Reopening a closed task needs a reason; it must be verified again before it closes again. */
    reopen: (actor: Actor, id: string, input: z.infer<typeof ReopenTaskBody>) =>
      db.transaction().execute(async (trx) => {
        const row = await visibleTask(trx, actor, id);
        if (row.status !== 'closed') fail('TASK_NOT_CLOSED');
        await counted(trx, id, () =>
          bump(trx, id, input.version, { status: 'open', verification: null, closedOn: null }),
        );
        await event(trx, actor, id, 'reopen', input.reason);
        await audit(trx, actor, row, {
          action: 'reopen',
          before: { status: 'closed', closedOn: row.closedOn },
          after: { status: 'open', reason: input.reason },
        });
        await tell(trx, id, 'rectification_reopened', {
          issue: row.issue.slice(0, 40),
          code: row.code,
          actor: actor.displayName,
          reason: input.reason,
        });
        return detail(trx, actor, id);
      }),
  };
}
