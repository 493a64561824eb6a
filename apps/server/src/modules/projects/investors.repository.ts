import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { fetchPage } from '../../db/paging.js';
import type { Database, InvestorRow } from '../../db/schema.js';

export function toInvestor(r: InvestorRow) {
  return {
    id: r.id,
    name: r.name,
    creditCode: r.creditCode,
    foreignRegNo: r.foreignRegNo,
    country: r.country,
    provinceCode: r.provinceCode,
    originGroup: r.originGroup as never,
    legalRep: r.legalRep,
    contactName: r.contactName,
    contactPhone: r.contactPhone,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

/**
 * Normalised company name for duplicate detection: no spaces or punctuation, full-width brackets
 * as half-width, common suffixes dropped (有限公司, 有限责任公司, 股份有限公司, Co., Ltd.).
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(股份有限公司|有限责任公司|有限公司|集团|co\.?,?\s*ltd\.?|inc\.?|limited|corp\.?)$/g, '')
    .replace(/[\s()（）·.,，、\-_'"]/g, '');
}

export const findInvestor = (db: Executor, id: string) =>
  db.selectFrom('investors').selectAll().where('id', '=', id).executeTakeFirst();

export const findInvestorsByIds = (db: Executor, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('investors').selectAll().where('id', 'in', ids).execute();

/** The investor registered under this credit code, if any. */
export const findInvestorByCreditCode = (db: Executor, creditCode: string) =>
  db.selectFrom('investors').select('id').where('creditCode', '=', creditCode).executeTakeFirst();

export const insertInvestor = (db: Executor, row: Insertable<Database['investors']>) =>
  db.insertInto('investors').values(row).execute();

/** Existing investors with the same credit code or the same normalised name. */
export function findMatches(db: Executor, name: string, creditCode?: string | null) {
  return db
    .selectFrom('investors')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('nameNorm', '=', normaliseName(name)),
        ...(creditCode ? [eb('creditCode', '=', creditCode)] : []),
      ]),
    )
    .limit(10)
    .execute();
}

export function listInvestors(
  db: Executor,
  dialect: Dialect,
  f: { q?: string; page: number; pageSize: number },
) {
  let q = db.selectFrom('investors');
  if (f.q) {
    const text = f.q;
    q = q.where(({ or, ref }) =>
      or([
        dialect.contains(ref('name'), text),
        dialect.contains(ref('creditCode'), text.toUpperCase()),
        dialect.wordPrefix(ref('pinyin'), text.toLowerCase()),
      ]),
    );
  }
  return fetchPage(q, f, (q) => q.selectAll().orderBy('name'), toInvestor);
}
