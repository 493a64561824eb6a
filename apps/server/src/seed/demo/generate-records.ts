/**
 * Deterministic generator of the records around a generated pipeline (generate-projects.ts runs
 * first, on the same database): a province's history of investment-promotion activities, enterprise
 * appeals, rectification tasks and incentive applications, for the bench (bench/projects.ts,
 * bench/generate.ts) and for trying the app at scale.
 *
 * Adds, for P projects (ratios by default, each overridable):
 * - the officials register (书记 and 县长 / 市长 / 管委会主任 of every region and zone, `main = 1`, and a
 *   deputy), and 0.2 × P activities of the six types with their officials (outbound trips mostly
 *   led by main leaders), enterprises met, projects first contacted there (projects.source_activity_id)
 *   and signings: a share of the signed projects, each at one activity of its region or above that
 *   began on or before its signing day;
 * - a pool of P/20 enterprises (org units of kind `enterprise` under the counties and zones), their
 *   government–enterprise meetings and 2 × P appeals on every channel, taken through the flow with
 *   working-day deadlines (filed → accepted → assigned to a department of the region tree → signed →
 *   answered on time or late → rated → closed; some rejected, merged or reopened, some still open and
 *   overdue today, escalated as the sweep would have). appeal_events are not generated: the timeline
 *   of a generated appeal is empty, its columns carry every date the figures read;
 * - rectification campaigns of past years (the seed's demo campaign is loaded too) with 0.05 × P tasks
 *   across the nine problems, lead units and zones, with progress reports, verifications and
 *   deadlines, some overdue;
 * - 0.02 × P incentive applications under the east-transfer measure, evaluated by the policy engine
 *   on generated USD central parities, through the three review stages to approval and payment.
 * Every derived column is filled as the services fill it (region_path, org_path, pinyin and search
 * text, codes, due days, answer_working_days, answered_on_time, …). Then the roll-ups of every source
 * in ROLLUP_SOURCES are rebuilt (the projects' too: signings add to them).
 *
 * Deterministic like generate-projects.ts: the same seed, sizes, day and projects give the same rows
 * (ids from the record's timestamp and the seeded generator), except the seed's demo campaign.
 * Loading drops the secondary indexes of the tables written and rebuilds them at the end.
 */
import { isRegionKind } from '@yingshang/contracts';
import {
  type ArrivalFact,
  creditCodeCheckChar,
  EAST_TRANSFER_POLICY,
  EAST_TRANSFER_POLICY_ID,
  EASTERN_PROVINCES,
  evaluate,
  type IncentiveKind,
  isScheduled,
  isWorkingDay,
  normaliseRef,
  type RateQuote,
  type WorkCalendar,
} from '@yingshang/rules';
import { sql } from 'kysely';
import type { Config } from '../../config.js';
import type { DbHandle } from '../../db/database.js';
import { loadCalendar } from '../../kernel/calendar.js';
import { rebuildRollups } from '../../kernel/rollups.js';
import { beijingToday } from '../../lib/days.js';
import { pinyinKey } from '../../lib/pinyin.js';
import { activityCode } from '../../modules/activities/activities.repository.js';
import { appealCode } from '../../modules/appeals/appeals.repository.js';
import { taskCode } from '../../modules/rectification/rectification.repository.js';
import {
  DEMO_CAMPAIGN_TITLE,
  loadDemoCampaign,
  NINE_PROBLEMS,
} from '../../modules/rectification/rectification.seed.js';
import { ROLLUP_SOURCES } from '../../rollup-sources.js';
import { bulkWriter, type Row } from './bulk-writer.js';
import {
  DAY_MS,
  DEFAULT_SEED,
  dayNumber,
  dayString,
  FIRST_DAY,
  officeMoment,
  orgCodeCheck,
  personName,
  Rng,
  uuid7,
  weighted,
} from './generate-projects.js';
import * as V from './vocabulary.js';

/** Bump when the generated records change: cached bench databases are keyed by it. */
export const RECORDS_VERSION = 1;

export interface RecordsOptions {
  /** Default 0.2 × projects. */
  activities?: number;
  /** Default 2 × projects. */
  appeals?: number;
  /** Rectification tasks; default 0.05 × projects. */
  tasks?: number;
  /** Incentive applications; default 0.02 × projects. */
  applications?: number;
  seed?: number;
  /** The generator's today (YYYY-MM-DD, Beijing): no date after it. Default: today. */
  asOf?: string;
  log?: (line: string) => void;
}

export interface RecordsStats {
  rows: Record<string, number>;
  totalRows: number;
  /** Projects given a source activity (an update, not counted in rows). */
  sourceProjects: number;
  seconds: { generateAndInsert: number; indexes: number; rollups: Record<string, number>; total: number };
  rowsPerSecond: number;
}

// ---------------------------------------------------------------- the writer

const TABLES = {
  org_units: [
    'id',
    'code',
    'name',
    'short_name',
    'kind',
    'parent_id',
    'path',
    'depth',
    'category',
    'credit_code',
    'pinyin',
    'active',
    'sort',
    'created_at',
    'updated_at',
    'version',
  ],
  officials: [
    'id',
    'name',
    'post',
    'level',
    'main',
    'active',
    'org_unit_id',
    'org_path',
    'pinyin',
    'created_at',
    'updated_at',
    'version',
  ],
  activities: [
    'id',
    'code',
    'type',
    'title',
    'start_on',
    'end_on',
    'days',
    'country',
    'province',
    'city',
    'venue',
    'organiser_id',
    'region_id',
    'region_path',
    'participants',
    'attendance',
    'summary',
    'official_names',
    'search_text',
    'created_by',
    'created_by_name',
    'created_at',
    'updated_at',
    'version',
  ],
  activity_officials: ['activity_id', 'official_id', 'position'],
  activity_investors: ['activity_id', 'investor_id', 'position'],
  activity_signings: ['activity_id', 'project_id', 'amount_fen', 'position', 'created_at'],
  appeal_meetings: [
    'id',
    'series',
    'title',
    'held_on',
    'region_id',
    'region_path',
    'host_leader',
    'location',
    'notes',
    'created_by',
    'created_at',
    'updated_at',
    'version',
  ],
  appeal_meeting_enterprises: ['meeting_id', 'enterprise_id', 'position'],
  appeals: [
    'id',
    'code',
    'title',
    'description',
    'search_text',
    'channel',
    'category',
    'urgency',
    'anonymous',
    'express',
    'enterprise_id',
    'enterprise_name',
    'contact_name',
    'contact_phone',
    'project_id',
    'meeting_id',
    'region_id',
    'region_path',
    'department_id',
    'supervising_unit_id',
    'escalation_level',
    'escalated_on',
    'status',
    'filed_on',
    'accepted_on',
    'assigned_on',
    'signed_on',
    'answered_on',
    'closed_on',
    'accept_due_on',
    'sign_due_on',
    'answer_due_on',
    'due_on',
    'due_stage',
    'due_unscheduled',
    'overdue_since',
    'next_sweep_on',
    'sla_accept_days',
    'sla_sign_days',
    'sla_answer_days',
    'sla_escalate_days',
    'answer',
    'answer_working_days',
    'answered_on_time',
    'reopen_count',
    'rating',
    'rating_comment',
    'rated_via',
    'open_question',
    'reject_reason',
    'duplicate_of_id',
    'merged_into_id',
    'created_by',
    'created_at',
    'updated_at',
    'version',
  ],
  rectification_campaigns: [
    'id',
    'title',
    'issuing_body',
    'doc_number',
    'owner_org_id',
    'owner_path',
    'start_on',
    'deadline_on',
    'scope_org_ids',
    'description',
    'created_at',
    'updated_at',
    'version',
  ],
  rectification_problems: ['id', 'campaign_id', 'seq', 'name'],
  rectification_tasks: [
    'id',
    'code',
    'campaign_id',
    'problem_id',
    'issue',
    'measures',
    'lead_org_id',
    'region_path',
    'deadline_on',
    'milestones',
    'source',
    'source_ref',
    'status',
    'progress',
    'last_report_on',
    'verification',
    'closed_on',
    'search_text',
    'created_by',
    'created_at',
    'updated_at',
    'version',
  ],
  rectification_task_units: ['task_id', 'org_id', 'org_path', 'role', 'position'],
  rectification_reports: [
    'id',
    'task_id',
    'kind',
    'org_id',
    'org_name',
    'percent',
    'narrative',
    'reason',
    'evidence',
    'reported_on',
    'actor_id',
    'actor_name',
    'created_at',
  ],
  rectification_verifications: [
    'id',
    'task_id',
    'kind',
    'result',
    'findings',
    'verified_on',
    'org_name',
    'actor_id',
    'actor_name',
    'created_at',
  ],
  rectification_events: ['id', 'task_id', 'action', 'note', 'actor_name', 'created_at'],
  incentive_rates: [
    'currency',
    'day',
    'rate',
    'source',
    'note',
    'updated_by',
    'created_at',
    'updated_at',
    'version',
  ],
  incentive_applications: [
    'id',
    'code',
    'policy_id',
    'kind',
    'enterprise_id',
    'enterprise_name',
    'region_id',
    'region_path',
    'project_id',
    'catalogue_item_id',
    'facts',
    'materials',
    'status',
    'stage',
    'stage_due_on',
    'due_unscheduled',
    'submitted_on',
    'approved_on',
    'pay_due_on',
    'paid_on',
    'closed_on',
    'provisional_fen',
    'approved_fen',
    'paid_fen',
    'evaluation',
    'search_text',
    'created_by',
    'created_at',
    'updated_at',
    'version',
  ],
  incentive_arrivals: [
    'id',
    'application_id',
    'enterprise_id',
    'position',
    'bank_receipt_no',
    'claim_key',
    'received_on',
    'currency',
    'amount',
    'amount_fen',
    'rate',
    'rate_day',
    'counted',
    'project_id',
    'project_fund_id',
    'created_at',
  ],
  incentive_events: [
    'id',
    'application_id',
    'action',
    'stage',
    'from_status',
    'to_status',
    'note',
    'due_on',
    'on_time',
    'actor_id',
    'actor_name',
    'unit_name',
    'created_at',
  ],
  incentive_payments: [
    'id',
    'application_id',
    'paid_on',
    'amount_fen',
    'voucher_no',
    'note',
    'actor_name',
    'created_at',
  ],
} as const satisfies Record<string, readonly string[]>;
type Table = keyof typeof TABLES;
/** In foreign-key order. */
const TABLE_NAMES = Object.keys(TABLES) as Table[];

/**
 * Statistics once loaded: of the tables loaded here and of projects on PostgreSQL (setSources
 * updates it); on SQLite of the tables loaded here only: with statistics on projects, SQLite's planner
 * prefers a skip-scan of projects_status to the covering index of the period figures (10× slower).
 */
const STATISTICS = { sqlite: TABLE_NAMES, postgres: [...TABLE_NAMES, 'projects'] };

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

// ---------------------------------------------------------------- the organisation tree

interface Unit {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  path: string;
  parentId: string | null;
  depth: number;
  category: string | null;
}

/** A working-day calendar over day numbers: addWorkingDays and countWorkingDays in O(1). */
function dayCalendar(cal: WorkCalendar, fromN: number, toN: number) {
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

// ---------------------------------------------------------------- the generator

/** `_config`: kept for the signature of generateProjects (the records need no setting of it yet). */
export async function generateRecords(
  database: DbHandle,
  _config: Config,
  opts: RecordsOptions = {},
): Promise<RecordsStats> {
  const log = opts.log ?? (() => {});
  const rng = new Rng((opts.seed ?? DEFAULT_SEED) ^ 0x5eed5);
  const today = opts.asOf ?? beijingToday();
  const todayN = dayNumber(today);
  const firstN = dayNumber(FIRST_DAY);
  const nowMs = Math.min(Date.now(), (todayN + 1) * DAY_MS - 8 * 3_600_000 - 1);
  const started = performance.now();
  const { db } = database;
  const at = (ms: number) => new Date(ms).toISOString();
  /** A moment of day n, and never before `after` (ms). */
  const momentOn = (n: number, after = 0) =>
    Math.max(after + 1, officeMoment(rng, Math.min(n, todayN), nowMs));

  for (const table of ['activities', 'appeals', 'rectification_tasks', 'incentive_applications'] as const) {
    const { n } = await sql<{ n: number }>`select count(*) as n from ${sql.raw(table)}`
      .execute(db)
      .then((r) => r.rows[0]);
    if (Number(n) > 0) throw new Error(`the database has ${table} already: generate into a fresh one`);
  }

  // ---- the organisation tree (ordered by code: the same draws whatever the insertion order)
  const units = (await db
    .selectFrom('orgUnits')
    .select(['id', 'code', 'name', 'shortName', 'kind', 'path', 'parentId', 'depth', 'category'])
    .where('kind', '!=', 'enterprise')
    .orderBy('code')
    .execute()) as Unit[];
  const byId = new Map(units.map((u) => [u.id, u]));
  const byCode = new Map(units.map((u) => [u.code, u]));
  const province = units.find((u) => u.kind === 'province');
  if (!province) throw new Error('no province: run seed first');
  const cityOf = (u: Unit) => byId.get(u.path.split('/')[2]) ?? province;
  const places = units.filter((u) => u.kind === 'county' || u.kind === 'zone');
  const regions = units.filter((u) => isRegionKind(u.kind));
  const unitWeight = (u: Unit) =>
    u.kind === 'zone'
      ? u.category === 'national'
        ? V.UNIT_WEIGHTS.nationalZone
        : V.UNIT_WEIGHTS.provincialZone
      : u.name.endsWith('区')
        ? V.UNIT_WEIGHTS.district
        : V.UNIT_WEIGHTS.county;
  const cityTotals = new Map<string, number>();
  for (const u of places)
    cityTotals.set(cityOf(u).code, (cityTotals.get(cityOf(u).code) ?? 0) + unitWeight(u));
  const placeWeight = (u: Unit) =>
    ((V.CITY_WEIGHTS[cityOf(u).code] ?? 5) * unitWeight(u)) / cityTotals.get(cityOf(u).code)!;
  const pickPlace = weighted(places, placeWeight);
  const cities = units.filter((u) => u.kind === 'city');
  const pickCity = weighted(cities, (c) => V.CITY_WEIGHTS[c.code] ?? 5);
  /** The region whose departments serve a unit: itself, or a zone's region. */
  const regionOf = (u: Unit): Unit => (u.kind === 'zone' ? regionOf(byId.get(u.parentId!)!) : u);
  const department = (unit: Unit, key: string): Unit | undefined =>
    byCode.get(`${regionOf(unit).code}-${key}`) ?? byCode.get(`${cityOf(unit).code}-${key}`);
  const shortOf = (u: Unit) =>
    u.shortName ?? (u.name.length > 2 ? u.name.replace(/(省|市|县|区)$/, '') : u.name);
  const ancestorsOf = (u: Unit): Unit[] =>
    u.path
      .split('/')
      .filter(Boolean)
      .map((id) => byId.get(id)!)
      .filter(Boolean);
  const placeIndex = new Map(places.map((p, i) => [p.id, i]));

  // ---- what generate-projects.ts made: projects (compactly) and investors
  log('  reading the projects…');
  const projectIds: string[] = [];
  const projectPlace: number[] = [];
  const projectCreated: number[] = [];
  const projectSigned: number[] = [];
  const projectFen: number[] = [];
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
      projectIds.push(p.id);
      projectPlace.push(placeIndex.get(p.regionId) ?? -1);
      projectCreated.push(dayNumber(p.createdOn));
      projectSigned.push(p.signedOn ? dayNumber(p.signedOn) : -1);
      projectFen.push(Number(p.totalInvestmentFen));
    }
  }
  const P = projectIds.length;
  if (P === 0) throw new Error('no projects: run generateProjects first');
  const projectsOfPlace = places.map(() => [] as number[]);
  for (let p = 0; p < P; p++) if (projectPlace[p] >= 0) projectsOfPlace[projectPlace[p]].push(p);
  const investors = await db.selectFrom('investors').select(['id', 'name', 'pinyin']).orderBy('id').execute();
  const pickInvestor = () => investors[Math.floor(investors.length * rng.float() ** 2)];

  const counts = {
    activities: opts.activities ?? Math.round(P * 0.2),
    appeals: opts.appeals ?? P * 2,
    tasks: opts.tasks ?? Math.round(P * 0.05),
    applications: opts.applications ?? Math.round(P * 0.02),
  };
  log(
    `  ${P.toLocaleString('en')} projects: adding ${counts.activities.toLocaleString('en')} activities, ${counts.appeals.toLocaleString('en')} appeals, ${counts.tasks.toLocaleString('en')} rectification tasks, ${counts.applications.toLocaleString('en')} incentive applications`,
  );

  // ---- the working-day calendar, a year either side
  const wd = dayCalendar(await loadCalendar(db), firstN - 400, todayN + 800);

  const writer = bulkWriter(database, { tables: TABLES, statistics: STATISTICS });
  await writer.dropIndexes();
  const rows: Record<string, number> = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0]));
  let batch = writer.emptyBatch();
  let pending = 0;
  let lastReport = performance.now();
  const flush = async (force = false) => {
    pending = TABLE_NAMES.reduce((a, t) => a + batch[t].length, 0);
    if (!force && pending < 40_000) return;
    for (const t of TABLE_NAMES) rows[t] += batch[t].length;
    await writer.write(batch);
    batch = writer.emptyBatch();
    if (performance.now() - lastReport > 10_000 || force) {
      lastReport = performance.now();
      const secs = (lastReport - started) / 1000;
      const total = Object.values(rows).reduce((a, b) => a + b, 0);
      log(
        `  ${total.toLocaleString('en')} rows, ${secs.toFixed(0)} s (${Math.round(total / secs).toLocaleString('en')} rows/s)`,
      );
    }
  };

  // ================================================================ enterprises
  const enterpriseCount = Math.max(50, Math.round(P / 20));
  const enterprises: { id: string; name: string; place: number; path: string }[] = [];
  const enterprisesOfPlace = places.map(() => [] as number[]);
  const pickForm = weighted(V.ORG_FORMS, (f) => f[1]);
  for (let i = 0; i < enterpriseCount; i++) {
    const place = pickPlace(rng);
    const p = placeIndex.get(place.id)!;
    const name = `${shortOf(place)}${rng.pick(V.BRAND_FIRST)}${rng.pick(V.BRAND_SECOND)}${rng.pick(V.INVESTOR_TRADES)}${pickForm(rng)[0]}`;
    const ms = officeMoment(rng, firstN - rng.int(30, 400), nowMs);
    const id = uuid7(rng, ms);
    let org = '';
    for (let k = 0; k < 8; k++) org += String(rng.int(0, 9));
    const regionCode = regionOf(place).code.replace(/^Z/, '').slice(0, 6);
    const first17 = `91${regionCode}${org}${orgCodeCheck(org)}`;
    const path = `${place.path}${id}/`;
    batch.org_units.push([
      id,
      `E-G${String(i + 1).padStart(7, '0')}`,
      name,
      null,
      'enterprise',
      place.id,
      path,
      place.depth + 1,
      null,
      `${first17}${creditCodeCheckChar(first17)}`,
      pinyinKey(name),
      1,
      0,
      at(ms),
      at(ms),
      1,
    ]);
    enterprises.push({ id, name, place: p, path });
    enterprisesOfPlace[p].push(i);
  }
  await flush(true);

  // ================================================================ officials and activities
  log('  officials and activities…');
  const officials: { id: string; name: string; pinyin: string; main: boolean; unit: Unit }[] = [];
  const officialsOf = new Map<string, typeof officials>();
  const pinyinCache = new Map<string, string>();
  const keyOf = (s: string) => {
    let k = pinyinCache.get(s);
    if (k === undefined) {
      k = pinyinKey(s);
      pinyinCache.set(s, k);
    }
    return k;
  };
  for (const u of regions) {
    const posts =
      u.kind === 'county'
        ? V.OFFICIAL_POSTS[u.name.endsWith('区') ? 'district' : u.name.endsWith('市') ? 'city' : 'county']
        : V.OFFICIAL_POSTS[u.kind];
    const list: typeof officials = [];
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
      officials.push(o);
    }
    officialsOf.set(u.id, list);
  }

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
  /** Activities per region unit, by start day: where signings and sources find theirs. */
  const activitiesOf = new Map<string, { start: number[]; id: string[]; type: string[] }>();
  const activityPosition = new Map<string, number>();
  const A = counts.activities;
  const actStart = new Int32Array(A);
  for (let i = 0; i < A; i++) actStart[i] = rng.int(firstN, todayN);
  actStart.sort();
  const window = todayN - firstN;
  if (window <= 0) throw new Error('asOf is before the first day of the generated history');
  for (let i = 0; i < A; i++) {
    const u = rng.float();
    const region: Unit = u < 0.03 ? province : u < 0.25 ? pickCity(rng) : pickPlace(rng);
    const type = pickType(rng)[0];
    const [lo, hi] = LENGTH[type];
    const days = rng.int(lo, hi);
    const startN = Math.min(actStart[i], todayN - days + 1);
    const endN = startN + days - 1;
    const year = dayString(startN).slice(0, 4);
    const short = shortOf(region);
    const theme = rng.pick(V.ACTIVITY_THEMES);
    let country = '中国';
    let prov: string | null = '山西';
    let city: string | null = cityOf(region) === province ? '太原' : shortOf(cityOf(region));
    let venue: string | null = rng.pick(V.ACTIVITY_VENUES);
    let title: string;
    const met: typeof investors = [];
    const investorCount =
      type === 'signing' ? rng.int(2, 6) : type === 'online' ? rng.int(0, 3) : rng.int(0, 4);
    while (met.length < investorCount) {
      const inv = pickInvestor();
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
    // leaders: a main leader on most outbound trips; sometimes one from the city above
    const own = officialsOf.get(region.id) ?? [];
    const chosen: typeof officials = [];
    const mains = own.filter((o) => o.main);
    const deputies = own.filter((o) => !o.main);
    if (type === 'outbound' ? rng.chance(0.85) : rng.chance(0.3)) chosen.push(rng.pick(mains));
    if (deputies.length && rng.chance(type === 'outbound' ? 0.3 : 0.25)) chosen.push(rng.pick(deputies));
    if (region.kind !== 'city' && region !== province && rng.chance(0.08)) {
      const above = officialsOf.get(cityOf(region).id) ?? [];
      const o = above.length ? rng.pick(above) : undefined;
      if (o && !chosen.includes(o)) chosen.push(o);
    }
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
    await flush();
  }

  /** The latest activity of a region (or above) that began in [from, to], of an allowed type. */
  const findActivity = (place: Unit, from: number, to: number, types: readonly string[]) => {
    const chain = ancestorsOf(place).reverse();
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
  const SIGNING_TYPES = ['signing', 'conference', 'outbound', 'hometown', 'reception'];
  const SOURCE_TYPES = ['outbound', 'conference', 'reception', 'hometown', 'online'];
  const sources: [string, string][] = [];
  for (let p = 0; p < P; p++) {
    if (projectPlace[p] < 0) continue;
    const place = places[projectPlace[p]];
    if (rng.chance(0.15)) {
      const a = findActivity(place, projectCreated[p] - 90, projectCreated[p], SOURCE_TYPES);
      if (a) sources.push([projectIds[p], a]);
    }
    const signedN = projectSigned[p];
    if (signedN >= 0 && rng.chance(0.3)) {
      const a = findActivity(place, signedN - 45, signedN, SIGNING_TYPES);
      if (!a) continue;
      const position = activityPosition.get(a) ?? 0;
      activityPosition.set(a, position + 1);
      const amount = rng.chance(0.8)
        ? projectFen[p]
        : Math.max(
            1_000_000,
            Math.round((projectFen[p] * (0.3 + 0.6 * rng.float())) / 1_000_000) * 1_000_000,
          );
      batch.activity_signings.push([a, projectIds[p], amount, position, at(momentOn(signedN))]);
      await flush();
    }
  }
  await flush(true);
  await setSources(database, sources);

  // ================================================================ appeals
  log('  appeals…');
  const slaRules = await db.selectFrom('appealSlaRules').selectAll().execute();
  const ruleFor = (a: { channel: string; category: string; urgency: string }) => {
    const fits = slaRules.filter(
      (r) =>
        (r.channel === null || r.channel === a.channel) &&
        (r.category === null || r.category === a.category) &&
        (r.urgency === null || r.urgency === a.urgency),
    );
    const score = (r: (typeof slaRules)[number]) =>
      (r.channel ? 4 : 0) + (r.category ? 2 : 0) + (r.urgency ? 1 : 0);
    fits.sort((x, y) => score(y) - score(x) || x.id.localeCompare(y.id));
    if (!fits[0]) throw new Error('no SLA rule fits');
    return fits[0];
  };
  const categories = Object.keys(V.APPEAL_TOPICS);
  const pickCategory = weighted(categories, (c) => V.APPEAL_TOPICS[c][0]);
  const CHANNEL_MIX: [string, number][] = [
    ['portal', 36],
    ['window', 20],
    ['hotline', 16],
    ['transfer_12345', 20],
    ['express', 5],
  ];
  const pickChannel = weighted(CHANNEL_MIX, (c) => c[1]);

  // meetings first: each brings the issues of a few attending enterprises (channel `meeting`)
  const AP = counts.appeals;
  const meetingCount = Math.round((AP * 0.06) / 4);
  const meetings: { id: string; place: Unit; heldN: number; enterprises: number[] }[] = [];
  for (let m = 0; m < meetingCount; m++) {
    const place = pickPlace(rng);
    const pool = enterprisesOfPlace[placeIndex.get(place.id)!];
    if (pool.length === 0) continue;
    const heldN = rng.int(firstN, todayN);
    const series = rng.pick(['breakfast', 'tea', 'salon'] as const);
    const attending = new Set<number>();
    const size = Math.min(pool.length, rng.int(3, 6));
    while (attending.size < size) attending.add(rng.pick(pool));
    const ms = momentOn(heldN);
    const id = uuid7(rng, ms);
    const host = officialsOf.get(place.id)?.find((o) => o.main);
    batch.appeal_meetings.push([
      id,
      series,
      `${shortOf(place)}${dayString(heldN).slice(0, 7).replace('-', '年')}月${V.MEETING_SERIES_TITLES[series]}`,
      dayString(heldN),
      place.id,
      place.path,
      host?.name ?? personName(rng),
      rng.pick(V.ACTIVITY_VENUES),
      null,
      null,
      at(ms),
      at(ms),
      1,
    ]);
    [...attending].forEach((e, position) => {
      batch.appeal_meeting_enterprises.push([id, enterprises[e].id, position]);
    });
    meetings.push({ id, place, heldN, enterprises: [...attending] });
  }
  await flush(true);

  // skeletons (filing day, enterprise, meeting), then filed in day order
  const filed = new Int32Array(AP);
  const filer = new Int32Array(AP);
  const meetingOf = new Int32Array(AP).fill(-1);
  let k = 0;
  for (let m = 0; m < meetings.length && k < AP; m++)
    for (const e of meetings[m].enterprises) {
      if (k >= AP || !rng.chance(0.8)) continue;
      filed[k] = meetings[m].heldN;
      filer[k] = e;
      meetingOf[k] = m;
      k++;
    }
  for (; k < AP; k++) {
    // more appeals in later years: the platform's use grows (density rising linearly)
    filed[k] = firstN + Math.floor(window * Math.sqrt(rng.float()));
    filer[k] = Math.floor(enterprises.length * rng.float() ** 1.5);
  }
  const order = new Float64Array(AP);
  for (let i = 0; i < AP; i++) order[i] = filed[i] * 2 ** 22 + i;
  order.sort();
  /** The latest appeal of each enterprise and the day it stopped being open (merge targets). */
  const lastOf = new Map<number, { id: string; closedN: number; category: string }>();
  const RATING_MIX: [string, number][] = [
    ['satisfied', 74],
    ['basically_satisfied', 19],
    ['unsatisfied', 7],
  ];
  const pickRating = weighted(RATING_MIX, (r) => r[1]);

  for (let j = 0; j < AP; j++) {
    const i = order[j] % 2 ** 22;
    const F = filed[i];
    const e = enterprises[filer[i]];
    const place = places[e.place];
    const meeting = meetingOf[i] >= 0 ? meetings[meetingOf[i]] : null;
    const channel = meeting ? 'meeting' : pickChannel(rng)[0];
    const category = pickCategory(rng);
    const [, deptKey, matters] = V.APPEAL_TOPICS[category];
    const urgency = rng.chance(0.1) ? 'urgent' : 'normal';
    const rule = ruleFor({ channel, category, urgency });
    const office = meeting
      ? meeting.place
      : channel === 'express' || rng.chance(0.12)
        ? cityOf(place)
        : place;
    const matter = rng.pick(matters);
    const title = rng.chance(0.5) ? matter : `关于${matter}的诉求`;
    const createdMs = momentOn(F);
    const id = uuid7(rng, createdMs);
    const code = appealCode(id, dayString(F));
    const anonymous = (channel === 'hotline' || channel === 'portal') && rng.chance(0.05) ? 1 : 0;
    const pool = projectsOfPlace[e.place];
    const projectId = pool.length > 0 && rng.chance(0.2) ? projectIds[rng.pick(pool)] : null;

    const acceptDue = wd.add(F, rule.acceptDays);
    let status = 'submitted';
    let lastN = F;
    let steps = 0;
    let acceptedN = -1;
    let assignedN = -1;
    let signedN = -1;
    let answeredN = -1;
    let closedN = -1;
    let signDue = -1;
    let answerDue = -1;
    let answerWorkingDays: number | null = null;
    let answeredOnTime: number | null = null;
    let departmentId: string | null = null;
    let rating: string | null = null;
    let ratedVia: string | null = null;
    let ratingComment: string | null = null;
    let answer: string | null = null;
    let reopen = 0;
    let rejectReason: string | null = null;
    let mergedInto: string | null = null;
    let duplicateOf: string | null = null;
    let openQuestion = 0;
    /** Every step happens on or before today; the state at today is what stays. */
    const by = (n: number) => n <= todayN;
    const previous = lastOf.get(filer[i]);
    const u = rng.float();
    if (u < 0.03) {
      const n = wd.add(F, rng.int(0, 1));
      if (by(n)) {
        status = 'rejected';
        closedN = n;
        rejectReason = rng.pick(V.APPEAL_REJECT_REASONS);
        lastN = n;
        steps++;
      }
    } else if (u < 0.045 && previous && previous.closedN > F && !meeting) {
      const n = wd.add(F, rng.int(0, 1));
      duplicateOf = previous.id;
      if (by(n) && n < previous.closedN) {
        status = 'merged';
        closedN = n;
        mergedInto = previous.id;
        lastN = n;
        steps++;
      }
    } else {
      const stuck = F >= todayN - 240 && rng.chance(0.03);
      acceptedN = wd.add(F, rng.chance(0.04) ? rng.int(2, 3) : rng.int(0, rule.acceptDays));
      if (!by(acceptedN)) acceptedN = -1;
      else {
        status = 'accepted';
        steps++;
        lastN = acceptedN;
        answerDue = wd.add(acceptedN, rule.answerDays);
        const n = wd.add(acceptedN, rng.int(0, 1));
        const dept = department(office, deptKey) ?? department(office, 'commerce');
        if (by(n) && dept) {
          assignedN = n;
          departmentId = dept.id;
          signDue = wd.add(n, rule.signDays);
          status = 'assigned';
          steps++;
          lastN = n;
          const s = wd.add(n, rng.chance(0.05) ? rng.int(2, 3) : rng.int(0, rule.signDays));
          if (by(s)) {
            signedN = s;
            status = 'handling';
            steps++;
            lastN = s;
            const onTime = rng.chance(0.85);
            const w = onTime
              ? rng.int(1, rule.answerDays)
              : rng.int(rule.answerDays + 1, rule.answerDays * 2 + 5);
            const a = Math.max(signedN, wd.add(acceptedN, w));
            if (!stuck && by(a)) {
              answeredN = a;
              answer = rng.pick(V.APPEAL_ANSWERS);
              answerWorkingDays = wd.between(acceptedN, a);
              answeredOnTime = a <= answerDue ? 1 : 0;
              status = 'answered';
              steps++;
              lastN = a;
              const r = a + rng.int(1, 10);
              if (by(r) && !(r > todayN - 10 && rng.chance(0.3))) {
                rating = pickRating(rng)[0];
                ratedVia = rng.chance(0.65) ? 'enterprise' : 'callback';
                ratingComment = rating === 'unsatisfied' ? '问题未根本解决，希望继续协调' : null;
                steps++;
                lastN = r;
                if (rating === 'unsatisfied') {
                  // 重办: the same department answers again on a fresh deadline
                  reopen = 1;
                  answerDue = wd.add(r, rule.answerDays);
                  status = 'handling';
                  const a2 = wd.add(r, rng.int(2, rule.answerDays + 3));
                  if (by(a2)) {
                    answeredN = a2;
                    answer = rng.pick(V.APPEAL_ANSWERS);
                    answeredOnTime = a2 <= answerDue ? 1 : 0;
                    rating = null;
                    ratedVia = null;
                    ratingComment = null;
                    status = 'answered';
                    steps++;
                    lastN = a2;
                    const r2 = a2 + rng.int(1, 10);
                    if (by(r2)) {
                      rating = rng.chance(0.7) ? 'basically_satisfied' : 'satisfied';
                      ratedVia = rng.chance(0.5) ? 'enterprise' : 'callback';
                      status = 'closed';
                      closedN = r2;
                      steps++;
                      lastN = r2;
                    }
                  }
                } else {
                  status = 'closed';
                  closedN = r;
                }
              }
            } else if (rng.chance(0.05)) openQuestion = 1;
          }
        }
      }
    }

    // the running deadline and what the sweep has made of it by today
    const [dueN, dueStage, dueFrom] =
      status === 'submitted'
        ? [acceptDue, 'accept', F]
        : status === 'accepted' || status === 'handling'
          ? [answerDue, 'answer', acceptedN]
          : status === 'assigned'
            ? [signDue, 'sign', assignedN]
            : [-1, null, F];
    let supervisor = office;
    let level = 0;
    let escalatedN = -1;
    let overdueSince: string | null = null;
    let nextSweep: string | null = null;
    /** The sweep escalates one level each time the appeal stays overdue the rule's working days. */
    const escalate = (due: number, until: number) => {
      let since = due;
      for (;;) {
        const parent = supervisor.parentId ? byId.get(supervisor.parentId) : undefined;
        const e2 = wd.add(since, rule.escalateAfterDays);
        if (!parent || e2 > until) return since;
        supervisor = parent;
        level++;
        escalatedN = e2;
        since = e2;
        steps++;
      }
    };
    if (answeredN >= 0 && answeredOnTime === 0 && reopen === 0) escalate(answerDue, answeredN - 1);
    if (dueN >= 0) {
      if (dueN < todayN) {
        overdueSince = dayString(dueN + 1);
        steps++;
        const since = escalate(dueN, todayN);
        const next = wd.add(since, rule.escalateAfterDays);
        nextSweep = supervisor.parentId ? dayString(next > todayN ? next : todayN + 1) : null;
      } else nextSweep = dayString(dueN + 1);
    }
    const updatedMs = lastN > F || level > 0 ? momentOn(Math.max(lastN, escalatedN), createdMs) : createdMs;
    const d = (n: number) => (n >= 0 ? dayString(n) : null);
    batch.appeals.push([
      id,
      code,
      title,
      `${e.name}反映：${matter}，影响企业正常生产经营，请求协调解决。`,
      `${title} ${code}`.toLowerCase(),
      channel,
      category,
      urgency,
      anonymous,
      channel === 'express' ? 1 : 0,
      e.id,
      e.name,
      personName(rng),
      `13${rng.int(100000000, 999999999)}`,
      projectId,
      meeting?.id ?? null,
      office.id,
      office.path,
      departmentId,
      supervisor.id,
      level,
      d(escalatedN),
      status,
      dayString(F),
      d(acceptedN),
      d(assignedN),
      d(signedN),
      d(answeredN),
      d(closedN),
      dayString(acceptDue),
      d(signDue),
      d(answerDue),
      d(dueN),
      dueStage,
      dueN >= 0 && wd.unscheduled(dueFrom, dueN, 1) ? 1 : 0,
      overdueSince,
      nextSweep,
      rule.acceptDays,
      rule.signDays,
      rule.answerDays,
      rule.escalateAfterDays,
      answer,
      answerWorkingDays,
      answeredOnTime,
      reopen,
      rating,
      ratingComment,
      ratedVia,
      openQuestion,
      rejectReason,
      duplicateOf,
      mergedInto,
      null,
      at(createdMs),
      at(updatedMs),
      1 + steps,
    ]);
    lastOf.set(filer[i], { id, closedN: closedN >= 0 ? closedN : todayN + 1, category });
    await flush();
  }
  await flush(true);

  // ================================================================ rectification
  log('  rectification…');
  await loadDemoCampaign(db, today);
  const demo = await db
    .selectFrom('rectificationCampaigns')
    .select(['id', 'startOn', 'deadlineOn'])
    .where('title', '=', DEMO_CAMPAIGN_TITLE)
    .executeTakeFirstOrThrow();
  const demoProblems = await db
    .selectFrom('rectificationProblems')
    .select(['id', 'seq'])
    .where('campaignId', '=', demo.id)
    .orderBy('seq')
    .execute();
  const campaigns: { id: string; startN: number; deadlineN: number; problems: string[]; weight: number }[] =
    [];
  const thisYear = Number(today.slice(0, 4));
  V.PAST_CAMPAIGNS.forEach(([title, body, mmdd], c) => {
    const year = thisYear - V.PAST_CAMPAIGNS.length + c;
    const startN = dayNumber(`${year}-${mmdd}`);
    const deadlineN = dayNumber(`${year}-12-31`);
    if (startN < firstN || startN > todayN - 30) return;
    const ms = momentOn(startN);
    const id = uuid7(rng, ms);
    batch.rectification_campaigns.push([
      id,
      `${year}年${title}`,
      body,
      `晋政办发〔${year}〕${rng.int(10, 60)}号`,
      province.id,
      province.path,
      dayString(startN),
      dayString(deadlineN),
      JSON.stringify([province.id]),
      '聚焦影响营商环境的突出问题，建立整改任务清单和工作台账，实行项目化推进、清单化管理、销号式落实。',
      at(ms),
      at(ms),
      1,
    ]);
    const problems = NINE_PROBLEMS.map((name, seq) => {
      const pid = uuid7(rng, ms);
      batch.rectification_problems.push([pid, id, seq + 1, name]);
      return pid;
    });
    campaigns.push({ id, startN, deadlineN, problems, weight: Math.max(30, deadlineN - startN) });
  });
  const demoStartN = dayNumber(demo.startOn);
  campaigns.push({
    id: demo.id,
    startN: demoStartN,
    deadlineN: dayNumber(demo.deadlineOn),
    problems: demoProblems.map((p) => p.id),
    // a campaign that starts today: its first tasks only
    weight: campaigns.length === 0 ? 1 : campaigns.reduce((a, c) => a + c.weight, 0) * 0.05,
  });
  const pickCampaign = weighted(campaigns, (c) => c.weight);
  const pickSource = weighted(
    [
      ['self_inspection', 40],
      ['field_survey', 20],
      ['appeal', 15],
      ['overdue_incentive', 8],
      ['inspector_finding', 17],
    ] as [string, number][],
    (s) => s[1],
  );
  const zoneUnits = places.filter((p) => p.kind === 'zone');
  const pickZone = weighted(zoneUnits.length ? zoneUnits : places, placeWeight);
  const DEPT_KEYS = ['commerce', 'development', 'natural-resources', 'approval', 'finance', 'investment'];
  for (let t = 0; t < counts.tasks; t++) {
    const c = pickCampaign(rng);
    const seq = rng.int(0, Math.min(8, c.problems.length - 1));
    const zones = [rng.chance(0.7) ? pickZone(rng) : pickPlace(rng)];
    if (rng.chance(0.15)) {
      const z = pickPlace(rng);
      if (!zones.includes(z)) zones.push(z);
    }
    const home = zones[0];
    const lead = rng.chance(0.3) ? home : (department(home, rng.pick(DEPT_KEYS)) ?? home);
    const coops: Unit[] = [];
    for (let n = rng.int(0, 2); n > 0; n--) {
      const d = department(home, rng.pick(DEPT_KEYS));
      if (d && d !== lead && !coops.includes(d)) coops.push(d);
    }
    const createdN = Math.min(
      todayN,
      c.startN + rng.int(0, Math.max(0, Math.min(todayN, c.deadlineN - 30) - c.startN)),
    );
    const deadlineN = Math.min(c.deadlineN, createdN + rng.int(30, 240));
    const milestones = V.RECTIFICATION_MILESTONES.slice(0, rng.int(0, 3)).map((title, m, all) => ({
      title,
      dueOn: dayString(createdN + Math.round(((deadlineN - createdN) * (m + 1)) / (all.length + 1))),
    }));
    const [issue0, measures] = rng.pick(V.RECTIFICATION_ISSUES[seq]);
    const issue = `${shortOf(home)}${issue0}`;
    const createdMs = momentOn(createdN);
    const id = uuid7(rng, createdMs);
    const code = taskCode(id, dayString(createdN));
    // where it stands today
    const r = rng.float();
    let status = 'open';
    let progress = 0;
    let verification: string | null = null;
    let closedN = -1;
    let verifiedN = -1;
    if (todayN > deadlineN) {
      if (r < 0.7) {
        status = 'closed';
        closedN = Math.min(todayN, Math.max(createdN + 10, deadlineN + rng.int(-60, 30)));
      } else if (r < 0.78) status = 'verified';
      else progress = rng.int(2, 9) * 10;
    } else {
      const elapsed = (todayN - createdN) / Math.max(1, deadlineN - createdN);
      if (r < 0.12 * elapsed) status = rng.chance(0.6) ? 'closed' : 'verified';
      else progress = Math.min(90, Math.max(0, Math.round((elapsed * 100 + rng.int(-20, 10)) / 10) * 10));
      if (status === 'closed')
        closedN = Math.min(todayN, createdN + Math.max(10, Math.round((todayN - createdN) * 0.9)));
    }
    if (status !== 'open') {
      progress = 100;
      verification = 'passed';
      verifiedN =
        closedN >= 0
          ? closedN - rng.int(0, 5)
          : Math.min(todayN, Math.max(createdN + 5, deadlineN - rng.int(0, 30)));
      verifiedN = Math.max(createdN, verifiedN);
      if (closedN >= 0 && closedN < verifiedN) closedN = verifiedN;
    } else if (progress >= 80 && rng.chance(0.25)) {
      progress = 100;
      verification = 'failed';
      verifiedN = Math.min(todayN, createdN + rng.int(20, 200));
    }
    let lastMs = createdMs;
    let version = 1;
    let lastReportN = -1;
    if (progress > 0) {
      const reports = Math.max(1, Math.ceil(progress / 40));
      const endN = verifiedN >= 0 ? verifiedN : Math.min(todayN, deadlineN + 30);
      for (let q = 1; q <= reports; q++) {
        const reportN = Math.min(endN, createdN + Math.round(((endN - createdN) * q) / (reports + 0.5)));
        const percent = q === reports ? progress : Math.round((progress * q) / reports / 10) * 10;
        const ms = momentOn(reportN, lastMs);
        batch.rectification_reports.push([
          uuid7(rng, ms),
          id,
          'progress',
          lead.id,
          lead.name,
          percent,
          V.RECTIFICATION_REPORTS[Math.min(2, q - 1)],
          null,
          '[]',
          dayString(reportN),
          null,
          personName(rng),
          at(ms),
        ]);
        lastMs = ms;
        lastReportN = reportN;
        version++;
      }
    }
    if (verification) {
      const ms = momentOn(verifiedN, lastMs);
      const passed = verification === 'passed';
      batch.rectification_verifications.push([
        uuid7(rng, ms),
        id,
        rng.chance(0.7) ? 'self_inspection' : 'field_survey',
        verification,
        passed ? '整改措施落实到位，达到销号条件。' : '整改不彻底，部分问题仍然存在，退回继续整改。',
        dayString(verifiedN),
        lead.name,
        null,
        personName(rng),
        at(ms),
      ]);
      if (!passed)
        batch.rectification_events.push([
          uuid7(rng, ms),
          id,
          'return',
          '整改不彻底，退回',
          personName(rng),
          at(ms),
        ]);
      lastMs = ms;
      version++;
    }
    batch.rectification_events.push([
      uuid7(rng, createdMs),
      id,
      'create',
      null,
      personName(rng),
      at(createdMs),
    ]);
    if (closedN >= 0) {
      const ms = momentOn(closedN, lastMs);
      batch.rectification_events.push([uuid7(rng, ms), id, 'close', null, personName(rng), at(ms)]);
      lastMs = ms;
      version++;
    }
    batch.rectification_tasks.push([
      id,
      code,
      c.id,
      c.problems[seq],
      issue,
      measures,
      lead.id,
      home.path,
      dayString(deadlineN),
      JSON.stringify(milestones),
      pickSource(rng)[0],
      null,
      status,
      progress,
      lastReportN >= 0 ? dayString(lastReportN) : null,
      verification,
      closedN >= 0 ? dayString(closedN) : null,
      [code, issue, measures, lead.name, ...coops.map((o) => o.name), ...zones.map((z) => z.name)]
        .join(' ')
        .toLowerCase(),
      null,
      at(createdMs),
      at(lastMs),
      version,
    ]);
    const unitRows = (role: string, list: Unit[]) =>
      list.forEach((o, position) => {
        batch.rectification_task_units.push([id, o.id, o.path, role, position]);
      });
    unitRows('lead', [lead]);
    unitRows('coop', coops);
    unitRows('zone', zones);
    await flush();
  }
  await flush(true);

  // ================================================================ incentive applications
  log('  incentive applications…');
  const policyFromN = dayNumber(EAST_TRANSFER_POLICY.validFrom);
  const item = await db
    .selectFrom('incentiveCatalogueItems')
    .select(['id', 'version', 'manufacturing'])
    .where('manufacturing', '=', 1)
    .orderBy('id')
    .executeTakeFirst();
  if (counts.applications > 0 && item && todayN > policyFromN + 60) {
    // USD central parities of every working day (those administrators entered are kept)
    const known = new Map(
      (
        await db.selectFrom('incentiveRates').select(['day', 'rate']).where('currency', '=', 'USD').execute()
      ).map((r) => [r.day, r.rate]),
    );
    const rates: RateQuote[] = [];
    let rate = 71_000;
    for (let n = policyFromN - 30; n <= todayN; n++) {
      if (!wd.isWorking(n)) continue;
      rate = Math.min(73_500, Math.max(69_000, rate + rng.int(-40, 40)));
      const day = dayString(n);
      const value =
        known.get(day) ?? `${Math.floor(rate / 10_000)}.${String(rate % 10_000).padStart(4, '0')}`;
      if (!known.has(day)) {
        const ms = momentOn(n);
        batch.incentive_rates.push([
          'USD',
          day,
          value,
          '中国外汇交易中心（生成数据）',
          null,
          null,
          at(ms),
          at(ms),
          1,
        ]);
      }
      rates.push({ day, rate: value });
    }
    const ratesAround = (from: string, to: string) => rates.filter((q) => q.day >= from && q.day <= to);
    const eastern = [...EASTERN_PROVINCES];
    const claimed = new Map<number, ArrivalFact[]>();
    const prior = new Map<number, Partial<Record<IncentiveKind, number>>>();
    const receipts = new Set<string>();
    const codes = new Set<string>();
    const provinceUnitName = '山西省商务厅';
    const submitted = Array.from({ length: counts.applications }, () =>
      rng.int(policyFromN + 20, todayN),
    ).sort((a, b) => a - b);
    let vouchers = 0;
    let tries = 0;
    for (let n = 0; n < submitted.length && tries < submitted.length * 3; tries++) {
      const S = submitted[n];
      const ei = Math.floor(enterprises.length * rng.float());
      const e = enterprises[ei];
      const kind: IncentiveKind = rng.chance(0.9) ? 'capital_arrival' : 'regional_hq';
      const registeredProvince = rng.pick(eastern);
      const arrivals: ArrivalFact[] = [];
      if (kind === 'capital_arrival') {
        const m = rng.int(1, 3);
        for (let q = 0; q < m; q++) {
          let ref: string;
          do
            ref = `${rng.pick(['BOC', 'ICBC', 'CCB', 'ABC'])}${dayString(S).slice(0, 4)}${rng.int(10_000_000, 99_999_999)}`;
          while (receipts.has(ref));
          receipts.add(ref);
          arrivals.push({
            ref,
            receivedOn: dayString(rng.int(Math.max(policyFromN, S - 300), S - 1)),
            currency: 'USD',
            amount: rng.int(400, 3_000) * 1_000_000, // 4–30 million USD in cents
          });
        }
      }
      const hq =
        kind === 'regional_hq'
          ? {
              assetsUsdCents: rng.int(50, 400) * 100_000_000,
              capitalCurrency: 'USD' as const,
              capitalAmount: rng.int(500, 5_000) * 100_000,
              establishedOn: dayString(rng.int(Math.max(policyFromN, S - 400), S - 1)),
            }
          : null;
      const days = [
        ...arrivals.map((a) => a.receivedOn),
        ...(claimed.get(ei) ?? []).map((a) => a.receivedOn),
      ];
      if (hq) days.push(hq.establishedOn);
      days.sort();
      const facts = {
        policyId: EAST_TRANSFER_POLICY_ID,
        kind,
        enterprise: { foreignInvested: true, registeredProvince },
        catalogueItem: { version: item.version, code: item.id, manufacturing: true },
        arrivals,
        claimedArrivals: claimed.get(ei) ?? [],
        hq: hq
          ? {
              assetsUsdCents: hq.assetsUsdCents,
              registeredCapital: { currency: hq.capitalCurrency, amount: hq.capitalAmount },
              establishedOn: hq.establishedOn,
            }
          : null,
        priorRewardsFen: prior.get(ei) ?? {},
        rates: ratesAround(dayString(dayNumber(days[0] ?? dayString(S)) - 20), dayString(S)),
      };
      const submission = evaluate(facts, dayString(S));
      // an application is refused unless eligible (IncentiveService.apply): draw another
      if (!submission.eligible || submission.amountFen <= 0 || submission.missingRates.length > 0) continue;
      n++;
      const createdMs = momentOn(S);
      const id = uuid7(rng, createdMs);
      let code = `JL${dayString(S).replace(/-/g, '')}${id.slice(-5).toUpperCase()}`;
      while (codes.has(code)) code = `${code.slice(0, -5)}${rng.hex(5).toUpperCase()}`;
      codes.add(code);
      const office = places[e.place];
      const city = cityOf(office);
      const stageUnit = { county: office.name, city: city.name, province: provinceUnitName };
      const events: Row[] = [];
      let lastMs = createdMs;
      const event = (
        dayN: number,
        action: string,
        stage: string | null,
        from: string | null,
        to: string,
        note: string | null,
        dueN: number,
        onTime: boolean | null,
      ) => {
        const ms = momentOn(dayN, lastMs);
        events.push([
          uuid7(rng, ms),
          id,
          action,
          stage,
          from,
          to,
          note,
          dueN >= 0 ? dayString(dueN) : null,
          onTime == null ? null : onTime ? 1 : 0,
          null,
          personName(rng),
          stage ? stageUnit[stage as keyof typeof stageUnit] : office.name,
          at(ms),
        ]);
        lastMs = ms;
      };
      let status = 'county_review';
      let stage: string | null = 'county';
      let stageDue = wd.add(S, 10);
      event(S, 'submit', null, null, status, null, stageDue, null);
      let dayN = S;
      let approvedN = -1;
      let approvedFen: number | null = null;
      let evaluation = submission;
      let payDue = -1;
      let closedN = -1;
      let paidN = -1;
      let paidFen = 0;
      let resubmitted = false;
      const steps: ['county' | 'city' | 'province', string, number][] = [
        ['county', 'city_review', 10],
        ['city', 'province_review', 10],
        ['province', 'approved', 15],
      ];
      for (let s = 0; s < steps.length; s++) {
        const [st, next, days] = steps[s];
        const decidedN = wd.add(dayN, rng.chance(0.85) ? rng.int(2, days) : rng.int(days + 1, days + 8));
        if (decidedN > todayN) break;
        const onTime = decidedN <= stageDue;
        const u = rng.float();
        const from = status;
        if (u < 0.04) {
          status = 'rejected';
          stage = null;
          closedN = decidedN;
          event(decidedN, 'reject', st, from, status, '不符合政策条件', stageDue, onTime);
          break;
        }
        if (u < 0.09 && !resubmitted) {
          status = 'returned';
          stage = null;
          event(decidedN, 'return', st, from, status, '请补充外资到位证明材料', stageDue, onTime);
          const again = decidedN + rng.int(5, 40);
          if (rng.chance(0.6) && again <= todayN) {
            resubmitted = true;
            dayN = again;
            status = 'county_review';
            stage = 'county';
            stageDue = wd.add(again, 10);
            event(again, 'resubmit', null, 'returned', status, '已补充材料', stageDue, null);
            s = -1;
            continue;
          }
          break;
        }
        if (next === 'approved') {
          const decided = evaluate(
            { ...facts, rates: ratesAround(facts.rates[0]?.day ?? dayString(S), dayString(decidedN)) },
            dayString(decidedN),
          );
          if (!decided.eligible || decided.amountFen <= 0) {
            status = 'rejected';
            stage = null;
            closedN = decidedN;
            event(decidedN, 'reject', st, from, status, '奖励额度已用完', stageDue, onTime);
            break;
          }
          evaluation = decided;
          status = 'approved';
          stage = null;
          approvedN = decidedN;
          approvedFen = decided.amountFen;
          payDue = wd.add(decidedN, 30);
          event(decidedN, 'approve', st, from, status, null, stageDue, onTime);
          break;
        }
        status = next;
        stage = st === 'county' ? 'city' : 'province';
        event(decidedN, 'approve', st, from, status, null, stageDue, onTime);
        dayN = decidedN;
        stageDue = wd.add(decidedN, stage === 'city' ? 10 : 15);
      }
      if (approvedN >= 0 && approvedFen) {
        const full = rng.chance(0.7);
        const parts = full ? [approvedFen] : [Math.round(approvedFen * (0.4 + 0.3 * rng.float())), -1];
        if (parts[1] === -1) parts[1] = approvedFen - parts[0];
        let payN = approvedN + rng.int(5, 50);
        for (const [q, amount] of parts.entries()) {
          if (payN > todayN || amount <= 0) break;
          vouchers++;
          const voucher = `GK${dayString(payN).slice(0, 4)}${String(vouchers).padStart(8, '0')}`;
          const ms = momentOn(payN, lastMs);
          batch.incentive_payments.push([
            uuid7(rng, ms),
            id,
            dayString(payN),
            amount,
            voucher,
            null,
            personName(rng),
            at(ms),
          ]);
          paidFen += amount;
          const whole = paidFen === approvedFen;
          const from = status;
          status = whole ? 'paid' : 'partly_paid';
          if (whole) {
            paidN = payN;
            closedN = payN;
          }
          event(
            payN,
            'pay',
            null,
            from,
            status,
            `${(amount / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })} (${voucher})`,
            -1,
            null,
          );
          payN += rng.int(20, 90) * (q + 1);
        }
      }
      // the standing claims and rewards of the enterprise (what later applications of it see)
      const standing = status !== 'rejected';
      if (standing) {
        const p = prior.get(ei) ?? {};
        p[kind] = (p[kind] ?? 0) + (approvedFen ?? submission.amountFen);
        prior.set(ei, p);
      }
      const pool = projectsOfPlace[e.place];
      const projectId = pool.length > 0 && rng.chance(0.3) ? projectIds[rng.pick(pool)] : null;
      arrivals.forEach((a, position) => {
        const t = submission.arrivals[position];
        const counted = t?.outcome === 'counted';
        if (counted && standing) claimed.set(ei, [...(claimed.get(ei) ?? []), a]);
        batch.incentive_arrivals.push([
          uuid7(rng, createdMs),
          id,
          e.id,
          position,
          a.ref,
          counted && standing ? normaliseRef(a.ref) : null,
          a.receivedOn,
          a.currency,
          a.amount,
          t?.fen ?? null,
          t?.rate ?? null,
          t?.rateDay ?? null,
          counted ? 1 : 0,
          projectId,
          null,
          at(createdMs),
        ]);
      });
      const required = EAST_TRANSFER_POLICY.requiredMaterials[kind];
      const MATERIAL_NAMES: Record<string, string> = {
        arrival_receipt: '银行入账回单.pdf',
        registration_certificate: '营业执照.pdf',
        audit_report: '年度审计报告.pdf',
        foreign_investment_report: '外商投资信息报告回执.pdf',
        hq_recognition: '地区总部认定文件.pdf',
        other: '其他材料.pdf',
      };
      batch.incentive_applications.push([
        id,
        code,
        EAST_TRANSFER_POLICY_ID,
        kind,
        e.id,
        e.name,
        office.id,
        office.path,
        projectId,
        item.id,
        JSON.stringify({
          foreignInvested: true,
          registeredProvince,
          investorName: `${V.PROVINCE_SHORT[registeredProvince] ?? ''}${rng.pick(V.BRAND_FIRST)}${rng.pick(V.BRAND_SECOND)}投资有限公司`,
          hq,
        }),
        JSON.stringify(required.map((m) => ({ kind: m, name: MATERIAL_NAMES[m], ref: null }))),
        status,
        stage,
        stage ? dayString(stageDue) : null,
        stage && wd.unscheduled(dayN, stageDue, 1) ? 1 : 0,
        dayString(S),
        approvedN >= 0 ? dayString(approvedN) : null,
        payDue >= 0 ? dayString(payDue) : null,
        paidN >= 0 ? dayString(paidN) : null,
        closedN >= 0 ? dayString(closedN) : null,
        submission.amountFen,
        approvedFen,
        paidFen,
        JSON.stringify(evaluation),
        `${e.name} ${code}`.toLowerCase(),
        null,
        at(createdMs),
        at(lastMs),
        events.length,
      ]);
      batch.incentive_events.push(...events);
      await flush();
    }
  }
  await flush(true);

  const loaded = performance.now();
  log('  rebuilding indexes…');
  await writer.restoreIndexes();
  await writer.finish();
  const indexed = performance.now();
  const rollups: Record<string, number> = {};
  for (const source of ROLLUP_SOURCES) {
    const t = performance.now();
    const cells = await rebuildRollups(database, source);
    rollups[source.name] = (performance.now() - t) / 1000;
    log(
      `  roll-ups of ${source.name}: ${cells.toLocaleString('en')} rows in ${rollups[source.name].toFixed(1)} s`,
    );
  }
  const done = performance.now();
  const totalRows = Object.values(rows).reduce((a, b) => a + b, 0);
  return {
    rows,
    totalRows,
    sourceProjects: sources.length,
    seconds: {
      generateAndInsert: (loaded - started) / 1000,
      indexes: (indexed - loaded) / 1000,
      rollups,
      total: (done - started) / 1000,
    },
    rowsPerSecond: totalRows / ((loaded - started) / 1000),
  };
}

export function formatRecordStats(s: RecordsStats): string {
  const rows = Object.entries(s.rows)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
    .join(', ');
  const rollups = Object.entries(s.seconds.rollups)
    .map(([name, secs]) => `${name} ${secs.toFixed(1)} s`)
    .join(', ');
  return `  ${s.totalRows.toLocaleString('en')} rows (${rows}; ${s.sourceProjects.toLocaleString('en')} projects given a source activity) in ${s.seconds.total.toFixed(1)} s: insert ${s.seconds.generateAndInsert.toFixed(1)} s (${Math.round(s.rowsPerSecond).toLocaleString('en')} rows/s) + indexes ${s.seconds.indexes.toFixed(1)} s + roll-ups ${rollups}`;
}
