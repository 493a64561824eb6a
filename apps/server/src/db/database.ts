import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { type Dialect, dialectFor } from './dialect.js';
import type { Database } from './schema.js';

// int8 (count(*), bigint money) as JS numbers: fen amounts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** A repository function takes either the database or a transaction. */
export type Executor = Kysely<Database>;

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  /** better-sqlite3 handle for online backup / integrity checks; null on PostgreSQL. */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

export interface DbOptions {
  databaseUrl: string | null;
  sqlitePath: string;
  poolSize?: number;
  onIdleError?: (err: Error) => void;
}

export function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const s = new SQLite(file);
  s.pragma('journal_mode = WAL');
  s.pragma('foreign_keys = ON');
  s.pragma('busy_timeout = 5000');
  s.pragma('synchronous = NORMAL');
  return s;
}

export function createDb(opts: DbOptions): DbHandle {
  const plugins = [new CamelCasePlugin()];
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection that the server drops (restart, failover, admin) must not crash the process:
    // the pool discards it and opens a new one on the next query.
    pool.on('error', (err) => opts.onIdleError?.(err));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    return { db, dialect: dialectFor('postgres'), sqlite: null, close: () => db.destroy() };
  }
  const sqlite = openSqlite(opts.sqlitePath);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins });
  return { db, dialect: dialectFor('sqlite'), sqlite, close: () => db.destroy() };
}
