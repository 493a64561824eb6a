import { sql } from 'kysely';
import type { DbHandle } from '../../../db/database.js';
import { pinyinKey } from '../../../lib/pinyin.js';
import { activityCode } from '../../../modules/activities/activities.repository.js';
import { dayString, officeMoment, personName, uuid7, weighted } from '../generate-projects.js';
import * as V from '../vocabulary.js';
import type { RecordsContext, Unit } from './context.js';

/** An official of the register: a region's or zone's leader (`main`) or a deputy. */
export interface Official {
  id: string;
  name: string;
  pinyin: string;
  main: boolean;
  unit: Unit;
}

/** Officials by region unit id. */
export type OfficialsOf = Map<string, Official[]>;

/** Activities per region unit, by start day: where signings and sources find theirs. */
type ActivityIndex = Map<string, { start: number[]; id: string[]; type: string[] }>;

type PinyinOf = (s: string) => string;

const TYPE_MIX: [string, number][] = [
  ['outbound', 30],
  ['conference', 20],
  ['signing', 14],
  ['reception', 22],
  ['hometown', 6],
  ['online', 8],
];
const pickType = weighted(TYPE_MIX, (t) => t[1]);
const LENGTH: Record<string, [number, number]> = {
  outbound: [2, 6],
  conference: [1, 2],
  signing: [1, 1],
  reception: [1, 2],
  hometown: [1, 1],
  online: [1, 1],
};
const SIGNING_TYPES = ['signing', 'conference', 'outbound', 'hometown', 'reception'];
const SOURCE_TYPES = ['outbound', 'conference', 'reception', 'hometown', 'online'];

/**
 * The officials register (书记 and 县长 / 市长 / 管委会主任 of every region and zone, `main = 1`, and a
 * deputy), 0.2 × P activities of the six types with their officials, investors met and participants,
 * then signings (a share of the signed projects, each at one activity of its region or above that
 * began on or before its signing day) and sources (projects first contacted at an activity). Returns
 * the register (meetings take their host from it) and how many projects were given a source.
 */
export async function generateActivities(
  ctx: RecordsContext,
): Promise<{ officialsOf: OfficialsOf; sourceProjects: number }> {
  ctx.log('  officials and activities…');
  const pinyinCache = new Map<string, string>();
  const keyOf: PinyinOf = (s) => {
    let k = pinyinCache.get(s);
    if (k === undefined) {
      k = pinyinKey(s);
      pinyinCache.set(s, k);
    }
    return k;
  };
  const officialsOf = generateOfficials(ctx, keyOf);
  const activitiesOf = await writeActivities(ctx, officialsOf, keyOf);
  const sourceProjects = await signingsAndSources(ctx, activitiesOf);
  return { officialsOf, sourceProjects };
}

function generateOfficials(ctx: RecordsContext, keyOf: PinyinOf): OfficialsOf {
  const { rng, batch, at, firstN, nowMs } = ctx;
  const officialsOf: OfficialsOf = new Map();
  for (const u of ctx.regions) {
    const posts =
      u.kind === 'county'
        ? V.OFFICIAL_POSTS[u.name.endsWith('区') ? 'district' : u.name.endsWith('市') ? 'city' : 'county']
        : V.OFFICIAL_POSTS[u.kind];
    const list: Official[] = [];
    for (const [post, main] of posts) {
      const name = personName(rng);
      const ms = officeMoment(rng, firstN - rng.int(1, 300), nowMs);
      const o = { id: uuid7(rng, ms), name, pinyin: keyOf(name), main, unit: u };
      batch.officials.push([
        o.id,
        name,
        post,
        u.kind,
        main ? 1 : 0,
        1,
        u.id,
        u.path,
        o.pinyin,
        at(ms),
        at(ms),
        1,
      ]);
      list.push(o);
    }
    officialsOf.set(u.id, list);
  }
  return officialsOf;
}

async function writeActivities(
  ctx: RecordsContext,
  officialsOf: OfficialsOf,
  keyOf: PinyinOf,
): Promise<ActivityIndex> {
  const { rng, batch, at, momentOn, firstN, todayN, province, department, shortOf } = ctx;
  const activitiesOf: ActivityIndex = new Map();
  const A = ctx.counts.activities;
  const actStart = new Int32Array(A);
  for (let i = 0; i < A; i++) actStart[i] = rng.int(firstN, todayN);
  actStart.sort();
  if (ctx.window <= 0) throw new Error('asOf is before the first day of the generated history');
  for (let i = 0; i < A; i++) {
    const u = rng.float();
    const region: Unit = u < 0.03 ? province : u < 0.25 ? ctx.pickCity(rng) : ctx.pickPlace(rng);
    const type = pickType(rng)[0];
    const [lo, hi] = LENGTH[type];
    const days = rng.int(lo, hi);
    const startN = Math.min(actStart[i], todayN - days + 1);
    const endN = startN + days - 1;
    const { country, prov, city, venue, title, met } = describeActivity(ctx, region, type, startN);
    const chosen = leadersOf(ctx, officialsOf, region, type);
    const dept =
      region.kind === 'zone' || rng.chance(0.6)
        ? region
        : (department(region, rng.chance(0.5) ? 'investment' : 'commerce') ?? region);
    const participants = [
      ...new Set(
        [department(region, 'investment'), department(region, 'commerce')]
          .filter((d): d is Unit => !!d && rng.chance(0.6))
          .map((d) => d.name),
      ),
    ];
    const attendance =
      type === 'conference' || type === 'signing' || type === 'hometown'
        ? rng.int(40, 600)
        : type === 'online'
          ? rng.int(10, 200)
          : rng.chance(0.5)
            ? rng.int(5, 40)
            : null;
    const createdN = Math.min(todayN, endN + rng.int(0, 5));
    const ms = momentOn(createdN);
    const id = uuid7(rng, ms);
    const updatedMs = rng.chance(0.2) ? momentOn(Math.min(todayN, createdN + rng.int(1, 30)), ms) : ms;
    batch.activities.push([
      id,
      activityCode(id, dayString(createdN)),
      type,
      title,
      dayString(startN),
      dayString(endN),
      days,
      country,
      prov,
      city,
      venue,
      dept.id,
      region.id,
      region.path,
      JSON.stringify(participants),
      attendance,
      rng.pick(V.ACTIVITY_SUMMARIES),
      chosen.map((o) => o.name).join('、'),
      [
        title,
        keyOf(title),
        country,
        prov,
        city,
        venue,
        ...chosen.flatMap((o) => [o.name, o.pinyin]),
        ...met.flatMap((m) => [m.name, m.pinyin]),
        ...participants,
      ]
        .filter(Boolean)
        .join(' ')
        .toLowerCase(),
      null,
      `${shortOf(region)}投资促进专员`,
      at(ms),
      at(updatedMs),
      updatedMs > ms ? 2 : 1,
    ]);
    chosen.forEach((o, position) => {
      batch.activity_officials.push([id, o.id, position]);
    });
    met.forEach((m, position) => {
      batch.activity_investors.push([id, m.id, position]);
    });
    let list = activitiesOf.get(region.id);
    if (!list) {
      list = { start: [], id: [], type: [] };
      activitiesOf.set(region.id, list);
    }
    list.start.push(startN);
    list.id.push(id);
    list.type.push(type);
    await ctx.flush();
  }
  return activitiesOf;
}

/** Where an activity took place, its title and the investors met there. */
function describeActivity(ctx: RecordsContext, region: Unit, type: string, startN: number) {
  const { rng, province, cityOf, shortOf } = ctx;
  const year = dayString(startN).slice(0, 4);
  const short = shortOf(region);
  const theme = rng.pick(V.ACTIVITY_THEMES);
  let country = '中国';
  let prov: string | null = '山西';
  let city: string | null = cityOf(region) === province ? '太原' : shortOf(cityOf(region));
  let venue: string | null = rng.pick(V.ACTIVITY_VENUES);
  let title: string;
  const met: RecordsContext['investors'] = [];
  const investorCount =
    type === 'signing' ? rng.int(2, 6) : type === 'online' ? rng.int(0, 3) : rng.int(0, 4);
  while (met.length < investorCount) {
    const inv = ctx.pickInvestor();
    if (!met.includes(inv)) met.push(inv);
  }
  if (type === 'outbound' || (type === 'conference' && rng.chance(0.5))) {
    if (rng.chance(0.1)) {
      [country, city] = rng.pick(V.TRIP_ABROAD);
      prov = null;
    } else [prov, city] = rng.pick(V.TRIP_CITIES);
    venue = type === 'outbound' ? null : venue;
    title =
      type === 'outbound'
        ? `${short}赴${city}开展招商引资活动`
        : `${year}${short}${theme}产业招商推介会（${city}）`;
  } else if (type === 'conference') title = `${year}${short}${theme}产业招商推介会`;
  else if (type === 'signing') title = `${short}${year}年重点项目集中签约仪式`;
  else if (type === 'reception') {
    const guest = met[0]?.name ?? `${rng.pick(V.BRAND_FIRST)}${rng.pick(V.BRAND_SECOND)}集团`;
    title = `接待${guest}考察团`;
  } else if (type === 'hometown') title = `${short}乡贤回乡投资恳谈会`;
  else {
    title = `${short}${theme}云招商对接会`;
    venue = '线上';
  }
  return { country, prov, city, venue, title, met };
}

/** The leaders at an activity: a main leader on most outbound trips; sometimes one from the city above. */
function leadersOf(ctx: RecordsContext, officialsOf: OfficialsOf, region: Unit, type: string): Official[] {
  const { rng } = ctx;
  const own = officialsOf.get(region.id) ?? [];
  const chosen: Official[] = [];
  const mains = own.filter((o) => o.main);
  const deputies = own.filter((o) => !o.main);
  if (type === 'outbound' ? rng.chance(0.85) : rng.chance(0.3)) chosen.push(rng.pick(mains));
  if (deputies.length && rng.chance(type === 'outbound' ? 0.3 : 0.25)) chosen.push(rng.pick(deputies));
  if (region.kind !== 'city' && region !== ctx.province && rng.chance(0.08)) {
    const above = officialsOf.get(ctx.cityOf(region).id) ?? [];
    const o = above.length ? rng.pick(above) : undefined;
    if (o && !chosen.includes(o)) chosen.push(o);
  }
  return chosen;
}

/** Signings of signed projects and the source activities of projects; returns the projects given a source. */
async function signingsAndSources(ctx: RecordsContext, activitiesOf: ActivityIndex): Promise<number> {
  const { rng, batch, at, momentOn, places } = ctx;
  const projects = ctx.projects;
  /** The latest activity of a region (or above) that began in [from, to], of an allowed type. */
  const findActivity = (place: Unit, from: number, to: number, types: readonly string[]) => {
    const chain = ctx.ancestorsOf(place).reverse();
    // the place itself most often, then its county or city, now and then the province
    const order = rng.chance(0.6) ? chain : rng.chance(0.75) ? chain.slice(1) : chain.slice(-1);
    for (const unit of order) {
      const list = activitiesOf.get(unit.id);
      if (!list) continue;
      let lo = 0;
      let hi = list.start.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list.start[mid] <= to) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo - 1; k >= 0 && list.start[k] >= from && k >= lo - 12; k--)
        if (types.includes(list.type[k])) return list.id[k];
    }
    return null;
  };
  const activityPosition = new Map<string, number>();
  const sources: [string, string][] = [];
  for (let p = 0; p < projects.ids.length; p++) {
    if (projects.place[p] < 0) continue;
    const place = places[projects.place[p]];
    if (rng.chance(0.15)) {
      const a = findActivity(place, projects.created[p] - 90, projects.created[p], SOURCE_TYPES);
      if (a) sources.push([projects.ids[p], a]);
    }
    const signedN = projects.signed[p];
    if (signedN >= 0 && rng.chance(0.3)) {
      const a = findActivity(place, signedN - 45, signedN, SIGNING_TYPES);
      if (!a) continue;
      const position = activityPosition.get(a) ?? 0;
      activityPosition.set(a, position + 1);
      const fen = projects.fen[p];
      const amount = rng.chance(0.8)
        ? fen
        : Math.max(1_000_000, Math.round((fen * (0.3 + 0.6 * rng.float())) / 1_000_000) * 1_000_000);
      batch.activity_signings.push([a, projects.ids[p], amount, position, at(momentOn(signedN))]);
      await ctx.flush();
    }
  }
  await ctx.flush(true);
  await setSources(ctx.database, sources);
  return sources.length;
}

/**
 * Sets projects.source_activity_id: [project id, activity id] pairs. SQLite: one transaction of
 * prepared updates; PostgreSQL: one `update … from unnest(…)` per 10,000 pairs.
 */
async function setSources(database: DbHandle, pairs: readonly [string, string][]): Promise<void> {
  if (database.dialect.name === 'postgres') {
    for (let i = 0; i < pairs.length; i += 10_000) {
      const part = pairs.slice(i, i + 10_000);
      await sql`update projects p set source_activity_id = v.a
        from unnest(${part.map((x) => x[0])}::text[], ${part.map((x) => x[1])}::text[]) as v(id, a)
        where p.id = v.id`.execute(database.db);
    }
    return;
  }
  const s = database.sqlite!;
  const update = s.prepare('update projects set source_activity_id = ? where id = ?');
  s.transaction(() => {
    for (const [project, activity] of pairs) update.run(activity, project);
  })();
}
