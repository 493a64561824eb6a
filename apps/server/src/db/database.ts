import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CamelCasePlugin,
  Kysely,
  PostgresDialect,
  type SqliteDatabase,
  SqliteDialect,
  type Transaction,
} from 'kysely';
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

/**
 * The database as Kysely's SQLite driver uses it, with the prepared statements kept: the driver
 * prepares every query it runs, and preparing costs about as much as running a small one (a
 * dashboard runs some 35). Kept by SQL text, the least recently used dropped past `size`; a
 * statement still busy iterating is not shared (a fresh one is prepared). SQLite re-prepares a kept
 * statement by itself when the schema changes.
 */
export function keptStatements(s: SQLite.Database, size = 2000): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => s.close(),
    prepare(sql) {
      const statement = kept.get(sql);
      if (statement?.busy) return s.prepare(sql);
      const out = statement ?? s.prepare(sql);
      kept.delete(sql); // re-inserted as the most recently used
      if (kept.size >= size) kept.delete(kept.keys().next().value as string);
      kept.set(sql, out);
      return out;
    },
  };
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
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: keptStatements(sqlite) }),
    plugins,
  });
  return { db, dialect: dialectFor('sqlite'), sqlite, close: () => db.destroy() };
}
