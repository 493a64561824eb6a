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
   * The LIKE / ILIKE of contains is tested on every candidate: the index narrows, never decides.
   */
  textSearch(index: TextIndex, needle: string): RawBuilder<SqlBool>;
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

function sqliteTextSearch(index: TextIndex, needle: string): RawBuilder<SqlBool> {
  const like = sql<SqlBool>`${index.column} like ${`%${escapeLike(needle)}%`} escape '\\'`;
  const length = [...needle].length;
  if (length < 2) return like;
  const fts = sql.table(index.fts);
  if (length === 2) {
    // the terms of the vocabulary that begin with the needle: a range of the sorted term index
    // (upper bound: the needle followed by the last code point), OR-ed into one FTS5 query
    const terms = sql`(select group_concat('"' || replace(term, '"', '""') || '"', ' OR ')
      from ${sql.table(index.ftsTerms)} where term >= ${needle} and term < ${`${needle}\u{10FFFF}`})`;
    return sql<SqlBool>`(${index.rowid} in (select rowid from ${fts} where ${fts} match coalesce(${terms}, '""')) and ${like})`;
  }
  const query = trigrams(needle).map(ftsString).join(' AND ');
  return sql<SqlBool>`(${index.rowid} in (select rowid from ${fts} where ${fts} match ${query}) and ${like})`;
}

function postgresTextSearch(index: TextIndex, needle: string): RawBuilder<SqlBool> {
  const ilike = sql<SqlBool>`${index.column} ilike ${`%${escapeLike(needle)}%`} escape '\\'`;
  if ([...needle].length !== 2) return ilike;
  return sql<SqlBool>`(${sql.raw(index.bigrams)}(${index.column}) @> array[lower(${needle})] and ${ilike})`;
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
    dayPlus: (column, n) => sql<string>`date(${column}, ${`+${Math.trunc(n)} days`})`,
    skipLocked: '',
    types: { bigint: 'integer', text: 'text' },
  };
}

export type { Kysely };
