/**
 * What every record generator shares (generate-records.ts builds it once, then hands it to the
 * generator of each domain in turn): the organisation tree and its lookups, the projects and investors
 * generate-projects.ts made, the seeded generator, the generator's today and the working-day calendar
 * around it, and the bulk writer with the batch every generator adds its rows to.
 */
import { isRegionKind } from '@yingshang/contracts';
import { isScheduled, isWorkingDay, type WorkCalendar } from '@yingshang/rules';
import { sql } from 'kysely';
import type { Db, DbHandle } from '../../../db/database.js';
import { loadCalendar } from '../../../kernel/calendar.js';
import { beijingToday } from '../../../lib/days.js';
import { type Batch, type BulkWriter, bulkWriter } from '../bulk-writer.js';
import {
  DAY_MS,
  DEFAULT_SEED,
  dayNumber,
  dayString,
  FIRST_DAY,
  officeMoment,
  Rng,
  weighted,
} from '../generate-projects.js';
import type { RecordsOptions } from '../generate-records.js';
import { orgLookups, type TreeUnit } from '../org-tree.js';
import * as V from '../vocabulary.js';
import { STATISTICS, TABLE_NAMES, TABLES, type Table } from './tables.js';

/** A unit of the organisation tree (enterprises aside). */
export interface Unit extends TreeUnit {
  depth: number;
}

/** A working-day calendar over day numbers: addWorkingDays and countWorkingDays in O(1). */
export function dayCalendar(cal: WorkCalendar, fromN: number, toN: number) {
  const size = toN - fromN + 1;
  /** Working days in [fromN, n]. */
  const count = new Int32Array(size);
  /** Unscheduled days in [fromN, n]. */
  const unscheduled = new Int32Array(size);
  const working: number[] = [];
  let c = 0;
  let u = 0;
  for (let n = fromN; n <= toN; n++) {
    const day = dayString(n);
    if (isWorkingDay(cal, day)) {
      c++;
      working.push(n);
    }
    if (!isScheduled(cal, day)) u++;
    count[n - fromN] = c;
    unscheduled[n - fromN] = u;
  }
  const at = (n: number) => {
    if (n < fromN || n > toN) throw new Error(`calendar: day ${dayString(n)} outside the generated range`);
    return n - fromN;
  };
  return {
    /** The day `k` working days after day n (n itself not counted), as addWorkingDays does. */
    add(n: number, k: number): number {
      if (k <= 0) return n;
      const d = working[count[at(n)] + k - 1];
      if (d === undefined) throw new Error('calendar: beyond the generated range');
      return d;
    },
    /** Whether a day in (n, d] has no schedule (the deadline may be wrong), as addWorkingDays flags it. */
    unscheduled(n: number, d: number, k: number): boolean {
      return k <= 0 ? !isScheduled(cal, dayString(n)) : unscheduled[at(d)] - unscheduled[at(n)] > 0;
    },
    /** Working days in (a, b]; negative when b comes first. */
    between(a: number, b: number): number {
      return count[at(b)] - count[at(a)];
    },
    isWorking: (n: number) => count[at(n)] - (n > fromN ? count[at(n - 1)] : 0) === 1,
  };
}

/** The organisation tree, ordered by code (the same draws whatever the insertion order), and its lookups. */
async function loadOrgTree(db: Db) {
  const units = (await db
    .selectFrom('orgUnits')
    .select(['id', 'code', 'name', 'shortName', 'kind', 'path', 'parentId', 'depth', 'category'])
    .where('kind', '!=', 'enterprise')
    .orderBy('code')
    .execute()) as Unit[];
  const { province, byId, places, cityOf, regionOf, department, placeWeight } = orgLookups(units);
  const regions = units.filter((u) => isRegionKind(u.kind));
  const cities = units.filter((u) => u.kind === 'city');
  const shortOf = (u: Unit) =>
    u.shortName ?? (u.name.length > 2 ? u.name.replace(/(省|市|县|区)$/, '') : u.name);
  const ancestorsOf = (u: Unit): Unit[] =>
    u.path
      .split('/')
      .filter(Boolean)
      .map((id) => byId.get(id)!)
      .filter(Boolean);
  return {
    province,
    byId,
    /** Counties and zones: where enterprises, projects and most records are. */
    places,
    /** Province, cities and counties. */
    regions,
    cities,
    /** A place's index in `places`. */
    placeIndex: new Map(places.map((p, i) => [p.id, i])),
    cityOf,
    regionOf,
    department,
    shortOf,
    ancestorsOf,
    placeWeight,
    pickPlace: weighted(places, placeWeight),
    pickCity: weighted(cities, (c) => V.CITY_WEIGHTS[c.code] ?? 5),
  };
}

/** What generate-projects.ts made, compactly: per project (by index, in id order) its place, days and size. */
async function loadProjects(db: Db, placeIndex: ReadonlyMap<string, number>, places: readonly Unit[]) {
  const ids: string[] = [];
  /** Index of the project's place in `places` (-1: not a county or zone). */
  const place: number[] = [];
  const created: number[] = [];
  /** Day number of the signing, -1 if not signed. */
  const signed: number[] = [];
  const fen: number[] = [];
  for (let after = ''; ; ) {
    const page = await db
      .selectFrom('projects')
      .select(['id', 'regionId', 'createdOn', 'signedOn', 'totalInvestmentFen'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(50_000)
      .execute();
    if (page.length === 0) break;
    after = page[page.length - 1].id;
    for (const p of page) {
      ids.push(p.id);
      place.push(placeIndex.get(p.regionId) ?? -1);
      created.push(dayNumber(p.createdOn));
      signed.push(p.signedOn ? dayNumber(p.signedOn) : -1);
      fen.push(Number(p.totalInvestmentFen));
    }
  }
  if (ids.length === 0) throw new Error('no projects: run generateProjects first');
  /** The projects of each place. */
  const ofPlace = places.map(() => [] as number[]);
  for (let p = 0; p < ids.length; p++) if (place[p] >= 0) ofPlace[place[p]].push(p);
  return { ids, place, created, signed, fen, ofPlace };
}

export type OrgTree = Awaited<ReturnType<typeof loadOrgTree>>;
export type Projects = Awaited<ReturnType<typeof loadProjects>>;

export interface RecordsContext extends OrgTree {
  database: DbHandle;
  db: Db;
  log: (line: string) => void;
  rng: Rng;
  /** The generator's today (no date after it), as a day and a day number. */
  today: string;
  todayN: number;
  /** Day number of the first day of the generated history, and the days from it to today. */
  firstN: number;
  window: number;
  /** The latest moment (ms) a record may carry: now, or the end of the generator's today. */
  nowMs: number;
  /** performance.now() when the generation started. */
  started: number;
  /** An ISO timestamp of ms. */
  at: (ms: number) => string;
  /** A moment (ms) of office hours on day n (today at the latest), and never before `after`. */
  momentOn: (n: number, after?: number) => number;
  projects: Projects;
  investors: { id: string; name: string; pinyin: string }[];
  pickInvestor: () => { id: string; name: string; pinyin: string };
  counts: { activities: number; appeals: number; tasks: number; applications: number };
  /** The working-day calendar, a year either side of the generated history. */
  wd: ReturnType<typeof dayCalendar>;
  writer: BulkWriter<Table>;
  /** The rows not written yet. The object stays the same; flush empties its lists. */
  batch: Batch<Table>;
  /** Rows written, by table. */
  rows: Record<Table, number>;
  /** Writes the batch once it holds 40,000 rows, or now when forced. */
  flush: (force?: boolean) => Promise<void>;
}

/** Checks the database holds no records yet, then reads what the generators build on. */
export async function createContext(database: DbHandle, opts: RecordsOptions): Promise<RecordsContext> {
  const log = opts.log ?? (() => {});
  const rng = new Rng((opts.seed ?? DEFAULT_SEED) ^ 0x5eed5);
  const today = opts.asOf ?? beijingToday();
  const todayN = dayNumber(today);
  const firstN = dayNumber(FIRST_DAY);
  const nowMs = Math.min(Date.now(), (todayN + 1) * DAY_MS - 8 * 3_600_000 - 1);
  const started = performance.now();
  const { db } = database;

  for (const table of ['activities', 'appeals', 'rectification_tasks', 'incentive_applications'] as const) {
    const { n } = await sql<{ n: number }>`select count(*) as n from ${sql.raw(table)}`
      .execute(db)
      .then((r) => r.rows[0]);
    if (Number(n) > 0) throw new Error(`the database has ${table} already: generate into a fresh one`);
  }

  const tree = await loadOrgTree(db);
  log('  reading the projects…');
  const projects = await loadProjects(db, tree.placeIndex, tree.places);
  const P = projects.ids.length;
  const investors = await db.selectFrom('investors').select(['id', 'name', 'pinyin']).orderBy('id').execute();
  const counts = {
    activities: opts.activities ?? Math.round(P * 0.2),
    appeals: opts.appeals ?? P * 2,
    tasks: opts.tasks ?? Math.round(P * 0.05),
    applications: opts.applications ?? Math.round(P * 0.02),
  };
  log(
    `  ${P.toLocaleString('en')} projects: adding ${counts.activities.toLocaleString('en')} activities, ${counts.appeals.toLocaleString('en')} appeals, ${counts.tasks.toLocaleString('en')} rectification tasks, ${counts.applications.toLocaleString('en')} incentive applications`,
  );
  const wd = dayCalendar(await loadCalendar(db), firstN - 400, todayN + 800);

  const writer = bulkWriter(database, { tables: TABLES, statistics: STATISTICS });
  const rows = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<Table, number>;
  const batch = writer.emptyBatch();
  let lastReport = performance.now();
  const flush = async (force = false) => {
    const pending = TABLE_NAMES.reduce((a, t) => a + batch[t].length, 0);
    if (!force && pending < 40_000) return;
    const full = writer.emptyBatch();
    for (const t of TABLE_NAMES) {
      rows[t] += batch[t].length;
      full[t] = batch[t];
      batch[t] = [];
    }
    await writer.write(full);
    if (performance.now() - lastReport > 10_000 || force) {
      lastReport = performance.now();
      const secs = (lastReport - started) / 1000;
      const total = Object.values(rows).reduce((a, b) => a + b, 0);
      log(
        `  ${total.toLocaleString('en')} rows, ${secs.toFixed(0)} s (${Math.round(total / secs).toLocaleString('en')} rows/s)`,
      );
    }
  };

  return {
    ...tree,
    database,
    db,
    log,
    rng,
    today,
    todayN,
    firstN,
    window: todayN - firstN,
    nowMs,
    started,
    at: (ms) => new Date(ms).toISOString(),
    momentOn: (n, after = 0) => Math.max(after + 1, officeMoment(rng, Math.min(n, todayN), nowMs)),
    projects,
    investors,
    pickInvestor: () => investors[Math.floor(investors.length * rng.float() ** 2)],
    counts,
    wd,
    writer,
    batch,
    rows,
    flush,
  };
}
