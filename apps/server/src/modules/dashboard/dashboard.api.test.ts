import { industrySectionName } from '@yingshang/rules';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  describeApi,
  type TestApp,
  tableCounts,
  unitId,
} from '../../../test/harness.js';
import { readModelChanged } from '../../kernel/read-cache.js';
import { addDays, beijingToday } from '../../lib/days.js';
import { shiftMonth } from './dashboard.service.js';

const today = beijingToday();
const d = (n: number) => addDays(today, -n);
const thisMonth = today.slice(0, 7);
/** The last day of a month (YYYY-MM). */
const monthEnd = (m: string) => addDays(`${shiftMonth(m, 1)}-01`, -1);

describeApi('dashboard API', () => {
  let t: TestApp;
  let linfen: Client;
  let yaodu: string;
  let quwo: string;
  let zone: string;

  beforeAll(async () => {
    // two years of history, entered by the city today
    t = await createTestApp({ BACKDATE_LIMITS: 'city_bureau=none' });
    linfen = await t.login('linfen');
    yaodu = await unitId(t, '141002');
    quwo = await unitId(t, '141021');
    zone = await unitId(t, 'Z14100001');
    const inv = (
      await linfen.post('/api/v1/investors', { name: '驾驶舱投资方', creditCode: '91110000802100433B' })
    ).json();
    const make = async (name: string, regionId: string, fen: number, stages: [string, number][]) => {
      let p = (
        await linfen.post('/api/v1/projects', {
          name,
          regionId,
          industryCode: '39',
          totalInvestmentFen: fen,
          projectType: 'new',
          investorIds: [inv.id],
        })
      ).json();
      for (const [to, ago] of stages) {
        const res = await linfen.post(`/api/v1/projects/${p.id}/stage`, {
          version: p.version,
          action: 'advance',
          to,
          date: d(ago),
        });
        expect(res.statusCode, res.body).toBe(200);
        p = res.json();
      }
      return p;
    };
    const post = async (id: string, path: string, body: Record<string, unknown>) => {
      const res = await linfen.post(`/api/v1/projects/${id}/${path}`, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const a = await make('甲', yaodu, 100_000_00, [
      ['negotiating', 500],
      ['signed', 420],
      ['started', 330],
      ['producing', 40],
    ]);
    await post(a.id, 'funds', { receivedOn: d(400), currency: 'CNY', amount: 30_000_00 });
    await post(a.id, 'funds', { receivedOn: d(20), currency: 'CNY', amount: 50_000_00 });
    const b = await make('乙', quwo, 200_000_00, [
      ['negotiating', 300],
      ['signed', 250],
    ]);
    await post(b.id, 'promises', { content: '三通一平', dueOn: d(100), responsibleOrgId: quwo });
    await post(b.id, 'factor-needs', { kind: 'land', dueOn: d(15), responsibleOrgId: quwo });
    await make('丙', zone, 300_000_00, [
      ['negotiating', 90],
      ['signed', 60],
      ['started', 25],
    ]);
    const ding = await make('丁', zone, 50_000_00, [['negotiating', 200]]);
    await linfen.post(`/api/v1/projects/${ding.id}/stage`, {
      version: ding.version,
      action: 'terminate',
      date: d(10),
      reason: '企业战略调整',
    });
    await make('戊', yaodu, 70_000_00, []);
  });
  afterAll(() => t.close());

  /** The same figures from the records themselves (the period figures scan the projects). */
  const scanned = async (regionId: string, from: string, to: string) => {
    const res = await linfen.get(
      `/api/v1/projects/figures?regionId=${regionId}&from=${from}-01&to=${to === thisMonth ? today : monthEnd(to)}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('equals the figures counted from the records, for any run of months and any region', async () => {
    const city = (await linfen.get('/api/v1/auth/me')).json().user.orgUnit.id as string;
    const runs: [string, string][] = [
      [shiftMonth(thisMonth, -11), thisMonth],
      [shiftMonth(thisMonth, -23), shiftMonth(thisMonth, -12)],
      [shiftMonth(thisMonth, -2), shiftMonth(thisMonth, -1)],
      [thisMonth, thisMonth],
    ];
    for (const regionId of [city, yaodu, quwo, zone])
      for (const [from, to] of runs) {
        const res = await linfen.get(`/api/v1/dashboard?regionId=${regionId}&from=${from}&to=${to}`);
        expect(res.statusCode, res.body).toBe(200);
        const dash = res.json().pipeline.current;
        const fig = await scanned(regionId, from, to);
        const label = `${regionId} ${from}..${to}`;
        expect(dash.byStatus, label).toEqual(fig.byStatus);
        expect(dash.newlySigned, label).toEqual(fig.newlySigned);
        expect([dash.newlyStarted.count, dash.newlyProducing.count], label).toEqual([
          fig.newlyStarted,
          fig.newlyProducing,
        ]);
        expect(
          [dash.signedTotal, dash.startRate, dash.productionRate, dash.fundsInPlaceRate, dash.fulfilmentRate],
          label,
        ).toEqual([
          fig.signedTotal,
          fig.startRate,
          fig.productionRate,
          fig.fundsInPlaceRate,
          fig.fulfilmentRate,
        ]);
      }
  });

  it('compares with the same months of last year, month by month and region by region', async () => {
    const from = shiftMonth(thisMonth, -11);
    const res = await linfen.get(`/api/v1/dashboard?from=${from}&to=${thisMonth}`);
    const dash = res.json();
    expect(dash.region.code).toBe('141000');
    expect(dash.lastYear).toEqual({ from: shiftMonth(from, -12), to: shiftMonth(thisMonth, -12) });
    const p = dash.pipeline;
    // 甲 signed 420 days ago: last year's window; 乙 and 丙 in this one
    expect(p.current.newlySigned).toEqual({ count: 2, investmentFen: 500_000_00 });
    expect(p.lastYear.newlySigned).toEqual({ count: 1, investmentFen: 100_000_00 });
    expect(p.trend).toHaveLength(12);
    const sum = (k: 'signed' | 'lastYearSigned') =>
      p.trend.reduce((s: number, m: Record<string, { count: number }>) => s + m[k].count, 0);
    expect([sum('signed'), sum('lastYearSigned')]).toEqual([2, 1]);
    expect(p.trend.reduce((s: number, m: { fundsFen: number }) => s + m.fundsFen, 0)).toBe(50_000_00);
    const byCode = Object.fromEntries(
      p.byRegion.map((r: { code: string; current: { newlySigned: { count: number } } }) => [
        r.code,
        r.current.newlySigned.count,
      ]),
    );
    expect(byCode).toMatchObject({ '141002': 0, '141021': 1, Z14100001: 1 });
    // 丙 started 35 days after signing, 甲 90 days: both within the twelve months
    expect(p.current.averageDays.signToStart).toBe(62.5);
    // now: 乙 signed 250 days ago and not started (stalled), and its land is overdue (blocked)
    expect(p.now).toEqual({ stalled: 1, blocked: 1, promisesOverdue: 1, asOf: today });
    const fig = await scanned(dash.region.id, thisMonth, thisMonth);
    expect([p.now.stalled, p.now.blocked]).toEqual([fig.stalled, fig.blocked]);
    // promises overdue as the promise ledger (招商承诺兑现) lists them
    const ledger = (await linfen.get('/api/v1/incentives/obligations?overdueOnly=true')).json();
    expect(ledger.items.filter((o: { kind: string }) => o.kind === 'promise')).toHaveLength(
      p.now.promisesOverdue,
    );
  });

  it('exports the same figures as a workbook, one sheet per section', async () => {
    const from = shiftMonth(thisMonth, -11);
    const dash = (await linfen.get(`/api/v1/dashboard?from=${from}&to=${thisMonth}`)).json();
    const res = await linfen.get(`/api/v1/dashboard/export.xlsx?from=${from}&to=${thisMonth}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('临汾市'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '概览',
      '各阶段',
      '逐月',
      '地区排名',
      '行业与来源',
      '招商活动',
      '企业诉求',
      '政策兑现',
      '整改台账',
    ]);
    // each module's sheet carries the dashboard's own figures
    const figure = (sheet: string, label: string) => {
      let found: unknown;
      wb.getWorksheet(sheet)!.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2).value;
      });
      return found;
    };
    expect(figure('招商活动', '主要领导外出招商（次）')).toBe(dash.activities.current.mainLeaderTrips);
    expect(figure('企业诉求', '收到诉求（件）')).toBe(dash.appeals.current.received);
    expect(figure('企业诉求', '当前逾期（件）')).toBe(dash.appeals.overdueNow);
    expect(figure('政策兑现', '申请（件）')).toBe(dash.incentives.current.applications);
    expect(figure('概览', '逾期未兑现承诺（当前，项）')).toBe(dash.pipeline.now.promisesOverdue);
    const industries = wb.getWorksheet('行业与来源')!;
    const top = dash.pipeline.byIndustry[0];
    expect(industries.getCell('A4').value).toBe(`${top.key} ${industrySectionName(top.key, 'zh-CN')}`);
    expect(industries.getCell('B4').value).toBe(top.count);
    expect(industries.getCell('C4').value).toBeCloseTo(top.investmentFen / 10_000_000_000, 4);
    const overview = wb.getWorksheet('概览')!;
    expect(overview.getCell('A1').value).toBe(`临汾市招商引资情况（${from} 至 ${thisMonth}）`);
    expect(overview.getRow(4).values).toEqual([
      undefined,
      '新签约项目（个）',
      dash.pipeline.current.newlySigned.count,
      dash.pipeline.lastYear.newlySigned.count,
      1,
    ]);
    expect(wb.getWorksheet('逐月')!.rowCount).toBe(3 + 12);
    const regions = wb.getWorksheet('地区排名')!;
    expect(regions.rowCount).toBe(3 + dash.pipeline.byRegion.length);
    expect(regions.getCell('B4').value).toBe('临汾经济开发区');
  });

  it('reports a month, the year to date and last year per county and zone, against annual targets', async () => {
    const year = Number(thisMonth.slice(0, 4));
    const report = async (c: Client = linfen) => {
      const res = await c.get(`/api/v1/dashboard/monthly?month=${thisMonth}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const before = await report();
    expect(before.rows[0]).toMatchObject({ code: '141000', target: null });
    const dash = (await linfen.get(`/api/v1/dashboard?from=${year}-01&to=${thisMonth}`)).json();
    expect(before.rows[0].yearToDate.signedCount).toBe(dash.pipeline.current.newlySigned.count);
    expect(before.rows[0].yearToDate.signedInvestmentFen).toBe(
      dash.pipeline.current.newlySigned.investmentFen,
    );
    const zoneRow = before.rows.find((r: { code: string }) => r.code === 'Z14100001');
    expect(zoneRow.yearToDate.signedCount + zoneRow.lastYearToDate.signedCount).toBeGreaterThanOrEqual(0);

    // the city sets its counties' targets, all or none; its own is set by the province
    const put = (c: Client, body: unknown) => c.put('/api/v1/dashboard/targets', body);
    const target = { signedCount: 10, signedInvestmentFen: 1_000_000_000_00, fundsFen: 300_000_000_00 };
    expect((await put(linfen, { year, targets: [{ regionId: yaodu, ...target }] })).statusCode).toBe(204);
    const counts = await tableCounts(t);
    const mixed = await put(linfen, {
      year,
      targets: [
        { regionId: quwo, ...target },
        { regionId: (await linfen.get('/api/v1/auth/me')).json().user.orgUnit.id, ...target },
      ],
    });
    expect(mixed.json().error.code).toBe('REGION_INVALID');
    expect(await tableCounts(t)).toEqual(counts);
    const taiyuan = await t.login('taiyuan');
    expect((await put(taiyuan, { year, targets: [{ regionId: quwo, ...target }] })).statusCode).toBe(404);
    const leader = await t.login('linfen_leader');
    expect((await put(leader, { year, targets: [{ regionId: quwo, ...target }] })).statusCode).toBe(403);

    const after = await report();
    const yaoduRow = after.rows.find((r: { code: string }) => r.code === '141002');
    expect(yaoduRow.target).toEqual({ ...target, version: 1 });
    const stale = await put(linfen, { year, targets: [{ regionId: yaodu, ...target, signedCount: 12 }] });
    expect(stale.statusCode).toBe(409);
    expect(
      (await put(linfen, { year, targets: [{ regionId: yaodu, ...target, signedCount: 12, version: 1 }] }))
        .statusCode,
    ).toBe(204);
    expect((await report()).rows.find((r: { code: string }) => r.code === '141002').target.signedCount).toBe(
      12,
    );
    const admin = await t.login('admin');
    const city = (await linfen.get('/api/v1/auth/me')).json().user.orgUnit.id;
    expect((await put(admin, { year, targets: [{ regionId: city, ...target }] })).statusCode).toBe(204);
    expect((await report()).rows[0].target.signedCount).toBe(10);

    // the same report as a workbook: one row per region in the page's order, 万元 and ratios as numbers
    const json = await report();
    const res = await linfen.get(`/api/v1/dashboard/monthly.xlsx?month=${thisMonth}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toContain(`招商引资月报（${thisMonth}`);
    expect(ws.rowCount).toBe(2 + json.rows.length);
    expect(ws.getCell('A3').value).toBe(`${json.rows[0].name}（合计）`);
    const row = (code: string) => 3 + json.rows.findIndex((r: { code: string }) => r.code === code);
    const y = json.rows.find((r: { code: string }) => r.code === '141002');
    expect(ws.getRow(row('141002')).getCell(1).value).toBe(y.name);
    expect(ws.getRow(row('141002')).getCell(6).value).toBe(y.yearToDate.signedCount);
    expect(ws.getRow(row('141002')).getCell(10).value).toBe(y.target.signedInvestmentFen / 1_000_000);
    expect(ws.getRow(row('141002')).getCell(12).value).toBe(y.yearToDate.signedCount / y.target.signedCount);
    const outside = await (await t.login('taiyuan')).get(
      `/api/v1/dashboard/monthly.xlsx?regionId=${yaodu}&month=${thisMonth}`,
    );
    expect(outside.statusCode).toBe(404);
  });

  it('counts a project stalled alike in the list, the period figures and the dashboard (more than 180 days)', async () => {
    const fresh = await createTestApp();
    try {
      const c = await fresh.login('linfen');
      const inv = (
        await c.post('/api/v1/investors', { name: '停滞测试', creditCode: '91110000802100433B' })
      ).json();
      const region = await unitId(fresh, '141002');
      for (const ago of [180, 181]) {
        let p = (
          await c.post('/api/v1/projects', {
            name: `签约${ago}天`,
            regionId: region,
            industryCode: '39',
            totalInvestmentFen: 100,
            projectType: 'new',
            investorIds: [inv.id],
          })
        ).json();
        for (const to of ['negotiating', 'signed'])
          p = (
            await c.post(`/api/v1/projects/${p.id}/stage`, {
              version: p.version,
              action: 'advance',
              to,
              date: d(ago),
            })
          ).json();
      }
      const list = (await c.get('/api/v1/projects?stalled=true')).json();
      expect(list.items.map((i: { name: string }) => i.name)).toEqual(['签约181天']);
      const fig = (await c.get(`/api/v1/projects/figures?from=${d(365)}&to=${today}`)).json();
      const dash = (await c.get(`/api/v1/dashboard?from=${thisMonth}&to=${thisMonth}`)).json();
      expect([fig.stalled, dash.pipeline.now.stalled]).toEqual([1, 1]);
    } finally {
      await fresh.close();
    }
  });

  it('answers from its cache until a write changes what it shows, and shows that write on the next read', async () => {
    const url = `/api/v1/dashboard?regionId=${yaodu}&from=${thisMonth}&to=${thisMonth}`;
    const first = (await linfen.get(url)).json();
    // a roll-up row changed behind the application's back is not seen: the answer comes from the cache
    const { path } = await t.database.db
      .selectFrom('orgUnits')
      .select('path')
      .where('id', '=', yaodu)
      .executeTakeFirstOrThrow();
    const tamper = (n: number) =>
      t.database.db
        .insertInto('rollups')
        .values({
          source: 'projects',
          regionPath: path,
          period: thisMonth,
          metric: 'signed',
          n,
          fen: 0,
          days: 0,
        })
        .onConflict((oc) =>
          oc.columns(['source', 'regionPath', 'metric', 'period']).doUpdateSet({ n: sql`rollups.n + ${n}` }),
        )
        .execute();
    await tamper(1000);
    expect((await linfen.get(url)).json()).toEqual(first);
    // the period figures too (they scan the projects)
    const figures = await scanned(yaodu, thisMonth, thisMonth);
    const investment = (fen: number) =>
      t.database.db
        .updateTable('projects')
        .set({ totalInvestmentFen: fen })
        .where('name', '=', '甲')
        .execute();
    await investment(1);
    expect(await scanned(yaodu, thisMonth, thisMonth)).toEqual(figures);

    // a fund received today, through the application: the next read recomputes (and so shows the
    // tampered row too)
    const { id } = await t.database.db
      .selectFrom('projects')
      .select('id')
      .where('name', '=', '甲')
      .executeTakeFirstOrThrow();
    const res = await linfen.post(`/api/v1/projects/${id}/funds`, {
      receivedOn: today,
      currency: 'CNY',
      amount: 12_345_00,
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = (await linfen.get(url)).json();
    expect(after.pipeline.current.fundsInPeriodFen).toBe(first.pipeline.current.fundsInPeriodFen + 12_345_00);
    expect(after.pipeline.current.newlySigned.count).toBe(first.pipeline.current.newlySigned.count + 1000);
    const producing = (f: typeof figures) =>
      f.byStatus.find((x: { status: string }) => x.status === 'producing').investmentFen;
    expect(producing(await scanned(yaodu, thisMonth, thisMonth))).toBe(producing(figures) - 100_000_00 + 1);
    await tamper(-1000);
    await investment(100_000_00);
    await readModelChanged(t.database.db, 'dashboard');

    // the units it names and the arrears ledger it reads are writes that count too
    const admin = await t.login('admin');
    const unit = (await admin.get(`/api/v1/org-units/${yaodu}`)).json();
    const renamed = await admin.patch(`/api/v1/org-units/${yaodu}`, {
      version: unit.version,
      name: '尧都区（测试）',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const named = (await linfen.get(url)).json();
    expect(named.region.name).toBe('尧都区（测试）');
    expect(named.pipeline.current.newlySigned.count).toBe(first.pipeline.current.newlySigned.count);
    await admin.patch(`/api/v1/org-units/${yaodu}`, { version: renamed.json().version, name: unit.name });
    expect((await linfen.get(url)).json().region.name).toBe(unit.name);
  });

  it('keeps to the caller’s area and refuses bad months', async () => {
    const county = await t.login('yaodu');
    const own = (await county.get(`/api/v1/dashboard?from=${thisMonth}&to=${thisMonth}`)).json();
    expect(own.region.code).toBe('141002');
    expect(own.pipeline.byRegion).toEqual([]);
    expect(
      (await county.get(`/api/v1/dashboard?regionId=${quwo}&from=${thisMonth}&to=${thisMonth}`)).statusCode,
    ).toBe(404);
    const taiyuan = await t.login('taiyuan');
    expect(
      (await taiyuan.get(`/api/v1/dashboard?regionId=${yaodu}&from=${thisMonth}&to=${thisMonth}`)).statusCode,
    ).toBe(404);
    const department = await unitId(t, 'D14100007');
    const asRegion = await linfen.get(
      `/api/v1/dashboard?regionId=${department}&from=${thisMonth}&to=${thisMonth}`,
    );
    expect(asRegion.json().error.code).toBe('REGION_INVALID');
    // a department's leader sees the region the department serves, but not the region's appeals:
    // a department reads the appeals assigned to it only
    const admin = await t.login('admin');
    const created = await admin.post('/api/v1/users', {
      username: 'zrzy_leader',
      displayName: '自然资源局分管领导',
      orgUnitId: department,
      roles: ['leader'],
      password: 'Dept-Leader-2026!',
    });
    expect(created.statusCode, created.body).toBe(201);
    await t.database.db
      .updateTable('users')
      .set({ mustChangePassword: 0 })
      .where('username', '=', 'zrzy_leader')
      .execute();
    const deptLeader = await t.login('zrzy_leader', 'Dept-Leader-2026!');
    const seen = (await deptLeader.get(`/api/v1/dashboard?from=${thisMonth}&to=${thisMonth}`)).json();
    expect(seen.region.code).toBe('141000');
    expect(seen.appeals).toBeNull();
    expect(seen.activities).not.toBeNull();
    expect(own.appeals).not.toBeNull();
    for (const q of ['from=2026-13&to=2026-12', 'from=2026-05&to=2026-01', 'from=2026-01'])
      expect((await linfen.get(`/api/v1/dashboard?${q}`)).statusCode, q).toBe(400);
    expect((await t.anonymous().get(`/api/v1/dashboard?from=${thisMonth}&to=${thisMonth}`)).statusCode).toBe(
      401,
    );
    const enterprise = await t.login('enterprise');
    expect((await enterprise.get(`/api/v1/dashboard?from=${thisMonth}&to=${thisMonth}`)).statusCode).toBe(
      403,
    );
  });
});
