import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * One roll-up table for every module (packages/rules/src/rollup.ts): a row per source (projects,
 * activities, appeals, incentives, rectification), region, metric and period (a month YYYY-MM, or a
 * day for present-state metrics), changed in the same transaction as the record. A region's figures
 * read that region's rows alone, in primary-key order and from the key itself (SQLite: a table
 * without rowid; PostgreSQL: the values included in the key's index).
 *
 * It replaces the pipeline's own table (0008): the pipeline's cells gained signings by industry,
 * by origin and at activities, so they are counted afresh — every source with records and no
 * roll-ups is recounted at the next start (ensureRollups in boot.ts).
 *
 * Keys compare byte by byte on both databases (PostgreSQL: collation "C"): readers pick a metric
 * prefix as a key range (`metric >= 'dept:' and metric < 'dept;'`) and periods as text, which a
 * linguistic collation would order otherwise.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const postgres = dialect.name === 'postgres';
  const int = sql.raw(dialect.types.bigint);
  const text = sql.raw(postgres ? 'text collate "C"' : 'text');
  await sql`create table rollups (
      source ${text} not null,
      region_path ${text} not null,
      metric ${text} not null,
      period ${text} not null,
      n ${int} not null default 0,
      fen ${int} not null default 0,
      days ${int} not null default 0,
      constraint rollups_pk primary key (source, region_path, metric, period)
        ${postgres ? sql`include (n, fen, days)` : sql``}
    ) ${postgres ? sql`` : sql`without rowid`}`.execute(db);
  await sql`drop table project_rollups`.execute(db);
}
