/**
 * The bulk writer of the data generators (generate-projects.ts, generate-records.ts): batches of
 * plain rows written straight into their tables, not through the services:
 *
 *   const writer = bulkWriter(database, { tables, statistics });
 *   await writer.dropIndexes();
 *   let batch = writer.emptyBatch(); … batch.projects.push(row); await writer.write(batch); …
 *   await writer.restoreIndexes();
 *   await writer.finish();
 *
 * Loading drops the secondary indexes of the tables written and rebuilds them at the end (exactly
 * the statements the migrations created, read back from the catalogue): one build of each index
 * over the loaded rows instead of an index update per row. The rows are consistent by construction
 * (the generators fill every derived column as the services do), so the loading skips what guards
 * the app's own writes: the WAL flush at each commit and, where it can, the foreign-key triggers.
 */
import { sql } from 'kysely';
import type { DbHandle } from '../../db/database.js';

/** One row: its values in the order of its table's columns. */
export type Row = (string | number | null)[];
/** Rows to insert, by table. */
export type Batch<T extends string> = Record<T, Row[]>;

export interface BulkWriterOptions<T extends string> {
  /** The columns of each table, in the order of a row's values; the tables in foreign-key order, the order they are written in. */
  tables: { readonly [K in T]: readonly string[] };
  /**
   * The tables to gather statistics on once loaded (restoreIndexes): ANALYZE on SQLite, VACUUM
   * (ANALYZE) on PostgreSQL, as autovacuum would do after a bulk load. Any of the database's tables:
   * a generator that updates another table lists it too.
   */
  statistics: { sqlite: readonly string[]; postgres: readonly string[] };
}

export interface BulkWriter<T extends string> {
  /** A batch with no rows. */
  emptyBatch(): Batch<T>;
  /** Drops the secondary indexes of the tables (kept: primary keys and unique constraints). */
  dropIndexes(): Promise<void>;
  /** Re-creates them with the statements they were created with, then gathers the statistics. */
  restoreIndexes(): Promise<void>;
  /** Writes a batch in one transaction, tables in foreign-key order. */
  write(batch: Batch<T>): Promise<void>;
  /** Ends the load: on SQLite, checkpoints the WAL and turns synchronous writes back on. */
  finish(): Promise<void>;
}

/** The writer of the database's dialect. */
export function bulkWriter<T extends string>(
  database: DbHandle,
  options: BulkWriterOptions<T>,
): BulkWriter<T> {
  return database.dialect.name === 'postgres'
    ? postgresWriter(database, options)
    : sqliteWriter(database, options);
}

const tableNames = <T extends string>(tables: BulkWriterOptions<T>['tables']) => Object.keys(tables) as T[];

const emptyBatch = <T extends string>(names: readonly T[]) =>
  Object.fromEntries(names.map((t) => [t, [] as Row[]])) as Batch<T>;

/**
 * SQLite: better-sqlite3 directly (the Kysely layer would cost more than the insert), multi-row
 * statements of up to 500 rows (the bound-parameter limit is 32766), a transaction per batch.
 */
function sqliteWriter<T extends string>(database: DbHandle, options: BulkWriterOptions<T>): BulkWriter<T> {
  const { tables, statistics } = options;
  const names = tableNames(tables);
  const s = database.sqlite!;
  s.pragma('synchronous = OFF');
  s.pragma('cache_size = -1000000');
  s.pragma('temp_store = MEMORY');
  const statements = new Map<string, ReturnType<typeof s.prepare>>();
  const statement = (table: T, rows: number) => {
    const key = `${table}:${rows}`;
    let st = statements.get(key);
    if (!st) {
      const cols = tables[table];
      const tuple = `(${cols.map(() => '?').join(',')})`;
      st = s.prepare(`insert into ${table} (${cols.join(',')}) values ${Array(rows).fill(tuple).join(',')}`);
      statements.set(key, st);
    }
    return st;
  };
  const insertAll = s.transaction((batch: Batch<T>) => {
    for (const table of names) {
      const rows = batch[table];
      const per = Math.min(500, Math.floor(32000 / tables[table].length));
      for (let i = 0; i < rows.length; i += per) {
        const part = rows.slice(i, i + per);
        statement(table, part.length).run(part.flat());
      }
    }
  });
  let dropped: { name: string; sql: string }[] = [];
  return {
    emptyBatch: () => emptyBatch(names),
    async dropIndexes() {
      dropped = s
        .prepare(
          `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${names
            .map((t) => `'${t}'`)
            .join(',')})`,
        )
        .all() as { name: string; sql: string }[];
      for (const i of dropped) s.exec(`drop index "${i.name}"`);
    },
    async restoreIndexes() {
      for (const i of dropped) s.exec(i.sql);
      for (const t of statistics.sqlite) s.exec(`analyze "${t}"`);
    },
    async write(batch) {
      insertAll(batch);
    },
    async finish() {
      s.pragma('wal_checkpoint(TRUNCATE)');
      s.pragma('synchronous = NORMAL');
    },
  };
}

/**
 * PostgreSQL: one `insert … select * from unnest($1::text[], $2::int8[], …)` per 5,000 rows, one
 * parameter per column (COPY-like throughput without a COPY client), commits without waiting for
 * the WAL flush and, for a superuser, without firing the foreign-key triggers (session_replication_role
 * = replica: 1.5× faster; the constraints stay in place for what the app writes later); VACUUM ANALYZE
 * at the end, as autovacuum would do after a bulk load.
 */
function postgresWriter<T extends string>(database: DbHandle, options: BulkWriterOptions<T>): BulkWriter<T> {
  const { tables, statistics } = options;
  const names = tableNames(tables);
  const { db } = database;
  const types = new Map<T, string[]>();
  let dropped: { indexname: string; indexdef: string }[] = [];
  /** A superuser may skip the foreign-key triggers while loading: the rows are consistent by construction. */
  let superuser = false;
  return {
    emptyBatch: () => emptyBatch(names),
    async dropIndexes() {
      const { rows } = await sql<{ indexname: string; indexdef: string }>`
        select i.indexname, i.indexdef from pg_indexes i
        where i.schemaname = current_schema() and i.tablename in (${sql.join(names)})
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(db);
      dropped = rows;
      const role = await sql<{
        rolsuper: boolean;
      }>`select rolsuper from pg_roles where rolname = current_user`.execute(db);
      superuser = role.rows[0]?.rolsuper === true;
      for (const i of dropped) await sql`drop index ${sql.id(i.indexname)}`.execute(db);
      // (the CamelCasePlugin renames the result columns)
      const cols = await sql<{ tableName: T; columnName: string; dataType: string }>`
        select table_name, column_name, data_type from information_schema.columns
        where table_schema = current_schema() and table_name in (${sql.join(names)})`.execute(db);
      for (const t of names) {
        types.set(
          t,
          tables[t].map((c) => {
            const type = cols.rows.find((r) => r.tableName === t && r.columnName === c)?.dataType;
            if (!type) throw new Error(`no column ${t}.${c}`);
            return type === 'bigint' ? 'int8' : type === 'integer' ? 'int4' : 'text';
          }),
        );
      }
    },
    async restoreIndexes() {
      for (const i of dropped) await sql.raw(i.indexdef).execute(db);
      // (with no table, VACUUM would take the whole database)
      if (statistics.postgres.length > 0) {
        await sql.raw(`vacuum (analyze) ${statistics.postgres.join(', ')}`).execute(db);
      }
    },
    async write(batch) {
      await db.transaction().execute(async (trx) => {
        await sql`set local synchronous_commit = off`.execute(trx);
        if (superuser) await sql`set local session_replication_role = replica`.execute(trx);
        for (const table of names) {
          const rows = batch[table];
          const cols = tables[table];
          const colTypes = types.get(table)!;
          for (let i = 0; i < rows.length; i += 5000) {
            const part = rows.slice(i, i + 5000);
            const arrays = cols.map((_, c) => part.map((r) => r[c]));
            await sql`insert into ${sql.raw(table)} (${sql.raw(cols.join(', '))}) select * from unnest(${sql.join(
              arrays.map((a, c) => sql`${a}::${sql.raw(colTypes[c])}[]`),
            )})`.execute(trx);
          }
        }
      });
    },
    async finish() {},
  };
}
