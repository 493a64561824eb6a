import type { OrgKind } from '@yingshang/contracts';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { fetchPage } from '../../db/paging.js';
import type { NewOrgUnit, OrgUnitRow } from '../../db/schema.js';
import { writeInChunks } from '../../kernel/chunks.js';
import { readModelChanged } from '../../kernel/read-cache.js';
import { updateVersioned } from '../../kernel/versioned.js';

export function toOrgUnit(r: OrgUnitRow) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.shortName,
    kind: r.kind,
    parentId: r.parentId,
    path: r.path,
    depth: r.depth,
    category: r.category,
    creditCode: r.creditCode,
    pinyin: r.pinyin,
    active: r.active === 1,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}
export type OrgUnitDto = ReturnType<typeof toOrgUnit>;

export const findOrg = (db: Executor, id: string) =>
  db.selectFrom('orgUnits').selectAll().where('id', '=', id).executeTakeFirst();

export const findOrgByCode = (db: Executor, code: string) =>
  db.selectFrom('orgUnits').selectAll().where('code', '=', code).executeTakeFirst();

/** The dashboard names regions and ranks their children: a new or edited unit makes it stale. */
export async function insertOrgs(db: Executor, rows: NewOrgUnit[]): Promise<void> {
  await readModelChanged(db, 'dashboard');
  await writeInChunks(rows, (c) => db.insertInto('orgUnits').values(c).execute(), 200);
}

export async function treeNodes(db: Executor, dialect: Dialect, scope: string, kinds: readonly OrgKind[]) {
  return db
    .selectFrom('orgUnits')
    .select(['id', 'code', 'name', 'kind', 'parentId', 'depth'])
    .where(({ ref }) => dialect.under(ref('path'), scope))
    .where('kind', 'in', kinds)
    .orderBy('depth')
    .orderBy('sort')
    .orderBy('code')
    .execute();
}

export interface OrgFilter {
  scope: string;
  parentId?: string;
  kind?: OrgKind;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listOrgs(db: Executor, dialect: Dialect, f: OrgFilter) {
  let q = db.selectFrom('orgUnits').where(({ ref }) => dialect.under(ref('path'), f.scope));
  if (f.parentId) q = q.where('parentId', '=', f.parentId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.q) {
    const text = f.q;
    q = q.where(({ or, ref }) =>
      or([
        dialect.contains(ref('name'), text),
        dialect.contains(ref('code'), text),
        dialect.wordPrefix(ref('pinyin'), text.toLowerCase()),
      ]),
    );
  }
  return fetchPage(q, f, (q) => q.selectAll().orderBy('depth').orderBy('sort').orderBy('code'), toOrgUnit);
}

/** Optimistic update: throws VERSION_CONFLICT (409) when the version is stale (or the row is gone). */
export async function updateOrg(
  db: Executor,
  id: string,
  version: number,
  patch: Partial<Pick<OrgUnitRow, 'name' | 'shortName' | 'category' | 'creditCode' | 'active' | 'pinyin'>>,
  at: string,
) {
  await readModelChanged(db, 'dashboard');
  return updateVersioned(db, 'orgUnits', { id, version }, { ...patch, updatedAt: at });
}

export async function countActiveDependants(db: Executor, id: string): Promise<number> {
  const units = await db
    .selectFrom('orgUnits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parentId', '=', id)
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  const users = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('orgUnitId', '=', id)
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(units.n) + Number(users.n);
}

/** The unit at exactly this path (an appeal's city office found from a county's path). */
export const findOrgByPath = (db: Executor, path: string) =>
  db.selectFrom('orgUnits').selectAll().where('path', '=', path).executeTakeFirst();

/** Active units of these kinds under `path` (at most 500), shallow first (appeal offices). */
export const activeUnitsUnder = (db: Executor, dialect: Dialect, path: string, kinds: readonly OrgKind[]) =>
  db
    .selectFrom('orgUnits')
    .select(['id', 'name', 'kind', 'depth'])
    .where((eb) => dialect.under(eb.ref('path'), path))
    .where('kind', 'in', kinds)
    .where('active', '=', 1)
    .orderBy('depth')
    .orderBy('sort')
    .orderBy('code')
    .limit(500)
    .execute();

/**
 * Active departments of a region's ancestors (by id) or inside the region (by path), with their
 * parent's name, nearest parent first (at most 500; the departments an appeal may be assigned to).
 */
export const departmentsAround = (db: Executor, dialect: Dialect, ancestorIds: string[], path: string) =>
  db
    .selectFrom('orgUnits as d')
    .innerJoin('orgUnits as p', 'p.id', 'd.parentId')
    .select(['d.id', 'd.name', 'p.name as regionName', 'p.depth'])
    .where('d.kind', '=', 'department')
    .where('d.active', '=', 1)
    .where((eb) => eb.or([eb('d.parentId', 'in', ancestorIds), dialect.under(eb.ref('d.path'), path)]))
    .orderBy('p.depth', 'desc')
    .orderBy('d.sort')
    .orderBy('d.name')
    .limit(500)
    .execute();

/** The active cities, counties and zones directly under a unit, in display order. */
export const activeChildRegions = (db: Executor, parentId: string) =>
  db
    .selectFrom('orgUnits')
    .select(['id', 'name', 'path'])
    .where('parentId', '=', parentId)
    .where('kind', 'in', ['city', 'county', 'zone'])
    .where('active', '=', 1)
    .orderBy('sort')
    .orderBy('code')
    .execute();

/** Every city's path and name, inactive ones included. */
export const cityNames = (db: Executor) =>
  db.selectFrom('orgUnits').select(['path', 'name']).where('kind', '=', 'city').execute();

/** The active cities and zones (with their category and parent), in no particular order. */
export const activeCitiesAndZones = (db: Executor) =>
  db
    .selectFrom('orgUnits')
    .select(['id', 'code', 'name', 'kind', 'path', 'category', 'parentId'])
    .where('kind', 'in', ['city', 'zone'])
    .where('active', '=', 1)
    .execute();

/** The ids of at most `limit` units without a parent: the roots of the region tree. */
export const rootUnitIds = async (db: Executor, limit: number) =>
  (await db.selectFrom('orgUnits').select('id').where('parentId', 'is', null).limit(limit).execute()).map(
    (r) => r.id,
  );
