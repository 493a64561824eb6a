import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * Roll-ups of the pipeline (packages/rules/src/pipeline-rollup.ts): one row per region, metric and
 * period (a month YYYY-MM; a day for the present-state metrics), kept for the project's region and
 * each of its ancestors, changed in the same transaction as the project. A region's figures for a
 * run of months read that region's rows alone, in primary-key order and from the key itself
 * (SQLite: a table without rowid; PostgreSQL: the values included in the key's index).
 * An existing pipeline is counted into them at the next start (ensureRollups in boot.ts).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const postgres = dialect.name === 'postgres';
  const int = sql.raw(dialect.types.bigint);
  await sql`create table project_rollups (
      region_path text not null,
      metric text not null,
      period text not null,
      n ${int} not null default 0,
      fen ${int} not null default 0,
      days ${int} not null default 0,
      constraint project_rollups_pk primary key (region_path, metric, period)
        ${postgres ? sql`include (n, fen, days)` : sql``}
    ) ${postgres ? sql`` : sql`without rowid`}`.execute(db);
}
