import { loadConfig } from '../src/config.js';
import type { DbHandle } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createPasswordHasher } from '../src/kernel/password.js';
import { seedOrganisations } from '../src/modules/orgs/seed.js';
import { seedDemo } from '../src/seed/demo/accounts.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** SQLite: path of the template file; PostgreSQL: name of the template database; null: skip. */
    dbTemplate: string | null;
  }
}

/** Every test database starts as a copy of one migrated, seeded template. */
export const TEST_PASSWORD = 'Demo12345678';

export function testConfig(overrides: Record<string, string> = {}) {
  return loadConfig({
    ...process.env,
    PASSWORD_HASHING: 'fast',
    LOGIN_RATE_LIMIT: '100000',
    WEB_DIST: '',
    LOG_LEVEL: 'silent',
    ...overrides,
  });
}

export async function prepareTemplate(database: DbHandle): Promise<void> {
  await migrateToLatest(database.db, database.dialect);
  await seedOrganisations(database.db);
  await seedDemo(database.db, createPasswordHasher('fast'), TEST_PASSWORD, { generated: false });
}
