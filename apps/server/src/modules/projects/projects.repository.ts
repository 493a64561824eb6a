import type { ProjectStatus } from '@yingshang/contracts';
import { industryByCode } from '@yingshang/rules';
import { type ExpressionBuilder, type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect, TextIndex } from '../../db/dialect.js';
import { fetchPage } from '../../db/paging.js';
import type { Database, FactorNeedRow, InvestorRow, ProjectRow, PromiseRow } from '../../db/schema.js';
import { daysBetween } from '../../lib/days.js';
import { pinyinKey } from '../../lib/pinyin.js';

/**
 * A project's ledger number: XM + the Beijing day + the last 12 hex digits of its UUID v7 id
 * (48 random bits: a collision among even 100,000 projects of one day is about 1 in 50,000;
 * the unique index is the backstop).
 */
export const projectCode = (id: string, day: string) =>
  `XM${day.replaceAll('-', '')}-${id.slice(-12).toUpperCase()}`;

/** The columns a project derives from its name and investors: origin, names for the list, search text. */
export function investorColumns(name: string, investors: readonly InvestorRow[]) {
  return {
    originGroup: investors[0].originGroup,
    investorNames: investors.map((i) => i.name).join('、'),
    searchText: [name, pinyinKey(name), ...investors.flatMap((i) => [i.name, i.pinyin, i.creditCode ?? ''])]
      .join(' ')
      .toLowerCase(),
  };
}

/** Today and the stall thresholds: what makes a project blocked or stalled right now. */
export interface Clock {
  today: string;
  /** Signed before this day and not started: stalled. */
  stalledSignedBefore: string;
  /** Started before this day and not producing: stalled. */
  stalledStartedBefore: string;
}

type P = ExpressionBuilder<Database & { p: Database['projects'] }, 'p'>;

const REACHED_COLUMN = { signed: 'p.signedOn', started: 'p.startedOn', producing: 'p.producingOn' } as const;

/** 1 when the project has an unmet factor need past its due date (see refreshChildFigures). */
const blockedExpr = (today: string) => sql<number>`case when p.open_need_due_on < ${today} then 1 else 0 end`;

const stalledWhere = (eb: P, c: Clock) =>
  eb.or([
    eb.and([eb('p.status', '=', 'signed'), eb('p.signedOn', '<', c.stalledSignedBefore)]),
    eb.and([eb('p.status', '=', 'started'), eb('p.startedOn', '<', c.stalledStartedBefore)]),
  ]);

export const isStalled = (r: Pick<ProjectRow, 'status' | 'signedOn' | 'startedOn'>, c: Clock) =>
  (r.status === 'signed' && !!r.signedOn && r.signedOn < c.stalledSignedBefore) ||
  (r.status === 'started' && !!r.startedOn && r.startedOn < c.stalledStartedBefore);

export function toSummary(r: ProjectRow & { regionName: string; blocked: number }, c: Clock) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    regionId: r.regionId,
    regionName: r.regionName,
    industryCode: r.industryCode,
    industryName: industryByCode(r.industryCode)?.name ?? r.industryCode,
    totalInvestmentFen: Number(r.totalInvestmentFen),
    foreignCapitalUsdCents: Number(r.foreignCapitalUsdCents),
    fundsInPlaceFen: Number(r.fundsInPlaceFen),
    projectType: r.projectType as never,
    originGroup: r.originGroup as never,
    investorNames: r.investorNames,
    status: r.status as ProjectStatus,
    paused: r.paused === 1,
    leaderName: r.leaderName,
    signedOn: r.signedOn,
    startedOn: r.startedOn,
    producingOn: r.producingOn,
    blocked: Number(r.blocked) === 1,
    stalled: isStalled(r, c),
    updatedAt: r.updatedAt,
    version: r.version,
  };
}
export type Summary = ReturnType<typeof toSummary>;

function withRegion(db: Executor, c: Clock) {
  return db
    .selectFrom('projects as p')
    .innerJoin('orgUnits as o', 'o.id', 'p.regionId')
    .selectAll('p')
    .select(['o.name as regionName', blockedExpr(c.today).as('blocked')]);
}

export const findProjectRow = (db: Executor, id: string) =>
  db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();

export async function findSummary(db: Executor, id: string, c: Clock) {
  const r = await withRegion(db, c).where('p.id', '=', id).executeTakeFirst();
  return r && toSummary(r, c);
}

export const insertProject = (db: Executor, row: Insertable<Database['projects']>) =>
  db.insertInto('projects').values(row).execute();

/** Marks the project as changed now (a change to one of its records). */
export const touchProject = (db: Executor, id: string, at: string) =>
  db.updateTable('projects').set({ updatedAt: at }).where('id', '=', id).execute();

/** The project's investors, in this order (a new project's, or after the old ones were removed). */
export const insertProjectInvestors = (db: Executor, projectId: string, investorIds: readonly string[]) =>
  db
    .insertInto('projectInvestors')
    .values(investorIds.map((investorId, position) => ({ projectId, investorId, position })))
    .execute();

export async function replaceProjectInvestors(
  db: Executor,
  projectId: string,
  investorIds: readonly string[],
) {
  await db.deleteFrom('projectInvestors').where('projectId', '=', projectId).execute();
  await insertProjectInvestors(db, projectId, investorIds);
}

export interface ProjectFilter {
  scope: string;
  /** The scope is the only root of the region tree: every project is in it, no predicate needed. */
  wholeTree?: boolean;
  regionPath?: string;
  q?: string;
  status?: ProjectStatus;
  industry?: string;
  origin?: string;
  minInvestmentFen?: number;
  maxInvestmentFen?: number;
  leader?: string;
  blocked?: 'true' | 'false';
  stalled?: 'true' | 'false';
  reached?: 'signed' | 'started' | 'producing';
  reachedFrom?: string;
  reachedTo?: string;
  sort: 'updatedAt' | 'totalInvestment' | 'signedOn' | 'name';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const SORT_COLUMN = {
  updatedAt: 'p.updatedAt',
  totalInvestment: 'p.totalInvestmentFen',
  signedOn: 'p.signedOn',
  name: 'p.name',
} as const;

/**
 * The trigram index of projects.search_text (migration 0016). `rowid` hidden from the planner when
 * the list walks the sort index: the walk then probes the index's matches (a set built once) for
 * each entry instead of fetching and sorting every match.
 */
const searchIndex = (walk: boolean): TextIndex => ({
  column: sql`p.search_text`,
  rowid: walk ? sql`+p.rowid` : sql`p.rowid`,
  fts: 'project_search',
  ftsTerms: 'project_search_terms',
  bigrams: 'project_search_bigrams',
});

/** The filtered query (no selection yet): shared by the list, the export and the figures. */
export function filteredProjects(
  db: Executor,
  dialect: Dialect,
  f: Omit<ProjectFilter, 'sort' | 'order' | 'page' | 'pageSize'>,
  c: Clock,
  /** SQLite: hide scope and status from the planner so that it walks the sort index (see listProjects). */
  walk = false,
  /** SQLite: probe the search index's matches rather than start from them (see listProjects). */
  probe = walk,
) {
  const hidden = (column: string) => (walk ? sql`+${sql.ref(column)}` : sql.ref(column));
  let q = db.selectFrom('projects as p');
  if (f.regionPath || !f.wholeTree) {
    const path = f.regionPath ?? f.scope;
    q = q.where(() => dialect.under(hidden('p.region_path'), path));
  }
  if (f.status) q = q.where(sql<boolean>`${hidden('p.status')} = ${f.status}`);
  if (f.industry) {
    const industry = f.industry;
    q = /^[A-T]$/.test(industry)
      ? q.where('p.industrySection', '=', industry)
      : q.where(({ ref }) => dialect.under(ref('p.industryCode'), industry));
  }
  if (f.origin) q = q.where('p.originGroup', '=', f.origin);
  if (f.minInvestmentFen !== undefined) q = q.where('p.totalInvestmentFen', '>=', f.minInvestmentFen);
  if (f.maxInvestmentFen !== undefined) q = q.where('p.totalInvestmentFen', '<=', f.maxInvestmentFen);
  if (f.leader) {
    const leader = f.leader;
    q = q.where(({ ref }) => dialect.contains(ref('p.leaderName'), leader));
  }
  if (f.q) {
    // a case-insensitive substring of search_text, through its trigram index (dialect.textSearch:
    // 2 characters through the index too, 1 character a scan)
    const text = f.q.toLowerCase();
    q = q.where(() => dialect.textSearch(searchIndex(probe), text));
  }
  if (f.blocked) {
    q = q.where(blockedExpr(c.today), '=', f.blocked === 'true' ? 1 : 0);
  }
  if (f.reached) {
    const col = REACHED_COLUMN[f.reached];
    q = q.where(col, 'is not', null);
    if (f.reachedFrom) q = q.where(col, '>=', f.reachedFrom);
    if (f.reachedTo) q = q.where(col, '<=', f.reachedTo);
  }
  if (f.stalled === 'true') q = q.where((eb) => stalledWhere(eb as unknown as P, c));
  if (f.stalled === 'false') q = q.where((eb) => eb.not(stalledWhere(eb as unknown as P, c)));
  return q;
}

/** The list's columns and order on a filtered query: the region's name and the blocked flag. */
export function summaryRows(
  q: ReturnType<typeof filteredProjects>,
  f: Pick<ProjectFilter, 'sort' | 'order'>,
  c: Clock,
) {
  return q
    .innerJoin('orgUnits as o', 'o.id', 'p.regionId')
    .selectAll('p')
    .select(['o.name as regionName', blockedExpr(c.today).as('blocked')])
    .orderBy(SORT_COLUMN[f.sort], f.order)
    .orderBy('p.id', f.order);
}

/** Above this many matches SQLite walks the sort index rather than sorting every match. */
const WALK_THRESHOLD = 2000;
/**
 * Above this many entries of the search index, SQLite counts a region's matches from the region's
 * index, probing the set of entries, rather than reading each entry's row (a row costs ~20 index
 * entries).
 */
const PROBE_THRESHOLD = 2000;

/** The filter has nothing but the search text (and the actor's whole tree as its scope). */
const onlyText = (f: ProjectFilter) =>
  !!f.wholeTree &&
  !f.regionPath &&
  !f.status &&
  !f.industry &&
  !f.origin &&
  f.minInvestmentFen === undefined &&
  f.maxInvestmentFen === undefined &&
  !f.leader &&
  !f.blocked &&
  !f.stalled &&
  !f.reached;

/**
 * SQLite, with a search text: the entries of its index first (a count of index entries, no row
 * read). A 2- or 3-character search over the whole tree with no other filter is counted by them
 * alone; with many entries, the count starts from the scope or the other filters and probes them.
 */
async function searchPlan(db: Executor, dialect: Dialect, f: ProjectFilter) {
  const candidates = f.q ? dialect.textCandidates(searchIndex(false), f.q.toLowerCase()) : null;
  if (!candidates) return { total: null, probe: false };
  const { n } = await db.selectNoFrom(candidates.count.as('n')).executeTakeFirstOrThrow();
  const entries = Number(n);
  return {
    total: candidates.exact && onlyText(f) ? entries : null,
    // (over the whole tree with nothing else to start from, probing would read every row: not then)
    probe: entries > PROBE_THRESHOLD && !onlyText(f),
  };
}

/**
 * One page of the list: the count, then the page's ids, then their rows. With many matches and the
 * default order, SQLite walks (updated_at, id, region_path, status) backwards and tests scope and
 * status per index entry instead of sorting all matches (PostgreSQL's planner does so by itself).
 */
export async function listProjects(
  db: Executor,
  dialect: Dialect,
  f: ProjectFilter,
  c: Clock,
  walkThreshold = WALK_THRESHOLD,
) {
  const plan = await searchPlan(db, dialect, f);
  const total =
    plan.total ??
    Number(
      (
        await filteredProjects(db, dialect, f, c, false, plan.probe)
          .select(sql<number>`count(*)`.as('total'))
          .executeTakeFirstOrThrow()
      ).total,
    );
  const walk = dialect.name === 'sqlite' && f.sort === 'updatedAt' && total > walkThreshold;
  const ids = (
    await filteredProjects(db, dialect, f, c, walk, walk || plan.probe)
      .select('p.id')
      .orderBy(SORT_COLUMN[f.sort], f.order)
      .orderBy('p.id', f.order)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute()
  ).map((r) => r.id);
  const rows =
    ids.length === 0
      ? []
      : await summaryRows(db.selectFrom('projects as p').where('p.id', 'in', ids), f, c).execute();
  return { items: rows.map((r) => toSummary(r, c)), total, page: f.page, pageSize: f.pageSize };
}

/** The activities a project came from (first contact) and was signed at, with the amount signed there. */
export async function projectActivities(db: Executor, projectId: string, sourceActivityId: string | null) {
  const [source, signing] = await Promise.all([
    sourceActivityId
      ? db
          .selectFrom('activities')
          .select(['id', 'title'])
          .where('id', '=', sourceActivityId)
          .executeTakeFirst()
      : undefined,
    db
      .selectFrom('activitySignings as s')
      .innerJoin('activities as a', 'a.id', 's.activityId')
      .select(['a.id', 'a.title', 's.amountFen'])
      .where('s.projectId', '=', projectId)
      .executeTakeFirst(),
  ]);
  return {
    sourceActivity: source ?? null,
    signedAtActivity: signing ? { ...signing, amountFen: Number(signing.amountFen) } : null,
  };
}

export async function projectParts(db: Executor, id: string) {
  const [investors, events, needs, promises, funds] = await Promise.all([
    db
      .selectFrom('projectInvestors as pi')
      .innerJoin('investors as i', 'i.id', 'pi.investorId')
      .selectAll('i')
      .where('pi.projectId', '=', id)
      .orderBy('pi.position')
      .execute(),
    db
      .selectFrom('projectEvents')
      .selectAll()
      .where('projectId', '=', id)
      .orderBy('createdAt')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('factorNeeds as f')
      .leftJoin('orgUnits as o', 'o.id', 'f.responsibleOrgId')
      .selectAll('f')
      .select('o.name as responsibleOrgName')
      .where('f.projectId', '=', id)
      .orderBy('f.createdAt')
      .execute(),
    db
      .selectFrom('projectPromises as pp')
      .leftJoin('orgUnits as o', 'o.id', 'pp.responsibleOrgId')
      .selectAll('pp')
      .select('o.name as responsibleOrgName')
      .where('pp.projectId', '=', id)
      .orderBy('pp.dueOn')
      .execute(),
    db
      .selectFrom('projectFunds')
      .selectAll()
      .where('projectId', '=', id)
      .orderBy('receivedOn')
      .orderBy('id')
      .execute(),
  ]);
  return { investors, events, needs, promises, funds };
}

// ---- a project's records: stage events, factor needs, promises, funds ----

export const insertProjectEvent = (db: Executor, row: Insertable<Database['projectEvents']>) =>
  db.insertInto('projectEvents').values(row).execute();

export const insertFactorNeed = (db: Executor, row: Insertable<Database['factorNeeds']>) =>
  db.insertInto('factorNeeds').values(row).execute();

export const insertPromise = (db: Executor, row: Insertable<Database['projectPromises']>) =>
  db.insertInto('projectPromises').values(row).execute();

export const insertFund = (db: Executor, row: Insertable<Database['projectFunds']>) =>
  db.insertInto('projectFunds').values(row).execute();

export type ChildTable = 'factorNeeds' | 'projectPromises';

/** A factor need or promise of this project (undefined when it is another project's or gone). */
export async function findChildRecord<T extends ChildTable>(
  db: Executor,
  table: T,
  projectId: string,
  itemId: string,
) {
  const row = await db
    .selectFrom(table as ChildTable)
    .selectAll()
    .where('id', '=', itemId)
    .where('projectId', '=', projectId)
    .executeTakeFirst();
  return row as unknown as (T extends 'factorNeeds' ? FactorNeedRow : PromiseRow) | undefined;
}

/** Keeps the denormalised sum of funds in place (CNY equivalent) in step with the fund rows. */
/**
 * What a project keeps of its child records for the figures and the list (migration 0004): the funds
 * in place, the due date of its earliest unmet factor need, and its region path on its funds and
 * promises. Run after any change to a project's children or region, in the same transaction.
 */
export async function refreshChildFigures(db: Executor, projectId: string) {
  await db
    .updateTable('projects')
    .set((eb) => ({
      fundsInPlaceFen: eb.fn.coalesce(
        eb
          .selectFrom('projectFunds')
          .select((s) => s.fn.sum<number>('amountFen').as('s'))
          .where('projectId', '=', projectId),
        sql<number>`0`,
      ),
      openNeedDueOn: eb
        .selectFrom('factorNeeds')
        .select((s) => s.fn.min<string>('dueOn').as('d'))
        .where('projectId', '=', projectId)
        .where('status', '!=', 'met'),
    }))
    .where('id', '=', projectId)
    .execute();
  for (const table of ['projectFunds', 'projectPromises'] as const) {
    await db
      .updateTable(table)
      .set((eb) => ({
        regionPath: eb.selectFrom('projects').select('regionPath').where('id', '=', projectId),
      }))
      .where('projectId', '=', projectId)
      .execute();
  }
}

/** Pending promises past their due date in a region subtree, most overdue first. */
export function overduePromises(
  db: Executor,
  dialect: Dialect,
  f: { regionPath: string; today: string; page: number; pageSize: number },
) {
  const q = db
    .selectFrom('projectPromises as pp')
    .innerJoin('projects as p', 'p.id', 'pp.projectId')
    .innerJoin('orgUnits as o', 'o.id', 'p.regionId')
    .leftJoin('orgUnits as r', 'r.id', 'pp.responsibleOrgId')
    .where(({ ref }) => dialect.under(ref('p.regionPath'), f.regionPath))
    .where('pp.status', '=', 'pending')
    .where('pp.dueOn', '<', f.today)
    .where('p.status', '!=', 'terminated');
  return fetchPage(
    q,
    f,
    (q) =>
      q
        .selectAll('pp')
        .select(['p.name as projectName', 'o.name as regionName', 'r.name as responsibleOrgName'])
        .orderBy('pp.dueOn')
        .orderBy('pp.id'),
    (r) => ({
      id: r.id,
      content: r.content,
      responsibleOrgId: r.responsibleOrgId,
      responsibleOrgName: r.responsibleOrgName,
      dueOn: r.dueOn,
      status: r.status as 'pending',
      fulfilledOn: r.fulfilledOn,
      evidence: r.evidence,
      overdue: true,
      version: r.version,
      projectId: r.projectId,
      projectName: r.projectName,
      regionName: r.regionName,
      daysOverdue: daysBetween(r.dueOn, f.today),
    }),
  );
}

/** One promise with what a rectification task needs of its project (name, region, status). */
export const findPromiseWithProject = (db: Executor, promiseId: string) =>
  db
    .selectFrom('projectPromises as pp')
    .innerJoin('projects as pr', 'pr.id', 'pp.projectId')
    .select([
      'pp.id',
      'pp.content',
      'pp.dueOn',
      'pp.status',
      'pp.responsibleOrgId',
      'pr.name as projectName',
      'pr.regionId',
      'pr.regionPath',
      'pr.status as projectStatus',
    ])
    .where('pp.id', '=', promiseId)
    .executeTakeFirst();

/** Pending promises of a region's live projects with owner and any rectification task, by due day, at most 500. */
export function pendingPromisesWithTasks(
  db: Executor,
  dialect: Dialect,
  regionPath: string,
  dueBefore?: string,
) {
  let q = db
    .selectFrom('projectPromises as pp')
    .innerJoin('projects as p', 'p.id', 'pp.projectId')
    .innerJoin('orgUnits as o', 'o.id', 'p.regionId')
    .leftJoin('orgUnits as r', 'r.id', 'pp.responsibleOrgId')
    .leftJoin('rectificationTasks as t', (j) =>
      j.onRef('t.sourceRef', '=', 'pp.id').on('t.source', '=', 'overdue_promise'),
    )
    .select([
      'pp.id',
      'pp.content',
      'pp.dueOn',
      'p.id as projectId',
      'p.name as projectName',
      'o.name as regionName',
      'r.name as ownerName',
      't.id as taskId',
    ])
    .where(({ ref }) => dialect.under(ref('p.regionPath'), regionPath))
    .where('pp.status', '=', 'pending')
    .where('p.status', '!=', 'terminated');
  if (dueBefore) q = q.where('pp.dueOn', '<', dueBefore);
  return q.orderBy('pp.dueOn').orderBy('pp.id').limit(500).execute();
}
