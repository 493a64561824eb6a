import { APPEAL_STATUSES } from '@yingshang/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeApi, type TestApp } from '../../../test/harness.js';
import { testConfig } from '../../../test/template.js';
import { verifyRollups } from '../../kernel/rollups.js';
import { beijingToday } from '../../lib/days.js';
import { ROLLUP_SOURCES } from '../../rollup-sources.js';
import { generateProjects } from './generate-projects.js';
import { generateRecords, type RecordsStats } from './generate-records.js';

const today = beijingToday();

/** Rows of a query that must find none (each one a broken rule), with a few for the message. */
async function violations(t: TestApp, query: ReturnType<typeof sql>) {
  const { rows } = await query.execute(t.database.db);
  return rows;
}

describeApi('generated records (bench data)', () => {
  let t: TestApp;
  let stats: RecordsStats;

  beforeAll(async () => {
    t = await createTestApp();
    const config = testConfig();
    await generateProjects(t.database, config, { count: 2000, asOf: today });
    stats = await generateRecords(t.database, config, { asOf: today });
  }, 600_000);
  afterAll(() => t?.close());

  it('adds the records in the ratios of the issue', () => {
    expect(stats.rows.activities).toBe(400);
    expect(stats.rows.appeals).toBe(4000);
    expect(stats.rows.rectification_tasks).toBe(100);
    expect(stats.rows.incentive_applications).toBeGreaterThan(30);
    expect(stats.rows.incentive_applications).toBeLessThanOrEqual(40);
    expect(stats.rows.activity_signings).toBeGreaterThan(0);
    expect(stats.sourceProjects).toBeGreaterThan(0);
    expect(stats.rows.officials).toBeGreaterThan(0);
  });

  it('puts every record in its region: region_path is the path of its region', async () => {
    for (const table of ['appeals', 'activities', 'incentive_applications', 'appeal_meetings'] as const) {
      const bad = await violations(
        t,
        sql`select r.id from ${sql.table(table)} r join org_units o on o.id = r.region_id
            where r.region_path <> o.path limit 5`,
      );
      expect(bad, table).toEqual([]);
    }
    // the appeal's enterprise is under the office (its county or zone, or the city above it)
    const enterprises = await violations(
      t,
      sql`select a.id from appeals a join org_units e on e.id = a.enterprise_id
          where e.kind <> 'enterprise' or substr(e.path, 1, length(a.region_path)) <> a.region_path limit 5`,
    );
    expect(enterprises).toEqual([]);
    const departments = await violations(
      t,
      sql`select a.id from appeals a join org_units d on d.id = a.department_id join org_units p on p.id = d.parent_id
          where d.kind <> 'department' or substr(a.region_path, 1, length(p.path)) <> p.path limit 5`,
    );
    expect(departments).toEqual([]);
    const officials = await violations(
      t,
      sql`select f.id from officials f join org_units o on o.id = f.org_unit_id
          where f.org_path <> o.path or f.level <> o.kind limit 5`,
    );
    expect(officials).toEqual([]);
    const tasks = await violations(
      t,
      sql`select k.id from rectification_tasks k
          join rectification_task_units z on z.task_id = k.id and z.role = 'zone' and z.position = 0
          join rectification_campaigns c on c.id = k.campaign_id
          where k.region_path <> z.org_path or k.deadline_on > c.deadline_on limit 5`,
    );
    expect(tasks).toEqual([]);
  });

  it('signs only signed projects, at an activity of their region that began on or before the signing', async () => {
    const bad = await violations(
      t,
      sql`select s.project_id from activity_signings s
          join activities a on a.id = s.activity_id join projects p on p.id = s.project_id
          where p.signed_on is null or a.start_on > p.signed_on
            or substr(p.region_path, 1, length(a.region_path)) <> a.region_path limit 5`,
    );
    expect(bad).toEqual([]);
    const sources = await violations(
      t,
      sql`select p.id from projects p join activities a on a.id = p.source_activity_id
          where a.start_on > p.created_on or substr(p.region_path, 1, length(a.region_path)) <> a.region_path
          limit 5`,
    );
    expect(sources).toEqual([]);
  });

  it('dates every appeal in the order of its flow, none after today', async () => {
    const bad = await violations(
      t,
      sql`select id, status from appeals where
            filed_on > ${today} or accept_due_on < filed_on
            or accepted_on < filed_on or accepted_on > ${today}
            or assigned_on < accepted_on or signed_on < assigned_on
            or answer_due_on <= accepted_on or answered_on < signed_on or answered_on > ${today}
            or closed_on < filed_on or closed_on > ${today}
            or (status in ('closed', 'rejected', 'merged') and closed_on is null)
            or (status in ('answered', 'closed') and (answered_on is null or answer_working_days is null))
            or (status in ('submitted', 'accepted', 'assigned', 'handling') and due_on is null)
            or (status not in ('submitted', 'accepted', 'assigned', 'handling') and due_on is not null)
            or (answered_on_time = 1 and answered_on > answer_due_on)
          limit 5`,
    );
    expect(bad).toEqual([]);
    const { rows } = await sql<{ status: string; n: number }>`
      select status, count(*) as n from appeals group by status`.execute(t.database.db);
    const statuses = rows.map((r) => r.status);
    expect(APPEAL_STATUSES).toEqual(expect.arrayContaining(statuses));
    expect(statuses).toEqual(expect.arrayContaining(['closed', 'rejected', 'handling', 'answered']));
    const overdue = await sql<{ n: number }>`
      select count(*) as n from appeals where due_on < ${today} and overdue_since is not null`.execute(
      t.database.db,
    );
    expect(Number(overdue.rows[0].n)).toBeGreaterThan(0);
  });

  it('pays incentive applications no more than approved, and tasks progress to their status', async () => {
    const paid = await violations(
      t,
      sql`select a.id from incentive_applications a
          where a.paid_fen > coalesce(a.approved_fen, 0)
            or a.paid_fen <> coalesce((select sum(p.amount_fen) from incentive_payments p where p.application_id = a.id), 0)
            or (a.status = 'paid' and a.paid_fen <> a.approved_fen)
            or a.submitted_on > ${today} limit 5`,
    );
    expect(paid).toEqual([]);
    const tasks = await violations(
      t,
      sql`select id from rectification_tasks where (status <> 'open' and (progress <> 100 or verification <> 'passed'))
            or (status = 'closed' and closed_on is null) or (status <> 'closed' and closed_on is not null) limit 5`,
    );
    expect(tasks).toEqual([]);
  });

  it('keeps the roll-ups of every source equal to a recount', async () => {
    expect(ROLLUP_SOURCES.length).toBeGreaterThan(0);
    for (const source of ROLLUP_SOURCES) {
      const v = await verifyRollups(t.database.db, source);
      expect(v.differences.slice(0, 5), source.name).toEqual([]);
      expect(v.rows, source.name).toBeGreaterThan(0);
    }
  }, 300_000);
});
