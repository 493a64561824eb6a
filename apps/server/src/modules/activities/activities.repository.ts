import type { ActivityResults, ActivityType, OfficialLevel, ProjectStatus } from '@yingshang/contracts';
import { type Insertable, type SelectQueryBuilder, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { fetchPage } from '../../db/paging.js';
import type { ActivityRow, Database, OfficialRow } from '../../db/schema.js';
import type { ActivityLink } from './results.js';
import { resultsByActivity } from './results.js';

/** An activity's ledger number: HD + the Beijing day + the last 12 hex digits of its UUID v7 id. */
export const activityCode = (id: string, day: string) =>
  `HD${day.replaceAll('-', '')}-${id.slice(-12).toUpperCase()}`;

// ---- officials ----

export function toOfficial(r: OfficialRow & { orgUnitName: string }) {
  return {
    id: r.id,
    name: r.name,
    post: r.post,
    level: r.level as OfficialLevel,
    main: r.main === 1,
    active: r.active === 1,
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}
export type OfficialDto = ReturnType<typeof toOfficial>;

const officialsWithUnit = (db: Executor) =>
  db
    .selectFrom('officials as f')
    .innerJoin('orgUnits as u', 'u.id', 'f.orgUnitId')
    .selectAll('f')
    .select('u.name as orgUnitName');

export const findOfficial = (db: Executor, id: string) =>
  officialsWithUnit(db).where('f.id', '=', id).executeTakeFirst();

export const findOfficialsByIds = (db: Executor, ids: readonly string[]) =>
  ids.length === 0 ? Promise.resolve([]) : officialsWithUnit(db).where('f.id', 'in', ids).execute();

export const insertOfficial = (db: Executor, row: Insertable<Database['officials']>) =>
  db.insertInto('officials').values(row).execute();

/** Officials visible from a unit: those of its subtree and those of the units above it. */
export interface OfficialFilter {
  scope: string;
  /** Paths of the units above the caller's (their leaders may lead the caller's activities). */
  ancestors: readonly string[];
  regionPath?: string;
  q?: string;
  active?: 'true' | 'false';
  page: number;
  pageSize: number;
}

export function listOfficials(db: Executor, dialect: Dialect, f: OfficialFilter) {
  let q = db
    .selectFrom('officials as f')
    .where(({ or, ref, eb }) =>
      or([
        dialect.under(ref('f.orgPath'), f.scope),
        ...(f.ancestors.length > 0 ? [eb('f.orgPath', 'in', [...f.ancestors])] : []),
      ]),
    );
  if (f.regionPath) q = q.where(({ ref }) => dialect.under(ref('f.orgPath'), f.regionPath!));
  if (f.active) q = q.where('f.active', '=', f.active === 'true' ? 1 : 0);
  if (f.q) {
    const text = f.q;
    q = q.where(({ or, ref }) =>
      or([
        dialect.contains(ref('f.name'), text),
        dialect.contains(ref('f.post'), text),
        dialect.wordPrefix(ref('f.pinyin'), text.toLowerCase()),
      ]),
    );
  }
  return fetchPage(
    q.innerJoin('orgUnits as u', 'u.id', 'f.orgUnitId'),
    f,
    (q) =>
      q
        .selectAll('f')
        .select('u.name as orgUnitName')
        .orderBy('f.orgPath')
        .orderBy('f.main', 'desc')
        .orderBy('f.name')
        .orderBy('f.id'),
    toOfficial,
  );
}

// ---- activities ----

export const findActivityRow = (db: Executor, id: string) =>
  db.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst();

export const insertActivity = (db: Executor, row: Insertable<Database['activities']>) =>
  db.insertInto('activities').values(row).execute();

/** Deletes the activity (at this version) and the files attached to it. */
export async function deleteActivity(db: Executor, id: string, version: number) {
  await db.deleteFrom('attachments').where('ownerType', '=', 'activity').where('ownerId', '=', id).execute();
  await db.deleteFrom('activities').where('id', '=', id).where('version', '=', version).execute();
}

/** Replaces an ordered list of the activity's officials or enterprises met. */
async function replaceList(
  db: Executor,
  table: 'activityOfficials' | 'activityInvestors',
  activityId: string,
  ids: readonly string[],
) {
  await db.deleteFrom(table).where('activityId', '=', activityId).execute();
  if (ids.length === 0) return;
  const column = table === 'activityOfficials' ? 'officialId' : 'investorId';
  await db
    .insertInto(table as 'activityOfficials')
    .values(ids.map((id, position) => ({ activityId, [column]: id, position }) as never))
    .execute();
}

/** The officials who led the activity, in this order. */
export const replaceActivityOfficials = (db: Executor, activityId: string, officialIds: readonly string[]) =>
  replaceList(db, 'activityOfficials', activityId, officialIds);

/** The enterprises met at the activity, in this order. */
export const replaceActivityInvestors = (db: Executor, activityId: string, investorIds: readonly string[]) =>
  replaceList(db, 'activityInvestors', activityId, investorIds);

type A = SelectQueryBuilder<Database & { a: Database['activities'] }, 'a', object>;

export interface ActivityFilter {
  scope: string;
  regionPath?: string;
  q?: string;
  type?: ActivityType;
  officialId?: string;
  investorId?: string;
  from?: string;
  to?: string;
  sort: 'startOn' | 'signed' | 'fundsInPlace' | 'title';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** Signed value of an activity, and its funds in place each capped at the amount signed (for sorting). */
const signedSum = sql<number>`(select coalesce(sum(s.amount_fen), 0) from activity_signings s where s.activity_id = a.id)`;
const fundsSum = sql<number>`(select coalesce(sum(case when p.funds_in_place_fen < s.amount_fen then p.funds_in_place_fen else s.amount_fen end), 0)
  from activity_signings s inner join projects p on p.id = s.project_id where s.activity_id = a.id)`;

export function filteredActivities(
  db: Executor,
  dialect: Dialect,
  f: Omit<ActivityFilter, 'sort' | 'order' | 'page' | 'pageSize'>,
): A {
  let q = db
    .selectFrom('activities as a')
    .where(({ ref }) => dialect.under(ref('a.regionPath'), f.regionPath ?? f.scope)) as A;
  if (f.type) q = q.where('a.type', '=', f.type);
  if (f.from) q = q.where('a.endOn', '>=', f.from);
  if (f.to) q = q.where('a.startOn', '<=', f.to);
  if (f.q) {
    const text = f.q.toLowerCase();
    q = q.where(({ ref }) => dialect.contains(ref('a.searchText'), text));
  }
  if (f.officialId) {
    const id = f.officialId;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('activityOfficials as ao')
          .select('ao.officialId')
          .whereRef('ao.activityId', '=', 'a.id')
          .where('ao.officialId', '=', id),
      ),
    );
  }
  if (f.investorId) {
    const id = f.investorId;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('activityInvestors as ai')
          .select('ai.investorId')
          .whereRef('ai.activityId', '=', 'a.id')
          .where('ai.investorId', '=', id),
      ),
    );
  }
  return q;
}

type SummaryRow = ActivityRow & { organiserName: string; regionName: string; investorCount: number | null };

export function toSummary(r: SummaryRow, results: ActivityResults) {
  return {
    id: r.id,
    code: r.code,
    type: r.type as ActivityType,
    title: r.title,
    startOn: r.startOn,
    endOn: r.endOn,
    days: Number(r.days),
    country: r.country,
    province: r.province,
    city: r.city,
    venue: r.venue,
    organiserId: r.organiserId,
    organiserName: r.organiserName,
    regionName: r.regionName,
    officialNames: r.officialNames,
    investorCount: Number(r.investorCount),
    attendance: r.attendance === null ? null : Number(r.attendance),
    results,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}
export type Summary = ReturnType<typeof toSummary>;

function summaryRows(db: Executor, ids: readonly string[]) {
  return db
    .selectFrom('activities as a')
    .innerJoin('orgUnits as o', 'o.id', 'a.organiserId')
    .innerJoin('orgUnits as r', 'r.id', 'a.regionId')
    .selectAll('a')
    .select((eb) => [
      'o.name as organiserName',
      'r.name as regionName',
      eb
        .selectFrom('activityInvestors as ai')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('ai.activityId', '=', 'a.id')
        .as('investorCount'),
    ])
    .where('a.id', 'in', [...ids])
    .execute();
}

/**
 * The projects linked to activities (first contacted there, or signed there) that lie in `scope`,
 * with their stage dates and funds: the raw material of every result figure.
 */
export async function linksOf(
  db: Executor,
  dialect: Dialect,
  /** Activity ids, or a query selecting them (`id`) for figures over many activities. */
  // biome-ignore lint/suspicious/noExplicitAny: any query selecting activity ids
  activities: readonly string[] | SelectQueryBuilder<any, any, { id: string }>,
  scope: string,
): Promise<ActivityLink[]> {
  if (Array.isArray(activities) && activities.length === 0) return [];
  const ids = (Array.isArray(activities) ? [...activities] : activities) as string[];
  const project = ['p.status', 'p.signedOn', 'p.startedOn', 'p.producingOn', 'p.fundsInPlaceFen'] as const;
  const [sources, signings] = await Promise.all([
    db
      .selectFrom('projects as p')
      .select(['p.id as projectId', 'p.sourceActivityId as activityId', ...project])
      .where('p.sourceActivityId', 'in', ids)
      .where(({ ref }) => dialect.under(ref('p.regionPath'), scope))
      .execute(),
    db
      .selectFrom('activitySignings as s')
      .innerJoin('projects as p', 'p.id', 's.projectId')
      .select(['s.projectId', 's.activityId', 's.amountFen', ...project])
      .where('s.activityId', 'in', ids)
      .where(({ ref }) => dialect.under(ref('p.regionPath'), scope))
      .execute(),
  ]);
  const common = (r: (typeof sources)[number]) => ({
    projectId: r.projectId,
    status: r.status as ProjectStatus,
    signedOn: r.signedOn,
    startedOn: r.startedOn,
    producingOn: r.producingOn,
    fundsInPlaceFen: Number(r.fundsInPlaceFen),
  });
  return [
    ...sources.map((r) => ({ ...common(r), activityId: r.activityId!, source: true, signedAmountFen: null })),
    ...signings.map((r) => ({
      ...common(r),
      activityId: r.activityId,
      source: false,
      signedAmountFen: Number(r.amountFen),
    })),
  ];
}

const SORTS = {
  startOn: sql.ref('a.startOn'),
  title: sql.ref('a.title'),
  signed: signedSum,
  fundsInPlace: fundsSum,
} as const;

/** A page of activities with what each brought (linked projects counted within `linkScope`). */
export async function listActivities(db: Executor, dialect: Dialect, f: ActivityFilter, linkScope: string) {
  const base = filteredActivities(db, dialect, f);
  const counted = await base.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow();
  const ids = (
    await base
      .select('a.id')
      .orderBy(SORTS[f.sort], f.order)
      .orderBy('a.startOn', f.order)
      .orderBy('a.id', f.order)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute()
  ).map((r) => r.id);
  const [rows, links] = await Promise.all([
    ids.length ? summaryRows(db, ids) : Promise.resolve([]),
    linksOf(db, dialect, ids, linkScope),
  ]);
  const results = resultsByActivity(ids, links);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    items: ids.map((id) => toSummary(byId.get(id)!, results.get(id)!)),
    total: Number(counted.total),
    page: f.page,
    pageSize: f.pageSize,
  };
}

export async function findSummary(db: Executor, dialect: Dialect, id: string, linkScope: string) {
  const [row] = await summaryRows(db, [id]);
  if (!row) return undefined;
  const results = resultsByActivity([id], await linksOf(db, dialect, [id], linkScope));
  return toSummary(row, results.get(id)!);
}

/** An activity's officials, enterprises met and linked projects (within `scope`). */
export async function activityParts(db: Executor, dialect: Dialect, id: string, scope: string) {
  const [officials, investors, sources, signings] = await Promise.all([
    officialsWithUnit(db)
      .innerJoin('activityOfficials as ao', 'ao.officialId', 'f.id')
      .where('ao.activityId', '=', id)
      .orderBy('ao.position')
      .execute(),
    db
      .selectFrom('activityInvestors as ai')
      .innerJoin('investors as i', 'i.id', 'ai.investorId')
      .selectAll('i')
      .where('ai.activityId', '=', id)
      .orderBy('ai.position')
      .execute(),
    db
      .selectFrom('projects as p')
      .innerJoin('orgUnits as o', 'o.id', 'p.regionId')
      .selectAll('p')
      .select('o.name as regionName')
      .where('p.sourceActivityId', '=', id)
      .where(({ ref }) => dialect.under(ref('p.regionPath'), scope))
      .orderBy('p.createdAt')
      .execute(),
    db
      .selectFrom('activitySignings as s')
      .innerJoin('projects as p', 'p.id', 's.projectId')
      .innerJoin('orgUnits as o', 'o.id', 'p.regionId')
      .selectAll('p')
      .select(['o.name as regionName', 's.amountFen as signedAmountFen', 's.position'])
      .where('s.activityId', '=', id)
      .where(({ ref }) => dialect.under(ref('p.regionPath'), scope))
      .orderBy('s.position')
      .execute(),
  ]);
  return { officials, investors, sources, signings };
}

/** Projects currently recorded as first contacted at the activity (any scope: the service filters). */
export const sourceProjects = (db: Executor, activityId: string) =>
  db
    .selectFrom('projects')
    .select(['id', 'regionPath', 'name', 'code'])
    .where('sourceActivityId', '=', activityId)
    .execute();

export const signingRows = (db: Executor, activityId: string) =>
  db
    .selectFrom('activitySignings as s')
    .innerJoin('projects as p', 'p.id', 's.projectId')
    .select(['s.projectId', 's.amountFen', 's.position', 'p.regionPath', 'p.name', 'p.code'])
    .where('s.activityId', '=', activityId)
    .orderBy('s.position')
    .execute();

export const signingOf = (db: Executor, projectIds: readonly string[]) =>
  projectIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('activitySignings')
        .select(['projectId', 'activityId'])
        .where('projectId', 'in', [...projectIds])
        .execute();

/** Records the project as first contacted at this activity (null: at none). */
export const setSourceActivity = (db: Executor, projectId: string, activityId: string | null) =>
  db.updateTable('projects').set({ sourceActivityId: activityId }).where('id', '=', projectId).execute();

export const linkSigningToProject = (db: Executor, row: Insertable<Database['activitySignings']>) =>
  db.insertInto('activitySignings').values(row).execute();

export const updateSigning = (
  db: Executor,
  activityId: string,
  projectId: string,
  set: { amountFen: number; position: number },
) =>
  db
    .updateTable('activitySignings')
    .set(set)
    .where('activityId', '=', activityId)
    .where('projectId', '=', projectId)
    .execute();

export const unlinkSigning = (db: Executor, activityId: string, projectId: string) =>
  db
    .deleteFrom('activitySignings')
    .where('activityId', '=', activityId)
    .where('projectId', '=', projectId)
    .execute();
