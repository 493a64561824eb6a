/**
 * Why the slow scenarios are slow, and what would make them fast — measured, not guessed.
 *
 * 1. The plans of the current statements (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN ANALYZE),
 *    captured from the real service calls.
 * 2. A prototype of the proposed fix, on a copy of the SQLite file (the cached database stays as
 *    generated) or on the throw-away PostgreSQL database: the indexes of a would-be migration 0003,
 *    then the scenarios again through the current code and through prototypes of the proposed
 *    repository changes (which must return the same results), before/after side by side.
 *
 * Nothing here changes the server: the proposals are for the reviewer to carry into a migration
 * and into projects.repository.ts / figures.repository.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_STATUSES, type ProjectFigures, type ProjectStatus } from '@yingshang/contracts';
import {
  CamelCasePlugin,
  type Expression,
  Kysely,
  PostgresDialect,
  type RawBuilder,
  SqliteDialect,
  sql,
} from 'kysely';
import pg from 'pg';
import { openDatabase } from '../apps/server/src/boot.js';
import { type Config, loadConfig } from '../apps/server/src/config.js';
import type { Db, DbHandle } from '../apps/server/src/db/database.js';
import type { Dialect } from '../apps/server/src/db/dialect.js';
import type { Database } from '../apps/server/src/db/schema.js';
import type { Actor } from '../apps/server/src/lib/actor.js';
import { addDays, beijingToday, daysBetween, median } from '../apps/server/src/lib/days.js';
import { findOrgByCode } from '../apps/server/src/modules/orgs/orgs.repository.js';
import { SIGN_TO_PRODUCTION_TARGET_DAYS } from '../apps/server/src/modules/projects/figures.repository.js';
import { type Clock, toSummary } from '../apps/server/src/modules/projects/projects.repository.js';
import { createProjectService } from '../apps/server/src/modules/projects/projects.service.js';
import { actorAt, scenarios, type Timing, time } from './projects.js';

/**
 * The indexes of the proposal (a new migration; `replaces` are dropped, their leading columns being
 * a prefix of the new index). PostgreSQL takes the path column with text_pattern_ops for LIKE 'x%'.
 */
export const PROPOSED_INDEXES: { name: string; table: string; columns: string[]; replaces?: string }[] = [
  // list: walk the sort order backwards and test scope and status inside the index (landed: migration 0003)
  {
    name: 'projects_updated_scope',
    table: 'projects',
    columns: ['updated_at', 'id', 'region_path', 'status'],
    replaces: 'projects_updated',
  },
  // figures: every column the figures read from projects, so the city's rows come from the index alone
  {
    name: 'projects_figures',
    table: 'projects',
    columns: [
      'region_path',
      'id',
      'status',
      'created_on',
      'negotiating_on',
      'signed_on',
      'started_on',
      'producing_on',
      'terminated_on',
      'total_investment_fen',
      'funds_in_place_fen',
    ],
  },
  // figures' joins: the child rows' columns beside project_id, so a probe reads no table row
  {
    name: 'project_funds_project_amount',
    table: 'project_funds',
    columns: ['project_id', 'received_on', 'amount_fen'],
    replaces: 'project_funds_project',
  },
  {
    name: 'project_promises_project_due',
    table: 'project_promises',
    columns: ['project_id', 'due_on', 'status'],
    replaces: 'project_promises_project',
  },
  {
    name: 'factor_needs_project_open',
    table: 'factor_needs',
    columns: ['project_id', 'status', 'due_on'],
    replaces: 'factor_needs_project',
  },
];

/** The probe's runs: fewer than the measurement's, it compares variants rather than certifying one. */
const PROBE_RUNS = { iterations: 20, minRuns: 5, budgetSeconds: 6, warmup: 2 };

/** Above this many matching rows the proposed list walks the sort index instead of sorting the matches. */
const WALK_THRESHOLD = 2000;

// ---------------------------------------------------------------- prototypes of the proposal

/**
 * The list as proposed — and landed since, with migration 0003, in projects.repository.ts
 * `listProjects`; kept here as the measured reference (sort updatedAt only, filters
 * scope / status / q): (1) no subtree predicate when the scope is the province root — every project
 * lies under it, and an unfiltered count(*) is a b-tree count on SQLite; (2) the page's ids first,
 * then their rows; for more than WALK_THRESHOLD matches the ids come from walking
 * (updated_at, id, region_path, status) backwards, which on SQLite needs the filter columns hidden
 * from the planner (unary +), or it sorts every match; PostgreSQL's planner chooses well by itself.
 */
export async function proposedList(
  db: Db,
  dialect: Dialect,
  f: { scope: string; root: boolean; status?: ProjectStatus; q?: string },
  c: Clock,
  pageSize = 20,
) {
  const hide = (e: Expression<unknown> | RawBuilder<unknown>, walk: boolean): RawBuilder<unknown> =>
    walk && dialect.name === 'sqlite' ? sql`+${e}` : sql`${e}`;
  const filtered = (walk: boolean) => {
    let q = db.selectFrom('projects as p');
    if (!f.root) q = q.where(({ ref }) => dialect.under(hide(ref('p.regionPath'), walk), f.scope));
    if (f.status) q = q.where(sql<boolean>`${hide(sql.ref('p.status'), walk)} = ${f.status}`);
    if (f.q) {
      const text = f.q.toLowerCase();
      q = q.where(({ ref }) => dialect.contains(ref('p.searchText'), text));
    }
    return q;
  };
  const { total } = await filtered(false).select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow();
  const ids = (
    await filtered(Number(total) > WALK_THRESHOLD)
      .select('p.id')
      .orderBy('p.updatedAt', 'desc')
      .orderBy('p.id', 'desc')
      .limit(pageSize)
      .execute()
  ).map((r) => r.id);
  const rows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('projects as p')
          .innerJoin('orgUnits as o', 'o.id', 'p.regionId')
          .selectAll('p')
          .select((eb) => [
            'o.name as regionName',
            sql<number>`case when ${eb.exists(
              eb
                .selectFrom('factorNeeds as f')
                .select('f.id')
                .whereRef('f.projectId', '=', 'p.id')
                .where('f.status', '!=', 'met')
                .where('f.dueOn', '<', c.today),
            )} then 1 else 0 end`.as('blocked'),
          ])
          .where('p.id', 'in', ids)
          .orderBy('p.updatedAt', 'desc')
          .orderBy('p.id', 'desc')
          .execute();
  return { items: rows.map((r) => toSummary(r, c)), total: Number(total), page: 1, pageSize };
}

/**
 * The columns of tier C: kept in step by the service like funds_in_place_fen is (refresh after every
 * write to factor needs / promises / funds), each one exact:
 * - open_need_due_on: earliest due_on of the unmet factor needs → blocked ⇔ open_need_due_on < today
 *   (the EXISTS of blockedExpr, without a probe; the list's blocked flag and filter gain as well);
 * - promises_first_due_on: earliest due_on of the non-cancelled promises → a project with none due by
 *   the period's end needs no probe of its promises;
 * - last_fund_on: latest received_on of its funds → if it is not after the period's end, all its funds
 *   are in funds_in_place_fen and need no probe.
 */
export const DENORMALISED_COLUMNS: { column: string; backfill: string }[] = [
  {
    column: 'open_need_due_on',
    backfill: `update projects set open_need_due_on = (select min(f.due_on) from factor_needs f where f.project_id = projects.id and f.status != 'met')
      where id in (select project_id from factor_needs where status != 'met')`,
  },
  {
    column: 'promises_first_due_on',
    backfill: `update projects set promises_first_due_on = (select min(pp.due_on) from project_promises pp where pp.project_id = projects.id and pp.status != 'cancelled')
      where id in (select project_id from project_promises where status != 'cancelled')`,
  },
  {
    column: 'last_fund_on',
    backfill: `update projects set last_fund_on = (select max(pf.received_on) from project_funds pf where pf.project_id = projects.id)
      where funds_in_place_fen > 0`,
  },
];

/**
 * The figures, as proposed for figures.repository.ts. Tier B (queries only, no schema change): the
 * status-at-end counts and the period totals in one grouped pass (they scanned the same rows twice);
 * the funds join only for projects with funds (funds_in_place_fen > 0); blocked as a semi-join on the
 * open overdue needs (`p.id in (…)`, on SQLite `+p.id` so that it filters the scan, with a Bloom
 * filter, instead of driving it) rather than an EXISTS probe per project. Tier C (`denormalised`):
 * blocked counted in the grouped pass from open_need_due_on, funds from funds_in_place_fen where
 * last_fund_on ≤ the period's end (probing only the others), promises probed only where
 * promises_first_due_on ≤ the period's end.
 */
export async function proposedFigures(
  db: Db,
  dialect: Dialect,
  f: {
    regionPath: string;
    from: string;
    to: string;
    today: string;
    stallSignedDays: number;
    stallStartedDays: number;
  },
  denormalised = false,
): Promise<ProjectFigures> {
  const { from, to } = f;
  const inRegion = db
    .selectFrom('projects as p')
    .where(({ ref }) => dialect.under(ref('p.regionPath'), f.regionPath));
  const statusAtEnd = sql<ProjectStatus>`case
    when p.terminated_on <= ${to} then 'terminated'
    when p.producing_on <= ${to} then 'producing'
    when p.started_on <= ${to} then 'started'
    when p.signed_on <= ${to} then 'signed'
    when p.negotiating_on <= ${to} then 'negotiating'
    else 'lead' end`;
  const existed = sql`(p.created_on <= ${to} or coalesce(p.negotiating_on, p.signed_on, p.started_on, p.producing_on) <= ${to})`;
  const between = (col: string) =>
    sql<number>`sum(case when ${sql.ref(col)} >= ${from} and ${sql.ref(col)} <= ${to} then 1 else 0 end)`;
  const upTo = (col: string) => sql<number>`sum(case when ${sql.ref(col)} <= ${to} then 1 else 0 end)`;
  const openAt = sql`(p.terminated_on is null or p.terminated_on > ${to})`;
  const signedBefore = addDays(to, -f.stallSignedDays);
  const startedBefore = addDays(to, -f.stallStartedDays);
  const signPlus = dialect.dayPlus(sql.ref('p.signed_on'), SIGN_TO_PRODUCTION_TARGET_DAYS);
  const zero = sql<number>`0`;

  const [groups, funds, promises, pairs, blocked] = await Promise.all([
    inRegion
      .select([
        statusAtEnd.as('status'),
        sql<number>`sum(case when ${existed} then 1 else 0 end)`.as('count'),
        sql<number>`coalesce(sum(case when ${existed} then p.total_investment_fen else 0 end), 0)`.as(
          'investment',
        ),
        between('p.signed_on').as('newlySigned'),
        sql<number>`coalesce(sum(case when p.signed_on >= ${from} and p.signed_on <= ${to} then p.total_investment_fen else 0 end), 0)`.as(
          'newlySignedFen',
        ),
        between('p.started_on').as('newlyStarted'),
        between('p.producing_on').as('newlyProducing'),
        upTo('p.signed_on').as('signedTotal'),
        upTo('p.started_on').as('startedTotal'),
        upTo('p.producing_on').as('producingTotal'),
        sql<number>`coalesce(sum(case when p.signed_on <= ${to} then p.total_investment_fen else 0 end), 0)`.as(
          'contractedFen',
        ),
        sql<number>`sum(case when p.signed_on <= ${to} and ${openAt} and (
            (p.producing_on is not null and p.producing_on <= ${to} and p.producing_on > ${signPlus})
            or ((p.producing_on is null or p.producing_on > ${to}) and ${to} > ${signPlus})) then 1 else 0 end)`.as(
          'over150',
        ),
        sql<number>`sum(case when ${openAt} and (
            (p.signed_on <= ${signedBefore} and (p.started_on is null or p.started_on > ${to}))
            or (p.started_on <= ${startedBefore} and (p.producing_on is null or p.producing_on > ${to}))) then 1 else 0 end)`.as(
          'stalled',
        ),
        (denormalised
          ? sql<number>`sum(case when p.status != 'terminated' and p.open_need_due_on < ${f.today} then 1 else 0 end)`
          : zero
        ).as('blocked'),
        (denormalised
          ? sql<number>`coalesce(sum(case when p.signed_on <= ${to} and p.last_fund_on <= ${to} then p.funds_in_place_fen else 0 end), 0)`
          : zero
        ).as('fundsKnown'),
      ])
      .groupBy(sql`1`)
      .execute(),
    inRegion
      .innerJoin('projectFunds as pf', 'pf.projectId', 'p.id')
      .where(denormalised ? sql<boolean>`p.last_fund_on > ${to}` : sql<boolean>`p.funds_in_place_fen > 0`)
      .where('pf.receivedOn', '<=', to)
      .where('p.signedOn', '<=', to)
      .select(sql<number>`coalesce(sum(pf.amount_fen), 0)`.as('fen'))
      .executeTakeFirstOrThrow(),
    inRegion
      .innerJoin('projectPromises as pp', 'pp.projectId', 'p.id')
      .$if(denormalised, (q) => q.where(sql<boolean>`p.promises_first_due_on <= ${to}`))
      .where('pp.dueOn', '<=', to)
      .where('pp.status', '!=', 'cancelled')
      .select([
        sql<number>`count(*)`.as('due'),
        sql<number>`sum(case when pp.status = 'fulfilled' then 1 else 0 end)`.as('fulfilled'),
      ])
      .executeTakeFirstOrThrow(),
    inRegion
      .select(['p.signedOn', 'p.startedOn', 'p.producingOn'])
      .where((eb) =>
        eb.or([
          eb.and([eb('p.startedOn', '>=', from), eb('p.startedOn', '<=', to)]),
          eb.and([eb('p.producingOn', '>=', from), eb('p.producingOn', '<=', to)]),
        ]),
      )
      .execute(),
    denormalised
      ? Promise.resolve({ n: 0 })
      : inRegion
          .where(
            sql<boolean>`${dialect.name === 'sqlite' ? sql`+p.id` : sql`p.id`} in (select project_id from factor_needs where status != 'met' and due_on < ${f.today})`,
          )
          .where('p.status', '!=', 'terminated')
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow(),
  ]);

  const n = (v: unknown) => Number(v ?? 0);
  const sum = (k: keyof (typeof groups)[number]) => groups.reduce((a, g) => a + n(g[k]), 0);
  const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);
  const inPeriod = (d: string | null) => !!d && d >= from && d <= to;
  const days = (a: string | null, b: string | null) => (a && b ? daysBetween(a, b) : null);
  const collect = (pick: (r: (typeof pairs)[number]) => number | null) =>
    pairs.map(pick).filter((v): v is number => v !== null);
  const byStatus = new Map(groups.map((g) => [g.status, g]));
  return {
    period: { from, to },
    byStatus: PROJECT_STATUSES.map((status) => ({
      status,
      count: n(byStatus.get(status)?.count),
      investmentFen: n(byStatus.get(status)?.investment),
    })),
    newlySigned: { count: sum('newlySigned'), investmentFen: sum('newlySignedFen') },
    newlyStarted: sum('newlyStarted'),
    newlyProducing: sum('newlyProducing'),
    signedTotal: sum('signedTotal'),
    startRate: ratio(sum('startedTotal'), sum('signedTotal')),
    productionRate: ratio(sum('producingTotal'), sum('signedTotal')),
    fulfilmentRate: ratio(n(promises.fulfilled), n(promises.due)),
    fundsInPlaceRate: ratio(n(funds.fen) + sum('fundsKnown'), sum('contractedFen')),
    medianDays: {
      signToStart: median(collect((r) => (inPeriod(r.startedOn) ? days(r.signedOn, r.startedOn) : null))),
      startToProduction: median(
        collect((r) => (inPeriod(r.producingOn) ? days(r.startedOn, r.producingOn) : null)),
      ),
      signToProduction: median(
        collect((r) => (inPeriod(r.producingOn) ? days(r.signedOn, r.producingOn) : null)),
      ),
    },
    over150Days: sum('over150'),
    stalled: sum('stalled'),
    blocked: denormalised ? sum('blocked') : n(blocked.n),
  };
}

// ---------------------------------------------------------------- plans of the current statements

interface Logged {
  sql: string;
  parameters: readonly unknown[];
}

/** A second Kysely on the same database that records every statement it runs. */
function recording(database: DbHandle, config: Config) {
  const log: Logged[] = [];
  const pool = config.databaseUrl ? new pg.Pool({ connectionString: config.databaseUrl, max: 10 }) : null;
  pool?.on('error', () => {}); // an idle client of a pool being ended may see the bench database dropped
  const db = new Kysely<Database>({
    dialect: pool ? new PostgresDialect({ pool }) : new SqliteDialect({ database: database.sqlite! }),
    plugins: [new CamelCasePlugin()],
    log: (e) => {
      if (e.level === 'query' && !/^(begin|commit|rollback)/i.test(e.query.sql))
        log.push({ sql: e.query.sql, parameters: e.query.parameters });
    },
  });
  return { db, log, pool, close: () => (pool ? pool.end() : Promise.resolve()) };
}

async function plans(database: DbHandle, config: Config, names: string[]) {
  const rec = recording(database, config);
  try {
    const handle: DbHandle = { ...database, db: rec.db };
    for (const s of await scenarios(handle, config)) {
      if (!names.includes(s.name)) continue;
      rec.log.length = 0;
      await s.run();
      console.log(`  ${s.name}:`);
      for (const q of rec.log) {
        const head = q.sql.replace(/\s+/g, ' ').slice(0, 110);
        if (database.sqlite) {
          const t = performance.now();
          database.sqlite.prepare(q.sql).all(...(q.parameters as unknown[]));
          const ms = performance.now() - t;
          const plan = database.sqlite
            .prepare(`explain query plan ${q.sql}`)
            .all(...(q.parameters as unknown[])) as { detail: string }[];
          console.log(
            `    ${ms.toFixed(1).padStart(7)} ms  ${head}…\n${plan.map((p) => `               ${p.detail}`).join('\n')}`,
          );
        } else {
          const r = await rec.pool!.query<{ 'QUERY PLAN': string }>(
            `explain (analyze, buffers, costs off) ${q.sql}`,
            q.parameters as unknown[],
          );
          const lines = r.rows.map((x) => x['QUERY PLAN']);
          const total = lines.find((l) => l.startsWith('Execution Time')) ?? '';
          console.log(`    ${total.replace('Execution Time: ', '').padStart(10)}  ${head}…`);
          for (const l of lines
            .filter((l) => /(Scan|Sort|Join|Loop|Aggregate|Gather|Limit)/.test(l))
            .slice(0, 12))
            console.log(`               ${l.trim().slice(0, 140)}`);
        }
      }
    }
  } finally {
    await rec.close();
  }
}

// ---------------------------------------------------------------- the probe

/** What must agree between the current and the proposed list: the total and the page's rows. */
const pageKey = (r: { total: number; items: unknown[] }) => ({ total: r.total, items: r.items });

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));

async function createIndex(database: DbHandle, ix: (typeof PROPOSED_INDEXES)[number]) {
  const cols = ix.columns.map((c, i) =>
    database.dialect.name === 'postgres' && i === 0 && c === 'region_path'
      ? sql`${sql.id(c)} text_pattern_ops`
      : sql.id(c),
  );
  await sql`create index ${sql.id(ix.name)} on ${sql.table(ix.table)} (${sql.join(cols)})`.execute(
    database.db,
  );
}

/** Whether an index of this name exists (a landed migration may have created a proposed one already). */
async function indexExists(database: DbHandle, name: string): Promise<boolean> {
  const { rows } =
    database.dialect.name === 'postgres'
      ? await sql<{
          n: number;
        }>`select count(*)::int as n from pg_indexes where schemaname = current_schema() and indexname = ${name}`.execute(
          database.db,
        )
      : await sql<{
          n: number;
        }>`select count(*) as n from sqlite_master where type = 'index' and name = ${name}`.execute(
          database.db,
        );
  return Number(rows[0]?.n) > 0;
}

async function columnExists(database: DbHandle, table: string, column: string): Promise<boolean> {
  const { rows } =
    database.dialect.name === 'postgres'
      ? await sql<{
          n: number;
        }>`select count(*)::int as n from information_schema.columns where table_schema = current_schema() and table_name = ${table} and column_name = ${column}`.execute(
          database.db,
        )
      : await sql<{
          n: number;
        }>`select count(*) as n from pragma_table_info(${table}) where name = ${column}`.execute(database.db);
  return Number(rows[0]?.n) > 0;
}

/** The proposed indexes that are not in place yet; those a migration already created are left as they are. */
async function createIndexes(database: DbHandle) {
  for (const ix of PROPOSED_INDEXES) {
    if (await indexExists(database, ix.name)) {
      console.log(`    ${ix.name}: in place already (a landed migration)`);
      continue;
    }
    const t = performance.now();
    await createIndex(database, ix);
    if (ix.replaces && (await indexExists(database, ix.replaces)))
      await sql`drop index ${sql.id(ix.replaces)}`.execute(database.db);
    console.log(
      `    ${ix.name} (${ix.columns.join(', ')})${ix.replaces ? ` replacing ${ix.replaces}` : ''}: ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }
  if (database.dialect.name === 'postgres')
    await sql
      .raw('vacuum (analyze) projects, project_funds, project_promises, factor_needs')
      .execute(database.db);
}

/** Tier C on the prototype database: the columns, their backfill, and projects_figures carrying them. */
async function addDenormalisedColumns(database: DbHandle) {
  const t = performance.now();
  for (const d of DENORMALISED_COLUMNS) {
    if (await columnExists(database, 'projects', d.column)) continue;
    await sql`alter table projects add column ${sql.id(d.column)} text`.execute(database.db);
    await sql.raw(d.backfill).execute(database.db);
  }
  const figures = PROPOSED_INDEXES.find((i) => i.name === 'projects_figures')!;
  await sql`drop index if exists projects_figures`.execute(database.db);
  await createIndex(database, {
    ...figures,
    columns: [...figures.columns, ...DENORMALISED_COLUMNS.map((d) => d.column)],
  });
  if (database.dialect.name === 'postgres') await sql.raw('vacuum (analyze) projects').execute(database.db);
  console.log(
    `    ${DENORMALISED_COLUMNS.map((d) => d.column).join(', ')}: ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
}

export async function probe(
  database: DbHandle,
  config: Config,
  dir: string | null,
  size: number,
  timings: Timing[],
): Promise<Timing[]> {
  const db = database.dialect.name;
  const slow = timings.filter((t) => t.p95 >= (t.kind === 'figures' ? 200 : 50)).map((t) => t.scenario);
  console.log(
    `\n  probe · ${db} · ${size.toLocaleString('en')}: plans of the statements behind ${slow.length ? slow.join(', ') : 'no slow scenario'}`,
  );
  if (slow.length) await plans(database, config, slow);

  // the prototype runs on a copy (SQLite) or on the throw-away database (PostgreSQL)
  let target = database;
  let targetConfig = config;
  let copy: string | null = null;
  if (db === 'sqlite') {
    copy = path.join(dir!, 'probe.sqlite');
    fs.rmSync(copy, { force: true });
    database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    fs.copyFileSync(config.sqlitePath, copy);
    targetConfig = loadConfig({ ...process.env, DATABASE_URL: '', DATA_DIR: dir!, SQLITE_PATH: copy });
    target = await openDatabase(targetConfig);
  }
  const out: Timing[] = [];
  try {
    console.log(
      `\n  prototype: the proposed indexes, as a new migration would add them (${copy ? 'on a copy of the file' : 'on the bench database'})`,
    );
    await createIndexes(target);
    const service = createProjectService({ ...target, config: targetConfig });
    const clock = service.clock();
    const provinceUnit = (await findOrgByCode(target.db, '140000'))!;
    const cityUnit = (await findOrgByCode(target.db, '141000'))!;
    const province = actorAt(provinceUnit, 'province_admin');
    const city = actorAt(cityUnit, 'city_bureau');
    const year = Number(beijingToday().slice(0, 4)) - 1;
    const figuresArgs = {
      regionPath: cityUnit.path,
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      today: beijingToday(),
      stallSignedDays: targetConfig.stallSignedDays,
      stallStartedDays: targetConfig.stallStartedDays,
    };
    const first = { page: 1, pageSize: 20, sort: 'updatedAt', order: 'desc' } as const;
    type ListQ = { status?: ProjectStatus; q?: string };
    const listCases: [string, Actor, ListQ][] = [
      ['list · 临汾', city, {}],
      ['list · province', province, {}],
      ['list · 临汾 · status=signed', city, { status: 'signed' }],
      ['list · province · status=started', province, { status: 'started' }],
      ['search q=xny · 临汾', city, { q: 'xny' }],
      ['search q=xny · province', province, { q: 'xny' }],
      ['search q=gf · province', province, { q: 'gf' }],
    ];
    const before = new Map(timings.map((t) => [t.scenario, t]));
    type Timed = Awaited<ReturnType<typeof time<unknown>>>;
    const lines: { name: string; a: Timed | null; b: Timed; c?: Timed; same: boolean }[] = [];
    const kindOf = (name: string) =>
      name.startsWith('figures') ? 'figures' : name.startsWith('search') ? 'search' : ('list' as const);
    for (const [name, actor, q] of listCases) {
      const root = actor === province;
      // the indexes do nothing for a text search: its column A would repeat "before" at seconds a run
      const a = name.startsWith('search')
        ? null
        : await time(async () => pageKey(await service.list(actor, { ...first, ...q })), PROBE_RUNS);
      const b = await time(
        async () =>
          pageKey(
            await proposedList(target.db, target.dialect, { scope: actor.orgUnit.path, root, ...q }, clock),
          ),
        PROBE_RUNS,
      );
      const reference = a?.last ?? pageKey(await service.list(actor, { ...first, ...q }));
      lines.push({ name, a, b, same: JSON.stringify(reference) === JSON.stringify(b.last) });
    }
    const figuresName = `figures · 临汾 · ${year}`;
    const a = await time(
      () => service.figures(city, { from: figuresArgs.from, to: figuresArgs.to }),
      PROBE_RUNS,
    );
    const b = await time(() => proposedFigures(target.db, target.dialect, figuresArgs), PROBE_RUNS);
    console.log('  tier C: denormalised columns on projects, backfilled, and appended to projects_figures');
    await addDenormalisedColumns(target);
    const c = await time(() => proposedFigures(target.db, target.dialect, figuresArgs, true), PROBE_RUNS);
    const same = [b, c].every((x) => JSON.stringify(x.last) === JSON.stringify(a.last));
    lines.push({ name: figuresName, a, b, c, same });

    console.log(
      `\n  ${'p95 ms (p50)'.padEnd(34)}${'before'.padStart(16)}${'A: +indexes'.padStart(16)}${'B: +queries'.padStart(16)}${'C: +columns'.padStart(16)}  same result`,
    );
    const cell = (t: { p50: number; p95: number } | null | undefined) =>
      (t ? `${fmt(t.p95)} (${fmt(t.p50)})` : '–').padStart(16);
    for (const l of lines) {
      console.log(
        `  ${l.name.padEnd(34)}${cell(before.get(l.name))}${cell(l.a)}${cell(l.b)}${cell(l.c)}  ${l.same ? 'yes' : 'NO'}`,
      );
      const best = l.c ?? l.b;
      out.push({
        db,
        size,
        scenario: l.name,
        kind: kindOf(l.name),
        p50: best.p50,
        p95: best.p95,
        max: best.max,
        runs: best.runs,
        result: 'proposed',
      });
    }
  } finally {
    if (copy) {
      await target.close();
      for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(f, { force: true });
    }
  }
  return out;
}
