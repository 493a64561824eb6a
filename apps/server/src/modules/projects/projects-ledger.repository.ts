/**
 * SQL of the ledger export and import: the export's rows, the import's look-ups and bulk writes,
 * and the import_jobs table.
 */
import { REGION_KINDS } from '@yingshang/contracts';
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { Database, InvestorRow, ProjectRow } from '../../db/schema.js';
import { CHUNK_SIZE, readInChunks, writeInChunks } from '../../kernel/chunks.js';
import { type Clock, filteredProjects, type ProjectFilter, summaryRows } from './projects.repository.js';

export type LedgerFilter = Omit<ProjectFilter, 'page' | 'pageSize'>;

/** One page of the export: the list's filter and order, with the region's name and the blocked flag. */
export function ledgerPage(
  db: Executor,
  dialect: Dialect,
  f: LedgerFilter,
  c: Clock,
  page: { offset: number; limit: number },
) {
  return summaryRows(filteredProjects(db, dialect, f, c), f, c)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** Investors of these projects, in position order. */
export async function investorsOfProjects(db: Executor, projectIds: readonly string[]) {
  const rows = await readInChunks(projectIds, (ids) =>
    db
      .selectFrom('projectInvestors as pi')
      .innerJoin('investors as i', 'i.id', 'pi.investorId')
      .selectAll('i')
      .select(['pi.projectId', 'pi.position'])
      .where('pi.projectId', 'in', ids)
      .orderBy('pi.projectId')
      .orderBy('pi.position')
      .execute(),
  );
  const byProject = new Map<string, InvestorRow[]>();
  for (const r of rows) {
    const { projectId, position: _p, ...investor } = r;
    byProject.set(projectId, [...(byProject.get(projectId) ?? []), investor]);
  }
  return byProject;
}

// ─── import look-ups ───────────────────────────────────────────────────────────────────────────

/** Every region unit (province, cities, counties, zones): the import resolves 所在地 against them. */
export const regionUnits = (db: Executor) =>
  db
    .selectFrom('orgUnits')
    .select(['id', 'code', 'name', 'shortName', 'kind', 'parentId', 'path'])
    .where('kind', 'in', REGION_KINDS)
    .execute();

export const investorsByCreditCodes = (db: Executor, codes: readonly string[]): Promise<InvestorRow[]> =>
  readInChunks(codes, (c) => db.selectFrom('investors').selectAll().where('creditCode', 'in', c).execute());

export const investorsByNameNorms = (db: Executor, names: readonly string[]): Promise<InvestorRow[]> =>
  readInChunks(names, (c) =>
    db
      .selectFrom('investors')
      .selectAll()
      .where('nameNorm', 'in', c)
      .orderBy('createdAt')
      .orderBy('id')
      .execute(),
  );

export const projectsByCodes = (db: Executor, codes: readonly string[]): Promise<ProjectRow[]> =>
  readInChunks(codes, (c) => db.selectFrom('projects').selectAll().where('code', 'in', c).execute());

export const projectsByIds = (db: Executor, ids: readonly string[]): Promise<ProjectRow[]> =>
  readInChunks(ids, (c) => db.selectFrom('projects').selectAll().where('id', 'in', c).execute());

/** Names of the projects of a region (for matching by name + region). */
export const projectNamesInRegion = (db: Executor, regionId: string) =>
  db.selectFrom('projects').select(['id', 'name']).where('regionId', '=', regionId).execute();

/** Projects of these regions changed since a moment (what another user did while a file was checked). */
export async function projectsChangedSince(db: Executor, regionIds: readonly string[], since: string) {
  return readInChunks(regionIds, (c) =>
    db
      .selectFrom('projects')
      .select(['id', 'name', 'regionId'])
      .where('regionId', 'in', c)
      .where('updatedAt', '>=', since)
      .execute(),
  );
}

// ─── import writes ─────────────────────────────────────────────────────────────────────────────

export async function insertRows<T extends 'investors' | 'projects' | 'projectInvestors' | 'projectEvents'>(
  db: Executor,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  // Wide tables (projects: ~35 columns) take fewer rows per statement.
  size = table === 'projects' ? 200 : CHUNK_SIZE,
) {
  await writeInChunks(
    rows,
    (c) =>
      db
        .insertInto(table)
        .values(c as never)
        .execute(),
    size,
  );
}

/** Optimistic update of an imported project: false when someone changed it since it was read. */
export async function updateProject(
  db: Executor,
  id: string,
  version: number,
  set: Partial<Omit<ProjectRow, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('projects')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ─── import jobs ───────────────────────────────────────────────────────────────────────────────

export const findImportJob = (db: Executor, id: string) =>
  db.selectFrom('importJobs').selectAll().where('id', '=', id).executeTakeFirst();

export const insertImportJob = (db: Executor, row: Insertable<Database['importJobs']>) =>
  db.insertInto('importJobs').values(row).execute();

export type ImportJobPatch = Partial<
  Pick<
    Updateable<Database['importJobs']>,
    | 'status'
    | 'phase'
    | 'total'
    | 'rowsRead'
    | 'rowsChecked'
    | 'rowsWritten'
    | 'createdCount'
    | 'updatedCount'
    | 'skippedCount'
    | 'errorsJson'
  >
>;

export const updateImportJob = (db: Executor, id: string, patch: ImportJobPatch & { updatedAt: string }) =>
  db.updateTable('importJobs').set(patch).where('id', '=', id).execute();

export async function isCancelRequested(db: Executor, id: string): Promise<boolean> {
  const r = await db
    .selectFrom('importJobs')
    .select('cancelRequested')
    .where('id', '=', id)
    .executeTakeFirst();
  return r?.cancelRequested === 1;
}

export const requestCancel = (db: Executor, id: string, at: string) =>
  db
    .updateTable('importJobs')
    .set({ cancelRequested: 1, updatedAt: at })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();

/**
 * Running jobs that have not moved since `before`: their process is gone. Those that had written
 * rows (SQLite commits in batches) get `partialJson`, the others `errorsJson`.
 */
export async function failStaleJobs(
  db: Executor,
  before: string,
  errorsJson: string,
  partialJson: string,
  at: string,
) {
  const stale = (written: boolean) =>
    db
      .updateTable('importJobs')
      .set({ status: 'failed', errorsJson: written ? partialJson : errorsJson, updatedAt: at })
      .where('status', '=', 'running')
      .where('updatedAt', '<', before)
      .where('rowsWritten', written ? '>' : '=', 0)
      .execute();
  await stale(true);
  await stale(false);
}
