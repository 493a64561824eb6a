import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { fetchPage } from '../../db/paging.js';
import type { Database } from '../../db/schema.js';
import { readModelChanged } from '../../kernel/read-cache.js';
import { updateVersioned } from '../../kernel/versioned.js';

/** All SQL of the 清欠台账 (rectificationArrears, rectificationRepayments). */

const withRegion = (db: Executor) =>
  db
    .selectFrom('rectificationArrears as a')
    .innerJoin('orgUnits as o', 'o.id', 'a.regionId')
    .selectAll('a')
    .select('o.name as regionName');

/** The arrear with its region's name, or undefined. */
export const findArrear = (db: Executor, id: string) =>
  withRegion(db).where('a.id', '=', id).executeTakeFirst();

/** The repayments of an arrear, in payment order. */
export const repaymentsOf = (db: Executor, arrearId: string) =>
  db
    .selectFrom('rectificationRepayments')
    .selectAll()
    .where('arrearId', '=', arrearId)
    .orderBy('paidOn')
    .orderBy('createdAt')
    .execute();

/** One page of the arrears in a region subtree (by due date), with the total. */
export function listArrears(
  db: Executor,
  dialect: Dialect,
  f: { regionPath: string; status?: string; q?: string; page: number; pageSize: number },
) {
  let base = db
    .selectFrom('rectificationArrears as a')
    .innerJoin('orgUnits as o', 'o.id', 'a.regionId')
    .where(({ ref }) => dialect.under(ref('a.regionPath'), f.regionPath));
  if (f.status) base = base.where('a.status', '=', f.status);
  if (f.q) {
    const text = f.q.toLowerCase();
    base = base.where(({ ref }) => dialect.contains(ref('a.searchText'), text));
  }
  return fetchPage(
    base,
    f,
    (b) => b.selectAll('a').select('o.name as regionName').orderBy('a.dueOn').orderBy('a.id'),
    (r) => r,
  );
}

// The dashboard reads the arrears ledger directly (it is small): each write makes it stale.
export async function insertArrear(db: Executor, row: Insertable<Database['rectificationArrears']>) {
  await readModelChanged(db, 'dashboard');
  await db.insertInto('rectificationArrears').values(row).execute();
}

/** A version-checked update of the arrear's balance (409 when stale). */
export const updateArrear = (
  db: Executor,
  key: { id: string; version: number },
  changes: { repaidFen: number; status: string; clearedOn: string | null; updatedAt: string },
) => readModelChanged(db, 'dashboard').then(() => updateVersioned(db, 'rectificationArrears', key, changes));

export async function insertRepayment(db: Executor, row: Insertable<Database['rectificationRepayments']>) {
  await db.insertInto('rectificationRepayments').values(row).execute();
}

export interface ArrearSums {
  count: number;
  cleared: number;
  amountFen: number;
  repaidFen: number;
}

/** Count, cleared count, amount and repaid in a region subtree: in all, by debtor and by region. */
export async function arrearSums(db: Executor, dialect: Dialect, regionPath: string) {
  const sums = [
    sql<number>`count(*)`.as('count'),
    sql<number>`sum(case when a.status = 'cleared' then 1 else 0 end)`.as('cleared'),
    sql<number>`coalesce(sum(a.amount_fen), 0)`.as('amountFen'),
    sql<number>`coalesce(sum(a.repaid_fen), 0)`.as('repaidFen'),
  ];
  const base = db
    .selectFrom('rectificationArrears as a')
    .where(({ ref }) => dialect.under(ref('a.regionPath'), regionPath));
  const totals = await base.select(sums).executeTakeFirstOrThrow();
  const byDebtor = await base
    .select(['a.debtorName', ...sums])
    .groupBy('a.debtorName')
    .execute();
  const byRegion = await base
    .innerJoin('orgUnits as o', 'o.id', 'a.regionId')
    .select(['a.regionId', 'o.name as regionName', ...sums])
    .groupBy(['a.regionId', 'o.name'])
    .execute();
  return {
    totals: totals as unknown as ArrearSums,
    byDebtor: byDebtor as unknown as (ArrearSums & { debtorName: string })[],
    byRegion: byRegion as unknown as (ArrearSums & { regionId: string; regionName: string })[],
  };
}
