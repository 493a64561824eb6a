import type { Executor } from '../../db/database.js';
import { daySums } from '../../kernel/rollups.js';

/** Projects stalled and blocked, and promises overdue, today: from the per-day present-state roll-ups. */
export async function presentState(
  db: Executor,
  path: string,
  at: { today: string; signedBefore: string; startedBefore: string },
) {
  const [signed, started, late] = await Promise.all([
    daySums(db, 'projects', path, ['stalledSignedSince'], at.signedBefore),
    daySums(db, 'projects', path, ['stalledStartedSince'], at.startedBefore),
    daySums(db, 'projects', path, ['blockedSince', 'promisePendingSince'], at.today),
  ]);
  return {
    stalled: (signed.get('stalledSignedSince') ?? 0) + (started.get('stalledStartedSince') ?? 0),
    blocked: late.get('blockedSince') ?? 0,
    promisesOverdue: late.get('promisePendingSince') ?? 0,
  };
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

/** The revisions of a region's figures in a month (report_revisions), newest first. */
export const revisionsOf = (db: Executor, path: string, period: string) =>
  db
    .selectFrom('reportRevisions')
    .select(['metric', 'n', 'fen', 'summary', 'actorName', 'createdAt'])
    .where('regionPath', '=', path)
    .where('period', '=', period)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
