import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { errorMessage, PERMISSIONS, ROLES, type Role } from '@yingshang/contracts';
import { announceDemo, openDatabase, seed } from './boot.js';
import { loadConfig } from './config.js';
import { openSqlite } from './db/database.js';
import { createPasswordHasher, generatePassword } from './kernel/password.js';
import { rebuildRollups, verifyRollups } from './kernel/rollups.js';
import type { Actor } from './lib/actor.js';
import { AppError } from './lib/app-error.js';
import { findOrgByCode } from './modules/orgs/orgs.repository.js';
import { findUserByUsername } from './modules/orgs/users.repository.js';
import { createUserService } from './modules/orgs/users.service.js';
import { ports } from './ports.js';
import { ROLLUP_SOURCES } from './rollup-sources.js';

const HELP = `营商通 admin CLI

  yingshang migrate                     bring the database schema up to date
  yingshang seed [--demo]               load the Shanxi organisation tree (and demo accounts)
  yingshang user create --username U --name NAME --unit CODE --role ROLE [--password P]
                                        create a user (a password is generated when omitted)
  yingshang user reset-password --username U
  yingshang verify-rollups [--repair]   recount the dashboard's roll-ups (pipeline, activities, appeals,
                                        incentives, rectification) and compare (or replace)
  yingshang backup FILE                 online copy of the SQLite database (PostgreSQL: pg_dump)
  yingshang restore FILE                replace the SQLite database with FILE (server stopped)

The database is ./data/yingshang.sqlite, or DATABASE_URL=postgres://… when set.`;

/** The command line acts as the province administrator, recorded as "命令行 (cli)" in the audit trail. */
const cliActor = (): Actor => ({
  userId: 'cli',
  username: 'cli',
  displayName: '命令行',
  roles: ['province_admin'],
  permissions: new Set(PERMISSIONS),
  orgUnit: { id: 'root', code: 'root', name: 'root', kind: 'province', path: '/' },
  locale: 'zh-CN',
  mustChangePassword: false,
  sessionId: '',
  csrfToken: '',
  requestId: null,
  ip: null,
});

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      username: { type: 'string' },
      name: { type: 'string' },
      unit: { type: 'string' },
      role: { type: 'string', multiple: true },
      password: { type: 'string' },
      repair: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub] = positionals;
  const config = loadConfig();
  if (!command || values.help) {
    console.log(HELP);
    return command ? 0 : 1;
  }

  if (command === 'backup' || command === 'restore') {
    const file = sub && path.resolve(sub);
    if (!file) throw new Error(`usage: yingshang ${command} FILE`);
    if (config.databaseUrl) return pgTool(command, file, config.databaseUrl);
    return command === 'backup'
      ? backupSqlite(config.sqlitePath, file)
      : restoreSqlite(file, config.sqlitePath);
  }

  const database = await openDatabase(config);
  try {
    if (command === 'migrate') {
      console.log('database is up to date');
      return 0;
    }
    if (command === 'verify-rollups') {
      let wrong = 0;
      for (const source of ROLLUP_SOURCES) {
        const { rows, expectedRows, differences } = await verifyRollups(database.db, source);
        console.log(`${source.name}: ${rows} roll-up rows stored, ${expectedRows} by a full recount`);
        for (const d of differences.slice(0, 20))
          console.log(
            `  ${d.key}: stored ${d.stored.join('/')} ≠ recount ${d.expected.join('/')} (n/fen/days)`,
          );
        if (differences.length === 0) continue;
        console.log(`  ${differences.length} differences`);
        wrong += 1;
        if (values.repair)
          console.log(`  repaired: ${await rebuildRollups(database, source)} rows from a recount`);
      }
      if (wrong === 0) console.log('the roll-ups equal a full recount');
      return wrong === 0 || values.repair ? 0 : 2;
    }
    if (command === 'seed') {
      const r = await seed(database, config, { demo: values.demo === true });
      console.log(`organisation units added: ${r.units}`);
      if (r.password) console.log(announceDemo(config, r.accounts, r.password));
      if (r.projects > 0) console.log(`demo projects generated: ${r.projects}`);
      else if (values.demo) console.log('demo accounts exist already');
      return 0;
    }
    if (command === 'user' && sub === 'create') {
      const { username, name, unit: code } = values;
      const roles = (values.role ?? []) as Role[];
      if (!username || !name || !code || roles.length === 0)
        throw new Error('user create needs --username --name --unit --role');
      const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (bad.length) throw new Error(`unknown role ${bad.join(', ')}; roles: ${ROLES.join(', ')}`);
      const unit = await findOrgByCode(database.db, code);
      if (!unit) throw new Error(`no unit with code ${code}`);
      const password = values.password ?? generatePassword(username);
      const users = createUserService({
        ...database,
        ports,
        hasher: createPasswordHasher(config.passwordHashing),
      });
      const user = await users.create(cliActor(), {
        username,
        displayName: name,
        orgUnitId: unit.id,
        roles,
        password,
      });
      console.log(
        `created ${user.username} (${user.roles.join(', ')}) in ${user.orgUnitName}; password: ${password}`,
      );
      console.log('the user must change it at first sign-in');
      return 0;
    }
    if (command === 'user' && sub === 'reset-password') {
      const row = values.username && (await findUserByUsername(database.db, values.username));
      if (!row) throw new Error(`no user ${values.username ?? ''}`);
      const users = createUserService({
        ...database,
        ports,
        hasher: createPasswordHasher(config.passwordHashing),
      });
      const { temporaryPassword } = await users.resetPassword(cliActor(), row.id);
      console.log(`temporary password for ${row.username}: ${temporaryPassword}`);
      return 0;
    }
    console.error(`unknown command: ${positionals.join(' ')}\n\n${HELP}`);
    return 1;
  } finally {
    await database.close();
  }
}

/** better-sqlite3's online backup: consistent while the server keeps writing. */
async function backupSqlite(source: string, file: string): Promise<number> {
  if (!fs.existsSync(source)) throw new Error(`no database at ${source}`);
  const db = openSqlite(source);
  try {
    await db.backup(file);
  } finally {
    db.close();
  }
  console.log(`backed up ${source} → ${file} (${fs.statSync(file).size} bytes)`);
  return 0;
}

/** Checks the backup, then puts it in place of the database. Stop the server first. */
function restoreSqlite(file: string, target: string): number {
  const check = openSqlite(file);
  try {
    const ok = check.pragma('integrity_check', { simple: true });
    const migrated = check
      .prepare("select count(*) as n from sqlite_master where name = 'kysely_migration'")
      .get() as { n: number };
    if (ok !== 'ok' || migrated.n !== 1)
      throw new Error(`${file} is not a 营商通 database (integrity: ${ok})`);
  } finally {
    check.close();
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  for (const f of [`${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(file, target);
  console.log(`restored ${file} → ${target}`);
  return 0;
}

/** PostgreSQL: pg_dump / pg_restore in custom format, when the client tools are installed. */
function pgTool(command: 'backup' | 'restore', file: string, url: string): number {
  const [tool, args] =
    command === 'backup'
      ? ['pg_dump', ['--format=custom', `--file=${file}`, url]]
      : ['pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${url}`, file]];
  const r = spawnSync(tool, args as string[], { stdio: 'inherit' });
  if (r.error) {
    console.error(
      `${tool} is not installed. Run it yourself:\n  pg_dump --format=custom --file=backup.dump "$DATABASE_URL"\n  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" backup.dump`,
    );
    return 2;
  }
  if (r.status === 0) console.log(`${command} ${command === 'backup' ? '→' : '←'} ${file}`);
  return r.status ?? 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    const message =
      err instanceof AppError
        ? `${err.code}: ${errorMessage(err.code, 'zh-CN')} ${JSON.stringify(err.details ?? '')}`
        : err instanceof Error
          ? err.message
          : String(err);
    console.error(`error: ${message}`);
    process.exit(1);
  },
);
