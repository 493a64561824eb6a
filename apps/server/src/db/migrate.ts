import { type Kysely, type Migration, Migrator } from 'kysely';
import type { Dialect } from './dialect.js';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-projects.js';
import * as m0003 from './migrations/0003-project-list-index.js';
import * as m0004 from './migrations/0004-project-figures.js';
import * as m0005 from './migrations/0005-activities.js';
import * as m0006 from './migrations/0006-appeals.js';
import * as m0007 from './migrations/0007-rectification.js';
import * as m0008 from './migrations/0008-project-rollups.js';
import * as m0009 from './migrations/0009-incentives.js';
import * as m0010 from './migrations/0010-region-targets.js';
import * as m0011 from './migrations/0011-rollups.js';
import * as m0012 from './migrations/0012-department-codes.js';
import * as m0013 from './migrations/0013-report-revisions.js';
import * as m0014 from './migrations/0014-import-mappings.js';
import * as m0015 from './migrations/0015-appeal-event-occurred-on.js';
import * as m0016 from './migrations/0016-project-search-index.js';
import * as m0017 from './migrations/0017-cache-versions.js';

/**
 * One append-only migration set for both databases: each migration is given the dialect
 * (as atproto's PDS does) so the few differences stay explicit. Never edit a landed one.
 */
const MIGRATIONS: Record<string, { up(db: Kysely<unknown>, dialect: Dialect): Promise<void> }> = {
  '0001-foundation': m0001,
  '0002-projects': m0002,
  '0003-project-list-index': m0003,
  '0004-project-figures': m0004,
  '0005-activities': m0005,
  '0006-appeals': m0006,
  '0007-rectification': m0007,
  '0008-project-rollups': m0008,
  '0009-incentives': m0009,
  '0010-region-targets': m0010,
  '0011-rollups': m0011,
  '0012-department-codes': m0012,
  '0013-report-revisions': m0013,
  '0014-import-mappings': m0014,
  '0015-appeal-event-occurred-on': m0015,
  '0016-project-search-index': m0016,
  '0017-cache-versions': m0017,
};

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect): Promise<string[]> {
  const migrations: Record<string, Migration> = {};
  for (const [name, m] of Object.entries(MIGRATIONS)) migrations[name] = { up: (d) => m.up(d, dialect) };
  // Modules are built side by side and land in any order: a migration numbered below one already
  // run still runs (each touches its own tables).
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
