import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startServer } from '../spawn-server.js';
import {
  checksums,
  cli,
  PASSWORD,
  pgDatabase,
  pgRows,
  signIn,
  sqliteRows,
  type TableRows,
  writers,
} from './helpers.js';

/**
 * `yingshang backup` while writers keep writing, then `yingshang restore` into a fresh database.
 * The restored database is one consistent moment of the live one: every table the writers did not
 * touch has the same rows (count and checksum); the written ones hold a subset of the final rows,
 * never a row the live database does not have, and every write acknowledged before the backup
 * started.
 */
const WRITTEN = new Set(['investors', 'audit_log', 'sessions']);

function compare(
  kind: string,
  restored: TableRows,
  live: TableRows,
  restoredIds: Set<string>,
  ackedBefore: string[],
) {
  const r = checksums(restored);
  const l = checksums(live);
  expect(Object.keys(r)).toEqual(Object.keys(l));
  const lines: string[] = [];
  for (const table of Object.keys(r)) {
    if (WRITTEN.has(table)) {
      const liveSet = new Set(live[table]);
      if (table !== 'sessions')
        expect(
          restored[table].filter((h) => !liveSet.has(h)),
          `${table}: rows the live database never had`,
        ).toEqual([]);
    } else {
      expect(r[table], table).toEqual(l[table]);
    }
    if (r[table].rows > 0)
      lines.push(
        `  ${table.padEnd(32)} ${String(r[table].rows).padStart(7)}  ${r[table].sha256.slice(0, 16)}`,
      );
  }
  expect(ackedBefore.filter((id) => !restoredIds.has(id))).toEqual([]);
  const total = Object.values(r).reduce((s, x) => s + x.rows, 0);
  console.log(
    `backup (${kind}): restored ${Object.keys(r).length} tables, ${total} rows; ` +
      `${Object.keys(r).length - WRITTEN.size} untouched tables identical to the live database (count + sha256), ` +
      `written tables a consistent subset; ${ackedBefore.length} writes acknowledged before the backup all restored.\n` +
      `  ${'table'.padEnd(32)} ${'rows'.padStart(7)}  sha256\n${lines.join('\n')}`,
  );
}

describe('backup under writes, restore into a fresh database', () => {
  it('SQLite: same rows after restore', async () => {
    const server = await startServer(PASSWORD);
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'ys-restore-'));
    const file = path.join(os.tmpdir(), `ys-backup-${process.pid}.sqlite`);
    try {
      const admin = await signIn(server.baseUrl);
      const load = writers(admin, 4, 'backup');
      await sleep(1500);
      const ackedBefore = [...load.acknowledged];
      const out = cli(['backup', file], { DATA_DIR: server.dataDir });
      expect(out).toContain('backed up');
      await sleep(500);
      await load.stop();
      const { acknowledged } = load.stats();
      expect(acknowledged).toBeGreaterThan(ackedBefore.length); // writes went on during the backup
      expect(await server.stop({ keep: true })).toBe(0);

      expect(cli(['restore', file], { DATA_DIR: target })).toContain('restored');
      const restoredFile = path.join(target, 'yingshang.sqlite');
      const restored = sqliteRows(restoredFile);
      expect(checksums(restored)).toEqual(checksums(sqliteRows(file)));
      const live = sqliteRows(path.join(server.dataDir, 'yingshang.sqlite'));
      const check = new SQLite(restoredFile, { readonly: true });
      const ids = new Set(
        (check.prepare('select id from investors').all() as { id: string }[]).map((x) => x.id),
      );
      check.close();
      compare('sqlite', restored, live, ids, ackedBefore);

      // and the restored database serves
      const again = await startServer(PASSWORD, {}, target);
      expect((await signIn(again.baseUrl)).csrf.length).toBeGreaterThan(10);
      expect(await again.stop({ keep: true })).toBe(0);
    } finally {
      fs.rmSync(server.dataDir, { recursive: true, force: true });
      fs.rmSync(target, { recursive: true, force: true });
      fs.rmSync(file, { force: true });
    }
  }, 180_000);

  it('PostgreSQL (pg_dump / pg_restore): same rows after restore', async () => {
    const source = await pgDatabase();
    const target = await pgDatabase();
    const file = path.join(os.tmpdir(), `ys-backup-${process.pid}.dump`);
    try {
      const server = await startServer(PASSWORD, { DATABASE_URL: source.url });
      const admin = await signIn(server.baseUrl);
      const load = writers(admin, 4, 'backup');
      await sleep(1500);
      const ackedBefore = [...load.acknowledged];
      cli(['backup', file], { DATABASE_URL: source.url });
      expect(fs.statSync(file).size).toBeGreaterThan(10_000);
      await sleep(500);
      await load.stop();
      expect(load.stats().acknowledged).toBeGreaterThan(ackedBefore.length);
      expect(await server.stop()).toBe(0);

      cli(['restore', file], { DATABASE_URL: target.url });
      const restored = await pgRows(target.url);
      const live = await pgRows(source.url);
      const c = new pg.Client({ connectionString: target.url });
      await c.connect();
      const ids = new Set((await c.query<{ id: string }>('select id from investors')).rows.map((r) => r.id));
      await c.end();
      compare('postgres', restored, live, ids, ackedBefore);

      const again = await startServer(PASSWORD, { DATABASE_URL: target.url });
      expect((await signIn(again.baseUrl)).csrf.length).toBeGreaterThan(10);
      expect(await again.stop()).toBe(0);
    } finally {
      fs.rmSync(file, { force: true });
      await source.drop();
      await target.drop();
    }
  }, 180_000);
});
