import {
  ACTIVITY_TYPES,
  type ActivityFigures,
  type ActivityType,
  type LeaderLogRow,
  type OfficialLevel,
} from '@yingshang/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { linksOf, toOfficial } from './activities.repository.js';
import { type ActivityLink, activityResults, ratio, resultsByActivity } from './results.js';

/** How many activities the ranking lists. */
const RANKING_SIZE = 10;

interface Period {
  /** Region subtree the figures are about. */
  regionPath: string;
  /** The caller's area: activities and projects outside it are never counted. */
  scope: string;
  from: string;
  to: string;
}

/** Activities that began in the period, in the region (and the caller's area). */
function periodActivities(db: Executor, dialect: Dialect, f: Period) {
  return db
    .selectFrom('activities as a')
    .where(({ ref }) => dialect.under(ref('a.regionPath'), f.regionPath))
    .where(({ ref }) => dialect.under(ref('a.regionPath'), f.scope))
    .where('a.startOn', '>=', f.from)
    .where('a.startOn', '<=', f.to);
}

/**
 * Figures of a period and region: activities by type, main leaders' outbound trips per unit, what the
 * period's activities brought (as things stand today) and the activities ranked by money that arrived.
 */
export async function activityFigures(db: Executor, dialect: Dialect, f: Period): Promise<ActivityFigures> {
  const inPeriod = periodActivities(db, dialect, f);
  const [byType, activities, trips, links] = await Promise.all([
    inPeriod
      .select(['a.type', sql<number>`count(*)`.as('count'), sql<number>`coalesce(sum(a.days), 0)`.as('days')])
      .groupBy('a.type')
      .execute(),
    inPeriod.select(['a.id', 'a.title', 'a.type', 'a.startOn']).execute(),
    db
      .selectFrom('activityOfficials as ao')
      .innerJoin('officials as o', 'o.id', 'ao.officialId')
      .innerJoin('activities as a', 'a.id', 'ao.activityId')
      .innerJoin('orgUnits as u', 'u.id', 'o.orgUnitId')
      .select([
        'o.orgUnitId',
        'u.name as orgUnitName',
        'o.level',
        'o.orgPath',
        'a.id as activityId',
        'a.days',
      ])
      .where('o.main', '=', 1)
      .where('a.type', '=', 'outbound')
      .where('a.startOn', '>=', f.from)
      .where('a.startOn', '<=', f.to)
      .where(({ ref }) => dialect.under(ref('o.orgPath'), f.regionPath))
      .where(({ ref }) => dialect.under(ref('a.regionPath'), f.scope))
      .execute(),
    linksOf(db, dialect, inPeriod.select('a.id') as never, f.scope),
  ]);

  const units = new Map<
    string,
    {
      orgUnitId: string;
      orgUnitName: string;
      level: OfficialLevel;
      trips: Set<string>;
      leaderTrips: number;
      days: number;
    }
  >();
  for (const t of trips) {
    let u = units.get(t.orgUnitId);
    if (!u) {
      u = {
        orgUnitId: t.orgUnitId,
        orgUnitName: t.orgUnitName,
        level: t.level as OfficialLevel,
        trips: new Set(),
        leaderTrips: 0,
        days: 0,
      };
      units.set(t.orgUnitId, u);
    }
    u.leaderTrips += 1;
    if (!u.trips.has(t.activityId)) {
      u.trips.add(t.activityId);
      u.days += Number(t.days);
    }
  }
  const mainLeaderTrips = [...units.values()]
    .map((u) => ({
      orgUnitId: u.orgUnitId,
      orgUnitName: u.orgUnitName,
      level: u.level,
      trips: u.trips.size,
      leaderTrips: u.leaderTrips,
      daysAway: u.days,
    }))
    .sort(
      (a, b) => b.trips - a.trips || b.daysAway - a.daysAway || a.orgUnitName.localeCompare(b.orgUnitName),
    );
  const allTrips = new Set(trips.map((t) => t.activityId));

  const per = resultsByActivity(
    activities.map((a) => a.id),
    links,
  );
  const totals = activityResults(links);
  const counts = new Map(byType.map((r) => [r.type, r]));
  const ranking = activities
    .map((a) => ({
      id: a.id,
      title: a.title,
      type: a.type as ActivityType,
      startOn: a.startOn,
      results: per.get(a.id)!,
    }))
    .filter((a) => a.results.projects > 0)
    .sort(
      (a, b) =>
        b.results.fundsInPlaceFen - a.results.fundsInPlaceFen ||
        b.results.startedFen - a.results.startedFen ||
        b.results.signedFen - a.results.signedFen ||
        b.startOn.localeCompare(a.startOn),
    )
    .slice(0, RANKING_SIZE);
  return {
    period: { from: f.from, to: f.to },
    byType: ACTIVITY_TYPES.map((type) => ({
      type,
      count: Number(counts.get(type)?.count ?? 0),
      days: Number(counts.get(type)?.days ?? 0),
    })),
    mainLeaderTrips,
    mainLeaderTripsTotal: allTrips.size,
    totals: {
      ...totals,
      activities: activities.length,
      withSignings: [...per.values()].filter((r) => r.signings > 0).length,
      signRate: ratio(totals.signed, totals.projects),
      startRate: ratio(totals.started, totals.signed),
    },
    ranking,
  };
}

/**
 * The leader trip log: officials of the region (a page of them, most trips first), each with their
 * activities in the period, outbound trips and days away, enterprises met, and what their activities brought.
 */
export async function leaderLog(
  db: Executor,
  dialect: Dialect,
  f: Period & { q?: string; mainOnly?: boolean; page: number; pageSize: number },
): Promise<{ items: LeaderLogRow[]; total: number; page: number; pageSize: number }> {
  let q = db
    .selectFrom('officials as f')
    .innerJoin('orgUnits as u', 'u.id', 'f.orgUnitId')
    .where(({ ref }) => dialect.under(ref('f.orgPath'), f.regionPath))
    .where(({ ref }) => dialect.under(ref('f.orgPath'), f.scope));
  if (f.mainOnly) q = q.where('f.main', '=', 1);
  if (f.q) {
    const text = f.q;
    q = q.where(({ or, ref }) =>
      or([
        dialect.contains(ref('f.name'), text),
        dialect.contains(ref('f.post'), text),
        dialect.contains(ref('u.name'), text),
        dialect.wordPrefix(ref('f.pinyin'), text.toLowerCase()),
      ]),
    );
  }
  const counted = await q.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow();
  const officials = await q
    .selectAll('f')
    .select((eb) => {
      const led = (outboundOnly: boolean) =>
        eb
          .selectFrom('activityOfficials as ao')
          .innerJoin('activities as a', 'a.id', 'ao.activityId')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('ao.officialId', '=', 'f.id')
          .where('a.startOn', '>=', f.from)
          .where('a.startOn', '<=', f.to)
          .where(({ ref }) => dialect.under(ref('a.regionPath'), f.scope))
          .$if(outboundOnly, (q) => q.where('a.type', '=', 'outbound'));
      return ['u.name as orgUnitName', led(true).as('trips'), led(false).as('activities')];
    })
    .orderBy('trips', 'desc')
    .orderBy('activities', 'desc')
    .orderBy('f.main', 'desc')
    .orderBy('f.name')
    .orderBy('f.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  const ids = officials.map((o) => o.id);
  const ledRows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('activityOfficials as ao')
          .innerJoin('activities as a', 'a.id', 'ao.activityId')
          .select(['ao.officialId', 'a.id as activityId', 'a.type', 'a.days'])
          .where('ao.officialId', 'in', ids)
          .where('a.startOn', '>=', f.from)
          .where('a.startOn', '<=', f.to)
          .where(({ ref }) => dialect.under(ref('a.regionPath'), f.scope))
          .execute();
  const activityIds = [...new Set(ledRows.map((r) => r.activityId))];
  const [met, links] = await Promise.all([
    activityIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('activityInvestors')
          .select(['activityId', 'investorId'])
          .where('activityId', 'in', activityIds)
          .execute(),
    linksOf(db, dialect, activityIds, f.scope),
  ]);
  const linksByActivity = new Map<string, ActivityLink[]>();
  for (const l of links) linksByActivity.set(l.activityId, [...(linksByActivity.get(l.activityId) ?? []), l]);
  const metByActivity = new Map<string, string[]>();
  for (const m of met)
    metByActivity.set(m.activityId, [...(metByActivity.get(m.activityId) ?? []), m.investorId]);

  const items = officials.map((o) => {
    const mine = ledRows.filter((r) => r.officialId === o.id);
    const outbound = mine.filter((r) => r.type === 'outbound');
    return {
      ...toOfficial(o),
      activities: mine.length,
      trips: outbound.length,
      daysAway: outbound.reduce((s, r) => s + Number(r.days), 0),
      enterprisesMet: new Set(mine.flatMap((r) => metByActivity.get(r.activityId) ?? [])).size,
      results: activityResults(mine.flatMap((r) => linksByActivity.get(r.activityId) ?? [])),
    };
  });
  return { items, total: Number(counted.total), page: f.page, pageSize: f.pageSize };
}
