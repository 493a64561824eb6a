import { PostgresAdapter, sql } from 'kysely';
import pg from 'pg';
import type { Executor } from '../db/database.js';

/**
 * Signed-in requests read their session (with its user and unit) from this cache instead of the
 * database. An entry lives `ttlMs` at most and is forgotten at once when the session ends or its
 * user changes (sign-out, disable, password, roles, unit, locale): `sessionsChanged` is called in
 * the same transaction as the change. On PostgreSQL it also sends NOTIFY ys_sessions, which the
 * database delivers on commit to every process (each LISTENs, see `listenForSessionChanges`);
 * while a process is not listening, its cache is off and every request reads the database.
 * On SQLite the server is one process, and its one connection serialises the change and the reads.
 *
 * A read that raced with a change is not kept: each change bumps `epoch`, and a read keeps its
 * result only if no change happened while it ran.
 */
export interface SessionCache<T> {
  /** The cached value, or `load()`'s result (kept unless a change happened meanwhile). */
  get(sessionId: string, load: () => Promise<T | undefined>): Promise<T | undefined>;
}

interface Entry {
  userId: string;
  value: unknown;
  until: number;
}

const entries = new Map<string, Entry>();
const MAX_ENTRIES = 50_000;
let epoch = 0;
/** Processes on PostgreSQL turn the cache off while their LISTEN connection is down. */
let listeningOff = 0;

export type SessionChange = { sessionId: string } | { userId: string } | { all: true };

function forget(change: SessionChange): void {
  epoch++;
  if ('all' in change) entries.clear();
  else if ('sessionId' in change) entries.delete(change.sessionId);
  else for (const [id, e] of entries) if (e.userId === change.userId) entries.delete(id);
}

/** Forget a session or a user's sessions here and, on PostgreSQL, in every process on commit. */
export async function sessionsChanged(db: Executor, change: SessionChange): Promise<void> {
  forget(change);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_notify('ys_sessions', ${JSON.stringify(change)})`.execute(db);
  }
}

export function sessionCache<T extends { userId: string }>(ttlMs: number): SessionCache<T> {
  return {
    async get(sessionId, load) {
      const hit = entries.get(sessionId);
      const at = Date.now();
      if (hit && hit.until > at && listeningOff === 0) return hit.value as T;
      const seen = epoch;
      const value = await load();
      if (value && ttlMs > 0 && seen === epoch && listeningOff === 0) {
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
        entries.set(sessionId, { userId: value.userId, value, until: at + ttlMs });
      } else if (!value) entries.delete(sessionId);
      return value;
    },
  };
}

/**
 * LISTEN ys_sessions on a connection of its own, reconnecting after a failure; until it listens
 * (and after it fails) the cache is off. `ready` settles after the first attempt.
 */
export function listenForSessionChanges(
  connectionString: string,
  onError: (err: Error) => void,
): { ready: Promise<void>; stop: () => Promise<void> } {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  let off = true;
  const turnOff = () => {
    if (!off) listeningOff++;
    off = true;
    forget({ all: true });
  };
  listeningOff++;
  const connect = async () => {
    const c = new pg.Client({ connectionString });
    client = c;
    c.on('notification', (n) => {
      try {
        forget(JSON.parse(n.payload ?? '') as SessionChange);
      } catch {
        forget({ all: true });
      }
    });
    const failed = (err: Error) => {
      if (client !== c) return;
      client = null;
      turnOff();
      c.end().catch(() => {});
      if (stopped) return;
      onError(err);
      retry = setTimeout(() => void connect(), 1000);
    };
    c.on('error', failed);
    c.on('end', () => failed(new Error('session change listener disconnected')));
    try {
      await c.connect();
      await c.query('LISTEN ys_sessions');
      if (client === c && off) {
        off = false;
        listeningOff--;
      }
    } catch (err) {
      failed(err as Error);
    }
  };
  const ready = connect();
  const stop = async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = null;
    // A stopped listener no longer holds the cache off: its server takes no more requests.
    if (off) listeningOff--;
    off = false;
    forget({ all: true });
    await c?.end().catch(() => {});
  };
  return { ready, stop };
}
