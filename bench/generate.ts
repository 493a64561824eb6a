/**
 * A generated pipeline and the records around it (apps/server/src/seed/demo/generate-projects.ts,
 * then generate-records.ts: activities, appeals, rectification tasks, incentive applications), for the
 * bench or for trying the app on a big province:
 *
 *   DATA_DIR=/tmp/ys node --import tsx bench/generate.ts 100000 [--seed 20260531] [--as-of YYYY-MM-DD]
 *   DATABASE_URL=postgres://… node --import tsx bench/generate.ts 1000000
 *   --projects-only: the projects alone
 *   (npm run bench:generate -- 100000)
 */
import { parseArgs } from 'node:util';
import { openDatabase, seed } from '../apps/server/src/boot.js';
import { loadConfig } from '../apps/server/src/config.js';
import { formatStats, generateProjects } from '../apps/server/src/seed/demo/generate-projects.js';
import { formatRecordStats, generateRecords } from '../apps/server/src/seed/demo/generate-records.js';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      'as-of': { type: 'string' },
      'projects-only': { type: 'boolean' },
    },
  });
  const count = Number(positionals[0]);
  if (!Number.isInteger(count) || count < 1) {
    console.error(
      'usage: node --import tsx bench/generate.ts COUNT [--seed N] [--as-of YYYY-MM-DD] [--projects-only]',
    );
    process.exit(1);
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  const options = {
    seed: values.seed ? Number(values.seed) : undefined,
    asOf: values['as-of'],
    log: console.log,
  };
  try {
    await seed(database, config, { demo: false });
    console.log(
      `generating ${count.toLocaleString('en')} projects into ${config.databaseUrl ? 'PostgreSQL' : config.sqlitePath}`,
    );
    const rollups = values['projects-only'] === true; // else generateRecords counts every source
    console.log(formatStats(await generateProjects(database, config, { count, ...options, rollups })));
    if (!values['projects-only']) {
      console.log('generating the records around them (activities, appeals, rectification, incentives)');
      console.log(formatRecordStats(await generateRecords(database, config, options)));
    }
  } finally {
    await database.close();
  }
}

await main().catch((err: unknown) => {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
