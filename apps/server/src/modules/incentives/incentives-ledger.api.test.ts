import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  describeApi,
  multipart,
  type TestApp,
  tableCounts,
  unitId,
} from '../../../test/harness.js';
import { verifyRollups, withRollups } from '../../kernel/rollups.js';
import { addDays, beijingToday } from '../../lib/days.js';
import { NINE_PROBLEMS } from '../../seed/demo/campaign.js';
import { rectificationRollups } from '../rectification/rollups.repository.js';
import { incentiveRollups } from './rollups.repository.js';

/**
 * Figures equal to the records, the promise ledger with its way into the rectification campaign,
 * the catalogue and its Excel import, industry-transfer matching.
 */
const today = beijingToday();
const POLICY = 'sx-2023-east-manufacturing-transfer';

describeApi('incentives: figures, ledger, catalogue, matching', () => {
  let t: TestApp;
  let admin: Client;
  let ent: Client;
  let zone: Client;
  let city: Client;
  let catalogueItemId: string;
  let paidId: string;
  let unpaidId: string;

  const apply = async (ref: string, on: string, usd: number) => {
    const res = await ent.post('/api/v1/incentives/applications', {
      policyId: POLICY,
      kind: 'capital_arrival',
      foreignInvested: true,
      registeredProvince: '44',
      catalogueItemId,
      regionId: await unitId(t, 'Z14100001'),
      arrivals: [{ bankReceiptNo: ref, receivedOn: on, currency: 'USD', amount: usd * 100 }],
      materials: [{ kind: 'arrival_receipt', name: '进账单' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const approveAll = async (id: string) => {
    for (const c of [zone, city, admin]) {
      const cur = (await c.get(`/api/v1/incentives/applications/${id}`)).json();
      const r = await c.post(`/api/v1/incentives/applications/${id}/review`, {
        version: cur.version,
        decision: 'approve',
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    return (await admin.get(`/api/v1/incentives/applications/${id}`)).json();
  };

  beforeAll(async () => {
    t = await createTestApp();
    [admin, ent, zone, city] = await Promise.all(
      ['admin', 'enterprise', 'lfkfq', 'linfen'].map((u) => t.login(u)),
    );
    for (const day of ['2025-03-03', '2025-06-02'])
      await admin.post('/api/v1/incentives/rates', { day, rate: '7.1000' });
    catalogueItemId = (
      await t.database.db.selectFrom('incentiveCatalogueItems').select('id').executeTakeFirstOrThrow()
    ).id;
    const paid = await approveAll((await apply('LEDGER-0001', '2025-03-03', 10_000_000)).id);
    const pay = await admin.post(`/api/v1/incentives/applications/${paid.id}/payments`, {
      version: paid.version,
      paidOn: today,
      amountFen: paid.approvedFen,
      voucherNo: 'GK-LEDGER-1',
    });
    expect(pay.statusCode, pay.body).toBe(200);
    paidId = paid.id;
    unpaidId = (await approveAll((await apply('LEDGER-0002', '2025-06-02', 12_000_000)).id)).id;
    await apply('LEDGER-0003', '2025-06-02', 11_000_000);
  });
  afterAll(() => t.close());

  /** Time passes: a due day moves into the past (no API writes the past), inside withRollups as any write. */
  const backdate = (id: string, set: { stageDueOn?: string; payDueOn?: string }) =>
    t.database.db
      .transaction()
      .execute((trx) =>
        withRollups(trx, { source: incentiveRollups, ids: [id] }, () =>
          trx.updateTable('incentiveApplications').set(set).where('id', '=', id).execute(),
        ),
      );

  it('counts figures per city and policy equal to the records', async () => {
    const res = await admin.get(`/api/v1/incentives/figures?from=${today.slice(0, 4)}-01-01&to=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    const rows = await t.database.db.selectFrom('incentiveApplications').selectAll().execute();
    expect(f.total).toMatchObject({
      applications: rows.length,
      approved: rows.filter((r) => ['approved', 'partly_paid', 'paid'].includes(r.status)).length,
      paid: 1,
      paidFen: rows.reduce((s, r) => s + Number(r.paidFen), 0),
      approvedFen: rows.reduce((s, r) => s + Number(r.approvedFen ?? 0), 0),
      medianDaysToPayment: 0,
      overdueReviews: 0,
    });
    const linfen = f.rows.find((r: { regionName: string }) => r.regionName === '临汾市');
    expect(linfen).toMatchObject({ policyId: POLICY, applications: 3, approved: 2, paid: 1 });
    expect(f.rows.filter((r: { applications: number }) => r.applications > 0)).toHaveLength(1);
    // a city reads its own area; another city's figures are not there to read
    const cityFig = (await city.get('/api/v1/incentives/figures')).json();
    expect(cityFig.regionName).toBe('临汾市');
    expect(
      cityFig.rows.find((r: { regionName: string }) => r.regionName === '临汾经济开发区').applications,
    ).toBe(3);
    const taiyuan = await t.login('taiyuan');
    expect(
      (await taiyuan.get(`/api/v1/incentives/figures?regionId=${await unitId(t, '141000')}`)).statusCode,
    ).toBe(404);
  });

  it('lists overdue reviews in the figures once a step passes its deadline', async () => {
    const pending = await t.database.db
      .selectFrom('incentiveApplications')
      .select(['id'])
      .where('status', '=', 'county_review')
      .executeTakeFirstOrThrow();
    await backdate(pending.id, { stageDueOn: addDays(today, -10) });
    const f = (await admin.get('/api/v1/incentives/figures')).json();
    expect(f.total.overdueReviews).toBe(1);
    expect(f.overdue.map((o: { id: string; sla: string }) => [o.id, o.sla])).toEqual([
      [pending.id, 'overdue'],
    ]);
  });

  it('keeps the promise ledger: unpaid rewards as obligations, overdue ones become a rectification task once', async () => {
    const ledger = (await city.get('/api/v1/incentives/obligations')).json();
    const reward = ledger.items.find((i: { id: string }) => i.id === unpaidId);
    expect(reward).toMatchObject({ kind: 'reward', overdue: false, ownerName: '临汾市商务局', taskId: null });
    expect(ledger.items.some((i: { id: string }) => i.id === paidId)).toBe(false);
    // the enterprise sees its own unpaid reward only
    const own = (await ent.get('/api/v1/incentives/obligations')).json();
    expect(own.items.map((i: { kind: string }) => i.kind)).toEqual(['reward']);

    const campaign = (
      await admin.post('/api/v1/rectification/campaigns', {
        title: '开发区营商环境整改提升行动（奖励兑付测试）',
        issuingBody: '山西省',
        startOn: addDays(today, -30),
        deadlineOn: addDays(today, 60),
        scopeOrgIds: [await unitId(t, '140000')],
        problems: [...NINE_PROBLEMS],
      })
    ).json();
    const body = { campaignId: campaign.id, deadlineOn: addDays(today, 30) };
    const early = await city.post(`/api/v1/rectification/incentives/${unpaidId}/task`, body);
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'INCENTIVE_OBLIGATION_NOT_OVERDUE']);
    await backdate(unpaidId, { payDueOn: addDays(today, -5) });
    const overdue = (await city.get('/api/v1/incentives/obligations?overdueOnly=true')).json();
    expect(overdue.items.find((i: { id: string }) => i.id === unpaidId)).toMatchObject({
      overdue: true,
      daysOverdue: 5,
    });
    const res = await city.post(`/api/v1/rectification/incentives/${unpaidId}/task`, body);
    expect(res.statusCode, res.body).toBe(201);
    const task = res.json();
    expect(task).toMatchObject({ source: 'overdue_incentive' });
    expect(task.issue).toContain('已逾期 5 天');
    const problem = campaign.problems.find((p: { id: string }) => p.id === task.problemId);
    expect(problem.name).toContain('惠企政策');
    const again = await city.post(`/api/v1/rectification/incentives/${unpaidId}/task`, body);
    expect(again.json().error.code).toBe('TASK_EXISTS_FOR_SOURCE');
    expect(
      (await city.get('/api/v1/incentives/obligations'))
        .json()
        .items.find((i: { id: string }) => i.id === unpaidId).taskId,
    ).toBe(task.id);
    const taiyuan = await t.login('taiyuan');
    expect((await taiyuan.post(`/api/v1/rectification/incentives/${unpaidId}/task`, body)).statusCode).toBe(
      404,
    );
  });

  it('ships a cited part of the 2022 catalogue and imports the full list from Excel, every row or none', async () => {
    const shipped = (await ent.get('/api/v1/incentives/catalogue?version=2022&manufacturing=true')).json();
    expect(shipped.items[0]).toMatchObject({
      name: '镁、铝等有色金属精深加工',
      part: 'central_western',
      province: '14',
      manufacturing: true,
    });
    expect(shipped.items[0].source).toContain('国家发展改革委、商务部令第52号');

    const book = async (rows: (string | number)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('目录');
      ws.addRow(['鼓励外商投资产业目录（2022年版）']);
      ws.addRow(['版本', '目录部分', '省份', '章节', '序号', '条目名称', '是否制造业', '行业代码']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const upload = async (c: Client, data: Buffer) =>
      c.request({
        method: 'POST',
        url: '/api/v1/incentives/catalogue/import',
        ...multipart('目录.xlsx', data),
      });

    const before = await tableCounts(t);
    const bad = await upload(
      admin,
      await book([
        ['2022', '全国', '', '三、制造业', 1, '条目甲', '是', '13'],
        ['2022', '东部', '', '三、制造业', 2, '条目乙', '也许', 'X9'],
      ]),
    );
    expect(bad.statusCode, bad.body).toBe(200);
    expect(bad.json()).toMatchObject({ created: 0, updated: 0 });
    expect(bad.json().errors[0].row).toBe(4);
    expect(await tableCounts(t)).toEqual(before);
    const notXlsx = await upload(admin, Buffer.from('not a workbook'));
    expect(notXlsx.json().error.code).toBe('CATALOGUE_IMPORT_INVALID');
    expect((await upload(ent, await book([]))).statusCode).toBe(403);

    const good = await upload(
      admin,
      await book([
        ['2022', '全国', '', '三、制造业', 1, '条目甲', '是', '13'],
        ['2022', '中西部', '山西省', '山西省', 3, '条目丙', '否', ''],
      ]),
    );
    expect(good.json()).toMatchObject({ version: '2022', created: 2, updated: 0, errors: [] });
    const again = await upload(
      admin,
      await book([['2022', '全国', '', '三、制造业', 1, '条目甲（修订）', '是', '13']]),
    );
    expect(again.json()).toMatchObject({ created: 0, updated: 1 });
    const listed = (await admin.get('/api/v1/incentives/catalogue?q=条目')).json();
    expect(listed.items.map((i: { name: string }) => i.name).sort()).toEqual(['条目丙', '条目甲（修订）']);
  });

  it('ranks cities and zones for a project’s industry and traits, with the reasons', async () => {
    const res = await city.post('/api/v1/incentives/matching', { industryCode: '1810', traits: [] });
    expect(res.statusCode, res.body).toBe(200);
    const top = res
      .json()
      .ranking.slice(0, 3)
      .map((r: { regionName: string }) => r.regionName);
    expect(top).toEqual(expect.arrayContaining(['运城市', '临汾市']));
    expect(res.json().ranking[0].reasons).toContain('trait:labour_intensive');
    const green = (
      await city.post('/api/v1/incentives/matching', { traits: ['green_low_carbon', 'technology_intensive'] })
    ).json();
    expect(green.ranking[0]).toMatchObject({ kind: 'zone' });
    expect(green.ranking[0].reasons).toContain('national_zone');
    const bad = await city.post('/api/v1/incentives/matching', { traits: ['heavy_pollution'] });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps the incentive and rectification roll-ups equal to a recount after everything above', async () => {
    for (const source of [incentiveRollups, rectificationRollups]) {
      const check = await verifyRollups(t.database.db, source);
      expect(check.differences, source.name).toEqual([]);
      expect(check.rows, source.name).toBeGreaterThan(0);
    }
  });
});
