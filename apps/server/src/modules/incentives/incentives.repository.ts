import type { ArrivalFact, RateQuote } from '@yingshang/rules';
import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { fetchPage } from '../../db/paging.js';
import type { Database, IncentiveApplicationRow } from '../../db/schema.js';
import { updateVersioned } from '../../kernel/versioned.js';

/** All SQL of the incentives module (applications, arrivals, events, payments, rates, catalogue). */

export const findApplication = (ex: Executor, id: string) =>
  ex.selectFrom('incentiveApplications').selectAll().where('id', '=', id).executeTakeFirst();

export interface ApplicationFilter {
  /** Region subtree, or one enterprise. */
  reader: { kind: 'region'; path: string } | { kind: 'enterprise'; id: string };
  status?: string;
  statuses?: readonly string[];
  stage?: string;
  q?: string;
  /** Narrows the reader's applications to a region's subtree (the offices that received them). */
  regionPath?: string;
  /** Submitted between these days, inclusive. */
  from?: string;
  to?: string;
}

export function applicationQuery(ex: Executor, dialect: Dialect, f: ApplicationFilter) {
  let q = ex
    .selectFrom('incentiveApplications as a')
    .innerJoin('orgUnits as o', 'o.id', 'a.regionId')
    .where((eb) =>
      f.reader.kind === 'region'
        ? dialect.under(eb.ref('a.regionPath'), f.reader.path)
        : eb('a.enterpriseId', '=', f.reader.id),
    );
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.statuses) q = q.where('a.status', 'in', [...f.statuses]);
  if (f.stage) q = q.where('a.stage', '=', f.stage);
  const { regionPath } = f;
  if (regionPath) q = q.where((eb) => dialect.under(eb.ref('a.regionPath'), regionPath));
  if (f.from) q = q.where('a.submittedOn', '>=', f.from);
  if (f.to) q = q.where('a.submittedOn', '<=', f.to);
  if (f.q) {
    const text = f.q.toLowerCase();
    q = q.where(({ ref }) => dialect.contains(ref('a.searchText'), text));
  }
  return q;
}

export type ApplicationListRow = IncentiveApplicationRow & { regionName: string };

/** A page of the filtered applications with their office's name, newest submission first. */
export const listApplications = <Item>(
  ex: Executor,
  dialect: Dialect,
  f: ApplicationFilter,
  page: { page: number; pageSize: number },
  map: (row: ApplicationListRow) => Item,
) =>
  fetchPage(
    applicationQuery(ex, dialect, f),
    page,
    (b) =>
      b
        .selectAll('a')
        .select('o.name as regionName')
        .orderBy('a.submittedOn', 'desc')
        .orderBy('a.id', 'desc'),
    (r) => map(r as ApplicationListRow),
  );

export const insertApplication = (ex: Executor, row: Insertable<Database['incentiveApplications']>) =>
  ex.insertInto('incentiveApplications').values(row).execute();

export const insertArrivals = (ex: Executor, rows: Insertable<Database['incentiveArrivals']>[]) =>
  ex.insertInto('incentiveArrivals').values(rows).execute();

/** A rejected application releases its arrivals: they may be claimed (and linked to funds) again. */
export const releaseArrivals = (ex: Executor, applicationId: string) =>
  ex
    .updateTable('incentiveArrivals')
    .set({ claimKey: null, projectFundId: null })
    .where('applicationId', '=', applicationId)
    .execute();

export const insertApplicationEvent = (ex: Executor, row: Insertable<Database['incentiveEvents']>) =>
  ex.insertInto('incentiveEvents').values(row).execute();

export const insertPayment = (ex: Executor, row: Insertable<Database['incentivePayments']>) =>
  ex.insertInto('incentivePayments').values(row).execute();

/** Arrivals of the enterprise whose claim stands (any application not rejected). */
export async function claimedArrivals(ex: Executor, enterpriseId: string): Promise<ArrivalFact[]> {
  const rows = await ex
    .selectFrom('incentiveArrivals')
    .select(['bankReceiptNo', 'receivedOn', 'currency', 'amount'])
    .where('enterpriseId', '=', enterpriseId)
    .where('claimKey', 'is not', null)
    .execute();
  return rows.map((r) => ({
    ref: r.bankReceiptNo,
    receivedOn: r.receivedOn,
    currency: r.currency as 'USD' | 'CNY',
    amount: Number(r.amount),
  }));
}

/** The claim keys among `keys` already taken by a standing claim. */
export async function takenClaims(ex: Executor, keys: readonly string[]) {
  if (keys.length === 0) return [];
  const rows = await ex
    .selectFrom('incentiveArrivals')
    .select('claimKey')
    .where('claimKey', 'in', [...keys])
    .execute();
  return rows.map((r) => r.claimKey as string);
}

/**
 * Rewards of the enterprise under a policy that count against the cap, by kind: the approved amount
 * once approved, the provisional one while in review or returned; rejected ones release theirs.
 */
export async function priorRewards(ex: Executor, enterpriseId: string, policyId: string, exceptId?: string) {
  let q = ex
    .selectFrom('incentiveApplications')
    .select(['kind', 'provisionalFen', 'approvedFen', 'status'])
    .where('enterpriseId', '=', enterpriseId)
    .where('policyId', '=', policyId)
    .where('status', '!=', 'rejected');
  if (exceptId) q = q.where('id', '!=', exceptId);
  const out: Record<string, number> = {};
  for (const r of await q.execute())
    out[r.kind] = (out[r.kind] ?? 0) + Number(r.approvedFen ?? r.provisionalFen);
  return out;
}

export async function ratesBetween(ex: Executor, from: string, to: string): Promise<RateQuote[]> {
  const rows = await ex
    .selectFrom('incentiveRates')
    .select(['day', 'rate'])
    .where('currency', '=', 'USD')
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  return rows;
}

export const findCatalogueItem = (ex: Executor, id: string) =>
  ex.selectFrom('incentiveCatalogueItems').selectAll().where('id', '=', id).executeTakeFirst();

/** A catalogue row as the API shows it. */
export function toCatalogueItem(r: {
  id: string;
  version: string;
  part: string;
  province: string | null;
  section: string;
  seq: number | null;
  name: string;
  manufacturing: number;
  industryCodes: string;
  source: string;
}) {
  return {
    id: r.id,
    version: r.version,
    part: r.part as 'national' | 'central_western',
    province: r.province,
    section: r.section,
    seq: r.seq == null ? null : Number(r.seq),
    name: r.name,
    manufacturing: Number(r.manufacturing) === 1,
    industryCodes: JSON.parse(r.industryCodes) as string[],
    source: r.source,
  };
}

export const arrivalsOf = (ex: Executor, applicationId: string) =>
  ex
    .selectFrom('incentiveArrivals')
    .selectAll()
    .where('applicationId', '=', applicationId)
    .orderBy('position')
    .execute();

export const eventsOf = (ex: Executor, applicationId: string) =>
  ex
    .selectFrom('incentiveEvents')
    .selectAll()
    .where('applicationId', '=', applicationId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();

export const paymentsOf = (ex: Executor, applicationId: string) =>
  ex
    .selectFrom('incentivePayments')
    .selectAll()
    .where('applicationId', '=', applicationId)
    .orderBy('paidOn')
    .orderBy('createdAt')
    .execute();

/** Updates an application if its version is still `version`; VERSION_CONFLICT (409) when someone was quicker. */
export const updateApplication = (
  ex: Executor,
  id: string,
  version: number,
  patch: Partial<Omit<IncentiveApplicationRow, 'id' | 'version'>>,
) => updateVersioned(ex, 'incentiveApplications', { id, version }, patch);

/** A project's funds record, for linking an arrival to it. */
export const findProjectFund = (ex: Executor, id: string) =>
  ex
    .selectFrom('projectFunds as f')
    .innerJoin('projects as p', 'p.id', 'f.projectId')
    .select(['f.id', 'f.projectId', 'f.receivedOn', 'f.currency', 'f.amount', 'p.regionPath'])
    .where('f.id', '=', id)
    .executeTakeFirst();

export const findProject = (ex: Executor, id: string) =>
  ex
    .selectFrom('projects')
    .select(['id', 'name', 'regionPath', 'industryCode'])
    .where('id', '=', id)
    .executeTakeFirst();

export const voucherTaken = async (ex: Executor, voucherNo: string) =>
  !!(await ex
    .selectFrom('incentivePayments')
    .select('id')
    .where('voucherNo', '=', voucherNo)
    .executeTakeFirst());

/** The USD central parities between two days (either open), latest first, at most 400. */
export function listRates(ex: Executor, q: { from?: string; to?: string }) {
  let query = ex.selectFrom('incentiveRates').selectAll().where('currency', '=', 'USD');
  if (q.from) query = query.where('day', '>=', q.from);
  if (q.to) query = query.where('day', '<=', q.to);
  return query.orderBy('day', 'desc').limit(400).execute();
}

export const findRate = (ex: Executor, currency: string, day: string) =>
  ex
    .selectFrom('incentiveRates')
    .selectAll()
    .where('currency', '=', currency)
    .where('day', '=', day)
    .executeTakeFirst();

/** Corrects a day's rate if its version is still `version`; false when someone was quicker. */
export async function updateRate(
  ex: Executor,
  key: { currency: string; day: string; version: number },
  changes: { rate: string; source: string; note: string | null; updatedBy: string; updatedAt: string },
): Promise<boolean> {
  const r = await ex
    .updateTable('incentiveRates')
    .set({ ...changes, version: key.version + 1 })
    .where('currency', '=', key.currency)
    .where('day', '=', key.day)
    .where('version', '=', key.version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const insertRate = (ex: Executor, row: Insertable<Database['incentiveRates']>) =>
  ex.insertInto('incentiveRates').values(row).execute();
