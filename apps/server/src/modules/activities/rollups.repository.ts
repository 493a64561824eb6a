import { ACTIVITY_TYPES, type ActivityDashboard, type ActivityType } from '@yingshang/contracts';
import { activityCells, type RollupActivity } from '@yingshang/rules';
import type { Executor } from '../../db/database.js';
import { chunks } from '../../kernel/chunks.js';
import { idsOf, type MetricSums, type RollupSource, rollupSums } from '../../kernel/rollups.js';

async function load(db: Executor, ids: readonly string[]) {
  const out = new Map<string, RollupActivity>();
  for (const c of chunks([...new Set(ids)])) {
    const [activities, leaders] = await Promise.all([
      db
        .selectFrom('activities')
        .select(['id', 'regionPath', 'type', 'startOn', 'days'])
        .where('id', 'in', c)
        .execute(),
      db
        .selectFrom('activityOfficials as ao')
        .innerJoin('officials as o', 'o.id', 'ao.officialId')
        .select(['ao.activityId', 'o.orgPath'])
        .where('ao.activityId', 'in', c)
        .where('o.main', '=', 1)
        .execute(),
    ]);
    for (const { id, days, ...a } of activities)
      out.set(id, { ...a, days: Number(days), mainLeaderPaths: [] });
    for (const l of leaders)
      (out.get(l.activityId)?.mainLeaderPaths as string[] | undefined)?.push(l.orgPath);
  }
  return out;
}

/**
 * Activities in the roll-ups (packages/rules: activityCells): by type in their region, and main
 * leaders' outbound trips in the regions of the leaders' units. What was signed at them is kept
 * with the projects (signingCells), since it follows the projects' stages and funds.
 */
export const activityRollups: RollupSource<RollupActivity> = {
  name: 'activities',
  load,
  cells: activityCells,
  ids: idsOf('activities'),
};

/** The activities of these officials: changing an official (main leader or not, unit) changes their cells. */
export const activitiesOfOfficial = async (db: Executor, officialId: string) =>
  (
    await db
      .selectFrom('activityOfficials')
      .select('activityId')
      .where('officialId', '=', officialId)
      .execute()
  ).map((r) => r.activityId);

/** Projects signed at an activity: its month and region place their signing cells. */
export const projectsSignedAt = async (db: Executor, activityId: string) =>
  (
    await db.selectFrom('activitySignings').select('projectId').where('activityId', '=', activityId).execute()
  ).map((r) => r.projectId);

const ACTIVITY_METRICS = [...ACTIVITY_TYPES.map((t) => `type:${t}`), 'mainLeaderTrip'];

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);

function period(sums: Map<string, MetricSums> | undefined) {
  const n = (m: string) => sums?.get(m)?.inN ?? 0;
  const fen = (m: string) => sums?.get(m)?.inFen ?? 0;
  const byType = ACTIVITY_TYPES.map((type: ActivityType) => ({
    type,
    count: n(`type:${type}`),
    days: sums?.get(`type:${type}`)?.inDays ?? 0,
  }));
  const signedFen = fen('actSigning');
  const landedFen = fen('actLanded');
  return {
    activities: byType.reduce((s, t) => s + t.count, 0),
    byType,
    mainLeaderTrips: n('mainLeaderTrip'),
    mainLeaderDaysAway: sums?.get('mainLeaderTrip')?.inDays ?? 0,
    signings: n('actSigning'),
    signedFen,
    startedFen: fen('actStarted'),
    terminatedFen: fen('actTerminated'),
    fundsInPlaceFen: landedFen,
    landedRate: ratio(landedFen, signedFen),
  };
}

/**
 * The dashboard's activities: the region's activities by type, main leaders' trips, what was signed
 * at the activities and how much of it landed, this period and a year earlier, and per child region.
 */
export async function activityDashboard(
  db: Executor,
  q: {
    path: string;
    children: readonly { id: string; path: string }[];
    current: { from: string; to: string };
    lastYear: { from: string; to: string };
  },
): Promise<ActivityDashboard> {
  const paths = [q.path, ...q.children.map((c) => c.path)];
  const [current, lastYear] = await Promise.all([
    // names, not a prefix: the key then bounds the months too
    rollupSums(db, 'activities', paths, ACTIVITY_METRICS, [q.current, q.lastYear]),
    rollupSums(
      db,
      'projects',
      paths,
      ['actSigning', 'actStarted', 'actTerminated', 'actLanded'],
      [q.current, q.lastYear],
    ),
  ]).then(([a, p]) =>
    [0, 1].map(
      (i) => new Map(paths.map((path) => [path, new Map([...a[i].get(path)!, ...p[i].get(path)!])])),
    ),
  );
  return {
    current: period(current.get(q.path)),
    lastYear: period(lastYear.get(q.path)),
    byRegion: q.children.map((c) => {
      const p = period(current.get(c.path));
      return {
        id: c.id,
        activities: p.activities,
        mainLeaderTrips: p.mainLeaderTrips,
        signings: p.signings,
        signedFen: p.signedFen,
        fundsInPlaceFen: p.fundsInPlaceFen,
        lastYearTrips: period(lastYear.get(c.path)).mainLeaderTrips,
      };
    }),
  };
}
