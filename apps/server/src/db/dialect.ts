import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * Every difference between SQLite and PostgreSQL that the code base relies on lives here.
 * - Column types: both store ids and timestamps as text (ISO-8601 UTC sorts as time), booleans as
 *   0/1 integers and money as 64-bit integers of fen, so rows read alike on both.
 * - Subtree match on materialised paths: SQLite's LIKE ignores case and so skips indexes; GLOB is
 *   case-sensitive and uses them. PostgreSQL uses LIKE with a text_pattern_ops index.
 * - Case-insensitive search: LIKE on SQLite, ILIKE on PostgreSQL.
 * - Row locks for work queues: FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite has one writer anyway.
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
  /** The YYYY-MM-DD day `n` days after a YYYY-MM-DD text column. */
  dayPlus(column: Expression<string | null> | RawBuilder<unknown>, n: number): RawBuilder<string>;
  /** Suffix for a SELECT that claims queue rows. */
  skipLocked: string;
  /** Column type names for migrations. */
  types: { bigint: 'bigint' | 'integer'; text: 'text' };
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
    dayPlus: (column, n) => sql<string>`date(${column}, ${`+${Math.trunc(n)} days`})`,
    skipLocked: '',
    types: { bigint: 'integer', text: 'text' },
  };
}

export type { Kysely };
