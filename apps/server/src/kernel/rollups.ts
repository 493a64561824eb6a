import { CellBag, type PlacedCell } from '@yingshang/rules';
import { sql } from 'kysely';
import type { DbHandle, Executor } from '../db/database.js';
import { beijingToday } from '../lib/days.js';
import { newId, now } from '../lib/ids.js';
import { writeInChunks } from './chunks.js';
import { readModelChanged } from './read-cache.js';

export type RollupSourceName = 'projects' | 'activities' | 'appeals' | 'incentives' | 'rectification';

/**
 * A kind of record kept in the roll-ups (packages/rules/src/rollup.ts): how to read records as
 * their cells need them, their cells, and how to walk them all for a recount.
 */
export interface RollupSource<R = unknown> {
  name: RollupSourceName;
  /** The records of these ids (absent ids are left out). */
  load(db: Executor, ids: readonly string[]): Promise<Map<string, R>>;
  /** Every cell one record contributes, placed at its region paths. */
  cells(record: R): PlacedCell[];
  /** Up to `limit` ids after `after`, in order: the recount walks every record with it. */
  ids(db: Executor, after: string, limit: number): Promise<string[]>;
}

/** A source's `ids`: its table's ids in order, after a given one. */
export const idsOf =
  (table: 'projects' | 'activities' | 'appeals' | 'incentiveApplications' | 'rectificationTasks') =>
  async (db: Executor, after: string, limit: number) =>
    (
      await db
        .selectFrom(table as 'projects')
        .select('id')
        .where('id', '>', after)
        .orderBy('id')
        .limit(limit)
        .execute()
    ).map((r) => r.id);

/** Records of one source a write may change. */
export interface Touched {
  source: RollupSource;
  ids: readonly string[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Sorted so that concurrent writers upsert shared rows in one order (no deadlocks on PostgreSQL). */
const byKey = (a: PlacedCell, b: PlacedCell) =>
  cmp(a.path, b.path) || cmp(a.metric, b.metric) || cmp(a.period, b.period);

const rowsOf = (source: RollupSourceName, cells: readonly PlacedCell[]) =>
  cells.map((c) => ({
    source,
    regionPath: c.path,
    period: c.period,
    metric: c.metric,
    n: c.n,
    fen: c.fen,
    days: c.days,
  }));

/**
 * Adds cells to a source's roll-ups (an upsert per row). The cached answers read from the records
 * behind them go stale first, even with no cells to add (a date moved within a month moves no
 * monthly cell, but does move the stage figures of a run of days). Like the province's own roll-up
 * rows, every writer passes there, in the same order.
 */
export async function addCells(db: Executor, source: RollupSourceName, cells: readonly PlacedCell[]) {
  await readModelChanged(db, 'dashboard');
  const rows = rowsOf(source, [...cells].sort(byKey));
  await writeInChunks(
    rows,
    (c) =>
      db
        .insertInto('rollups')
        .values(c)
        .onConflict((oc) =>
          oc.columns(['source', 'regionPath', 'metric', 'period']).doUpdateSet({
            n: sql`rollups.n + excluded.n`,
            fen: sql`rollups.fen + excluded.fen`,
            days: sql`rollups.days + excluded.days`,
          }),
        )
        .execute(),
    150,
  );
}

const cellsOf = (source: RollupSource, records: Map<string, unknown>, id: string) => {
  const r = records.get(id);
  return r === undefined ? [] : source.cells(r);
};

/** Who made a write and what it was: a write that changes a closed month's report leaves a revision. */
export interface Revision {
  actor: { userId: string | null; displayName: string };
  summary: string;
}

/** The figures of the monthly report (招商引资月报) whose change in a closed month is a revision. */
const REPORTED: Partial<Record<RollupSourceName, readonly string[]>> = {
  projects: ['signed', 'started', 'funds'],
};

/**
 * Records the report figures a write changed in months already over (the current Beijing month is
 * open; every earlier one is closed): one row per region path, month and figure, with the change.
 */
async function recordRevisions(
  db: Executor,
  source: RollupSourceName,
  cells: readonly PlacedCell[],
  revision: Revision,
) {
  const open = beijingToday().slice(0, 7);
  const reported = REPORTED[source] ?? [];
  const createdAt = now();
  const rows = cells
    .filter((c) => c.period.length === 7 && c.period < open && reported.includes(c.metric))
    .filter((c) => c.n !== 0 || c.fen !== 0)
    .map((c) => ({
      id: newId(),
      regionPath: c.path,
      period: c.period,
      metric: c.metric,
      n: c.n,
      fen: c.fen,
      summary: revision.summary,
      actorId: revision.actor.userId,
      actorName: revision.actor.displayName,
      createdAt,
    }));
  await writeInChunks(rows, (chunk) => db.insertInto('reportRevisions').values(chunk).execute(), 100);
}

/**
 * Keeps the roll-ups true across a write: reads the touched records' cells, runs the write, reads
 * them again and adds the difference. Call it inside the write's transaction. With `revision`, a
 * change to a closed month's report figures is recorded as a revision of that month.
 */
export async function withRollups<T>(
  db: Executor,
  touched: Touched | readonly Touched[],
  write: () => Promise<T>,
  revision?: Revision,
): Promise<T> {
  const all = (Array.isArray(touched) ? touched : [touched]) as readonly Touched[];
  const before = await Promise.all(all.map((t) => t.source.load(db, t.ids)));
  const result = await write();
  for (const [i, t] of all.entries()) {
    const after = await t.source.load(db, t.ids);
    // one merged delta per source: ids sharing a cell must not upsert one row twice in a statement
    const delta = new CellBag();
    for (const id of new Set(t.ids)) {
      delta.addAll(cellsOf(t.source, before[i], id), -1);
      delta.addAll(cellsOf(t.source, after, id), 1);
    }
    await addRollupDelta(db, t.source.name, delta.cells(), revision);
  }
  return result;
}

/**
 * Adds a delta the caller gathered itself (a bulk write computing many records' cells at once):
 * the roll-ups, and with `revision` the closed months' revisions, as `withRollups` adds them.
 */
export async function addRollupDelta(
  db: Executor,
  source: RollupSourceName,
  cells: readonly PlacedCell[],
  revision?: Revision,
) {
  await addCells(db, source, cells);
  if (revision) await recordRevisions(db, source, cells, revision);
}

const keyOf = (c: PlacedCell) => `${c.path}|${c.period}|${c.metric}`;

/** The roll-ups of a source a full recount gives, keyed `path|period|metric` (zero cells left out). */
export async function recountRollups(db: Executor, source: RollupSource, batch = 5000) {
  const out = new Map<string, PlacedCell>();
  for (let after = ''; ; ) {
    const ids = await source.ids(db, after, batch);
    if (ids.length === 0) break;
    after = ids[ids.length - 1];
    for (const record of (await source.load(db, ids)).values())
      for (const c of source.cells(record)) {
        const key = keyOf(c);
        const cell = out.get(key) ?? { ...c, n: 0, fen: 0, days: 0 };
        cell.n += c.n;
        cell.fen += c.fen;
        cell.days += c.days;
        out.set(key, cell);
      }
  }
  for (const [key, c] of out) if (c.n === 0 && c.fen === 0 && c.days === 0) out.delete(key);
  return out;
}

type Triple = [number, number, number];

/** Stored roll-up rows of a source that differ from a recount (missing, extra or different). */
export async function verifyRollups(db: Executor, source: RollupSource) {
  const expected = await recountRollups(db, source);
  const stored = await db.selectFrom('rollups').selectAll().where('source', '=', source.name).execute();
  const differences: { key: string; stored: Triple; expected: Triple }[] = [];
  const seen = new Set<string>();
  for (const r of stored) {
    const key = `${r.regionPath}|${r.period}|${r.metric}`;
    seen.add(key);
    const e = expected.get(key);
    const s: Triple = [Number(r.n), Number(r.fen), Number(r.days)];
    const x: Triple = e ? [e.n, e.fen, e.days] : [0, 0, 0];
    if (s.some((v, i) => v !== x[i])) differences.push({ key, stored: s, expected: x });
  }
  for (const [key, e] of expected)
    if (!seen.has(key)) differences.push({ key, stored: [0, 0, 0], expected: [e.n, e.fen, e.days] });
  return { source: source.name, rows: stored.length, expectedRows: expected.size, differences };
}

/**
 * Replaces a source's roll-ups with a recount, in one transaction (after a bulk load, or to repair).
 * On PostgreSQL a VACUUM ANALYZE follows, as autovacuum would some time later: until the visibility
 * map is set, each roll-up row the dashboard reads costs a visit to the table besides the index,
 * and without statistics the planner may not seek by region in a read of several regions.
 */
export async function rebuildRollups({ db, dialect }: DbHandle, source: RollupSource): Promise<number> {
  const rows = await db.transaction().execute(async (trx) => {
    const expected = await recountRollups(trx, source);
    await trx.deleteFrom('rollups').where('source', '=', source.name).execute();
    await readModelChanged(trx, 'dashboard');
    // a recount has one row per key: plain inserts, in key order, a thousand at a time
    const rows = rowsOf(source.name, [...expected.values()].sort(byKey));
    await writeInChunks(rows, (c) => trx.insertInto('rollups').values(c).execute(), 1000);
    return rows.length;
  });
  if (dialect.name === 'postgres') await sql`vacuum (analyze) rollups`.execute(db);
  return rows;
}

/** Sources with records but no roll-ups yet (loaded before their roll-ups existed) are counted in. */
export async function ensureRollups(database: DbHandle, sources: readonly RollupSource[]) {
  const { db } = database;
  const counted: { source: RollupSourceName; rows: number }[] = [];
  for (const source of sources) {
    const has = await db
      .selectFrom('rollups')
      .select(sql<number>`1`.as('x'))
      .where('source', '=', source.name)
      .limit(1)
      .executeTakeFirst();
    if (has || (await source.ids(db, '', 1)).length === 0) continue;
    counted.push({ source: source.name, rows: await rebuildRollups(database, source) });
  }
  return counted;
}

// ---------------------------------------------------------------- reading

/** A metric named exactly, or every metric beginning with a prefix (`dept:`): one index range. */
export type MetricPick = string | { prefix: string };

/**
 * The picks as key-range filters, one per query: names together (`metric in (…)`), each prefix on
 * its own (`metric >= 'dept:' and metric < 'dept;'`). SQLite seeks in the key for either, but scans
 * every row of the region for several joined with OR.
 */
function metricFilters(picks: readonly MetricPick[]) {
  const exact = picks.filter((p): p is string => typeof p === 'string');
  const prefixes = picks.filter((p): p is { prefix: string } => typeof p !== 'string');
  return [
    ...(exact.length ? [sql<boolean>`metric in (${sql.join(exact)})`] : []),
    ...prefixes.map(({ prefix }) => {
      const next = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
      return sql<boolean>`metric >= ${prefix} and metric < ${next}`;
    }),
  ];
}

/** A metric's sums for a region: within a run of months, and (when asked) cumulated up to its last one. */
export interface MetricSums {
  inN: number;
  inFen: number;
  inDays: number;
  cumN: number;
  cumFen: number;
}
/** Per window (e.g. this year's months and last year's), per region path, per metric. */
export type WindowSums = Map<string, Map<string, MetricSums>>[];

/**
 * Sums of monthly roll-up metrics per region path for several runs of months at once: one pass over
 * each region's rows of those metrics in primary-key order — up to the latest month when running
 * totals are asked for (`cumulative`), else within the months only.
 */
export async function rollupSums(
  db: Executor,
  source: RollupSourceName,
  paths: readonly string[],
  metrics: readonly MetricPick[],
  windows: readonly { from: string; to: string }[],
  opts: { cumulative?: boolean } = {},
): Promise<WindowSums> {
  const out: WindowSums = windows.map(() => new Map(paths.map((p) => [p, new Map()])));
  if (paths.length === 0 || metrics.length === 0) return out;
  const ends = windows.map((w) => w.to).sort();
  const first = windows.map((w) => w.from).sort()[0];
  const sum = (col: 'n' | 'fen' | 'days', w: { from?: string; to: string }) =>
    w.from
      ? sql<number>`coalesce(sum(case when period >= ${w.from} and period <= ${w.to} then ${sql.ref(col)} else 0 end), 0)`
      : sql<number>`coalesce(sum(case when period <= ${w.to} then ${sql.ref(col)} else 0 end), 0)`;
  const query = (filter: ReturnType<typeof sql<boolean>>) =>
    db
      .selectFrom('rollups')
      .select(['regionPath', 'metric'])
      .select(
        windows.flatMap((w, i) => [
          sum('n', w).as(`inN${i}`),
          sum('fen', w).as(`inFen${i}`),
          sum('days', w).as(`inDays${i}`),
          ...(opts.cumulative
            ? [sum('n', { to: w.to }).as(`cumN${i}`), sum('fen', { to: w.to }).as(`cumFen${i}`)]
            : []),
        ]),
      )
      .where('source', '=', source)
      .where('regionPath', 'in', paths)
      .where(filter)
      .$if(!opts.cumulative, (q) => q.where('period', '>=', first))
      .where('period', '<=', ends[ends.length - 1])
      .groupBy(['regionPath', 'metric'])
      .execute();
  const rows = (await Promise.all(metricFilters(metrics).map(query))).flat();
  for (const r of rows as unknown as Record<string, string | number>[])
    windows.forEach((_, i) => {
      out[i].get(String(r.regionPath))?.set(String(r.metric), {
        inN: Number(r[`inN${i}`]),
        inFen: Number(r[`inFen${i}`]),
        inDays: Number(r[`inDays${i}`]),
        cumN: Number(r[`cumN${i}`] ?? 0),
        cumFen: Number(r[`cumFen${i}`] ?? 0),
      });
    });
  return out;
}

/** Month by month values of some metrics of one region. */
export async function rollupSeries(
  db: Executor,
  source: RollupSourceName,
  path: string,
  metrics: readonly MetricPick[],
  from: string,
  to: string,
) {
  const parts = await Promise.all(
    metricFilters(metrics).map((filter) =>
      db
        .selectFrom('rollups')
        .select(['period', 'metric', 'n', 'fen'])
        .where('source', '=', source)
        .where('regionPath', '=', path)
        .where(filter)
        .where('period', '>=', from)
        .where('period', '<=', to)
        .execute(),
    ),
  );
  return parts.flat();
}

/**
 * Present-state counts of some regions: per region and day-kept metric, the sum of its days before
 * a threshold (e.g. appeals open past their due day: `openDue` before today).
 */
export async function daySumsByPath(
  db: Executor,
  source: RollupSourceName,
  paths: readonly string[],
  metrics: readonly MetricPick[],
  before: string,
): Promise<Map<string, Map<string, number>>> {
  const out = new Map(paths.map((p) => [p, new Map<string, number>()]));
  if (paths.length === 0) return out;
  const parts = await Promise.all(
    metricFilters(metrics).map((filter) =>
      db
        .selectFrom('rollups')
        .select(['regionPath', 'metric', sql<number>`coalesce(sum(n), 0)`.as('n')])
        .where('source', '=', source)
        .where('regionPath', 'in', paths)
        .where(filter)
        .where('period', '<', before)
        .groupBy(['regionPath', 'metric'])
        .execute(),
    ),
  );
  for (const r of parts.flat()) out.get(r.regionPath)?.set(r.metric, Number(r.n));
  return out;
}

/** The same for one region. */
export const daySums = async (
  db: Executor,
  source: RollupSourceName,
  path: string,
  metrics: readonly MetricPick[],
  before: string,
) => (await daySumsByPath(db, source, [path], metrics, before)).get(path)!;
