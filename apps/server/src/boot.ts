import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';
import { createDb, type DbHandle } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createPasswordHasher, generatePassword } from './kernel/password.js';
import { ensureRollups } from './kernel/rollups.js';
import { seedOrganisations } from './modules/orgs/seed.js';
import { ROLLUP_SOURCES } from './rollup-sources.js';
import { type DemoAccount, seedDemo } from './seed/demo/accounts.js';
import { loadDemoCampaign } from './seed/demo/campaign.js';
import { generateProjects } from './seed/demo/generate-projects.js';
import { generateRecords } from './seed/demo/generate-records.js';
import { seedOfficeWork } from './seed/demo/office-work.js';

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: Config): Promise<DbHandle> {
  const database = createDb({
    ...config,
    onIdleError: (err) =>
      console.error(`database: idle connection lost (${err.message}); reconnecting on demand`),
  });
  await migrateToLatest(database.db, database.dialect);
  for (const { source, rows } of await ensureRollups(database, ROLLUP_SOURCES))
    console.log(`roll-ups: ${source} counted in (${rows} rows)`);
  return database;
}

/**
 * Loads the Shanxi organisation tree and, when asked, the demo enterprises and accounts; with the
 * accounts (the first time only) a generated pipeline of config.demoProjects projects and the
 * records around it (generate-records.ts).
 */
export async function seed(database: DbHandle, config: Config, opts: { demo: boolean }) {
  const units = await seedOrganisations(database.db);
  let accounts: DemoAccount[] = [];
  let password: string | null = null;
  let projects = 0;
  let records: Record<string, number> = {};
  if (opts.demo) {
    password = config.demoPassword ?? generatePassword();
    accounts = await seedDemo(database.db, createPasswordHasher(config.passwordHashing), password, {
      generated: !config.demoPassword,
    });
    if (accounts.length > 0 && config.demoProjects > 0 && !(await hasProjects(database))) {
      projects = (await generateProjects(database, config, { count: config.demoProjects, rollups: false }))
        .projects;
      // and the history around them, so every module and the dashboard have something to show:
      // activities, appeals, rectification tasks and incentive applications in proportion
      records = (await generateRecords(database, config)).rows;
      // and, through the services, what the demo accounts' own offices have on their desks
      records.office_work = await seedOfficeWork(
        database,
        `${projects} 个项目，${records.activities ?? 0} 项招商活动，${records.appeals ?? 0} 件企业诉求，${records.rectification_tasks ?? 0} 项整改任务，${records.incentive_applications ?? 0} 件惠企申请`,
      );
    }
    // the seed's rectification campaign with its nine problems (once: skipped when it exists)
    await loadDemoCampaign(database.db);
  }
  return { units, accounts, password: accounts.length > 0 ? password : null, projects, records };
}

const hasProjects = async (database: DbHandle) =>
  !!(await database.db.selectFrom('projects').select('id').limit(1).executeTakeFirst());

/** Prints the demo logins once and keeps them in data/DEMO-LOGINS.txt (readable by the owner only). */
export function announceDemo(config: Config, accounts: DemoAccount[], password: string): string {
  const lines = [
    '营商通 demo accounts (password for all of them below):',
    ...accounts.map((a) => `  ${a.username.padEnd(14)} ${a.role.padEnd(15)} ${a.unit} · ${a.displayName}`),
    `  password: ${password}`,
  ];
  const text = `${lines.join('\n')}\n`;
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(path.join(config.dataDir, 'DEMO-LOGINS.txt'), text, { mode: 0o600 });
  return text;
}
