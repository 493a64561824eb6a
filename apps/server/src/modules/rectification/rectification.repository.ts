import { DUE_SOON_DAYS, type TaskSummary } from '@yingshang/contracts';
import { type ExpressionBuilder, type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { Database, RectificationTaskRow } from '../../db/schema.js';
import { readModelChanged } from '../../kernel/read-cache.js';
import { updateVersioned } from '../../kernel/versioned.js';
import { addDays, daysBetween } from '../../lib/days.js';
import { now } from '../../lib/ids.js';

/** A task's ledger number: ZG + the Beijing day + the last 10 hex digits of its UUID v7 id. */
export const taskCode = (id: string, day: string) =>
  `ZG${day.replaceAll('-', '')}-${id.slice(-10).toUpperCase()}`;
export const arrearCode = (id: string, day: string) =>
  `QQ${day.replaceAll('-', '')}-${id.slice(-10).toUpperCase()}`;

/** The paths of a unit and of every unit above it: '/a/b/' → ['/a/', '/a/b/']. */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

// ---------- campaigns ----------

/** Campaigns issued in the actor's area or by a unit above it (a provincial campaign reaches every zone). */
export function visibleCampaigns(db: Executor, dialect: Dialect, scope: string) {
  return db
    .selectFrom('rectificationCampaigns as c')
    .innerJoin('orgUnits as o', 'o.id', 'c.ownerOrgId')
    .where((eb) =>
      eb.or([eb('c.ownerPath', 'in', ancestorPaths(scope)), dialect.under(eb.ref('c.ownerPath'), scope)]),
    )
    .selectAll('c')
    .select('o.name as ownerOrgName');
}

/** One campaign the reader sees (visibleCampaigns), or undefined. */
export const findVisibleCampaign = (db: Executor, dialect: Dialect, scope: string, id: string) =>
  visibleCampaigns(db, dialect, scope).where('c.id', '=', id).executeTakeFirst();

/** The campaigns the reader sees, latest deadline first. */
export const listVisibleCampaigns = (db: Executor, dialect: Dialect, scope: string) =>
  visibleCampaigns(db, dialect, scope).orderBy('c.deadlineOn', 'desc').orderBy('c.id').execute();

export async function insertCampaign(
  db: Executor,
  row: Insertable<Database['rectificationCampaigns']>,
  problems: Insertable<Database['rectificationProblems']>[],
) {
  await readModelChanged(db, 'dashboard'); // it shows the latest campaign
  await db.insertInto('rectificationCampaigns').values(row).execute();
  await db.insertInto('rectificationProblems').values(problems).execute();
}

export const findCampaign = (db: Executor, id: string) =>
  db.selectFrom('rectificationCampaigns').selectAll().where('id', '=', id).executeTakeFirst();

export const campaignProblems = (db: Executor, campaignId: string) =>
  db
    .selectFrom('rectificationProblems')
    .select(['id', 'seq', 'name'])
    .where('campaignId', '=', campaignId)
    .orderBy('seq')
    .execute();

export async function orgsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('orgUnits')
    .select(['id', 'name', 'path', 'kind', 'parentId'])
    .where('id', 'in', [...ids])
    .execute();
}

// ---------- tasks ----------

type T = ExpressionBuilder<Database & { t: Database['rectificationTasks'] }, 't'>;

/**
 * The task has a lead unit, cooperating unit or zone inside the scope: how a task belongs to a region,
 * both for what a reader sees and for the region a list or the campaign figures are narrowed to.
 */
export const taskInScope = (eb: T, dialect: Dialect, scope: string) =>
  eb.exists(
    eb
      .selectFrom('rectificationTaskUnits as u')
      .select('u.taskId')
      .whereRef('u.taskId', '=', 't.id')
      .where(({ ref }) => dialect.under(ref('u.orgPath'), scope)),
  );

export interface TaskFilter {
  scope: string;
  today: string;
  campaignId?: string;
  problemId?: string;
  status?: string;
  timing?: 'normal' | 'due_soon' | 'overdue';
  awaiting?: 'verification';
  source?: string;
  unitId?: string;
  zoneId?: string;
  /** Narrows to the tasks in this region's subtree (taskInScope), within `scope`. */
  regionPath?: string;
  q?: string;
}

export function filteredTasks(db: Executor, dialect: Dialect, f: TaskFilter) {
  let q = db
    .selectFrom('rectificationTasks as t')
    .where((eb) => taskInScope(eb as unknown as T, dialect, f.scope));
  if (f.regionPath) {
    const region = f.regionPath;
    q = q.where((eb) => taskInScope(eb as unknown as T, dialect, region));
  }
  if (f.campaignId) q = q.where('t.campaignId', '=', f.campaignId);
  if (f.problemId) q = q.where('t.problemId', '=', f.problemId);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.source) q = q.where('t.source', '=', f.source);
  if (f.awaiting === 'verification')
    q = q.where('t.status', '=', 'open').where('t.progress', '>=', 100).where('t.verification', 'is', null);
  const soon = addDays(f.today, DUE_SOON_DAYS);
  if (f.timing === 'overdue') q = q.where('t.status', '!=', 'closed').where('t.deadlineOn', '<', f.today);
  if (f.timing === 'due_soon')
    q = q
      .where('t.status', '!=', 'closed')
      .where('t.deadlineOn', '>=', f.today)
      .where('t.deadlineOn', '<=', soon);
  if (f.timing === 'normal')
    q = q.where((eb) => eb.or([eb('t.status', '=', 'closed'), eb('t.deadlineOn', '>', soon)]));
  for (const [id, roles] of [
    [f.unitId, ['lead', 'coop']],
    [f.zoneId, ['zone']],
  ] as const) {
    if (!id) continue;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('rectificationTaskUnits as fu')
          .select('fu.taskId')
          .whereRef('fu.taskId', '=', 't.id')
          .where('fu.orgId', '=', id)
          .where('fu.role', 'in', [...roles]),
      ),
    );
  }
  if (f.q) {
    const text = f.q.toLowerCase();
    q = q.where(({ ref }) => dialect.contains(ref('t.searchText'), text));
  }
  return q;
}

const SORT = { deadlineOn: 't.deadlineOn', updatedAt: 't.updatedAt', progress: 't.progress' } as const;

export function taskRows(
  q: ReturnType<typeof filteredTasks>,
  sort: keyof typeof SORT = 'deadlineOn',
  order: 'asc' | 'desc' = 'asc',
) {
  return q
    .innerJoin('rectificationProblems as p', 'p.id', 't.problemId')
    .innerJoin('orgUnits as lo', 'lo.id', 't.leadOrgId')
    .selectAll('t')
    .select(['p.seq as problemSeq', 'p.name as problemName', 'lo.name as leadOrgName'])
    .orderBy(SORT[sort], order)
    .orderBy('t.id', order);
}
export type TaskRow = RectificationTaskRow & { problemSeq: number; problemName: string; leadOrgName: string };

/** The units of some tasks, by task and role, in their order. */
export async function unitsOf(db: Executor, taskIds: readonly string[]) {
  if (taskIds.length === 0) return new Map<string, { role: string; id: string; name: string }[]>();
  const rows = await db
    .selectFrom('rectificationTaskUnits as u')
    .innerJoin('orgUnits as o', 'o.id', 'u.orgId')
    .select(['u.taskId', 'u.role', 'u.orgId', 'o.name'])
    .where('u.taskId', 'in', [...taskIds])
    .orderBy('u.taskId')
    .orderBy('u.role')
    .orderBy('u.position')
    .execute();
  const out = new Map<string, { role: string; id: string; name: string }[]>();
  for (const r of rows) {
    const list = out.get(r.taskId) ?? [];
    list.push({ role: r.role, id: r.orgId, name: r.name });
    out.set(r.taskId, list);
  }
  return out;
}

export function timingOf(r: { status: string; deadlineOn: string }, today: string) {
  if (r.status === 'closed') return { timing: 'normal' as const, daysOverdue: 0 };
  if (r.deadlineOn < today)
    return { timing: 'overdue' as const, daysOverdue: daysBetween(r.deadlineOn, today) };
  if (r.deadlineOn <= addDays(today, DUE_SOON_DAYS)) return { timing: 'due_soon' as const, daysOverdue: 0 };
  return { timing: 'normal' as const, daysOverdue: 0 };
}

export function toTaskSummary(
  r: TaskRow,
  units: { role: string; id: string; name: string }[],
  today: string,
): TaskSummary {
  return {
    id: r.id,
    code: r.code,
    campaignId: r.campaignId,
    problemId: r.problemId,
    problemSeq: r.problemSeq,
    problemName: r.problemName,
    issue: r.issue,
    measures: r.measures,
    leadOrgId: r.leadOrgId,
    leadOrgName: r.leadOrgName,
    coopOrgNames: units.filter((u) => u.role === 'coop').map((u) => u.name),
    zoneNames: units.filter((u) => u.role === 'zone').map((u) => u.name),
    deadlineOn: r.deadlineOn,
    source: r.source as TaskSummary['source'],
    status: r.status as TaskSummary['status'],
    progress: r.progress,
    lastReportOn: r.lastReportOn,
    verification: r.verification as TaskSummary['verification'],
    closedOn: r.closedOn,
    ...timingOf(r, today),
    version: r.version,
    updatedAt: r.updatedAt,
  };
}

export async function listTasks(
  db: Executor,
  dialect: Dialect,
  f: TaskFilter & { sort: keyof typeof SORT; order: 'asc' | 'desc'; page: number; pageSize: number },
) {
  const base = filteredTasks(db, dialect, f);
  const counted = await base.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow();
  const rows = (await taskRows(base, f.sort, f.order)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute()) as TaskRow[];
  const units = await unitsOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toTaskSummary(r, units.get(r.id) ?? [], f.today)),
    total: Number(counted.total),
    page: f.page,
    pageSize: f.pageSize,
  };
}

export async function findTaskRow(db: Executor, id: string) {
  return (await taskRows(
    db.selectFrom('rectificationTasks as t').where('t.id', '=', id),
  ).executeTakeFirst()) as TaskRow | undefined;
}

/** The task's row if it is in the reader's scope (taskInScope), else undefined. */
export async function findVisibleTaskRow(
  db: Executor,
  dialect: Dialect,
  scope: string,
  today: string,
  id: string,
) {
  const hit = await filteredTasks(db, dialect, { scope, today })
    .where('t.id', '=', id)
    .select('t.id')
    .executeTakeFirst();
  return hit && (await findTaskRow(db, id));
}

/** The task already made from this source record (an overdue promise or incentive), if any. */
export const findTaskBySource = (db: Executor, source: string, sourceRef: string) =>
  db
    .selectFrom('rectificationTasks')
    .select('id')
    .where('source', '=', source)
    .where('sourceRef', '=', sourceRef)
    .executeTakeFirst();

export async function taskParts(db: Executor, id: string) {
  const [reports, verifications, events] = await Promise.all([
    db
      .selectFrom('rectificationReports')
      .selectAll()
      .where('taskId', '=', id)
      .orderBy('createdAt')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('rectificationVerifications')
      .selectAll()
      .where('taskId', '=', id)
      .orderBy('createdAt')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('rectificationEvents')
      .selectAll()
      .where('taskId', '=', id)
      .orderBy('createdAt')
      .orderBy('id')
      .execute(),
  ]);
  const attachments = await db
    .selectFrom('attachments')
    .select(['id', 'fileName'])
    .where('ownerType', '=', 'rectification_task')
    .where('ownerId', '=', id)
    .execute();
  return { reports, verifications, events, attachments };
}

/** Users of these units who may report on rectification tasks (the recipients of a unit's notices). */
export async function unitUsers(db: Executor, orgIds: readonly string[]) {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select(['id', 'roles'])
    .where('orgUnitId', 'in', [...orgIds])
    .where('disabled', '=', 0)
    .execute();
  return rows.map((r) => r.id);
}

// ---------- task writes ----------

export async function insertTask(db: Executor, row: Insertable<Database['rectificationTasks']>) {
  await db.insertInto('rectificationTasks').values(row).execute();
}

/** Replaces the task's units of one role by these, in this order. */
export async function replaceTaskUnits(
  db: Executor,
  taskId: string,
  role: 'lead' | 'coop' | 'zone',
  orgs: { id: string; path: string }[],
) {
  await db
    .deleteFrom('rectificationTaskUnits')
    .where('taskId', '=', taskId)
    .where('role', '=', role)
    .execute();
  if (orgs.length === 0) return;
  await db
    .insertInto('rectificationTaskUnits')
    .values(orgs.map((o, position) => ({ taskId, orgId: o.id, orgPath: o.path, role, position })))
    .execute();
}

/** A version-checked update of the task row, stamping updatedAt (409 when stale). */
export const updateTask = (
  db: Executor,
  key: { id: string; version: number },
  changes: Record<string, unknown>,
) => updateVersioned(db, 'rectificationTasks', key, { ...changes, updatedAt: now() });

/** Marks the task as changed without a version bump (a cooperating unit's contribution). */
export async function touchTask(db: Executor, id: string) {
  await db.updateTable('rectificationTasks').set({ updatedAt: now() }).where('id', '=', id).execute();
}

export async function insertTaskEvent(db: Executor, row: Insertable<Database['rectificationEvents']>) {
  await db.insertInto('rectificationEvents').values(row).execute();
}

export async function insertReport(db: Executor, row: Insertable<Database['rectificationReports']>) {
  await db.insertInto('rectificationReports').values(row).execute();
}

export async function insertVerification(
  db: Executor,
  row: Insertable<Database['rectificationVerifications']>,
) {
  await db.insertInto('rectificationVerifications').values(row).execute();
}

/** Which of these ids are files attached to the task. */
export const taskAttachmentIds = (db: Executor, taskId: string, ids: readonly string[]) =>
  db
    .selectFrom('attachments')
    .select('id')
    .where('ownerType', '=', 'rectification_task')
    .where('ownerId', '=', taskId)
    .where('id', 'in', [...ids])
    .execute();
