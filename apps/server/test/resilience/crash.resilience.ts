import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startServer } from '../spawn-server.js';
import { PASSWORD, pgDatabase, signIn, writers } from './helpers.js';

/**
 * The real server under writes, killed with SIGKILL (no shutdown hook runs), restarted: every
 * write it acknowledged is there, and the database passes its integrity checks.
 */
const ORPHANS =
  "select count(*) as n from investors i where i.name like 'crash-%' and not exists (select 1 from audit_log a where a.entity = 'investor' and a.entity_id = i.id)";
const LOAD_MS = Number(process.env.CRASH_LOAD_MS ?? 4000);

describe.each(['sqlite', 'postgres'] as const)('crash safety on %s', (kind) => {
  it('keeps every acknowledged write through a SIGKILL mid-load', async () => {
    const pgDb = kind === 'postgres' ? await pgDatabase() : null;
    const env: Record<string, string> = pgDb ? { DATABASE_URL: pgDb.url } : {};
    try {
      const first = await startServer(PASSWORD, env);
      const admin = await signIn(first.baseUrl);
      const load = writers(admin, 8, 'crash');
      await sleep(LOAD_MS);
      // killed while the writers have requests in flight
      await first.kill();
      await load.stop();
      const { sent, failed, acknowledged } = load.stats();
      expect(acknowledged).toBeGreaterThan(50);
      expect(failed).toBeGreaterThan(0); // the requests cut off by the kill

      let present: number;
      let integrity: string;
      /** Investors without their audit row: half a transaction, which must never survive. */
      let orphans: number;
      if (kind === 'sqlite') {
        // opened read-write: SQLite replays the write-ahead log the killed process left behind
        const db = new SQLite(path.join(first.dataDir, 'yingshang.sqlite'));
        integrity = String(db.pragma('integrity_check', { simple: true }));
        expect(db.pragma('foreign_key_check')).toEqual([]);
        const ids = new Set(
          (db.prepare('select id from investors').all() as { id: string }[]).map((r) => r.id),
        );
        present = load.acknowledged.filter((id) => ids.has(id)).length;
        orphans = (db.prepare(ORPHANS).get() as { n: number }).n;
        db.close();
      } else {
        const c = new pg.Client({ connectionString: pgDb!.url });
        await c.connect();
        // amcheck: every B-tree index is consistent with its table
        await c.query('create extension if not exists amcheck');
        const { rows: indexes } = await c.query<{ oid: number }>(
          `select c.oid from pg_index i join pg_class c on c.oid = i.indexrelid
           join pg_am a on a.oid = c.relam join pg_namespace n on n.oid = c.relnamespace
           where a.amname = 'btree' and n.nspname = 'public'`,
        );
        for (const ix of indexes) await c.query('select bt_index_check($1::regclass, true)', [ix.oid]);
        integrity = `ok (${indexes.length} indexes checked with amcheck)`;
        const { rows } = await c.query<{ n: string }>(
          'select count(*) as n from investors where id = any($1)',
          [load.acknowledged],
        );
        present = Number(rows[0].n);
        orphans = Number((await c.query<{ n: string }>(ORPHANS)).rows[0].n);
        await c.end();
      }
      console.log(
        `crash (${kind}): ${sent} writes sent in ${LOAD_MS} ms, ${acknowledged} acknowledged, ${failed} unanswered (in flight at the kill); ` +
          `${present}/${acknowledged} acknowledged rows present after the crash, ${orphans} half-written; integrity: ${integrity}`,
      );
      expect(present).toBe(acknowledged);
      expect(orphans).toBe(0);
      expect(integrity.startsWith('ok')).toBe(true);

      // restarted on the same data, it serves the acknowledged writes and takes new ones
      const second = await startServer(PASSWORD, env, first.dataDir);
      try {
        const again = await signIn(second.baseUrl);
        const res = await again.send('POST', '/api/v1/investors', {
          name: 'crash-after-restart',
          foreignRegNo: 'crash-after-restart',
          country: 'SG',
        });
        expect(res.status).toBe(201);
        // a sample of the acknowledged writes, read back through the API
        for (const id of [...load.acknowledged.filter((_, i) => i % 100 === 0), load.acknowledged.at(-1)!]) {
          const name = load.names.get(id)!;
          const seen = await again.get(`/api/v1/investors?q=${encodeURIComponent(name)}&pageSize=5`);
          const items = ((await seen.json()) as { items: { id: string; name: string }[] }).items;
          expect(
            items.map((x) => x.id),
            name,
          ).toContain(id);
        }
      } finally {
        expect(await second.stop()).toBe(0);
      }
    } finally {
      await pgDb?.drop();
    }
  }, 180_000);
});
