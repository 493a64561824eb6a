/**
 * A generated pipeline alone (apps/server/src/modules/demo/generate-projects.ts), for the bench or for
 * trying the app on a big pipeline:
 *
 *   DATA_DIR=/tmp/ys node --import tsx bench/generate.ts 100000 [--seed 20260531] [--as-of YYYY-MM-DD]
 *   DATABASE_URL=postgres://… node --import tsx bench/generate.ts 1000000
 *   (npm run bench:generate -- 100000)
 */
import { parseArgs } from 'node:util';
import { openDatabase, seed } from '../apps/server/src/boot.js';
import { loadConfig } from '../apps/server/src/config.js';
import { formatStats, generateProjects } from '../apps/server/src/modules/demo/generate-projects.js';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { seed: { type: 'string' }, 'as-of': { type: 'string' } },
  });
  const count = Number(positionals[0]);
  if (!Number.isInteger(count) || count < 1) {
    console.error('usage: node --import tsx bench/generate.ts COUNT [--seed N] [--as-of YYYY-MM-DD]');
    process.exit(1);
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await seed(database, config, { demo: false });
    console.log(
      `generating ${count.toLocaleString('en')} projects into ${config.databaseUrl ? 'PostgreSQL' : config.sqlitePath}`,
    );
    const stats = await generateProjects(database, config, {
      count,
      seed: values.seed ? Number(values.seed) : undefined,
      asOf: values['as-of'],
      log: console.log,
    });
    console.log(formatStats(stats));
  } finally {
    await database.close();
  }
}

await main().catch((err: unknown) => {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
