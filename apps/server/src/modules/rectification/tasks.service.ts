import {
  type FindingInput,
  isRegionKind,
  type PromiseTaskInput,
  type TaskInput,
  type TaskListQuery,
} from '@yingshang/contracts';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { type Actor, inScope, scopePath } from '../../lib/actor.js';
import { AppError, fail } from '../../lib/app-error.js';
import { beijingToday, daysBetween } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import type { Ports } from '../../ports.js';
import { campaignOf } from './campaigns.service.js';
import * as repo from './rectification.repository.js';
import type { TaskCommon, TaskFields } from './tasks.common.js';

/** The problem of the provincial campaign that overdue investment promises belong to (招商承诺不兑现). */
const PROMISE_PROBLEM = '招商承诺';
/** The problem that overdue incentive payments belong to (惠企政策落实不到位). */
const INCENTIVE_PROBLEM = '惠企政策';

/**
 * 整改 tasks: the list, one task, the task as owner of its files, and new tasks (by hand, imported,
 * from a field-survey finding, an overdue promise or an overdue incentive payment).
 */
/**
 * A task made from a source record (an overdue promise, an unpaid reward): two clerks at once both
 * pass the existence check, and the unique (source, source_ref) index lets one task through.
 */
async function oneTaskPerSource<T>(make: () => Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (err) {
    if (!(err instanceof AppError) && /unique/i.test(String((err as Error).message)))
      fail('TASK_EXISTS_FOR_SOURCE');
    throw err;
  }
}

export function createTaskService(
  deps: {
    db: Db;
    dialect: Dialect;
    ports: Pick<Ports, 'findApplication' | 'notify' | 'findOrg' | 'findOrgByPath' | 'findPromiseWithProject'>;
  },
  common: TaskCommon,
) {
  const { db, dialect } = deps;
  const { findApplication, notify, findOrg, findOrgByPath, findPromiseWithProject } = deps.ports;
  const { visibleTask, openTask, detail, checkTask, searchText, event, audit, counted } = common;

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

  return {
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
              fail('IMPORT_INVALID', { errors: [{ row, column: null, code: err.code, value: null }] });
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
    fromPromise: (actor: Actor, promiseId: string, input: z.infer<typeof PromiseTaskInput>) =>
      oneTaskPerSource(() =>
        db.transaction().execute(async (trx) => {
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
              (await campaignOf(trx, dialect, actor, input.campaignId)).id,
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
        }),
      ),

    /** An approved incentive reward unpaid past its due date becomes a task (one per application). */
    fromIncentive: (actor: Actor, applicationId: string, input: z.infer<typeof PromiseTaskInput>) =>
      oneTaskPerSource(() =>
        db.transaction().execute(async (trx) => {
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
              (await campaignOf(trx, dialect, actor, input.campaignId)).id,
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
        }),
      ),
  };
}
