/**
 * The project pipeline at scale (see bench/run.ts for the knobs). For every database × size:
 * generate (SQLite: or reuse the cached file) the projects and, around them, the records of a
 * province's history (apps/server/src/seed/demo/generate-records.ts: 0.2 × activities, 2 × appeals,
 * 0.05 × rectification tasks, 0.02 × incentive applications per project), then time the real service calls in-process —
 * createProjectService(...).list / .figures and createDashboardService(...).get with a province, a
 * city and a county actor — and print p50 / p95 / max per scenario (a dashboard's first, cold call
 * beside it), a summary table and the verdict against the targets (list p95 < 50 ms, figures
 * p95 < 200 ms, dashboard p95 < 50 ms at 1,000,000 projects on SQLite).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { permissionsOf, type Role } from '@yingshang/contracts';
import pg from 'pg';
import { openDatabase, seed } from '../apps/server/src/boot.js';
import { type Config, loadConfig } from '../apps/server/src/config.js';
import type { DbHandle } from '../apps/server/src/db/database.js';
import { projectSearchSize, rebuildProjectSearch } from '../apps/server/src/db/project-search.js';
import type { OrgUnitRow } from '../apps/server/src/db/schema.js';
import type { Actor } from '../apps/server/src/lib/actor.js';
import { beijingToday } from '../apps/server/src/lib/days.js';
import { createDashboardService } from '../apps/server/src/modules/dashboard/dashboard.service.js';
import { findOrgByCode } from '../apps/server/src/modules/orgs/orgs.repository.js';
import { createProjectService } from '../apps/server/src/modules/projects/projects.service.js';
import { ports } from '../apps/server/src/ports.js';
import {
  DEFAULT_SEED,
  formatStats,
  GENERATOR_VERSION,
  type GenerateStats,
  generateProjects,
} from '../apps/server/src/seed/demo/generate-projects.js';
import {
  formatRecordStats,
  generateRecords,
  RECORDS_VERSION,
  type RecordsStats,
} from '../apps/server/src/seed/demo/generate-records.js';

const root = path.resolve(import.meta.dirname, '..');
const env = process.env;
const SIZES = (env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const DBS = (env.BENCH_DBS ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
const ITERATIONS = Math.max(1, Number(env.BENCH_ITERATIONS ?? 50));
const WARMUP = Number(env.BENCH_WARMUP ?? 5);
const BUDGET_SECONDS = Number(env.BENCH_BUDGET_SECONDS ?? 10);
/** BENCH_RECORDS=0: the projects alone (no activities, appeals, rectification or incentives). */
const RECORDS = env.BENCH_RECORDS !== '0';
const PG_ADMIN_URL = env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGETS = { list: 50, figures: 200, dashboard: 50 };
const CITY = { code: '141000', name: '临汾' };

export interface Timing {
  db: string;
  size: number;
  scenario: string;
  kind: 'list' | 'figures' | 'search' | 'dashboard';
  p50: number;
  p95: number;
  max: number;
  runs: number;
  /** What the call returned (total rows of the filter, or projects in the figures), as a sanity check. */
  result: string;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

/**
 * Warm-up runs, then timed runs one after the other: ITERATIONS of them, or fewer when a scenario
 * takes seconds — the timed runs stop after BENCH_BUDGET_SECONDS (default 10) once 10 are done, and
 * the warm-up after 3 s — so that a query of 4 s costs the run a minute, not four (the row prints the
 * number of runs; with 10 runs p95 is the slowest run).
 */
export async function time<T>(
  fn: () => Promise<T>,
  opts: { iterations?: number; minRuns?: number; budgetSeconds?: number; warmup?: number } = {},
): Promise<{ p50: number; p95: number; max: number; runs: number; last: T }> {
  const { iterations = ITERATIONS, minRuns = 10, budgetSeconds = BUDGET_SECONDS, warmup = WARMUP } = opts;
  let last!: T;
  const warmupEnd = performance.now() + 3_000;
  for (let i = 0; i < warmup && (i === 0 || performance.now() < warmupEnd); i++) last = await fn();
  const ms: number[] = [];
  const end = performance.now() + budgetSeconds * 1000;
  for (let i = 0; i < iterations && (i < minRuns || performance.now() < end); i++) {
    const t = performance.now();
    last = await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: pct(ms, 0.5), p95: pct(ms, 0.95), max: ms[ms.length - 1], runs: ms.length, last };
}

export function actorAt(unit: OrgUnitRow, role: Role): Actor {
  return {
    userId: 'bench',
    username: 'bench',
    displayName: '基准测试',
    roles: [role],
    permissions: new Set(permissionsOf([role])),
    orgUnit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind, path: unit.path },
    locale: 'zh-CN',
    mustChangePassword: false,
    sessionId: '',
    csrfToken: '',
    requestId: null,
    ip: null,
  };
}

/** The scenarios of the issue, through the service as a route would call it. */
export async function scenarios(database: DbHandle, config: Config) {
  const projects = createProjectService({ ...database, config, ports });
  const dashboard = createDashboardService({ db: database.db, config, ports });
  const county = actorAt((await findOrgByCode(database.db, '141002'))!, 'county_staff');
  const province = actorAt((await findOrgByCode(database.db, '140000'))!, 'province_admin');
  const city = actorAt((await findOrgByCode(database.db, CITY.code))!, 'city_bureau');
  const year = Number(beijingToday().slice(0, 4)) - 1;
  const thisMonth = beijingToday().slice(0, 7);
  const first = { page: 1, pageSize: 20, sort: 'updatedAt', order: 'desc' } as const;
  const page = (r: { total: number; items: unknown[] }) => `${r.total.toLocaleString('en')} total`;
  const list =
    (actor: Actor, q: { status?: 'signed' | 'started'; q?: string } = {}) =>
    async () =>
      page(await projects.list(actor, { ...first, ...q }));
  return [
    { kind: 'list', name: `list · ${CITY.name}`, run: list(city) },
    { kind: 'list', name: 'list · province', run: list(province) },
    { kind: 'list', name: `list · ${CITY.name} · status=signed`, run: list(city, { status: 'signed' }) },
    { kind: 'list', name: 'list · province · status=started', run: list(province, { status: 'started' }) },
    {
      kind: 'figures',
      name: `figures · ${CITY.name} · ${year}`,
      run: async () => {
        const f = await projects.figures(city, { from: `${year}-01-01`, to: `${year}-12-31` });
        return `${f.byStatus.reduce((a, s) => a + s.count, 0).toLocaleString('en')} projects`;
      },
    },
    ...(
      [
        ['province', province],
        [CITY.name, city],
        ['尧都区', county],
      ] as const
    ).map(([name, actor]) => ({
      kind: 'dashboard' as const,
      name: `dashboard · ${name} · 1-${thisMonth.slice(5)}月`,
      run: async () => {
        const d = await dashboard.get(actor, { from: `${thisMonth.slice(0, 4)}-01`, to: thisMonth });
        // the sections the dashboard has now (pipeline; appeals, activities … as they are added)
        const sections = Object.keys(d).filter((k) => !['region', 'period', 'lastYear'].includes(k));
        return `${d.pipeline.current.newlySigned.count.toLocaleString('en')} signed, ${d.pipeline.byRegion.length} regions, ${sections.join('+')}`;
      },
    })),
    ...(await searches(database)).map(([q, who, label]) => ({
      kind: 'search' as const,
      name: `search ${label} q=${q} · ${who === 'city' ? CITY.name : 'province'}`,
      run: list(who === 'city' ? city : province, { q }),
    })),
  ] as const;
}

/**
 * The free-text searches (issue 21): a 2-character and a longer Chinese name fragment, an investor's
 * name and a fragment of its credit code (of one investor of the data set, the 8th by id, so that
 * they find something at every size), pinyin initials of 2 and 3 letters, and one character.
 * `[q, actor, label]`.
 */
async function searches(database: DbHandle): Promise<[string, 'city' | 'province', string][]> {
  const investor = await database.db
    .selectFrom('investors')
    .select(['name', 'creditCode'])
    .where('creditCode', 'is not', null)
    .orderBy('id')
    .offset(7)
    .limit(1)
    .executeTakeFirst();
  // the brand and trade without the province and the legal form: 山西远联物流有限公司 → 远联物流
  const investorName = investor ? investor.name.slice(2).replace(/(股份|有限|责任|集团|公司)+$/, '') : '物流';
  const code = investor?.creditCode ? investor.creditCode.slice(8, 15).toLowerCase() : '1401';
  return [
    ['平遥', 'province', 'name 2 chars'],
    ['平遥', 'city', 'name 2 chars'],
    ['半导体封装', 'province', 'name 5 chars'],
    [investorName, 'province', 'investor'],
    [code, 'province', 'credit code'],
    ['ty', 'province', 'pinyin 2'],
    ['ty', 'city', 'pinyin 2'],
    ['xny', 'city', 'pinyin 3'],
    ['xny', 'province', 'pinyin 3'],
    ['gf', 'province', 'pinyin 2'],
    ['煤', 'province', '1 char'],
  ];
}

/** The search index's lines for the summary (rebuilt once per database and size, then measured). */
const searchIndexLines: string[] = [];

/** Rebuilds the search index of migration 0016 from the rows (its build time) and reads its size. */
async function searchIndex(db: string, size: number, database: DbHandle) {
  const seconds = await rebuildProjectSearch(database);
  const parts = await projectSearchSize(database);
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const total = Object.values(parts).reduce((a, b) => a + b, 0);
  const line = `${db} ${sizeLabel(size)}: search index built in ${seconds.toFixed(1)} s, ${mb(total)} (${Object.entries(
    parts,
  )
    .map(([k, v]) => `${k} ${mb(v)}`)
    .join(', ')})`;
  searchIndexLines.push(line);
  console.log(`  ${line}`);
}

async function measure(db: string, size: number, database: DbHandle, config: Config): Promise<Timing[]> {
  const out: Timing[] = [];
  await searchIndex(db, size, database);
  console.log(
    `  ${'scenario'.padEnd(44)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'max ms'.padStart(9)}${'runs'.padStart(6)}   result`,
  );
  for (const s of await scenarios(database, config)) {
    // the first call of a scenario, before any warm-up: what a leader opening the page first waits
    const start = performance.now();
    await s.run();
    const cold = performance.now() - start;
    const { last: result, ...r } = await time(s.run);
    const last = s.kind === 'dashboard' ? `${result} (cold ${fmt(cold).trim()} ms)` : result;
    out.push({ db, size, scenario: s.name, kind: s.kind, ...r, result: last });
    console.log(
      `  ${s.name.padEnd(44)}${fmt(r.p50)}${fmt(r.p95)}${fmt(r.max)}${String(r.runs).padStart(6)}   ${last}`,
    );
  }
  return out;
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0)).padStart(9);
const sizeLabel = (n: number) =>
  n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n);

interface Generated {
  stats: GenerateStats;
  records: RecordsStats | null;
}

const generatedLines = (g: Generated) => [
  formatStats(g.stats).trim(),
  ...(g.records ? [`records: ${formatRecordStats(g.records).trim()}`] : []),
];

/** What a generated data set is keyed by: its size, seed and the generators' versions. */
const dataKey = (size: number) =>
  `${size}_g${GENERATOR_VERSION}_r${RECORDS ? RECORDS_VERSION : 0}_s${DEFAULT_SEED}`;

interface Meta extends Generated {
  asOf: string;
}

const readMeta = (file: string): (Generated & { cached: string }) | null => {
  if (!fs.existsSync(file) || env.BENCH_REGENERATE === '1') return null;
  const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Meta;
  const generated = { stats: m.stats, records: m.records ?? null };
  return { ...generated, cached: m.asOf };
};

const writeMeta = (file: string, generated: Generated) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ asOf: beijingToday(), ...generated } satisfies Meta, null, 2));
};

/**
 * A SQLite file per size, seed and generator versions (projects, records); reused when its
 * meta.json says it is complete.
 */
async function sqliteDatabase(
  size: number,
): Promise<{ config: Config; generated: Generated; cached: string | null }> {
  const dir = path.join(root, '.tmp/bench', `sqlite-${dataKey(size).replaceAll('_', '-')}`);
  const meta = path.join(dir, 'meta.json');
  const config = loadConfig({
    ...env,
    DATABASE_URL: '',
    DATA_DIR: dir,
    SQLITE_PATH: path.join(dir, 'yingshang.sqlite'),
  });
  const m = readMeta(meta);
  if (m) {
    const { cached, ...generated } = m;
    console.log(
      `  cached ${path.relative(root, dir)} (generated ${cached}: ${generatedLines(generated).join('; ')})`,
    );
    return { config, generated, cached };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const generated = await fill(config, size);
  writeMeta(meta, generated);
  return { config, generated, cached: null };
}

/**
 * A PostgreSQL database per size, seed and generator versions (`ys_bench_<key>`), kept after the
 * run and reused while it exists and `.tmp/bench/pg-<key>.json` says it is complete; an older one
 * of the same size (other versions) is dropped.
 */
async function postgresDatabase(
  admin: pg.Client,
  size: number,
): Promise<{ config: Config; generated: Generated; cached: string | null }> {
  const name = `ys_bench_${dataKey(size)}`;
  const meta = path.join(root, '.tmp/bench', `pg-${dataKey(size)}.json`);
  const config = loadConfig({
    ...env,
    DATABASE_URL: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`),
    DATA_DIR: path.join(root, '.tmp/bench/pg'),
  });
  const { rows } = await admin.query<{ datname: string }>(
    "select datname from pg_database where datname like 'ys\\_bench\\_%'",
  );
  const m = rows.some((r) => r.datname === name) ? readMeta(meta) : null;
  if (m) {
    const { cached, ...generated } = m;
    console.log(`  cached database ${name} (generated ${cached}: ${generatedLines(generated).join('; ')})`);
    return { config, generated, cached };
  }
  for (const r of rows)
    if (r.datname.startsWith(`ys_bench_${size}_`) || r.datname === `ys_bench_${size}`)
      await dropDatabase(admin, r.datname);
  fs.rmSync(meta, { force: true });
  await admin.query(`create database ${name}`);
  const generated = await fill(config, size);
  writeMeta(meta, generated);
  return { config, generated, cached: null };
}

/** Seeds the organisation tree, then generates the projects and (unless BENCH_RECORDS=0) the records. */
async function fill(config: Config, size: number): Promise<Generated> {
  const database = await openDatabase(config);
  try {
    await seed(database, config, { demo: false });
    console.log(`  generating ${size.toLocaleString('en')} projects…`);
    // the records' generator counts every source into the roll-ups, projects included
    const stats = await generateProjects(database, config, {
      count: size,
      log: console.log,
      rollups: !RECORDS,
    });
    console.log(formatStats(stats));
    if (!RECORDS) return { stats, records: null };
    console.log('  generating the records around them…');
    const records = await generateRecords(database, config, { log: console.log });
    console.log(formatRecordStats(records));
    return { stats, records };
  } finally {
    await database.close();
  }
}

export async function projectsBench(): Promise<void> {
  console.log(
    `营商通 bench · projects · ${os.cpus().length} cores · ${ITERATIONS} runs after ${WARMUP} warm-up · in-process service calls\n`,
  );
  const timings: Timing[] = [];
  const generation: string[] = [];
  for (const db of DBS) {
    for (const size of SIZES) {
      console.log(
        `${db} · ${size.toLocaleString('en')} projects${RECORDS ? ` + ${(size * 0.2).toLocaleString('en')} activities, ${(size * 2).toLocaleString('en')} appeals, ${(size * 0.05).toLocaleString('en')} rectification tasks, ${(size * 0.02).toLocaleString('en')} incentive applications` : ''}`,
      );
      if (db === 'sqlite') {
        const { config, generated, cached } = await sqliteDatabase(size);
        generation.push(
          `sqlite ${sizeLabel(size)}${cached ? ` (cached, generated ${cached})` : ''}: ${generatedLines(generated).join('\n    ')}`,
        );
        const database = await openDatabase(config);
        try {
          timings.push(...(await measure(db, size, database, config)));
        } finally {
          await database.close();
        }
      } else {
        const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
        try {
          await admin.connect();
        } catch (err) {
          console.log(`  PostgreSQL unreachable at ${PG_ADMIN_URL} (${String(err)}): skipped\n`);
          break;
        }
        try {
          const { config, generated, cached } = await postgresDatabase(admin, size);
          generation.push(
            `postgres ${sizeLabel(size)}${cached ? ` (cached, generated ${cached})` : ''}: ${generatedLines(generated).join('\n    ')}`,
          );
          const database = await openDatabase(config);
          try {
            timings.push(...(await measure(db, size, database, config)));
          } finally {
            await database.close();
          }
        } finally {
          await admin.end();
        }
      }
      console.log('');
    }
  }
  summary(timings, generation);
}

/**
 * Drops a bench database once the pools have let go of it: a pool's end() resolves before its
 * clients' sockets are closed, and a forced drop would then hit an idle client whose pool has no
 * error listener any more (an uncaught 'error' event).
 */
async function dropDatabase(admin: pg.Client, name: string) {
  for (let i = 0; i < 50; i++) {
    const { rows } = await admin.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where datname = $1',
      [name],
    );
    if (rows[0].n === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await admin.query(`drop database if exists ${name} with (force)`);
}

function summary(timings: Timing[], generation: string[]) {
  const table = (rows: Timing[], title: string) => {
    const columns = [...new Set(rows.map((t) => `${t.db} ${sizeLabel(t.size)}`))];
    const names = [...new Set(rows.map((t) => t.scenario))];
    console.log(`${title}: p95 ms (p50)`);
    console.log(`${'scenario'.padEnd(44)}${columns.map((c) => c.padStart(18)).join('')}`);
    for (const name of names) {
      const cells = columns.map((c) => {
        const t = rows.find((x) => x.scenario === name && `${x.db} ${sizeLabel(x.size)}` === c);
        return (t ? `${fmt(t.p95).trim()} (${fmt(t.p50).trim()})` : '–').padStart(18);
      });
      console.log(`${name.padEnd(44)}${cells.join('')}`);
    }
  };
  table(timings, 'current code');
  if (generation.length) console.log(`\ngeneration:\n  ${generation.join('\n  ')}`);
  if (searchIndexLines.length)
    console.log(`\nsearch index (migration 0016):\n  ${searchIndexLines.join('\n  ')}`);
  console.log(
    `load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (other work on the machine skews the figures)`,
  );
  console.log(`\n${verdict('current code', timings)}`);
}

function verdict(label: string, timings: Timing[]): string {
  const target = timings.filter((t) => t.db === 'sqlite' && t.size === 1_000_000);
  if (target.length === 0)
    return `verdict (${label}): not measured (the targets are for 1,000,000 projects on SQLite)`;
  const worst = (kind: Timing['kind']) =>
    target.filter((t) => t.kind === kind).reduce((a, b) => (b.p95 > a.p95 ? b : a));
  const list = worst('list');
  const figures = worst('figures');
  const search = worst('search');
  const dashboard = worst('dashboard');
  const ok = (t: Timing, limit: number) => (t.p95 < limit ? 'met' : 'MISSED');
  return (
    `verdict (${label}, sqlite 1M): list p95 ${fmt(list.p95).trim()} ms (worst: ${list.scenario}) < ${TARGETS.list} ms ${ok(list, TARGETS.list)}; ` +
    `figures p95 ${fmt(figures.p95).trim()} ms < ${TARGETS.figures} ms ${ok(figures, TARGETS.figures)}; ` +
    `dashboard p95 ${fmt(dashboard.p95).trim()} ms (worst: ${dashboard.scenario}) < ${TARGETS.dashboard} ms ${ok(dashboard, TARGETS.dashboard)}; ` +
    `search p95 ${fmt(search.p95).trim()} ms (worst: ${search.scenario}; no target of its own, against the list's ${TARGETS.list} ms: ${ok(search, TARGETS.list)})`
  );
}
