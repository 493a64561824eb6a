import { setTimeout as sleep } from 'node:timers/promises';
import { CellBag } from '@yingshang/rules';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  DB_KIND,
  describeApi,
  multipart,
  type TestApp,
} from '../../../test/harness.js';
import { verifyRollups } from '../../kernel/rollups.js';
import { addDays, beijingToday } from '../../lib/days.js';
import { projectRollups } from './rollups.repository.js';

/**
 * Issue 21: a large import is written in batches (PostgreSQL: inside one transaction; SQLite: a
 * transaction per batch, see projects-import.service.ts). What it writes must be what a row-by-row
 * import writes, requests must be answered while it writes, and a batch that fails must leave the
 * state the service documents.
 */
const today = beijingToday();
const HEADERS = [
  '序号',
  '项目名称',
  '所在地',
  '行业代码',
  '总投资（万元）',
  '投资方',
  '投资方统一社会信用代码',
  '阶段',
  '签约日期',
  '开工日期',
  '投产日期',
];
const PLACES = ['尧都区', '侯马市', '临汾经开区', '曲沃县', '翼城县', '襄汾县'];
const INVESTORS: [string, string][] = [
  ['北京晋能科技有限公司', '91110108MA01A2B3CF'],
  ['苏州明光照明有限公司', '91320500MA1MX8K9P0'],
  ['深圳鹏城新材料有限公司', '91440300MA5F3TQ2XE'],
  ['临汾粮丰农业有限公司', '91141000MA0LF00015'],
];
const STAGES = ['线索', '在谈', '签约', '开工', '投产'] as const;
const STEPS: Record<(typeof STAGES)[number], string[]> = {
  线索: [],
  在谈: ['negotiating'],
  签约: ['negotiating', 'signed'],
  开工: ['negotiating', 'signed', 'started'],
  投产: ['negotiating', 'signed', 'started', 'producing'],
};

interface Spec {
  name: string;
  stage: (typeof STAGES)[number];
  signed: string;
  started: string;
  producing: string;
}

/** `n` rows of varied places, investors, stages and dates over the last two years. */
function specs(prefix: string, n: number): Spec[] {
  return Array.from({ length: n }, (_, i) => {
    const signed = addDays(today, -(60 + ((i * 37) % 600)));
    const started = addDays(signed, (i * 13) % 40);
    return {
      name: `${prefix}${String(i).padStart(5, '0')}`,
      stage: STAGES[i % STAGES.length],
      signed,
      started,
      producing: addDays(started, (i * 7) % 30),
    };
  });
}

async function ledger(rows: Spec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['临汾市招商项目台账（批量）']);
  ws.addRow(HEADERS);
  rows.forEach((r, i) => {
    const reached = STEPS[r.stage].length;
    const [investor, code] = INVESTORS[i % INVESTORS.length];
    ws.addRow([
      i + 1,
      r.name,
      PLACES[i % PLACES.length],
      ['2521', '3825', '3874', '1311'][i % 4],
      1000 + (i % 97) * 10,
      investor,
      code,
      r.stage,
      reached >= 2 ? r.signed : null,
      reached >= 3 ? r.started : null,
      reached >= 4 ? r.producing : null,
    ]);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Job {
  id: string;
  status: string;
  phase: string;
  total: number | null;
  rowsWritten: number;
  created: number;
  updated: number;
  skipped: number;
  errors: { row: number; column: string | null; message: string }[];
  code: string | null;
}

describeApi('project import at scale: batches, requests served meanwhile, a failure part way', () => {
  let t: TestApp;
  let linfen: Client;

  const start = async (file: Buffer) => {
    const res = await linfen.request({
      method: 'POST',
      url: '/api/v1/projects/import?mode=commit',
      ...multipart('批量台账.xlsx', file),
    });
    expect(res.statusCode, res.body).toBe(202);
    return res.json().id as string;
  };
  const job = async (id: string): Promise<Job> => (await linfen.get(`/api/v1/projects/import/${id}`)).json();
  const settle = async (id: string) => {
    for (let i = 0; i < 3000; i++) {
      const j = await job(id);
      if (j.status !== 'running') return j;
      await sleep(20);
    }
    throw new Error('import did not finish');
  };
  const named = (prefix: string) =>
    t.database.db
      .selectFrom('projects')
      .select(['id', 'name', 'status', 'signedOn', 'startedOn', 'producingOn'])
      .where('name', 'like', `${prefix}%`)
      .orderBy('name')
      .execute();
  /** The projects' roll-up rows, keyed path|period|metric. */
  const rollupRows = async () =>
    new Map(
      (await t.database.db.selectFrom('rollups').selectAll().where('source', '=', 'projects').execute()).map(
        (r) => [`${r.regionPath}|${r.period}|${r.metric}`, [Number(r.n), Number(r.fen), Number(r.days)]],
      ),
    );

  beforeAll(async () => {
    t = await createTestApp({ BACKDATE_LIMITS: 'city_bureau=none' });
    linfen = await t.login('linfen');
  });
  afterAll(() => t.close());

  it('writes a large file in batches: the projects, stage histories and roll-ups of a row-by-row import', async () => {
    const n = 1500;
    const rows = specs('批量-', n);
    const file = await ledger(rows);
    const before = await rollupRows();
    const id = await start(file);

    // While it writes, progress is stored batch by batch and other requests are answered.
    const stored = new Set<number>();
    let answeredWhileWriting = false;
    for (;;) {
      const j = await job(id);
      if (j.status !== 'running') break;
      if (j.phase === 'writing') {
        const row = await t.database.db
          .selectFrom('importJobs')
          .select('rowsWritten')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        if (row.rowsWritten > 0 && row.rowsWritten < n) stored.add(row.rowsWritten);
        const health = await t.app.inject({ method: 'GET', url: '/api/health' });
        expect(health.statusCode).toBe(200);
        const after = await job(id);
        if (after.status === 'running' && after.phase === 'writing' && after.rowsWritten < n)
          answeredWhileWriting = true;
      }
      await sleep(5);
    }
    expect(stored.size, 'progress stored between batches').toBeGreaterThan(1);
    expect(answeredWhileWriting).toBe(true);

    const end = await job(id);
    expect(end).toMatchObject({
      status: 'done',
      code: null,
      created: n,
      updated: 0,
      skipped: 0,
      rowsWritten: n,
    });
    const projects = await named('批量-');
    expect(projects.map((p) => p.name)).toEqual(rows.map((r) => r.name));

    // Each project's stage history is the steps its row implies, dated as written.
    const events = await t.database.db
      .selectFrom('projectEvents')
      .select(['projectId', 'fromStatus', 'toStatus', 'eventOn'])
      .where(
        'projectId',
        'in',
        projects.map((p) => p.id),
      )
      .orderBy('projectId')
      .orderBy('id')
      .execute();
    const byProject = new Map<string, string[]>();
    for (const e of events)
      byProject.set(e.projectId, [
        ...(byProject.get(e.projectId) ?? []),
        `${e.fromStatus}>${e.toStatus}@${e.eventOn}`,
      ]);
    rows.forEach((r, i) => {
      const dates: Record<string, string> = {
        negotiating: r.signed,
        signed: r.signed,
        started: r.started,
        producing: r.producing,
      };
      const steps = STEPS[r.stage];
      const expected = steps.map((to, k) => `${k === 0 ? 'lead' : steps[k - 1]}>${to}@${dates[to]}`);
      if (r.stage === '在谈') expected[0] = `lead>negotiating@${today}`; // no date given: today
      expect(byProject.get(projects[i].id) ?? [], r.name).toEqual(expected);
      expect(projects[i].status).toBe(steps.at(-1) ?? 'lead');
    });
    const audits = await t.database.db
      .selectFrom('auditLog')
      .select(sql<number>`count(*)`.as('n'))
      .where('entity', '=', 'project')
      .where('action', '=', 'import')
      .where(
        'entityId',
        'in',
        projects.map((p) => p.id),
      )
      .executeTakeFirstOrThrow();
    expect(Number(audits.n)).toBe(n);

    // The roll-ups moved by exactly what each project contributes, as a row-by-row write adds it
    // (withRollups: the cells after, less none before) — and agree with a full recount.
    const after = await rollupRows();
    const expected = new CellBag();
    for (const record of (
      await projectRollups.load(
        t.database.db,
        projects.map((p) => p.id),
      )
    ).values())
      expected.addAll(projectRollups.cells(record));
    const want = new Map(
      expected.cells().map((c) => [`${c.path}|${c.period}|${c.metric}`, [c.n, c.fen, c.days]]),
    );
    const got = new Map<string, number[]>();
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const a = after.get(key) ?? [0, 0, 0];
      const b = before.get(key) ?? [0, 0, 0];
      const d = a.map((v, k) => v - b[k]);
      if (d.some((v) => v !== 0)) got.set(key, d);
    }
    expect(got.size).toBeGreaterThan(100);
    expect(got).toEqual(want);
    expect((await verifyRollups(t.database.db, projectRollups)).differences).toEqual([]);
  });

  it('a batch that fails part way: SQLite keeps the batches before it and says so, PostgreSQL keeps nothing', async () => {
    const n = 1200;
    const rows = specs('中断-', n);
    const file = await ledger(rows);
    const failing = rows[900].name;
    // A database error on one row's insert (as a full disk or a lost connection would give).
    if (DB_KIND === 'sqlite')
      await sql
        .raw(
          `create trigger import_boom before insert on projects when new.name = '${failing}' begin select raise(abort, 'boom'); end`,
        )
        .execute(t.database.db);
    else {
      await sql
        .raw(
          `create function import_boom() returns trigger language plpgsql as $$ begin if new.name = '${failing}' then raise exception 'boom'; end if; return new; end $$`,
        )
        .execute(t.database.db);
      await sql
        .raw(
          'create trigger import_boom before insert on projects for each row execute function import_boom()',
        )
        .execute(t.database.db);
    }
    const end = await settle(await start(file));
    const written = await named('中断-');
    const stored = await t.database.db
      .selectFrom('importJobs')
      .selectAll()
      .where('id', '=', end.id)
      .executeTakeFirstOrThrow();
    if (DB_KIND === 'sqlite') {
      // The batches before the failing one are saved and counted; the rest is not written.
      expect(end).toMatchObject({ status: 'failed', code: 'IMPORT_PARTIAL', updated: 0 });
      expect(end.rowsWritten).toBeGreaterThan(0);
      expect(end.rowsWritten).toBeLessThanOrEqual(900);
      expect(end.created).toBe(end.rowsWritten);
      expect(written.map((p) => p.name)).toEqual(rows.slice(0, end.rowsWritten).map((r) => r.name));
      expect([stored.status, stored.rowsWritten, stored.createdCount]).toEqual([
        'failed',
        end.rowsWritten,
        end.rowsWritten,
      ]);
      const last = end.errors.at(-1)!;
      expect(last.row).toBe(3 + end.rowsWritten); // header on row 2, data from row 3
      expect(last.message).toContain(`前 ${end.rowsWritten} 行已保存`);
    } else {
      // One transaction: nothing is written.
      expect(end).toMatchObject({ status: 'failed', code: 'INTERNAL', created: 0, rowsWritten: 0 });
      expect(written).toHaveLength(0);
      expect([stored.status, stored.rowsWritten]).toEqual(['failed', 0]);
    }
    expect((await verifyRollups(t.database.db, projectRollups)).differences).toEqual([]);

    // Once the cause is gone, the same file completes the import: rows already written are skipped.
    await sql
      .raw(`drop trigger import_boom${DB_KIND === 'postgres' ? ' on projects' : ''}`)
      .execute(t.database.db);
    const again = await settle(await start(file));
    expect(again).toMatchObject({
      status: 'done',
      code: null,
      created: n - written.length,
      updated: 0,
      skipped: written.length,
    });
    expect((await named('中断-')).map((p) => p.name)).toEqual(rows.map((r) => r.name));
    expect((await verifyRollups(t.database.db, projectRollups)).differences).toEqual([]);
  });

  it('a job whose process died after writing some batches is failed with what it saved', async () => {
    const at = new Date(Date.now() - 2 * 3600_000).toISOString();
    const actor = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'linfen')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('importJobs')
      .values({
        id: 'dead-part-way',
        kind: 'projects',
        mode: 'commit',
        status: 'running',
        phase: 'writing',
        actorId: actor.id,
        fileName: 'big.xlsx',
        fileSha256: '0',
        total: 20_000,
        rowsRead: 20_000,
        rowsChecked: 20_000,
        rowsWritten: 7_000,
        createdCount: 7_000,
        errorsJson: JSON.stringify({ code: null, errorCount: 0, errors: [] }),
        createdAt: at,
        updatedAt: at,
      })
      .execute();
    expect(await job('dead-part-way')).toMatchObject({
      status: 'failed',
      code: 'IMPORT_PARTIAL',
      rowsWritten: 7_000,
      created: 7_000,
    });
  });
});
