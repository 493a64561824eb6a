import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from './app.js';
import { announceDemo, openDatabase, seed } from './boot.js';
import { loadConfig } from './config.js';
import { startAppealSweep } from './modules/appeals/sweep.js';
import { deleteExpiredSessions } from './modules/auth/session.repository.js';
import { loggingSender, startOutboxWorker } from './modules/notifications/outbox.js';
import { startRectificationSweep } from './modules/rectification/rectification.sweep.js';
import { ports } from './ports.js';

/** config → database (migrated, seeded with demo data on first start) → app → listen. */
const config = loadConfig();
const database = await openDatabase(config);
const { accounts, password, projects, records } = await seed(database, config, {
  demo: process.env.SEED_DEMO !== 'false',
});
const app = await buildApp({ config, database });

if (accounts.length > 0 && password) {
  console.log(`\n${announceDemo(config, accounts, password)}`);
  if (projects > 0)
    console.log(
      `${projects} generated demo projects across Shanxi's cities, counties and zones, with ` +
        `${records.activities ?? 0} activities, ${records.appeals ?? 0} appeals, ` +
        `${records.rectification_tasks ?? 0} rectification tasks and ` +
        `${records.incentive_applications ?? 0} incentive applications\n`,
    );
} else if (fs.existsSync(path.join(config.dataDir, 'DEMO-LOGINS.txt'))) {
  app.log.info(`demo logins: ${path.join(config.dataDir, 'DEMO-LOGINS.txt')}`);
}

const outbox = startOutboxWorker(database.db, database.dialect, loggingSender(app.log));
const appealSweep = startAppealSweep({ ...database, ports }, app.log);
const rectificationSweep = startRectificationSweep({ ...database, ports }, app.log);
const sweep = setInterval(
  () => void deleteExpiredSessions(database.db, new Date().toISOString()).catch(() => {}),
  3600_000,
);
sweep.unref();

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down: finishing in-flight requests');
  outbox.stop();
  appealSweep.stop();
  rectificationSweep.stop();
  clearInterval(sweep);
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.port, host: config.host });
console.log(
  `营商通 is running at http://localhost:${config.port}  (database: ${database.dialect.name}, API docs: /api/docs)`,
);
