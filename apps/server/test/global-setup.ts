import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb } from '../src/db/database.js';
import { prepareTemplate } from './template.js';

export const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const root = path.resolve(import.meta.dirname, '../../..');

async function sqliteTemplate(): Promise<{ name: string; teardown: () => Promise<void> }> {
  const dir = path.join(root, '.tmp/test');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `template-${process.pid}.sqlite`);
  fs.rmSync(file, { force: true });
  const database = createDb({ databaseUrl: null, sqlitePath: file });
  await prepareTemplate(database);
  database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
  await database.close();
  return { name: file, teardown: async () => fs.rmSync(file, { force: true }) };
}

async function postgresTemplate(): Promise<{ name: string; teardown: () => Promise<void> } | null> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    if (process.env.REQUIRE_PG === '1') {
      throw new Error(`REQUIRE_PG=1 but PostgreSQL is unreachable at ${PG_ADMIN_URL}: ${String(err)}`);
    }
    console.warn(
      `\n!!! PostgreSQL is unreachable at ${PG_ADMIN_URL}: the api-postgres suite is SKIPPED. Set REQUIRE_PG=1 to fail instead.\n`,
    );
    return null;
  }
  const name = `ys_tpl_${crypto.randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  const database = createDb({ databaseUrl: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`), sqlitePath: '' });
  await prepareTemplate(database);
  await database.close();
  return {
    name,
    teardown: async () => {
      const { rows } = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like $1`,
        [`ys_t_${name.slice(7)}_%`],
      );
      for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export default async function setup(project: TestProject) {
  const kind = project.config.env?.DB_KIND;
  const template = kind === 'postgres' ? await postgresTemplate() : await sqliteTemplate();
  project.provide('dbTemplate', template?.name ?? null);
  return async () => template?.teardown();
}
