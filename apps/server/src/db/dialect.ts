import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * Every difference between SQLite and PostgreSQL that the code base relies on lives here.
 * - Column types: both store ids and timestamps as text (ISO-8601 UTC sorts as time), booleans as
 *   0/1 integers and money as 64-bit integers of fen, so rows read alike on both.
 * - Subtree match on materialised paths: SQLite's LIKE ignores case and so skips indexes; GLOB is
 *   case-sensitive and uses them. PostgreSQL uses LIKE with a text_pattern_ops index.
 * - Case-insensitive search: LIKE on SQLite, ILIKE on PostgreSQL.
 * - Row locks for work queues: FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite has one writer anyway.
 * - Indexed substring search (textSearch): an FTS5 trigram table on SQLite, pg_trgm on PostgreSQL.
 */
export type DialectName = 'sqlite' | 'postgres';

export interface Dialect {
  name: DialectName;
  /** `column` lies in the subtree whose path is `prefix` (prefix ends with '/'). */
  under(column: Expression<string | null> | RawBuilder<unknown>, prefix: string): RawBuilder<SqlBool>;
  /** Case-insensitive substring match; `needle` is escaped. */
  contains(column: Expression<string | null> | RawBuilder<unknown>, needle: string): RawBuilder<SqlBool>;
  /** Some space-separated word of `column` starts with `needle` (pinyin keys: "lf" finds 临汾, not 杏花岭分局). */
  wordPrefix(column: Expression<string | null> | RawBuilder<unknown>, needle: string): RawBuilder<SqlBool>;
  /**
   * `contains(column, needle)` helped by a trigram index (see migration 0016 for the indexes): the
   * same rows as contains, found through the index. `needle` is lower case.
   * - 3+ characters: SQLite, the rows whose FTS5 entry holds every trigram of the needle; PostgreSQL,
   *   ILIKE through the pg_trgm GIN index.
   * - 2 characters: SQLite, the rows holding any trigram that begins with the needle (the terms
   *   read from the FTS5 vocabulary; each entry ends with two spaces, so that the needle's last
   *   occurrence at the end of the text begins one too); PostgreSQL, the GIN index of each row's
   *   2-character substrings.
   * - 1 character: no index (it would select a large share of the rows anyway): the scan of contains.
   * The LIKE / ILIKE of contains is tested on every candidate where the index may give more rows
   * than it: 3+ characters on PostgreSQL (pg_trgm is lossy), 4+ on SQLite (trigrams found, not
   * always in a row).
   */
  textSearch(index: TextIndex, needle: string): RawBuilder<SqlBool>;
  /**
   * SQLite: how many rows the FTS5 index gives for `needle` (a count of its entries, no row read),
   * and whether that is the count of textSearch itself: for 2 and 3 characters each entry found
   * holds the needle (a trigram that is or begins with it; search texts are stored in lower case),
   * for more it holds all its trigrams, not always in a row. Null on PostgreSQL (its planner
   * weighs the index itself) and for 1 character.
   */
  textCandidates(index: TextIndex, needle: string): { count: RawBuilder<number>; exact: boolean } | null;
  /** The YYYY-MM-DD day `n` days after a YYYY-MM-DD text column. */
  dayPlus(column: Expression<string | null> | RawBuilder<unknown>, n: number): RawBuilder<string>;
  /** Suffix for a SELECT that claims queue rows. */
  skipLocked: string;
  /** Column type names for migrations. */
  types: { bigint: 'bigint' | 'integer'; text: 'text' };
}

/** A text column with a trigram index (migration 0016 made the one of projects.search_text). */
export interface TextIndex {
  /** `alias.column` of the column searched, e.g. p.search_text. */
  column: RawBuilder<unknown>;
  /** SQLite: the rowid of the row searched (p.rowid), the FTS5 table and its fts5vocab 'row' table. */
  rowid: RawBuilder<unknown>;
  fts: string;
  ftsTerms: string;
  /** PostgreSQL: the function giving a row's 2-character substrings, with a GIN index on it. */
  bigrams: string;
}

/** An FTS5 string: double quotes doubled. */
const ftsString = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** The distinct trigrams of `s` (by code point, as the FTS5 trigram tokenizer counts). */
function trigrams(s: string): string[] {
  const chars = [...s];
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  return [...out];
}

/** SQLite: the FTS5 query of a needle of 2+ characters (null for 1). */
function ftsQuery(index: TextIndex, needle: string): RawBuilder<string> | null {
  const length = [...needle].length;
  if (length < 2) return null;
  if (length === 2) {
    // the terms of the vocabulary that begin with the needle: a range of the sorted term index
    // (upper bound: the needle followed by the last code point), OR-ed into one FTS5 query
    const terms = sql`(select group_concat('"' || replace(term, '"', '""') || '"', ' OR ')
      from ${sql.table(index.ftsTerms)} where term >= ${needle} and term < ${`${needle}\u{10FFFF}`})`;
    return sql<string>`coalesce(${terms}, '""')`;
  }
  return sql<string>`${trigrams(needle).map(ftsString).join(' AND ')}`;
}

/**
 * For 2 and 3 characters each FTS5 entry found holds the needle (a trigram that is or begins with
 * it; search texts are stored in lower case, and the spaces added at the end cannot be part of a
 * needle that does not end in a space): the index decides alone, no row is read.
 */
const ftsExact = (needle: string) => [...needle].length <= 3 && !/\s$/.test(needle);

function sqliteTextSearch(index: TextIndex, needle: string): RawBuilder<SqlBool> {
  const like = sql<SqlBool>`${index.column} like ${`%${escapeLike(needle)}%`} escape '\\'`;
  const query = ftsQuery(index, needle);
  if (!query) return like;
  const fts = sql.table(index.fts);
  const found = sql<SqlBool>`${index.rowid} in (select rowid from ${fts} where ${fts} match ${query})`;
  return ftsExact(needle) ? found : sql<SqlBool>`(${found} and ${like})`;
}

function sqliteTextCandidates(index: TextIndex, needle: string) {
  const query = ftsQuery(index, needle);
  if (!query) return null;
  const fts = sql.table(index.fts);
  return {
    count: sql<number>`(select count(*) from ${fts} where ${fts} match ${query})`,
    exact: ftsExact(needle),
  };
}

function postgresTextSearch(index: TextIndex, needle: string): RawBuilder<SqlBool> {
  const ilike = sql<SqlBool>`${index.column} ilike ${`%${escapeLike(needle)}%`} escape '\\'`;
  if ([...needle].length !== 2) return ilike;
  // exact: the row's pairs of lower(text) hold lower(needle) if and only if the ILIKE holds
  return sql<SqlBool>`${sql.raw(index.bigrams)}(${index.column}) @> array[lower(${needle})]`;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function wordPrefix(
  op: 'like' | 'ilike',
  column: Expression<string | null> | RawBuilder<unknown>,
  needle: string,
) {
  const n = escapeLike(needle);
  return sql<SqlBool>`(${column} ${sql.raw(op)} ${`${n}%`} escape '\\' or ${column} ${sql.raw(op)} ${`% ${n}%`} escape '\\')`;
}

export function dialectFor(name: DialectName): Dialect {
  if (name === 'postgres') {
    return {
      name,
      under: (column, prefix) => sql<SqlBool>`${column} like ${`${escapeLike(prefix)}%`}`,
      contains: (column, needle) => sql<SqlBool>`${column} ilike ${`%${escapeLike(needle)}%`} escape '\\'`,
      wordPrefix: (column, needle) => wordPrefix('ilike', column, needle),
      textSearch: postgresTextSearch,
      textCandidates: () => null,
      dayPlus: (column, n) =>
        sql<string>`to_char(cast(${column} as date) + ${sql.lit(Math.trunc(n))}, 'YYYY-MM-DD')`,
      skipLocked: 'for update skip locked',
      types: { bigint: 'bigint', text: 'text' },
    };
  }
  return {
    name,
    under: (column, prefix) => sql<SqlBool>`${column} glob ${`${prefix.replace(/[*?[\]]/g, '')}*`}`,
    contains: (column, needle) => sql<SqlBool>`${column} like ${`%${escapeLike(needle)}%`} escape '\\'`,
    wordPrefix: (column, needle) => wordPrefix('like', column, needle),
    textSearch: sqliteTextSearch,
    textCandidates: sqliteTextCandidates,
    dayPlus: (column, n) => sql<string>`date(${column}, ${`+${Math.trunc(n)} days`})`,
    skipLocked: '',
    types: { bigint: 'integer', text: 'text' },
  };
}

export type { Kysely };
