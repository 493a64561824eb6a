import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';

export const PASSWORD = 'Demo12345678';
export const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const root = path.resolve(import.meta.dirname, '../../../..');

/** A signed-in HTTP client of a running server: cookie and CSRF token. */
export interface HttpClient {
  cookie: string;
  csrf: string;
  get(url: string): Promise<Response>;
  send(method: string, url: string, body?: unknown): Promise<Response>;
}

export function httpClient(baseUrl: string, cookie: string, csrf: string): HttpClient {
  return {
    cookie,
    csrf,
    get: (url) => fetch(`${baseUrl}${url}`, { headers: { cookie } }),
    send: (method, url, body) =>
      fetch(`${baseUrl}${url}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}

export async function signIn(baseUrl: string, username = 'admin'): Promise<HttpClient> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return httpClient(baseUrl, cookie, csrfToken);
}

/** A throw-away PostgreSQL database: its URL and how to drop it. */
export async function pgDatabase(
  prefix = 'ys_res',
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    name,
    url: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`),
    async drop() {
      const a = new pg.Client({ connectionString: PG_ADMIN_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Rows of every table, as one sha256 per row (key order fixed): the basis of per-table checksums. */
export type TableRows = Record<string, string[]>;

const rowHash = (row: Record<string, unknown>) =>
  crypto
    .createHash('sha256')
    .update(
      JSON.stringify(
        Object.keys(row)
          .sort()
          .map((k) => [k, row[k] instanceof Buffer ? (row[k] as Buffer).toString('hex') : row[k]]),
      ),
    )
    .digest('hex');

export function sqliteRows(file: string): TableRows {
  const db = new SQLite(file, { readonly: true });
  try {
    const tables = (
      db
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
        .all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    return Object.fromEntries(
      tables.map((t) => [
        t,
        (db.prepare(`select * from "${t}"`).all() as Record<string, unknown>[]).map(rowHash).sort(),
      ]),
    );
  } finally {
    db.close();
  }
}

export async function pgRows(url: string): Promise<TableRows> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows: tables } = await c.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
    );
    const out: TableRows = {};
    for (const { name } of tables)
      out[name] = (await c.query(`select * from "${name}"`)).rows.map(rowHash).sort();
    return out;
  } finally {
    await c.end();
  }
}

/** Count and checksum (sha256 over the sorted row hashes) of each table. */
export function checksums(rows: TableRows): Record<string, { rows: number; sha256: string }> {
  return Object.fromEntries(
    Object.entries(rows)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([t, hashes]) => [
        t,
        { rows: hashes.length, sha256: crypto.createHash('sha256').update(hashes.join('\n')).digest('hex') },
      ]),
  );
}

/** The CLI (`yingshang …`) with the given environment; throws on a non-zero exit. */
export function cli(args: string[], env: Record<string, string>): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0)
    throw new Error(`yingshang ${args.join(' ')}: exit ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/**
 * Writers that keep creating investors (an insert and an audit row in one transaction) until
 * stopped; `acknowledged` holds the ids the server confirmed with 201.
 */
export function writers(client: HttpClient, count: number, tag: string) {
  const acknowledged: string[] = [];
  const names = new Map<string, string>();
  let sent = 0;
  let failed = 0;
  let stop = false;
  const loops = Array.from({ length: count }, async (_, w) => {
    for (let i = 0; !stop; i++) {
      sent++;
      try {
        const name = `${tag}-${w}-${i}`;
        const res = await client.send('POST', '/api/v1/investors', {
          name,
          foreignRegNo: name,
          country: 'SG',
        });
        if (res.status === 201) {
          const { id } = (await res.json()) as { id: string };
          acknowledged.push(id);
          names.set(id, name);
        } else failed++;
      } catch {
        failed++;
      }
    }
  });
  return {
    acknowledged,
    /** The name each acknowledged id was created with. */
    names,
    stats: () => ({ sent, failed, acknowledged: acknowledged.length }),
    async stop() {
      stop = true;
      await Promise.all(loops);
    },
  };
}
