import { isRegionKind, REGION_KINDS, type TaskDetail, type TaskInput } from '@yingshang/contracts';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { recordAudit } from '../../kernel/audit.js';
import { withRollups } from '../../kernel/rollups.js';
import { type Actor, inScope, scopePath } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { beijingToday } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import type { Ports } from '../../ports.js';
import { campaignOf } from './campaigns.service.js';
import * as repo from './rectification.repository.js';
import { rectificationRollups } from './rollups.repository.js';

export type TaskFields = Omit<z.infer<typeof TaskInput>, 'source'>;
type Executor = Db | Tx;

const UNIT_KINDS = new Set<string>([...REGION_KINDS, 'department']);

/**
 * What the task services share: finding a task the actor sees, its detail, the checks of its fields,
 * and the event, audit and roll-up steps every change of a task takes.
 */
export function createTaskCommon(deps: { dialect: Dialect; ports: Pick<Ports, 'findOrg'> }) {
  const { dialect } = deps;
  const { findOrg } = deps.ports;
  const actorName = (a: Actor) => `${a.displayName} (${a.orgUnit.name})`;

  async function visibleTask(ex: Executor, actor: Actor, id: string) {
    const row = await repo.findVisibleTaskRow(ex, dialect, scopePath(actor), beijingToday(), id);
    if (!row) fail('RECTIFICATION_TASK_NOT_FOUND');
    return row;
  }

  async function openTask(trx: Tx, actor: Actor, id: string) {
    const row = await visibleTask(trx, actor, id);
    if (row.status === 'closed') fail('TASK_CLOSED');
    return row;
  }

  async function detail(ex: Executor, actor: Actor, id: string): Promise<TaskDetail> {
    const today = beijingToday();
    const row = (await repo.findTaskRow(ex, id))!;
    const units = (await repo.unitsOf(ex, [id])).get(id) ?? [];
    const campaign = (await repo.findCampaign(ex, row.campaignId))!;
    const parts = await repo.taskParts(ex, id);
    const files = new Map(parts.attachments.map((a) => [a.id, a.fileName]));
    const coops = units.filter((u) => u.role === 'coop').map(({ id, name }) => ({ id, name }));
    return {
      ...repo.toTaskSummary(row, units, today),
      campaignTitle: campaign.title,
      campaignStartOn: campaign.startOn,
      campaignDeadlineOn: campaign.deadlineOn,
      lead: { id: row.leadOrgId, name: row.leadOrgName },
      coops,
      zones: units.filter((u) => u.role === 'zone').map(({ id, name }) => ({ id, name })),
      milestones: JSON.parse(row.milestones),
      sourceRef: row.sourceRef,
      reports: parts.reports.map((r) => ({
        id: r.id,
        kind: r.kind as 'progress',
        orgName: r.orgName,
        percent: r.percent,
        narrative: r.narrative,
        reason: r.reason,
        evidence: (JSON.parse(r.evidence) as string[]).map((fid) => ({
          id: fid,
          fileName: files.get(fid) ?? fid,
        })),
        reportedOn: r.reportedOn,
        actorName: r.actorName,
        createdAt: r.createdAt,
      })),
      verifications: parts.verifications.map((v) => ({
        id: v.id,
        kind: v.kind as 'field_survey',
        result: v.result as 'passed',
        findings: v.findings,
        verifiedOn: v.verifiedOn,
        orgName: v.orgName,
        actorName: v.actorName,
        createdAt: v.createdAt,
      })),
      events: parts.events.map((e) => ({
        id: e.id,
        action: e.action as 'create',
        note: e.note,
        actorName: e.actorName,
        createdAt: e.createdAt,
      })),
      yourRole:
        actor.orgUnit.id === row.leadOrgId
          ? 'lead'
          : coops.some((c) => c.id === actor.orgUnit.id)
            ? 'coop'
            : null,
      createdAt: row.createdAt,
    };
  }

  const unitError = (path: string) => fail('TASK_UNIT_INVALID', [{ path, message: 'TASK_UNIT_INVALID' }]);

  /** Checks a task's campaign, problem, units, zones and dates; returns what the rows need. */
  async function checkTask(trx: Tx, actor: Actor, t: TaskFields) {
    const campaign = await campaignOf(trx, dialect, actor, t.campaignId);
    const problems = await repo.campaignProblems(trx, campaign.id);
    if (!problems.some((p) => p.id === t.problemId))
      fail('PROBLEM_INVALID', [{ path: 'problemId', message: 'PROBLEM_INVALID' }]);
    checkDates(campaign, t.deadlineOn, t.milestones);
    const scopeOrgs = await repo.orgsByIds(trx, JSON.parse(campaign.scopeOrgIds));
    const zoneIds = [...new Set(t.zoneIds)];
    const zones = await repo.orgsByIds(trx, zoneIds);
    for (const id of zoneIds) {
      const z = zones.find((o) => o.id === id);
      if (
        !z ||
        !isRegionKind(z.kind) ||
        !inScope(actor, z.path) ||
        !scopeOrgs.some((s) => z.path.startsWith(s.path))
      )
        unitError('zoneIds');
    }
    const lead = await findOrg(trx, t.leadOrgId);
    if (!lead || !UNIT_KINDS.has(lead.kind) || !inScope(actor, lead.path)) unitError('leadOrgId');
    const coopIds = [...new Set(t.coopOrgIds)].filter((id) => id !== t.leadOrgId);
    const coops = await repo.orgsByIds(trx, coopIds);
    for (const id of coopIds) {
      const c = coops.find((o) => o.id === id);
      if (!c || !UNIT_KINDS.has(c.kind) || !inScope(actor, c.path)) unitError('coopOrgIds');
    }
    const ordered = <X extends { id: string }>(ids: string[], list: X[]) =>
      ids.map((id) => list.find((o) => o.id === id)!);
    return {
      campaign,
      problem: problems.find((p) => p.id === t.problemId)!,
      lead: lead!,
      coops: ordered(coopIds, coops),
      zones: ordered(zoneIds, zones),
    };
  }

  function checkDates(
    campaign: { startOn: string; deadlineOn: string },
    deadlineOn: string,
    milestones: { dueOn: string }[],
  ) {
    const outside = (d: string) => d < campaign.startOn || d > campaign.deadlineOn;
    if (outside(deadlineOn))
      fail('DEADLINE_OUTSIDE_CAMPAIGN', [{ path: 'deadlineOn', message: 'DEADLINE_OUTSIDE_CAMPAIGN' }]);
    milestones.forEach((m, i) => {
      if (outside(m.dueOn) || m.dueOn > deadlineOn)
        fail('DEADLINE_OUTSIDE_CAMPAIGN', [
          { path: `milestones.${i}.dueOn`, message: 'DEADLINE_OUTSIDE_CAMPAIGN' },
        ]);
    });
  }

  const searchText = (code: string, t: { issue: string; measures: string }, names: string[]) =>
    [code, t.issue, t.measures, ...names].join(' ').toLowerCase();

  const event = (trx: Tx, actor: Actor, taskId: string, action: string, note: string | null) =>
    repo.insertTaskEvent(trx, {
      id: newId(),
      taskId,
      action,
      note,
      actorName: actorName(actor),
      createdAt: now(),
    });

  async function audit(
    trx: Tx,
    actor: Actor,
    task: { id: string; code: string; issue: string; regionPath: string },
    e: {
      action: 'create' | 'update' | 'progress' | 'contribute' | 'verify' | 'close' | 'reopen';
      entity?: 'rectification_task' | 'rectification_report' | 'rectification_verification';
      entityId?: string;
      before?: unknown;
      after?: unknown;
    },
  ) {
    await recordAudit(trx, actor, {
      action: e.action,
      entity: e.entity ?? 'rectification_task',
      entityId: e.entityId ?? task.id,
      scopePath: task.regionPath,
      summary: `${task.issue.slice(0, 60)} (${task.code})`,
      before: e.before,
      after: e.after,
    });
  }

  /** Runs a write that changes a task's counted columns or units, keeping its roll-ups true. */
  const counted = <T>(trx: Tx, id: string, write: () => Promise<T>) =>
    withRollups(trx, { source: rectificationRollups, ids: [id] }, write);

  return { actorName, visibleTask, openTask, detail, checkTask, searchText, event, audit, counted };
}
export type TaskCommon = ReturnType<typeof createTaskCommon>;
