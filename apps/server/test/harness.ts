import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { buildApp } from '../src/app.js';
import { createDb, type DbHandle } from '../src/db/database.js';
import { TEST_PASSWORD, testConfig } from './template.js';

export { TEST_PASSWORD };
export const DB_KIND = (process.env.DB_KIND ?? 'sqlite') as 'sqlite' | 'postgres';
const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** `describe` when this project's database is there, `describe.skip` (announced by global setup) when not. */
export const describeApi: typeof describe = inject('dbTemplate')
  ? describe
  : (describe.skip as typeof describe);

export interface TestApp {
  app: FastifyInstance;
  database: DbHandle;
  /** Signs in a demo (or any) user and returns a client that carries cookie and CSRF token. */
  login(username: string, password?: string): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

export interface Client {
  csrf: string;
  cookie: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

function client(app: FastifyInstance, cookie = '', csrf = ''): Client {
  const request = (opts: InjectOptions) =>
    app.inject({
      ...opts,
      headers: {
        ...(cookie && { cookie }),
        ...(csrf && { 'x-csrf-token': csrf }),
        ...opts.headers,
      },
    });
  return {
    csrf,
    cookie,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body) =>
      request({ method: 'POST', url, ...(body !== undefined && { payload: body as object }) }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: body as object }),
    put: (url, body) => request({ method: 'PUT', url, payload: body as object }),
  };
}

/** A fresh database (a copy of the migrated, seeded template) and an app on it. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const template = inject('dbTemplate');
  if (!template) throw new Error('no test database template');
  const suffix = crypto.randomBytes(4).toString('hex');
  let database: DbHandle;
  let databaseUrl = '';
  let drop: () => Promise<void>;
  if (DB_KIND === 'postgres') {
    const name = `ys_t_${template.slice(7)}_${suffix}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    databaseUrl = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
    database = createDb({ databaseUrl, sqlitePath: '', poolSize: 5 });
    drop = async () => {
      const a = new pg.Client({ connectionString: PG_ADMIN_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  } else {
    const file = path.join(path.dirname(template), `t-${suffix}.sqlite`);
    fs.copyFileSync(template, file);
    database = createDb({ databaseUrl: null, sqlitePath: file });
    drop = async () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ys-api-'));
  const config = testConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, ...env });
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return {
    app,
    database,
    anonymous: () => client(app),
    async login(username, password = TEST_PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return client(app, cookie, res.json().csrfToken);
    },
    async close() {
      await app.close();
      await database.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Looks up a unit's id by its code (division code, zone code, department code). */
export async function unitId(t: TestApp, code: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('orgUnits')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Ids of units by their codes, under the same keys: `unitIds(t, { linfen: '141000' })`. */
export async function unitIds<K extends string>(
  t: TestApp,
  codes: Record<K, string>,
): Promise<Record<K, string>> {
  const out = {} as Record<K, string>;
  for (const [k, code] of Object.entries(codes) as [K, string][]) out[k] = await unitId(t, code);
  return out;
}

/** A unit's materialised path. */
export async function unitPath(t: TestApp, id: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('orgUnits')
    .select('path')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.path;
}

/** The active cities, counties and zones directly under a unit, in the order of the org tree. */
export const childRegionsOf = (t: TestApp, id: string) =>
  t.database.db
    .selectFrom('orgUnits')
    .select(['id', 'path'])
    .where('parentId', '=', id)
    .where('kind', 'in', ['city', 'county', 'zone'])
    .where('active', '=', 1)
    .orderBy('sort')
    .orderBy('code')
    .execute();

export async function userId(t: TestApp, username: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Row counts of every table: "nothing changed" means these are equal before and after. */
export async function tableCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = [
    'org_units',
    'users',
    'audit_log',
    'notifications',
    'outbox',
    'investors',
    'projects',
    'project_investors',
    'project_events',
    'factor_needs',
    'project_promises',
    'project_funds',
    'region_targets',
    'appeals',
    'appeal_events',
    'appeal_meetings',
    'appeal_meeting_enterprises',
    'holiday_schedules',
    'appeal_sla_rules',
    'officials',
    'activities',
    'activity_officials',
    'activity_investors',
    'activity_signings',
    'rectification_campaigns',
    'rectification_problems',
    'rectification_tasks',
    'rectification_task_units',
    'rectification_reports',
    'rectification_verifications',
    'rectification_events',
    'rectification_arrears',
    'rectification_repayments',
    'rectification_reminders',
    'incentive_rates',
    'incentive_catalogue_items',
    'incentive_applications',
    'incentive_arrivals',
    'incentive_events',
    'incentive_payments',
  ] as const;
  const out: Record<string, number> = {};
  for (const table of tables) {
    const r = await t.database.db
      .selectFrom(table as never)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number((r as { n: number }).n);
  }
  return out;
}

/** A multipart/form-data body with one file field named "file", for app.inject. */
export function multipart(fileName: string, data: Buffer, field = 'file') {
  const boundary = `----ys${Date.now().toString(16)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, data, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
