import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  describeApi,
  type TestApp,
  tableCounts,
  unitId,
} from '../../../test/harness.js';
import { addDays, beijingToday } from '../../lib/days.js';
import { ports } from '../../ports.js';
import { sweepRectification } from './rectification.sweep.js';

const today = beijingToday();

describeApi('SOE arrears ledger (清欠台账) and the deadline sweep', () => {
  let t: TestApp;
  let linfen: Client;
  let yaodu: string;

  const debt = (patch: Record<string, unknown> = {}) => ({
    debtorName: '临汾市国有资本投资运营有限公司',
    creditorName: '临汾市某建材有限公司',
    creditorCreditCode: '91110000802100433B',
    contract: 'LF-2025-001 建材采购合同',
    regionId: yaodu,
    amountFen: 500_000_00,
    dueOn: addDays(today, -10),
    ...patch,
  });

  beforeAll(async () => {
    t = await createTestApp();
    linfen = await t.login('linfen');
    yaodu = await unitId(t, '141002');
  });
  afterAll(() => t.close());

  it('keeps repayments, refuses one above the balance and clears only at zero', async () => {
    const res = await linfen.post('/api/v1/rectification/arrears', debt());
    expect(res.statusCode, res.body).toBe(201);
    let a = res.json();
    expect(a).toMatchObject({
      status: 'outstanding',
      outstandingFen: 500_000_00,
      overdue: true,
      regionName: '尧都区',
    });
    const url = `/api/v1/rectification/arrears/${a.id}/repayments`;
    const before = await tableCounts(t);
    const refused: [Record<string, unknown>, number, string][] = [
      [{ version: a.version, paidOn: today, amountFen: 500_000_01 }, 400, 'REPAYMENT_EXCEEDS_BALANCE'],
      [{ version: a.version, paidOn: addDays(today, 1), amountFen: 1 }, 400, 'REPAYMENT_DATE_INVALID'],
      [{ version: a.version, paidOn: today, amountFen: 0 }, 400, 'VALIDATION_FAILED'],
      [{ version: a.version + 5, paidOn: today, amountFen: 1 }, 409, 'VERSION_CONFLICT'],
    ];
    for (const [body, status, code] of refused) {
      const r = await linfen.post(url, body);
      expect([r.statusCode, r.json().error.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect(await tableCounts(t)).toEqual(before);
    a = (
      await linfen.post(url, { version: a.version, paidOn: addDays(today, -3), amountFen: 200_000_00 })
    ).json();
    expect(a).toMatchObject({ status: 'partly_repaid', repaidFen: 200_000_00, outstandingFen: 300_000_00 });
    a = (
      await linfen.post(url, { version: a.version, paidOn: today, amountFen: 300_000_00, note: '结清' })
    ).json();
    expect(a).toMatchObject({ status: 'cleared', outstandingFen: 0, clearedOn: today, overdue: false });
    expect(a.repayments.map((p: { amountFen: number }) => p.amountFen)).toEqual([200_000_00, 300_000_00]);
    const after = await linfen.post(url, { version: a.version, paidOn: today, amountFen: 1 });
    expect([after.statusCode, after.json().error.code]).toEqual([409, 'ARREAR_CLEARED']);
    const audit = (await linfen.get(`/api/v1/audit?entity=repayment`)).json();
    expect(audit.total).toBe(2);
  });

  it('refuses bad records, lists in scope and sums by debtor and region', async () => {
    const before = await tableCounts(t);
    const bad: [Record<string, unknown>, number, string][] = [
      [{ creditorCreditCode: '91110000802100433X' }, 400, 'CREDIT_CODE_INVALID'],
      [{ regionId: await unitId(t, '140105') }, 400, 'REGION_INVALID'],
      [{ amountFen: -5 }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [patch, status, code] of bad) {
      const r = await linfen.post('/api/v1/rectification/arrears', debt(patch));
      expect([r.statusCode, r.json().error.code], JSON.stringify(patch)).toEqual([status, code]);
    }
    expect(await tableCounts(t)).toEqual(before);
    await linfen.post('/api/v1/rectification/arrears', debt({ amountFen: 80_000_00 }));
    await linfen.post(
      '/api/v1/rectification/arrears',
      debt({
        debtorName: '临汾市城市建设投资集团',
        regionId: await unitId(t, 'Z14100001'),
        amountFen: 30_000_00,
      }),
    );
    const f = (await linfen.get('/api/v1/rectification/arrears/figures')).json();
    expect(f.totals).toMatchObject({
      count: 3,
      cleared: 1,
      amountFen: 610_000_00,
      outstandingFen: 110_000_00,
    });
    expect(f.byDebtor[0]).toMatchObject({
      debtorName: '临汾市国有资本投资运营有限公司',
      count: 2,
      outstandingFen: 80_000_00,
    });
    expect(f.byRegion.map((r: { regionName: string }) => r.regionName).sort()).toEqual(
      ['临汾经济开发区', '尧都区'].sort(),
    );
    const list = (await linfen.get('/api/v1/rectification/arrears?status=outstanding')).json();
    expect(list.total).toBe(2);
    const found = (
      await linfen.get(`/api/v1/rectification/arrears?q=${encodeURIComponent('城市建设')}`)
    ).json();
    expect(found.total).toBe(1);
    const taiyuan = await t.login('taiyuan');
    expect((await taiyuan.get('/api/v1/rectification/arrears')).json().total).toBe(0);
    expect((await taiyuan.get(`/api/v1/rectification/arrears/${list.items[0].id}`)).statusCode).toBe(404);
    for (const q of ["' OR 1=1 --", '%', '_']) {
      const r = await linfen.get(`/api/v1/rectification/arrears?q=${encodeURIComponent(q)}`);
      expect([r.statusCode, r.json().total], q).toEqual([200, 0]);
      const tasks = await linfen.get(`/api/v1/rectification/tasks?q=${encodeURIComponent(q)}`);
      expect([tasks.statusCode, tasks.json().total], q).toEqual([200, 0]);
    }
    for (const url of [
      '/api/v1/rectification/tasks?status=lost',
      '/api/v1/rectification/tasks?pageSize=1000',
    ]) {
      expect((await linfen.get(url)).statusCode, url).toBe(400);
    }
  });

  it('exports the filtered arrears of the caller’s area, the list’s rows and amounts in 万元', async () => {
    const sheet = async (c: Client, q: Record<string, string> = {}) => {
      const res = await c.get(`/api/v1/rectification/arrears/export.xlsx?${new URLSearchParams(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const header = (ws.getRow(2).values as unknown[]).slice(1).map(String);
      const rows: Record<string, unknown>[] = [];
      ws.eachRow((row, n) => {
        if (n > 2)
          rows.push(Object.fromEntries(header.map((h, i) => [h, (row.values as unknown[])[i + 1] ?? null])));
      });
      return rows;
    };
    for (const q of [{}, { status: 'outstanding' }, { q: '城市建设' }] as Record<string, string>[]) {
      const list = (
        await linfen.get(`/api/v1/rectification/arrears?${new URLSearchParams({ pageSize: '100', ...q })}`)
      ).json();
      const rows = await sheet(linfen, q);
      expect(rows.map((r) => r.编号).sort(), JSON.stringify(q)).toEqual(
        list.items.map((a: { code: string }) => a.code).sort(),
      );
      for (const a of list.items as { code: string; outstandingFen: number; amountFen: number }[]) {
        const row = rows.find((r) => r.编号 === a.code)!;
        expect(row['欠款金额（万元）']).toBe(a.amountFen / 1_000_000);
        expect(row['未清偿（万元）']).toBe(a.outstandingFen / 1_000_000);
        expect(row.应付日期).toBeInstanceOf(Date);
      }
    }
    expect((await sheet(linfen, { status: 'cleared' }))[0]).toMatchObject({ 状态: '已清偿' });
    expect(await sheet(await t.login('taiyuan'))).toEqual([]);
    const bad = await linfen.get('/api/v1/rectification/arrears/export.xlsx?status=lost');
    expect(bad.statusCode).toBe(400);
  });

  it('reminds before the deadline and notices overdue tasks once a day, whoever runs the sweep', async () => {
    const admin = await t.login('admin');
    const campaign = (
      await admin.post('/api/v1/rectification/campaigns', {
        title: '提醒测试行动',
        issuingBody: '山西省',
        startOn: addDays(today, -60),
        deadlineOn: addDays(today, 60),
        scopeOrgIds: [await unitId(t, '140000')],
        problems: ['企业服务形式化'],
      })
    ).json();
    const task = (
      await admin.post('/api/v1/rectification/tasks', {
        campaignId: campaign.id,
        problemId: campaign.problems[0].id,
        issue: '包联服务不到位',
        measures: '建立包联台账',
        leadOrgId: await unitId(t, 'Z14100001'),
        coopOrgIds: [await unitId(t, 'D14100007')],
        zoneIds: [await unitId(t, 'Z14100001')],
        deadlineOn: addDays(today, 3),
      })
    ).json();
    const lfkfq = await t.login('lfkfq');
    const zrzy = await t.login('linfen_zrzy');
    const titles = async (c: Client) =>
      (await c.get('/api/v1/notifications?pageSize=50')).json().items.map((n: { title: string }) => n.title);
    // three days before: a reminder to the lead unit; two processes at once still send one
    const runs = await Promise.all([
      sweepRectification({ db: t.database.db, ports }, today),
      sweepRectification({ db: t.database.db, ports }, today),
    ]);
    expect(runs.reduce((s, r) => s + r.dueSoon, 0)).toBe(1);
    expect((await titles(lfkfq)).filter((x: string) => x.includes('临期提醒'))).toHaveLength(1);
    // two days before: nothing
    expect(await sweepRectification({ db: t.database.db, ports }, addDays(today, 1))).toEqual({
      dueSoon: 0,
      overdue: 0,
    });
    // the day after the deadline: overdue to lead and cooperating units; again a week later
    expect((await sweepRectification({ db: t.database.db, ports }, addDays(today, 4))).overdue).toBe(1);
    expect((await sweepRectification({ db: t.database.db, ports }, addDays(today, 4))).overdue).toBe(0);
    expect((await sweepRectification({ db: t.database.db, ports }, addDays(today, 5))).overdue).toBe(0);
    expect((await sweepRectification({ db: t.database.db, ports }, addDays(today, 11))).overdue).toBe(1);
    expect((await titles(zrzy)).filter((x: string) => x.includes('整改任务逾期'))).toHaveLength(2);
    const notes = (await lfkfq.get('/api/v1/notifications')).json().items;
    expect(notes[0].body).toContain('逾期 8 天');
    expect(notes[0].link).toBe(`/rectification/tasks/${task.id}`);
  });
});
