import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve(import.meta.dirname, '../bin/yingshang.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ys-cli-'));
const env = {
  ...process.env,
  DATA_DIR: dir,
  DATABASE_URL: '',
  PASSWORD_HASHING: 'fast',
  DEMO_PASSWORD: 'Demo12345678',
  DEMO_PROJECTS: '300',
};
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
const usernames = () => {
  const db = new SQLite(path.join(dir, 'yingshang.sqlite'), { readonly: true });
  try {
    return (db.prepare('select username from users order by username').all() as { username: string }[]).map(
      (r) => r.username,
    );
  } finally {
    db.close();
  }
};

describe('admin CLI (SQLite)', { timeout: 60_000 }, () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('migrates, seeds the demo and writes the logins file', () => {
    expect(run('migrate').stdout).toContain('up to date');
    const seeded = run('seed', '--demo');
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toMatch(/organisation units added: \d{4}/);
    expect(seeded.stdout).toContain('linfen_zrzy');
    expect(seeded.stdout).toContain('demo projects generated: 300');
    expect(fs.readFileSync(path.join(dir, 'DEMO-LOGINS.txt'), 'utf8')).toContain('password: Demo12345678');
    const again = run('seed', '--demo').stdout;
    expect(again).toContain('organisation units added: 0');
    expect(again).not.toContain('demo projects generated');
    const db = new SQLite(path.join(dir, 'yingshang.sqlite'), { readonly: true });
    try {
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      expect(count('select count(*) n from projects')).toBe(300);
      // the demo accounts' offices have work entered through the services: audited under their names
      expect(count('select count(*) n from rectification_arrears')).toBe(7);
      expect(count('select count(*) n from rectification_repayments')).toBeGreaterThan(5);
      expect(count(`select count(*) n from appeal_meetings where title like '%政企早餐会（第%期）'`)).toBe(6);
      expect(
        count(`select count(*) n from audit_log where action = 'repay' and actor_name is not null`),
      ).toBeGreaterThan(5);
      expect(
        count(`select count(*) n from audit_log where action = 'seed' and summary like '%未逐条审计%'`),
      ).toBe(1);
      // the campaign under way: its document number, a period begun months ago, tasks with reports
      expect(
        count(
          `select count(*) n from rectification_campaigns where doc_number like '晋政办发%' and start_on < date('now', '-90 days')`,
        ),
      ).toBeGreaterThan(0);
      // every derived column as the service keeps it: funds and promises carry their project's region
      expect(
        count(`select count(*) n from project_funds f join projects p on p.id = f.project_id
               where f.region_path is not p.region_path`),
      ).toBe(0);
    } finally {
      db.close();
    }
  });

  it('a generated demo password must be changed at first sign-in; a DEMO_PASSWORD one is kept', () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'ys-cli-gen-'));
    try {
      const seeded = spawnSync(process.execPath, [bin, 'seed', '--demo'], {
        env: { ...env, DATA_DIR: other, DEMO_PASSWORD: '', DEMO_PROJECTS: '0' },
        encoding: 'utf8',
      });
      expect(seeded.status, seeded.stderr).toBe(0);
      const flags = (file: string) => {
        const db = new SQLite(file, { readonly: true });
        try {
          return (
            db.prepare('select distinct must_change_password f from users').all() as { f: number }[]
          ).map((r) => r.f);
        } finally {
          db.close();
        }
      };
      expect(flags(path.join(other, 'yingshang.sqlite'))).toEqual([1]);
      expect(flags(path.join(dir, 'yingshang.sqlite'))).toEqual([0]);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('verifies the pipeline roll-ups against a full recount, and repairs them', () => {
    const ok = run('verify-rollups');
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain('the roll-ups equal a full recount');
    const db = new SQLite(path.join(dir, 'yingshang.sqlite'));
    try {
      db.prepare(
        `update rollups set n = n + 1 where (source, region_path, metric, period) =
           (select source, region_path, metric, period from rollups
             where source = 'projects' and metric = 'signed' limit 1)`,
      ).run();
    } finally {
      db.close();
    }
    const bad = run('verify-rollups');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toMatch(/signed: stored \d+\/\d+\/0 ≠ recount/);
    expect(bad.stdout).toContain('1 differences');
    expect(run('verify-rollups', '--repair').status).toBe(0);
    expect(run('verify-rollups').stdout).toContain('the roll-ups equal a full recount');
  });

  it('creates users and refuses bad ones with a clear message', () => {
    const ok = run(
      'user',
      'create',
      '--username',
      'quwo',
      '--name',
      '曲沃县招商员',
      '--unit',
      '141021',
      '--role',
      'county_staff',
    );
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/created quwo \(county_staff\) in 曲沃县; password: \w{12}/);
    const badUnit = run(
      'user',
      'create',
      '--username',
      'x1',
      '--name',
      'x',
      '--unit',
      '999',
      '--role',
      'county_staff',
    );
    expect([badUnit.status, badUnit.stderr.trim()]).toEqual([1, 'error: no unit with code 999']);
    const badRole = run(
      'user',
      'create',
      '--username',
      'x2',
      '--name',
      'x',
      '--unit',
      '141021',
      '--role',
      'city_bureau',
    );
    expect(badRole.status).toBe(1);
    expect(badRole.stderr).toContain('ROLE_NOT_ALLOWED');
    expect(usernames()).toContain('quwo');
    expect(usernames()).not.toContain('x2');
  });

  it('backs up online and restores the copy', () => {
    const backup = path.join(dir, 'backup.sqlite');
    expect(run('backup', backup).status).toBe(0);
    run(
      'user',
      'create',
      '--username',
      'later',
      '--name',
      '后来者',
      '--unit',
      '141021',
      '--role',
      'county_staff',
    );
    expect(usernames()).toContain('later');
    expect(run('restore', backup).status).toBe(0);
    expect(usernames()).not.toContain('later');
    expect(usernames()).toContain('quwo');
    const junk = path.join(dir, 'junk.sqlite');
    execFileSync(process.execPath, [
      '-e',
      `require('fs').writeFileSync(${JSON.stringify(junk)}, 'not a database')`,
    ]);
    const refused = run('restore', junk);
    expect(refused.status).toBe(1);
    expect(usernames()).toContain('quwo');
  });
});
