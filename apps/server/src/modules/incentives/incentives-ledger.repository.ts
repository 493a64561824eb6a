import type { CatalogueQuery } from '@yingshang/contracts';
import type { Insertable } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { fetchPage } from '../../db/paging.js';
import type { Database } from '../../db/schema.js';
import { toCatalogueItem } from './incentives.repository.js';

/** The SQL of the ledger's reads (figures, outstanding rewards) and of the catalogue. */

/** Applications of a region's subtree submitted between two days (inclusive), with the office's name. */
export const applicationsSubmitted = (
  ex: Executor,
  dialect: Dialect,
  regionPath: string,
  from: string,
  to: string,
) =>
  ex
    .selectFrom('incentiveApplications as a')
    .innerJoin('orgUnits as o', 'o.id', 'a.regionId')
    .selectAll('a')
    .select('o.name as regionName')
    .where(({ ref }) => dialect.under(ref('a.regionPath'), regionPath))
    .where('a.submittedOn', '>=', from)
    .where('a.submittedOn', '<=', to)
    .execute();

/**
 * Approved rewards not yet paid in full, of a region's subtree or of one enterprise, with their
 * project and any rectification task; by payment due day, at most 500.
 */
export function unpaidRewards(
  ex: Executor,
  dialect: Dialect,
  owner: { regionPath: string } | { enterpriseId: string },
  dueBefore?: string,
) {
  let q = ex
    .selectFrom('incentiveApplications as a')
    .innerJoin('orgUnits as o', 'o.id', 'a.regionId')
    .leftJoin('projects as p', 'p.id', 'a.projectId')
    .leftJoin('rectificationTasks as t', (j) =>
      j.onRef('t.sourceRef', '=', 'a.id').on('t.source', '=', 'overdue_incentive'),
    )
    .select([
      'a.id',
      'a.code',
      'a.enterpriseName',
      'a.regionPath',
      'a.payDueOn',
      'a.approvedFen',
      'a.paidFen',
      'a.projectId',
      'p.name as projectName',
      'o.name as regionName',
      't.id as taskId',
    ])
    .where('a.status', 'in', ['approved', 'partly_paid']);
  q =
    'regionPath' in owner
      ? q.where(({ ref }) => dialect.under(ref('a.regionPath'), owner.regionPath))
      : q.where('a.enterpriseId', '=', owner.enterpriseId);
  if (dueBefore) q = q.where('a.payDueOn', '<', dueBefore);
  return q.orderBy('a.payDueOn').limit(500).execute();
}

/** A page of the catalogue: newest version first, then by part, number and name. */
export function listCatalogue(ex: Executor, dialect: Dialect, q: z.infer<typeof CatalogueQuery>) {
  let base = ex.selectFrom('incentiveCatalogueItems');
  if (q.version) base = base.where('version', '=', q.version);
  if (q.manufacturing) base = base.where('manufacturing', '=', q.manufacturing === 'true' ? 1 : 0);
  if (q.q) {
    const text = q.q.toLowerCase();
    base = base.where(({ ref }) => dialect.contains(ref('searchText'), text));
  }
  return fetchPage(
    base,
    q,
    (b) => b.selectAll().orderBy('version', 'desc').orderBy('part').orderBy('seq').orderBy('name'),
    toCatalogueItem,
  );
}

type CatalogueValues = Omit<Insertable<Database['incentiveCatalogueItems']>, 'id' | 'itemKey' | 'createdAt'>;

/** Overwrites the catalogue item with this key; false when there is none yet. */
export async function updateCatalogueItem(ex: Executor, itemKey: string, values: CatalogueValues) {
  const r = await ex
    .updateTable('incentiveCatalogueItems')
    .set(values)
    .where('itemKey', '=', itemKey)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const insertCatalogueItem = (ex: Executor, row: Insertable<Database['incentiveCatalogueItems']>) =>
  ex.insertInto('incentiveCatalogueItems').values(row).execute();
