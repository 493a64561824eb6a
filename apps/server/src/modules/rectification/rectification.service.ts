import {
  type CampaignInput,
  type CloseTaskBody,
  type ContributionInput,
  type FindingInput,
  isRegionKind,
  type ProgressInput,
  type PromiseTaskInput,
  REGION_KINDS,
  type ReopenTaskBody,
  type TaskDetail,
  type TaskInput,
  type TaskListQuery,
  type UpdateTaskBody,
  type VerificationInput,
} from '@yingshang/contracts';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { type Actor, inScope, scopePath } from '../../lib/actor.js';
import { AppError, fail } from '../../lib/app-error.js';
import { beijingToday, daysBetween } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findApplication } from '../incentives/incentives.repository.js';
import { notify } from '../notifications/notifications.repository.js';
import { findOrg, findOrgByPath } from '../orgs/orgs.repository.js';
import { findPromiseWithProject } from '../projects/projects.repository.js';
import { withRollups } from '../rollups/rollups.repository.js';
import { campaignFigures } from './figures.repository.js';
import * as repo from './rectification.repository.js';
import { rectificationRollups } from './rollups.repository.js';

type TaskFields = Omit<z.infer<typeof TaskInput>, 'source'>;
type Executor = Db | Tx;

const UNIT_KINDS = new Set<string>([...REGION_KINDS, 'department']);

/** The problem of the provincial campaign that overdue investment promises belong to (招商承诺不兑现). */
const PROMISE_PROBLEM = '招商承诺';
/** The problem that overdue incentive payments belong to (惠企政策落实不到位). */
const INCENTIVE_PROBLEM = '惠企政策';

export function createRectificationService(deps: { db: Db; dialect: Dialect }) {
  const { db, dialect } = deps;
  const actorName = (a: Actor) => `${a.displayName} (${a.orgUnit.name})`;

  // ---------- campaigns ----------

  async function campaignOf(ex: Executor, actor: Actor, id: string) {
    const row = await repo.findVisibleCampaign(ex, dialect, scopePath(actor), id);
    if (!row) fail('CAMPAIGN_NOT_FOUND');
    return row;
  }

  async function campaignDetail(ex: Executor, row: Awaited<ReturnType<typeof campaignOf>>) {
    const scopeIds = JSON.parse(row.scopeOrgIds) as string[];
    const scope = await repo.orgsByIds(ex, scopeIds);
    return {
      id: row.id,
      title: row.title,
      issuingBody: row.issuingBody,
      docNumber: row.docNumber,
      ownerOrgId: row.ownerOrgId,
      ownerOrgName: row.ownerOrgName,
      startOn: row.startOn,
      deadlineOn: row.deadlineOn,
      scope: scopeIds.flatMap((id) =>
        scope.filter((o) => o.id === id).map((o) => ({ id: o.id, name: o.name })),
      ),
      problems: await repo.campaignProblems(ex, row.id),
      description: row.description,
      version: row.version,
      createdAt: row.createdAt,
    };
  }

  // ---------- tasks ----------

  async function visibleTask(ex: Executor, actor: Actor, id: string) {
    const row = await repo.findVisibleTaskRow(ex, dialect, scopePath(actor), beijingToday(), id);
    if (!row) fail('RECTIFICATION_TASK_NOT_FOUND');
    return row;
  }

  /**
   * The path of the region a task list is narrowed to (a region the actor sees), or none. Tasks in
   * it are those the campaign figures count for it (repo.taskInScope).
   */
  async function taskRegion(actor: Actor, regionId: string | undefined) {
    if (!regionId) return undefined;
    const unit = await findOrg(db, regionId);
    if (!unit || !inScope(actor, unit.path)) fail('ORG_NOT_FOUND');
    if (!isRegionKind(unit.kind)) fail('REGION_INVALID', [{ path: 'regionId', message: 'REGION_INVALID' }]);
    return unit.path;
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
    const campaign = await campaignOf(trx, actor, t.campaignId);
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

  /** Runs a write that changes a task's counted columns or units, keeping its roll-ups true. */
  const counted = <T>(trx: Tx, id: string, write: () => Promise<T>) =>
    withRollups(trx, { source: rectificationRollups, ids: [id] }, write);

  /** Creates a task (one transaction: the task, its units, the first event, the audit row, the notices). */
  async function insertTask(
    trx: Tx,
    actor: Actor,
    t: TaskFields,
    source: string,
    sourceRef: string | null,
    note: string | null,
  ) {
    const { campaign, lead, coops, zones } = await checkTask(trx, actor, t);
    const id = newId();
    const at = now();
    const code = repo.taskCode(id, beijingToday());
    await counted(trx, id, async () => {
      await repo.insertTask(trx, {
        id,
        code,
        campaignId: campaign.id,
        problemId: t.problemId,
        issue: t.issue,
        measures: t.measures,
        leadOrgId: lead.id,
        regionPath: zones[0].path,
        deadlineOn: t.deadlineOn,
        milestones: JSON.stringify(t.milestones),
        source,
        sourceRef,
        status: 'open',
        searchText: searchText(code, t, [
          lead.name,
          ...coops.map((c) => c.name),
          ...zones.map((z) => z.name),
        ]),
        createdBy: actor.userId,
        createdAt: at,
        updatedAt: at,
      });
      await repo.replaceTaskUnits(trx, id, 'lead', [lead]);
      await repo.replaceTaskUnits(trx, id, 'coop', coops);
      await repo.replaceTaskUnits(trx, id, 'zone', zones);
    });
    await event(trx, actor, id, 'create', note);
    const created = await detail(trx, actor, id);
    await audit(
      trx,
      actor,
      { id, code, issue: t.issue, regionPath: zones[0].path },
      { action: 'create', after: created },
    );
    const params = { issue: t.issue.slice(0, 40), campaign: campaign.title, due: t.deadlineOn, code };
    await notify(trx, await repo.unitUsers(trx, [lead.id]), {
      kind: 'rectification_assigned',
      params: { ...params, unit: lead.name, role: '牵头' },
      link: `/rectification/tasks/${id}`,
    });
    for (const c of coops)
      await notify(trx, await repo.unitUsers(trx, [c.id]), {
        kind: 'rectification_assigned',
        params: { ...params, unit: c.name, role: '配合' },
        link: `/rectification/tasks/${id}`,
      });
    return created;
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
    // ---------- campaigns ----------
    async listCampaigns(actor: Actor) {
      const rows = await repo.listVisibleCampaigns(db, dialect, scopePath(actor));
      return Promise.all(rows.map((r) => campaignDetail(db, r)));
    },

    getCampaign: async (actor: Actor, id: string) => campaignDetail(db, await campaignOf(db, actor, id)),

    async createCampaign(actor: Actor, input: z.infer<typeof CampaignInput>) {
      if (input.startOn > input.deadlineOn)
        fail('CAMPAIGN_PERIOD_INVALID', [{ path: 'deadlineOn', message: 'CAMPAIGN_PERIOD_INVALID' }]);
      return db.transaction().execute(async (trx) => {
        const ids = [...new Set(input.scopeOrgIds)];
        const orgs = await repo.orgsByIds(trx, ids);
        if (orgs.length !== ids.length || orgs.some((o) => !isRegionKind(o.kind) || !inScope(actor, o.path)))
          fail('CAMPAIGN_SCOPE_INVALID', [{ path: 'scopeOrgIds', message: 'CAMPAIGN_SCOPE_INVALID' }]);
        const id = newId();
        const at = now();
        await repo.insertCampaign(
          trx,
          {
            id,
            title: input.title,
            issuingBody: input.issuingBody,
            docNumber: input.docNumber ?? null,
            ownerOrgId: actor.orgUnit.id,
            ownerPath: actor.orgUnit.path,
            startOn: input.startOn,
            deadlineOn: input.deadlineOn,
            scopeOrgIds: JSON.stringify(ids),
            description: input.description ?? null,
            createdAt: at,
            updatedAt: at,
          },
          input.problems.map((name, i) => ({ id: newId(), campaignId: id, seq: i + 1, name })),
        );
        const created = await campaignDetail(trx, await campaignOf(trx, actor, id));
        await recordAudit(trx, actor, {
          action: 'create',
          entity: 'rectification_campaign',
          entityId: id,
          scopePath: actor.orgUnit.path,
          summary: input.title,
          after: created,
        });
        return created;
      });
    },

    async figures(actor: Actor, id: string, q: { regionId?: string }, today = beijingToday()) {
      const campaign = await campaignOf(db, actor, id);
      let scope = scopePath(actor);
      if (q.regionId) {
        const unit = await findOrg(db, q.regionId);
        if (!unit || !inScope(actor, unit.path)) fail('ORG_NOT_FOUND');
        scope = unit.path;
      }
      return campaignFigures(db, dialect, {
        campaignId: campaign.id,
        startOn: campaign.startOn,
        deadlineOn: campaign.deadlineOn,
        scope,
        today,
      });
    },

    // ---------- tasks ----------

    async list(actor: Actor, q: z.infer<typeof TaskListQuery>) {
      const { regionId, ...filter } = q;
      return repo.listTasks(db, dialect, {
        ...filter,
        scope: scopePath(actor),
        regionPath: await taskRegion(actor, regionId),
        today: beijingToday(),
      });
    },

    async get(actor: Actor, id: string) {
      await visibleTask(db, actor, id);
      return detail(db, actor, id);
    },

    /** The task as the owner of evidence files, if the actor may see (or, with write, report on) it. */
    async attachmentOwner(actor: Actor, id: string, write: boolean) {
      const row = write
        ? await db.transaction().execute(async (trx) => {
            const r = await openTask(trx, actor, id);
            const units = (await repo.unitsOf(trx, [id])).get(id) ?? [];
            if (!units.some((u) => u.role !== 'zone' && u.id === actor.orgUnit.id)) fail('TASK_NOT_YOURS');
            return r;
          })
        : await visibleTask(db, actor, id);
      return { type: 'rectification_task' as const, id: row.id, scopePath: row.regionPath };
    },

    create: (actor: Actor, input: z.infer<typeof TaskInput>) =>
      db.transaction().execute(async (trx) => {
        const { source, ...fields } = input;
        return insertTask(trx, actor, fields, source, null, null);
      }),

    /** Several tasks (an imported list) in one transaction: all or none; a refused row is named. */
    createMany: (actor: Actor, rows: { row: number; input: z.infer<typeof TaskInput> }[]) =>
      db.transaction().execute(async (trx) => {
        const ids: string[] = [];
        for (const { row, input } of rows) {
          const { source, ...fields } = input;
          try {
            ids.push((await insertTask(trx, actor, fields, source, null, null)).id);
          } catch (err) {
            if (err instanceof AppError)
              fail('IMPORT_INVALID', { errors: [{ row, column: '', message: err.code }] });
            throw err;
          }
        }
        return ids;
      }),

    /** An inspector's field-survey finding becomes a task; the findings open its timeline. */
    recordFinding: (actor: Actor, input: z.infer<typeof FindingInput>) =>
      db.transaction().execute(async (trx) => {
        const { findings, surveyedOn, ...fields } = input;
        const on = surveyedOn ?? beijingToday();
        if (on > beijingToday())
          fail('VALIDATION_FAILED', [{ path: 'surveyedOn', message: 'date in the future' }]);
        return insertTask(trx, actor, fields, 'field_survey', null, `${on} 实地调研发现：${findings}`);
      }),

    /** An overdue promise of the pipeline (in the actor's area) becomes a task in one step; one task per promise. */
    async fromPromise(actor: Actor, promiseId: string, input: z.infer<typeof PromiseTaskInput>) {
      try {
        return await db.transaction().execute(async (trx) => {
          const p = await findPromiseWithProject(trx, promiseId);
          if (!p || !inScope(actor, p.regionPath)) fail('ITEM_NOT_FOUND');
          const today = beijingToday();
          if (p.status !== 'pending' || p.dueOn >= today || p.projectStatus === 'terminated')
            fail('PROMISE_NOT_OVERDUE');
          const existing = await repo.findTaskBySource(trx, 'overdue_promise', promiseId);
          if (existing) fail('TASK_EXISTS_FOR_SOURCE', { taskId: existing.id });
          let problemId = input.problemId;
          if (!problemId) {
            const problems = await repo.campaignProblems(
              trx,
              (await campaignOf(trx, actor, input.campaignId)).id,
            );
            problemId = problems.find((x) => x.name.includes(PROMISE_PROBLEM))?.id;
            if (!problemId) fail('PROBLEM_INVALID', [{ path: 'problemId', message: 'PROBLEM_INVALID' }]);
          }
          const days = daysBetween(p.dueOn, today);
          return insertTask(
            trx,
            actor,
            {
              campaignId: input.campaignId,
              problemId,
              issue: `${p.projectName}：招商承诺“${p.content}”应于 ${p.dueOn} 兑现，已逾期 ${days} 天`,
              measures: input.measures ?? `兑现对${p.projectName}的承诺：${p.content}`,
              leadOrgId: input.leadOrgId ?? p.responsibleOrgId ?? p.regionId,
              coopOrgIds: [],
              zoneIds: [p.regionId],
              deadlineOn: input.deadlineOn,
              milestones: [],
            },
            'overdue_promise',
            promiseId,
            null,
          );
        });
      } catch (err) {
        // two clerks at once: the unique (source, source_ref) index lets one task through
        if (!(err instanceof AppError) && /unique/i.test(String((err as Error).message)))
          fail('TASK_EXISTS_FOR_SOURCE');
        throw err;
      }
    },

    /** An approved incentive reward unpaid past its due date becomes a task (one per application). */
    async fromIncentive(actor: Actor, applicationId: string, input: z.infer<typeof PromiseTaskInput>) {
      try {
        return await db.transaction().execute(async (trx) => {
          const a = await findApplication(trx, applicationId);
          if (!a || !inScope(actor, a.regionPath)) fail('ITEM_NOT_FOUND');
          const today = beijingToday();
          if ((a.status !== 'approved' && a.status !== 'partly_paid') || !a.payDueOn || a.payDueOn >= today)
            fail('INCENTIVE_OBLIGATION_NOT_OVERDUE');
          const existing = await repo.findTaskBySource(trx, 'overdue_incentive', applicationId);
          if (existing) fail('TASK_EXISTS_FOR_SOURCE', { taskId: existing.id });
          let problemId = input.problemId;
          if (!problemId) {
            const problems = await repo.campaignProblems(
              trx,
              (await campaignOf(trx, actor, input.campaignId)).id,
            );
            problemId = problems.find((x) => x.name.includes(INCENTIVE_PROBLEM))?.id;
            if (!problemId) fail('PROBLEM_INVALID', [{ path: 'problemId', message: 'PROBLEM_INVALID' }]);
          }
          const outstanding = ((Number(a.approvedFen ?? 0) - Number(a.paidFen)) / 1_000_000).toFixed(2);
          const city = await findOrgByPath(trx, a.regionPath.split('/').slice(0, 3).join('/').concat('/'));
          return insertTask(
            trx,
            actor,
            {
              campaignId: input.campaignId,
              problemId,
              issue: `${a.enterpriseName}：奖励申请 ${a.code} 审定后应于 ${a.payDueOn} 前兑付，尚有 ${outstanding} 万元未兑付，已逾期 ${daysBetween(a.payDueOn, today)} 天`,
              measures: input.measures ?? `足额兑付${a.enterpriseName}的奖励资金（${a.code}）`,
              leadOrgId: input.leadOrgId ?? city?.id ?? a.regionId,
              coopOrgIds: [],
              zoneIds: [a.regionId],
              deadlineOn: input.deadlineOn,
              milestones: [],
            },
            'overdue_incentive',
            applicationId,
            null,
          );
        });
      } catch (err) {
        if (!(err instanceof AppError) && /unique/i.test(String((err as Error).message)))
          fail('TASK_EXISTS_FOR_SOURCE');
        throw err;
      }
    },

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
export type RectificationService = ReturnType<typeof createRectificationService>;
