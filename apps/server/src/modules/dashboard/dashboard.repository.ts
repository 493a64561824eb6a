import type { RollupMetric } from '@yingshang/rules';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

/** A metric's sums for a region: within a run of months, and cumulated up to its last one. */
export interface MetricSums {
  inN: number;
  inFen: number;
  inDays: number;
  cumN: number;
  cumFen: number;
}
/** Per window (e.g. this year's months and last year's), per region path, per metric. */
export type WindowSums = Map<string, Map<RollupMetric, MetricSums>>[];

/**
 * Sums of monthly roll-up metrics per region path for several runs of months at once (one pass over
 * each region's rows up to the latest month, in primary-key order; see migration 0008).
 */
export async function rollupSums(
  db: Executor,
  paths: readonly string[],
  metrics: readonly RollupMetric[],
  windows: readonly { from: string; to: string }[],
): Promise<WindowSums> {
  const out: WindowSums = windows.map(() => new Map(paths.map((p) => [p, new Map()])));
  if (paths.length === 0) return out;
  const last =
    windows
      .map((w) => w.to)
      .sort()
      .at(-1) ?? '';
  const sum = (col: 'n' | 'fen' | 'days', w: { from?: string; to: string }) =>
    w.from
      ? sql<number>`coalesce(sum(case when period >= ${w.from} and period <= ${w.to} then ${sql.ref(col)} else 0 end), 0)`
      : sql<number>`coalesce(sum(case when period <= ${w.to} then ${sql.ref(col)} else 0 end), 0)`;
  const rows = await db
    .selectFrom('projectRollups')
    .select(['regionPath', 'metric'])
    .select(
      windows.flatMap((w, i) => [
        sum('n', w).as(`inN${i}`),
        sum('fen', w).as(`inFen${i}`),
        sum('days', w).as(`inDays${i}`),
        sum('n', { to: w.to }).as(`cumN${i}`),
        sum('fen', { to: w.to }).as(`cumFen${i}`),
      ]),
    )
    .where('regionPath', 'in', paths)
    .where('metric', 'in', metrics)
    .where('period', '<=', last)
    .groupBy(['regionPath', 'metric'])
    .execute();
  for (const r of rows as unknown as Record<string, string | number>[])
    windows.forEach((_, i) => {
      out[i].get(String(r.regionPath))?.set(r.metric as RollupMetric, {
        inN: Number(r[`inN${i}`]),
        inFen: Number(r[`inFen${i}`]),
        inDays: Number(r[`inDays${i}`]),
        cumN: Number(r[`cumN${i}`]),
        cumFen: Number(r[`cumFen${i}`]),
      });
    });
  return out;
}

/** Month by month values of some metrics of one region. */
export function rollupSeries(
  db: Executor,
  path: string,
  metrics: readonly RollupMetric[],
  from: string,
  to: string,
) {
  return db
    .selectFrom('projectRollups')
    .select(['period', 'metric', 'n', 'fen'])
    .where('regionPath', '=', path)
    .where('metric', 'in', metrics)
    .where('period', '>=', from)
    .where('period', '<=', to)
    .execute();
}

/** Projects stalled and blocked today, from the per-day present-state roll-ups. */
export async function presentState(
  db: Executor,
  path: string,
  at: { today: string; signedBefore: string; startedBefore: string },
) {
  const r = await db
    .selectFrom('projectRollups')
    .select([
      sql<number>`coalesce(sum(case
        when metric = 'stalledSignedSince' and period < ${at.signedBefore} then n
        when metric = 'stalledStartedSince' and period < ${at.startedBefore} then n
        else 0 end), 0)`.as('stalled'),
      sql<number>`coalesce(sum(case when metric = 'blockedSince' and period < ${at.today} then n else 0 end), 0)`.as(
        'blocked',
      ),
    ])
    .where('regionPath', '=', path)
    .where('metric', 'in', ['stalledSignedSince', 'stalledStartedSince', 'blockedSince'])
    .executeTakeFirstOrThrow();
  return { stalled: Number(r.stalled), blocked: Number(r.blocked) };
}

/** The units directly under a region that hold projects (cities; counties and zones). */
export const childRegions = (db: Executor, parentId: string) =>
  db
    .selectFrom('orgUnits')
    .select(['id', 'name', 'kind', 'code', 'path'])
    .where('parentId', '=', parentId)
    .where('kind', 'in', ['city', 'county', 'zone'])
    .orderBy('code')
    .execute();

/** The annual targets of some regions for a year. */
export const targetsOf = (db: Executor, regionIds: readonly string[], year: number) =>
  regionIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('regionTargets')
        .selectAll()
        .where('regionId', 'in', regionIds)
        .where('year', '=', year)
        .execute();

/** Sets a region's target for a year: inserted, or updated when the version read is current. */
export async function saveTarget(
  db: Executor,
  t: { regionId: string; year: number; signedCount: number; signedInvestmentFen: number; fundsFen: number },
  version: number | undefined,
  at: string,
): Promise<boolean> {
  if (version === undefined) {
    const r = await db
      .insertInto('regionTargets')
      .values({ ...t, createdAt: at, updatedAt: at, version: 1 })
      .onConflict((oc) => oc.columns(['regionId', 'year']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await db
    .updateTable('regionTargets')
    .set({
      signedCount: t.signedCount,
      signedInvestmentFen: t.signedInvestmentFen,
      fundsFen: t.fundsFen,
      updatedAt: at,
      version: version + 1,
    })
    .where('regionId', '=', t.regionId)
    .where('year', '=', t.year)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
