import { projectCells, type RollupCell, type RollupProject, rollupDelta } from '@yingshang/rules';
import { sql } from 'kysely';
import type { Db, Executor } from '../../db/database.js';
import { chunks } from './projects-ledger.repository.js';

/** What the roll-ups read of a project: its region, stage dates, investment, funds and promises. */
export interface RollupSource extends RollupProject {
  regionPath: string;
}

const PROJECT_COLUMNS = [
  'id',
  'regionPath',
  'status',
  'openNeedDueOn',
  'createdOn',
  'negotiatingOn',
  'signedOn',
  'startedOn',
  'producingOn',
  'terminatedOn',
  'totalInvestmentFen',
] as const;

/** The roll-up sources of these projects (absent ids are left out). */
export async function rollupSources(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, RollupSource>> {
  const out = new Map<string, RollupSource>();
  for (const c of chunks(ids)) {
    const [projects, funds, promises] = await Promise.all([
      db.selectFrom('projects').select(PROJECT_COLUMNS).where('id', 'in', c).execute(),
      db
        .selectFrom('projectFunds')
        .select(['projectId', 'receivedOn', 'amountFen'])
        .where('projectId', 'in', c)
        .execute(),
      db
        .selectFrom('projectPromises')
        .select(['projectId', 'dueOn', 'status'])
        .where('projectId', 'in', c)
        .execute(),
    ]);
    for (const { id, totalInvestmentFen, ...p } of projects)
      out.set(id, { ...p, totalInvestmentFen: Number(totalInvestmentFen), funds: [], promises: [] });
    for (const f of funds)
      (out.get(f.projectId)?.funds as RollupProject['funds'][number][] | undefined)?.push({
        receivedOn: f.receivedOn,
        amountFen: Number(f.amountFen),
      });
    for (const p of promises)
      (out.get(p.projectId)?.promises as RollupProject['promises'][number][] | undefined)?.push(p);
  }
  return out;
}

/** '/a/b/c/' → '/a/', '/a/b/', '/a/b/c/': a project counts in its region and every ancestor. */
export const pathAndAncestors = (path: string) => {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
};

/** Adds cells to the roll-ups of a region path and its ancestors (an upsert per row). */
export async function addToRollups(db: Executor, regionPath: string, cells: readonly RollupCell[]) {
  if (cells.length === 0) return;
  const rows = pathAndAncestors(regionPath).flatMap((path) =>
    cells.map((c) => ({
      regionPath: path,
      period: c.period,
      metric: c.metric,
      n: c.n,
      fen: c.fen,
      days: c.days,
    })),
  );
  for (const c of chunks(rows, 150))
    await db
      .insertInto('projectRollups')
      .values(c)
      .onConflict((oc) =>
        oc.columns(['regionPath', 'period', 'metric']).doUpdateSet({
          n: sql`project_rollups.n + excluded.n`,
          fen: sql`project_rollups.fen + excluded.fen`,
          days: sql`project_rollups.days + excluded.days`,
        }),
      )
      .execute();
}

/**
 * Keeps the roll-ups true across a write to projects: reads their sources, runs the write, reads
 * them again and applies the difference (a project that changed region leaves the old one).
 * Call it inside the write's transaction.
 */
export async function withRollups<T>(
  db: Executor,
  ids: readonly string[],
  write: () => Promise<T>,
): Promise<T> {
  const before = await rollupSources(db, ids);
  const result = await write();
  const after = await rollupSources(db, ids);
  for (const id of new Set(ids)) await applyChange(db, before.get(id) ?? null, after.get(id) ?? null);
  return result;
}

async function applyChange(db: Executor, before: RollupSource | null, after: RollupSource | null) {
  if (before && after && before.regionPath === after.regionPath) {
    await addToRollups(db, after.regionPath, rollupDelta(before, after));
    return;
  }
  if (before) await addToRollups(db, before.regionPath, rollupDelta(before, null));
  if (after) await addToRollups(db, after.regionPath, rollupDelta(null, after));
}

/** The roll-ups a full recount gives, keyed `path|period|metric` (zero cells left out). */
export async function recountRollups(
  db: Executor,
  batch = 5000,
): Promise<Map<string, RollupCell & { regionPath: string }>> {
  const out = new Map<string, RollupCell & { regionPath: string }>();
  let after = '';
  for (;;) {
    const ids = (
      await db
        .selectFrom('projects')
        .select('id')
        .where('id', '>', after)
        .orderBy('id')
        .limit(batch)
        .execute()
    ).map((r) => r.id);
    if (ids.length === 0) break;
    after = ids[ids.length - 1];
    for (const source of (await rollupSources(db, ids)).values())
      for (const path of pathAndAncestors(source.regionPath))
        for (const c of projectCells(source)) {
          const key = `${path}|${c.period}|${c.metric}`;
          const cell = out.get(key) ?? { ...c, regionPath: path, n: 0, fen: 0, days: 0 };
          cell.n += c.n;
          cell.fen += c.fen;
          cell.days += c.days;
          out.set(key, cell);
        }
  }
  for (const [key, c] of out) if (c.n === 0 && c.fen === 0 && c.days === 0) out.delete(key);
  return out;
}

/** Stored roll-up rows that differ from a recount (missing, extra or different). */
export async function verifyRollups(db: Executor) {
  const expected = await recountRollups(db);
  const stored = await db.selectFrom('projectRollups').selectAll().execute();
  const differences: { key: string; stored: [number, number, number]; expected: [number, number, number] }[] =
    [];
  const seen = new Set<string>();
  for (const r of stored) {
    const key = `${r.regionPath}|${r.period}|${r.metric}`;
    seen.add(key);
    const e = expected.get(key);
    const s: [number, number, number] = [Number(r.n), Number(r.fen), Number(r.days)];
    const x: [number, number, number] = e ? [e.n, e.fen, e.days] : [0, 0, 0];
    if (s.some((v, i) => v !== x[i])) differences.push({ key, stored: s, expected: x });
  }
  for (const [key, e] of expected)
    if (!seen.has(key)) differences.push({ key, stored: [0, 0, 0], expected: [e.n, e.fen, e.days] });
  return { rows: stored.length, expectedRows: expected.size, differences };
}

/** Replaces the roll-ups with a recount, in one transaction (after a bulk load, or to repair). */
export function rebuildRollups(db: Db): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const expected = await recountRollups(trx);
    await trx.deleteFrom('projectRollups').execute();
    const rows = [...expected.values()].map(({ regionPath, period, metric, n, fen, days }) => ({
      regionPath,
      period,
      metric,
      n,
      fen,
      days,
    }));
    for (const c of chunks(rows, 150)) await trx.insertInto('projectRollups').values(c).execute();
    return rows.length;
  });
}

/** A pipeline that has projects but no roll-ups yet (loaded before migration 0008) is counted in. */
export async function ensureRollups(db: Db): Promise<number | null> {
  const has = (t: 'projects' | 'projectRollups') =>
    db.selectFrom(t).select(sql<number>`1`.as('x')).limit(1).executeTakeFirst();
  if ((await has('projectRollups')) || !(await has('projects'))) return null;
  return rebuildRollups(db);
}
