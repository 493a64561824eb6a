/**
 * Deterministic generator of realistic Shanxi investment projects: the demo pipeline of a first
 * start (main.ts, DEMO_PROJECTS) and the bench's millions (bench/generate.ts, bench/projects.ts).
 *
 * Works on a migrated database with the Shanxi organisation tree, refuses one that already has
 * projects, and adds N projects with their
 * investors (a pool of N/20), stage events, factor needs, promises and funds. Every derived column
 * is filled as projects.service.ts fills it (region_path, industry_section, origin_group,
 * investor_names, search_text with the pinyin key of the name, funds_in_place_fen, open_need_due_on,
 * the region path of funds and promises).
 *
 * Deterministic: the same seed, size and day give the same rows, ids included (UUID v7 built from
 * the record's own timestamp and the seeded generator), except the org units' ids, which seed()
 * draws, and the times of records dated today, which are kept before the clock. Projects are
 * inserted in the order they were entered (created_on), as a live database would have them.
 * Loading drops the secondary indexes of the project tables and rebuilds them at the end (exactly
 * the statements the migrations created, read back from the catalogue); on SQLite the triggers of
 * the search index (migration 0016) are dropped too, and the index filled once at the end.
 */
import {
  creditCodeCheckChar,
  INDUSTRIES,
  originGroup as originGroupOf,
  usdCentsToFen,
} from '@yingshang/rules';
import type { Config } from '../../config.js';
import type { DbHandle } from '../../db/database.js';
import { suspendProjectSearch } from '../../db/project-search.js';
import { rebuildRollups } from '../../kernel/rollups.js';
import { beijingToday } from '../../lib/days.js';
import { pinyinKey } from '../../lib/pinyin.js';
import { normaliseName } from '../../modules/projects/investors.repository.js';
import { industrySection } from '../../modules/projects/projects.service.js';
import { projectRollups } from '../../modules/projects/rollups.repository.js';
import { bulkWriter, type Row } from './bulk-writer.js';
import { orgLookups, type TreeUnit as Unit } from './org-tree.js';
import * as V from './vocabulary.js';

/** Bump when the generated data changes: cached bench databases are keyed by it. */
export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 20260531;

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** The generator's today (YYYY-MM-DD, Beijing): no date after it. Default: today. */
  asOf?: string;
  log?: (line: string) => void;
  /** Count the projects into the roll-ups (default); false when generateRecords follows and counts every source. */
  rollups?: boolean;
}

export interface GenerateStats {
  projects: number;
  investors: number;
  rows: Record<string, number>;
  totalRows: number;
  seconds: { generateAndInsert: number; indexes: number; total: number };
  rowsPerSecond: number;
}

// ---------------------------------------------------------------- seeded randomness

/** sfc32: small, fast, 128-bit state; good enough statistics for test data. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed | 0;
    for (let i = 0; i < 20; i++) this.u32();
  }
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }
  float(): number {
    return this.u32() / 4294967296;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }
  normal(): number {
    const u = 1 - this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float());
  }
  /** Log-normal with this median, clamped to [lo, hi]. */
  logNormal(median: number, sigma: number, lo: number, hi: number): number {
    return Math.min(hi, Math.max(lo, median * Math.exp(sigma * this.normal())));
  }
  hex(digits: number): string {
    let s = '';
    while (s.length < digits) s += this.u32().toString(16).padStart(8, '0');
    return s.slice(0, digits);
  }
}

/** Draws items by weight (binary search over the cumulative weights). */
export function weighted<T>(items: readonly T[], weight: (t: T) => number): (rng: Rng) => T {
  const cumulative: number[] = [];
  let sum = 0;
  for (const item of items) {
    sum += weight(item);
    cumulative.push(sum);
  }
  return (rng) => {
    const x = rng.float() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  };
}

// ---------------------------------------------------------------- days and timestamps

export const DAY_MS = 86_400_000;
export const dayNumber = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const dayStrings = new Map<number, string>();
export function dayString(n: number): string {
  let s = dayStrings.get(n);
  if (!s) {
    s = new Date(n * DAY_MS).toISOString().slice(0, 10);
    dayStrings.set(n, s);
  }
  return s;
}

/** A moment of office hours (09:00–18:00 Beijing) on day n, in ms; never after `nowMs`. */
export function officeMoment(rng: Rng, n: number, nowMs: number): number {
  const ms = n * DAY_MS + 3_600_000 + Math.floor(rng.float() * 9 * 3_600_000);
  return Math.min(ms, nowMs - rng.int(1, 3_600_000));
}

/** UUID v7 from a timestamp and the seeded generator: time-ordered like the app's ids, but repeatable. */
export function uuid7(rng: Rng, ms: number): string {
  const t = ms.toString(16).padStart(12, '0');
  const variant = (0x8000 | (rng.u32() & 0x3fff)).toString(16);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${rng.hex(3)}-${variant}-${rng.hex(12)}`;
}

// ---------------------------------------------------------------- the writer

/** The columns of each table, the tables in foreign-key order (the order bulk-writer.ts writes them in). */
const TABLES = {
  investors: [
    'id',
    'name',
    'name_norm',
    'credit_code',
    'foreign_reg_no',
    'country',
    'province_code',
    'origin_group',
    'legal_rep',
    'contact_name',
    'contact_phone',
    'pinyin',
    'created_at',
    'updated_at',
    'version',
  ],
  projects: [
    'id',
    'code',
    'name',
    'region_id',
    'region_path',
    'industry_code',
    'industry_section',
    'total_investment_fen',
    'foreign_capital_usd_cents',
    'funds_in_place_fen',
    'project_type',
    'origin_group',
    'investor_names',
    'search_text',
    'status',
    'paused',
    'leader_name',
    'service_officer_id',
    'task_force',
    'tags',
    'notes',
    'source_activity_id',
    'created_on',
    'negotiating_on',
    'signed_on',
    'started_on',
    'producing_on',
    'terminated_on',
    'termination_reason',
    'last_event_on',
    'open_need_due_on',
    'created_at',
    'updated_at',
    'version',
  ],
  project_investors: ['project_id', 'investor_id', 'position'],
  project_events: [
    'id',
    'project_id',
    'action',
    'from_status',
    'to_status',
    'event_on',
    'evidence',
    'reason',
    'actor_id',
    'actor_name',
    'created_at',
  ],
  factor_needs: [
    'id',
    'project_id',
    'kind',
    'quantity',
    'description',
    'status',
    'responsible_org_id',
    'due_on',
    'met_on',
    'created_at',
    'updated_at',
    'version',
  ],
  project_promises: [
    'id',
    'project_id',
    'region_path',
    'content',
    'responsible_org_id',
    'due_on',
    'status',
    'fulfilled_on',
    'evidence',
    'created_at',
    'updated_at',
    'version',
  ],
  project_funds: [
    'id',
    'project_id',
    'region_path',
    'received_on',
    'currency',
    'amount',
    'amount_fen',
    'source',
    'created_at',
  ],
} as const satisfies Record<string, readonly string[]>;
type Table = keyof typeof TABLES;
const TABLE_NAMES = Object.keys(TABLES) as Table[];

/**
 * Statistics once loaded: VACUUM ANALYZE of these tables on PostgreSQL; no ANALYZE on SQLite, where
 * with statistics on projects the planner prefers a skip-scan of projects_status to the covering
 * index of the period figures (10× slower; generate-records.ts analyzes only its own tables).
 */
const STATISTICS = { sqlite: [], postgres: TABLE_NAMES };

// ---------------------------------------------------------------- the generator

const STATUS = ['lead', 'negotiating', 'signed', 'started', 'producing', 'terminated'] as const;
type Status = (typeof STATUS)[number];
const STAGE_INDEX: Record<Status, number> = {
  lead: 0,
  negotiating: 1,
  signed: 2,
  started: 3,
  producing: 4,
  terminated: -1,
};
/** The pipeline of the issue: ≈30% 线索/在谈, 35% 签约, 20% 开工, 10% 投产, 5% 终止. */
const STATUS_MIX: [Status, number][] = [
  ['lead', 14],
  ['negotiating', 16],
  ['signed', 35],
  ['started', 20],
  ['producing', 10],
  ['terminated', 5],
];
/** Days from one stage to the next: [median, min, max]. */
const GAPS: [number, number, number][] = [
  [45, 7, 240], // lead → negotiating
  [90, 10, 400], // negotiating → signed
  [120, 15, 600], // signed → started
  [300, 60, 900], // started → producing
];
const NO_EVENT_YET = '1900-01-01';
export const FIRST_DAY = '2021-01-01';

interface Investor {
  id: string;
  name: string;
  brand: string;
  pinyin: string;
  creditCode: string | null;
  group: string;
  foreign: boolean;
}

/** GB 11714 organisation code check character for 8 characters (digits and capitals). */
export function orgCodeCheck(eight: string): string {
  const W = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = eight.charCodeAt(i);
    sum += (ch <= 57 ? ch - 48 : ch - 55) * W[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const pickFactor = weighted(V.FACTOR_MIX, (f) => f.share);
export const personName = (rng: Rng) => `${rng.pick(V.SURNAMES)}${rng.pick(V.GIVEN)}`;

export async function generateProjects(
  database: DbHandle,
  config: Config,
  opts: GenerateOptions,
): Promise<GenerateStats> {
  const log = opts.log ?? (() => {});
  const N = opts.count;
  const rng = new Rng(opts.seed ?? DEFAULT_SEED);
  const today = opts.asOf ?? beijingToday();
  const todayN = dayNumber(today);
  const firstN = dayNumber(FIRST_DAY);
  const nowMs = Math.min(Date.now(), (todayN + 1) * DAY_MS - 8 * 3_600_000 - 1);
  const rate = Number(config.usdCnyRate);
  const started = performance.now();

  const existing = await database.db
    .selectFrom('projects')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) throw new Error('the database has projects already: generate into a fresh one');

  // ---- the organisation tree: where projects go and who answers for their needs
  const units = (await database.db
    .selectFrom('orgUnits')
    .select(['id', 'code', 'name', 'shortName', 'kind', 'path', 'parentId', 'category'])
    .execute()) as Unit[];
  const { places, cityOf, department, placeWeight } = orgLookups(units);
  const pickPlace = weighted(places, placeWeight);
  /** The department answering for a place's need or promise (its id, or none). */
  const answeringUnit = (place: Unit, key: string) => department(place, key)?.id ?? null;
  const placeShort = (u: Unit) =>
    u.shortName ?? (u.name.length > 2 ? u.name.replace(/[区县市]$/, '') : u.name);

  // ---- industries: a real 小类 under a weighted 大类
  const leavesOf = new Map<string, string[]>();
  for (const i of INDUSTRIES) {
    if (i.level !== 4) continue;
    const division = i.code.slice(0, 2);
    if (!leavesOf.has(division)) leavesOf.set(division, []);
    leavesOf.get(division)!.push(i.code);
  }
  const divisions = Object.keys(V.DIVISIONS);
  for (const d of divisions) if (!leavesOf.get(d)?.length) throw new Error(`no GB/T 4754 classes under ${d}`);
  const pickDivision = weighted(divisions, (d) => V.DIVISIONS[d][0]);

  // ---- investors: a pool of N/20, most domestic with a valid credit code
  const investorCount = Math.max(50, Math.round(N / 20));
  const investors: Investor[] = [];
  const investorRows: Row[] = [];
  const creditCodes = new Set<string>();
  const pickOrigin = weighted(V.ORIGIN_MIX, (o) => o.share);
  const pickCountry = weighted(V.COUNTRIES, (c) => c.share);
  const pickForm = weighted(V.ORG_FORMS, (f) => f[1]);
  const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const startInvestorsN = firstN - 400;
  for (let i = 0; i < investorCount; i++) {
    const origin = pickOrigin(rng);
    const brand = `${rng.pick(V.BRAND_FIRST)}${rng.pick(V.BRAND_SECOND)}`;
    let name: string;
    let creditCode: string | null = null;
    let foreignRegNo: string | null = null;
    let country: string | null = null;
    let provinceCode: string | null = null;
    let investorBrand = brand;
    if (origin.group === 'abroad') {
      const c = pickCountry(rng);
      country = c.code;
      foreignRegNo = `${c.code}${rng.int(10000000, 99999999)}${rng.pick([...'ABCDEFGHKLMN'])}`;
      if (rng.chance(0.3) && c.code !== 'HK' && c.code !== 'TW') {
        investorBrand = rng.pick(V.BRANDS_EN);
        name = `${investorBrand} ${rng.pick(['Energy', 'Materials', 'Technologies', 'Industries'])} ${c.en}`;
      } else {
        name = `${c.zh}${brand}${rng.pick(V.INVESTOR_TRADES)}${c.form}`;
      }
    } else {
      provinceCode = rng.pick(origin.provinces);
      name = `${V.PROVINCE_SHORT[provinceCode]}${brand}${rng.pick(V.INVESTOR_TRADES)}${pickForm(rng)[0]}`;
      do {
        const region = `${provinceCode}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(0, 12)).padStart(2, '0')}`;
        let org = '';
        for (let k = 0; k < 8; k++)
          org += rng.chance(0.8) ? String(rng.int(0, 9)) : rng.pick([...CODE_CHARS.slice(10)]);
        const first17 = `91${region}${org}${orgCodeCheck(org)}`;
        creditCode = `${first17}${creditCodeCheckChar(first17)}`;
      } while (creditCodes.has(creditCode));
      creditCodes.add(creditCode);
    }
    // as investors.service.ts: the province from the credit code, the group from province or country
    const group = originGroupOf({
      provinceCode: provinceCode ?? undefined,
      country: creditCode ? undefined : (country ?? undefined),
    });
    if (!group) throw new Error(`no origin group for ${name}`);
    const pinyin = pinyinKey(name);
    const createdMs = officeMoment(rng, rng.int(startInvestorsN, todayN), nowMs);
    const at = new Date(createdMs).toISOString();
    const id = uuid7(rng, createdMs);
    investors.push({ id, name, brand: investorBrand, pinyin, creditCode, group, foreign: !creditCode });
    investorRows.push([
      id,
      name,
      normaliseName(name),
      creditCode,
      foreignRegNo,
      country,
      provinceCode,
      group,
      personName(rng),
      personName(rng),
      `13${rng.int(100000000, 999999999)}`,
      pinyin,
      at,
      at,
      1,
    ]);
  }
  /** Some investors come back again and again: the first of the pool far more often than the last. */
  const pickInvestor = () => investors[Math.floor(investors.length * rng.float() ** 2)];

  // ---- project skeletons: status and stage days, then sorted by entry day
  const status = new Uint8Array(N);
  const day = Array.from({ length: 7 }, () => new Int32Array(N).fill(-1)); // created, neg, signed, started, producing, terminated, paused
  const [CREATED, NEG, SIGNED, STARTED, PRODUCING, TERMINATED, PAUSED] = [0, 1, 2, 3, 4, 5, 6];
  const pickStatus = weighted(STATUS_MIX, (s) => s[1]);
  const window = todayN - firstN;
  for (let p = 0; p < N; p++) {
    const s = pickStatus(rng)[0];
    status[p] = STATUS.indexOf(s);
    // how far it went: a terminated project stopped after some stage
    const reached = s === 'terminated' ? rng.pick([0, 0, 0, 1, 1, 1, 1, 2, 2, 3]) : STAGE_INDEX[s];
    const gaps = GAPS.slice(0, reached).map(([m, lo, hi]) => Math.round(rng.logNormal(m, 0.6, lo, hi)));
    const extra = s === 'terminated' ? rng.int(20, 300) : 0;
    const pause = s !== 'producing' && s !== 'terminated' && rng.chance(0.03) ? rng.int(5, 120) : 0;
    let span = gaps.reduce((a, b) => a + b, 0) + extra + pause;
    if (span > window * 0.95) {
      const k = (window * 0.95) / span;
      for (let g = 0; g < gaps.length; g++) gaps[g] = Math.max(1, Math.floor(gaps[g] * k));
      span = gaps.reduce((a, b) => a + b, 0) + Math.floor(extra * k) + Math.floor(pause * k);
    }
    let d = firstN + rng.int(0, Math.max(0, window - span));
    day[CREATED][p] = d;
    for (let g = 0; g < gaps.length; g++) {
      d += gaps[g];
      day[NEG + g][p] = d;
    }
    if (s === 'terminated') day[TERMINATED][p] = Math.min(todayN, d + extra);
    if (pause) day[PAUSED][p] = Math.min(todayN, d + pause);
  }
  const order = new Float64Array(N);
  for (let p = 0; p < N; p++) order[p] = day[CREATED][p] * 2 ** 30 + p;
  order.sort();

  // ---- names: a template's pinyin key is computed once, capacities are put in afterwards
  const keyCache = new Map<string, string>();
  const templateKey = (template: string) => {
    let k = keyCache.get(template);
    if (k === undefined) {
      k = pinyinKey(template);
      keyCache.set(template, k);
    }
    return k;
  };
  let checked = 0;

  const writer = bulkWriter(database, { tables: TABLES, statistics: STATISTICS });
  await writer.dropIndexes();
  // SQLite: the search index's triggers too (one fill at the end instead of an entry per row insert)
  const search = database.sqlite ? suspendProjectSearch(database.sqlite) : null;
  const counts: Record<string, number> = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0]));
  let batch = writer.emptyBatch();
  batch.investors = investorRows;
  const flush = async () => {
    for (const t of TABLE_NAMES) counts[t] += batch[t].length;
    await writer.write(batch);
    batch = writer.emptyBatch();
  };
  const chunk = database.dialect.name === 'postgres' ? 20_000 : 10_000;
  const codesToday = new Set<string>();
  let codesDay = -1;
  let lastReport = performance.now();

  for (let k = 0; k < N; k++) {
    const p = order[k] % 2 ** 30;
    const s = STATUS[status[p]];
    const createdN = day[CREATED][p];
    const stageDays = [day[NEG][p], day[SIGNED][p], day[STARTED][p], day[PRODUCING][p]];
    const terminatedN = day[TERMINATED][p];
    const pausedN = day[PAUSED][p];
    const reached = stageDays.filter((d) => d >= 0).length;

    const place = pickPlace(rng);
    const division = pickDivision(rng);
    const industryCode = rng.pick(leavesOf.get(division)!);
    const projectType = rng.float() < 0.7 ? 'new' : rng.float() < 0.75 ? 'expansion' : 'relocation';
    const investorCountOfProject = rng.float() < 0.8 ? 1 : rng.float() < 0.75 ? 2 : 3;
    const chosen: Investor[] = [];
    while (chosen.length < investorCountOfProject) {
      const inv = pickInvestor();
      if (!chosen.includes(inv)) chosen.push(inv);
    }

    // name: [brand or place] [capacity] product suffix
    const [phrase, capacity] = rng.pick(V.DIVISIONS[division][1]);
    const lead = rng.float();
    const prefix = lead < 0.5 ? chosen[0].brand : lead < 0.75 ? placeShort(place) : '';
    const figure = capacity && rng.chance(0.6) ? String(rng.pick(V.CAPACITIES)) : null;
    const template = `${prefix}${figure ? capacity : ''}${phrase}${rng.pick(V.SUFFIXES[projectType])}`;
    const name = figure ? template.replace('0', figure) : template;
    const nameKey = figure ? templateKey(template).replaceAll('0', figure) : templateKey(template);
    if (k < 200 || k % 4999 === 0) {
      const expected = pinyinKey(name);
      if (expected !== nameKey) throw new Error(`pinyin key of ${name}: ${nameKey} ≠ ${expected}`);
      checked++;
    }

    // money: log-normal between 500万 and 100亿元, in whole 万元
    const wan = Math.round(rng.logNormal(20_000, 1.25, 500, 1_000_000));
    const totalFen = wan * 1_000_000;
    let foreignCents = 0;
    if (chosen[0].foreign || (chosen.some((i) => i.foreign) && rng.chance(0.5))) {
      foreignCents = Math.floor((totalFen * (0.3 + 0.7 * rng.float())) / rate);
      while (foreignCents > 0 && usdCentsToFen(foreignCents, config.usdCnyRate) > totalFen)
        foreignCents -= 100;
    }

    // timestamps: the id and the code come from the moment it was entered
    const createdMs = officeMoment(rng, createdN, nowMs);
    let id = uuid7(rng, createdMs);
    const created = dayString(createdN);
    if (createdN !== codesDay) {
      codesToday.clear();
      codesDay = createdN;
    }
    while (codesToday.has(id.slice(-8))) id = uuid7(rng, createdMs);
    codesToday.add(id.slice(-8));
    /** The latest moment anything of the project was written: its updated_at, as touch() keeps it. */
    let lastMs = createdMs;
    const clerk = personName(rng);

    // stage events: one per move, then termination or pause
    const events: Row[] = [];
    const event = (
      action: string,
      from: string,
      to: string,
      n: number,
      evidence: string | null,
      reason: string | null,
    ) => {
      const ms = Math.max(createdMs + 1, officeMoment(rng, n + (rng.chance(0.2) ? rng.int(1, 5) : 0), nowMs));
      events.push([
        uuid7(rng, ms),
        id,
        action,
        from,
        to,
        dayString(n),
        evidence,
        reason,
        null,
        clerk,
        new Date(ms).toISOString(),
      ]);
      lastMs = Math.max(lastMs, ms);
    };
    const stages = ['lead', 'negotiating', 'signed', 'started', 'producing'];
    for (let g = 0; g < reached; g++) {
      const evidence =
        g === 1
          ? `投资协议 ${dayString(stageDays[g]).slice(0, 4)}-${rng.int(100, 999)}号`
          : g === 2
            ? `施工许可证 ${rng.int(1_000_000, 9_999_999)}`
            : null;
      event('advance', stages[g], stages[g + 1], stageDays[g], evidence, null);
    }
    let statusNow: string = stages[reached];
    let paused = 0;
    if (terminatedN >= 0) {
      event('terminate', statusNow, 'terminated', terminatedN, null, rng.pick(V.TERMINATION_REASONS));
      statusNow = 'terminated';
    } else if (pausedN >= 0) {
      event('pause', statusNow, statusNow, pausedN, null, rng.pick(V.PAUSE_REASONS));
      paused = 1;
    }
    if (statusNow !== s) throw new Error(`generator: ${statusNow} ≠ ${s}`);
    const lastEventN = Math.max(-1, ...stageDays, terminatedN, pausedN);
    const endN = terminatedN >= 0 ? terminatedN : todayN;
    const signedN = stageDays[1];
    let version = 1 + events.length;

    // factor needs: land, power, permits … some still open and overdue (the project is blocked)
    const needs: Row[] = [];
    let openNeedDueN = -1;
    const open = s === 'negotiating' || s === 'signed' || s === 'started';
    if ((open && rng.chance(0.4)) || ((s === 'producing' || s === 'terminated') && rng.chance(0.25))) {
      const n = rng.int(1, 3);
      for (let j = 0; j < n; j++) {
        const f = pickFactor(rng);
        const createdOnN = Math.min(
          endN,
          Math.max(createdN, stageDays[0] >= 0 ? stageDays[0] : createdN) + rng.int(0, 120),
        );
        const dueN = createdOnN + rng.int(30, 240);
        // long overdue needs have mostly been met by now; recent ones are still being worked on
        const u = rng.float();
        const [metShare, progressShare] =
          dueN < todayN - 180 ? [0.92, 0.05] : dueN < todayN ? [0.6, 0.25] : [0.3, 0.4];
        const st =
          s === 'producing' || u < metShare ? 'met' : u < metShare + progressShare ? 'in_progress' : 'needed';
        const metN =
          st === 'met' ? Math.min(todayN, endN, createdOnN + rng.int(10, dueN - createdOnN + 60)) : -1;
        const cMs = Math.max(createdMs + 1, officeMoment(rng, createdOnN, nowMs));
        const uN =
          metN >= 0
            ? metN
            : st === 'in_progress'
              ? Math.min(todayN, createdOnN + rng.int(5, 90))
              : createdOnN;
        const uMs = Math.max(cMs, officeMoment(rng, uN, nowMs));
        if (st !== 'met' && (openNeedDueN < 0 || dueN < openNeedDueN)) openNeedDueN = dueN;
        needs.push([
          uuid7(rng, cMs),
          id,
          f.kind,
          f.unit ? `${rng.pick(V.CAPACITIES) * 10}${f.unit}` : null,
          f.text,
          st,
          answeringUnit(place, f.dept),
          dayString(dueN),
          metN >= 0 ? dayString(metN) : null,
          new Date(cMs).toISOString(),
          new Date(uMs).toISOString(),
          uMs > cMs ? 2 : 1,
        ]);
        lastMs = Math.max(lastMs, uMs);
        version += uMs > cMs ? 2 : 1;
      }
    }

    // promises made at signing, due within one or two years
    const promises: Row[] = [];
    if (signedN >= 0 && rng.chance(0.3)) {
      const n = rng.int(1, 3);
      for (let j = 0; j < n; j++) {
        const pr = rng.pick(V.PROMISES);
        const dueN = signedN + rng.int(60, 540);
        let st: string;
        const u = rng.float();
        if (dueN < todayN - 365) st = u < 0.85 ? 'fulfilled' : u < 0.93 ? 'pending' : 'cancelled';
        else if (dueN < todayN) st = u < 0.65 ? 'fulfilled' : u < 0.92 ? 'pending' : 'cancelled';
        else st = rng.float() < 0.2 ? 'fulfilled' : 'pending';
        const cN = Math.min(todayN, signedN + rng.int(0, 10));
        const cMs = Math.max(createdMs + 1, officeMoment(rng, cN, nowMs));
        const fulfilledN = st === 'fulfilled' ? Math.min(todayN, cN + rng.int(10, dueN - cN + 90)) : -1;
        const uN =
          fulfilledN >= 0 ? fulfilledN : st === 'cancelled' ? Math.min(todayN, dueN + rng.int(0, 30)) : -1;
        const uMs = uN >= 0 ? Math.max(cMs, officeMoment(rng, uN, nowMs)) : cMs;
        promises.push([
          uuid7(rng, cMs),
          id,
          place.path,
          pr.text,
          answeringUnit(place, pr.dept),
          dayString(dueN),
          st,
          fulfilledN >= 0 ? dayString(fulfilledN) : null,
          st === 'fulfilled' ? '兑现凭证已归档' : null,
          new Date(cMs).toISOString(),
          new Date(uMs).toISOString(),
          uMs > cMs ? 2 : 1,
        ]);
        lastMs = Math.max(lastMs, uMs);
        version += uMs > cMs ? 2 : 1;
      }
    }

    // funds in place: tranches after signing, more the further the project went
    const funds: Row[] = [];
    let fundsFen = 0;
    const share =
      reached >= 4
        ? 0.5 + 0.5 * rng.float()
        : reached === 3
          ? 0.15 + 0.55 * rng.float()
          : reached === 2
            ? 0.2 * rng.float()
            : 0;
    const hasFunds =
      reached >= 4 ||
      (reached === 3 && rng.chance(s === 'terminated' ? 0.5 : 0.95)) ||
      (reached === 2 && rng.chance(0.35));
    if (signedN >= 0 && hasFunds && share > 0 && endN > signedN) {
      const n = rng.int(1, 5);
      const usd = foreignCents > 0 && rng.chance(0.5);
      for (let j = 0; j < n; j++) {
        const fen = Math.max(1_000_000, Math.round((totalFen * share) / n / 1_000_000) * 1_000_000);
        const receivedN = rng.int(signedN, endN);
        const cMs = Math.max(
          createdMs + 1,
          officeMoment(rng, Math.min(todayN, receivedN + rng.int(0, 7)), nowMs),
        );
        const amount = usd ? Math.max(100, Math.round(fen / rate / 100) * 100) : fen;
        const amountFen = usd ? usdCentsToFen(amount, config.usdCnyRate) : fen;
        funds.push([
          uuid7(rng, cMs),
          id,
          place.path,
          dayString(receivedN),
          usd ? 'USD' : 'CNY',
          amount,
          amountFen,
          usd ? '外资到位' : rng.pick(V.FUND_SOURCES),
          new Date(cMs).toISOString(),
        ]);
        fundsFen += amountFen;
        lastMs = Math.max(lastMs, cMs);
        version += 1;
      }
    }

    // the last touch: an event, a need, a promise or a fund; then sometimes an edit
    let updatedMs = lastMs;
    if (rng.chance(0.3)) {
      const lastN = Math.floor((lastMs + 8 * 3_600_000) / DAY_MS);
      updatedMs = Math.max(lastMs, officeMoment(rng, Math.min(todayN, lastN + rng.int(1, 60)), nowMs));
      version += 1;
    }
    const leader = rng.chance(0.7) ? personName(rng) : null;
    const taskForce = rng.chance(0.3)
      ? Array.from({ length: rng.int(1, 3) }, () => ({
          name: personName(rng),
          unit: `${cityOf(place).name}投资促进中心`,
          duty: rng.pick(V.TASK_FORCE_DUTIES),
        }))
      : [];
    const tags = rng.chance(0.4) ? [rng.pick(V.TAGS)] : [];

    batch.projects.push([
      id,
      `XM${created.replaceAll('-', '')}-${id.slice(-8).toUpperCase()}`,
      name,
      place.id,
      place.path,
      industryCode,
      industrySection(industryCode),
      totalFen,
      foreignCents,
      fundsFen,
      projectType,
      chosen[0].group,
      chosen.map((i) => i.name).join('、'),
      [name, nameKey, ...chosen.flatMap((i) => [i.name, i.pinyin, i.creditCode ?? ''])]
        .join(' ')
        .toLowerCase(),
      s,
      paused,
      leader,
      null,
      JSON.stringify(taskForce),
      JSON.stringify(tags),
      null,
      null,
      created,
      stageDays[0] >= 0 ? dayString(stageDays[0]) : null,
      stageDays[1] >= 0 ? dayString(stageDays[1]) : null,
      stageDays[2] >= 0 ? dayString(stageDays[2]) : null,
      stageDays[3] >= 0 ? dayString(stageDays[3]) : null,
      terminatedN >= 0 ? dayString(terminatedN) : null,
      terminatedN >= 0 ? (events.at(-1)![7] as string) : null,
      lastEventN >= 0 ? dayString(lastEventN) : NO_EVENT_YET,
      openNeedDueN >= 0 ? dayString(openNeedDueN) : null,
      new Date(createdMs).toISOString(),
      new Date(updatedMs).toISOString(),
      version,
    ]);
    chosen.forEach((inv, position) => {
      batch.project_investors.push([id, inv.id, position]);
    });
    batch.project_events.push(...events);
    batch.factor_needs.push(...needs);
    batch.project_promises.push(...promises);
    batch.project_funds.push(...funds);

    if ((k + 1) % chunk === 0 || k === N - 1) {
      await flush();
      if (performance.now() - lastReport > 10_000 || k === N - 1) {
        lastReport = performance.now();
        const secs = (lastReport - started) / 1000;
        const rows = Object.values(counts).reduce((a, b) => a + b, 0);
        log(
          `  ${(k + 1).toLocaleString('en')} projects, ${rows.toLocaleString('en')} rows, ${secs.toFixed(0)} s (${Math.round(rows / secs).toLocaleString('en')} rows/s)`,
        );
      }
    }
  }
  const loaded = performance.now();
  log(`  rebuilding indexes…`);
  await writer.restoreIndexes();
  if (search) {
    const t = performance.now();
    search.resume();
    log(`  search index (FTS5 trigram) filled in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  await writer.finish();
  if (opts.rollups !== false) {
    log(`  counting the monthly roll-ups…`);
    await rebuildRollups(database, projectRollups);
  }
  const done = performance.now();
  const totalRows = Object.values(counts).reduce((a, b) => a + b, 0);
  log(
    `  pinyin keys: ${keyCache.size.toLocaleString('en')} name templates computed, ${checked} names checked against pinyinKey`,
  );
  return {
    projects: N,
    investors: investorCount,
    rows: counts,
    totalRows,
    seconds: {
      generateAndInsert: (loaded - started) / 1000,
      indexes: (done - loaded) / 1000,
      total: (done - started) / 1000,
    },
    rowsPerSecond: totalRows / ((done - started) / 1000),
  };
}

export function formatStats(s: GenerateStats): string {
  const rows = Object.entries(s.rows)
    .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
    .join(', ');
  return `  ${s.totalRows.toLocaleString('en')} rows (${rows}) in ${s.seconds.total.toFixed(1)} s: insert ${s.seconds.generateAndInsert.toFixed(1)} s + indexes and roll-ups ${s.seconds.indexes.toFixed(1)} s, ${Math.round(s.rowsPerSecond).toLocaleString('en')} rows/s`;
}
