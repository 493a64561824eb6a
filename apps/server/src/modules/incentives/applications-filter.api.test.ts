import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Client,
  childRegionsOf,
  createTestApp,
  describeApi,
  type TestApp,
  unitIds,
  unitPath,
} from '../../../test/harness.js';
import { withRollups } from '../../kernel/rollups.js';
import { addDays, beijingToday } from '../../lib/days.js';
import { incentiveDashboard, incentiveRollups } from './rollups.repository.js';

const today = beijingToday();
const POLICY = 'sx-2023-east-manufacturing-transfer';

/** YYYY-MM shifted by whole months. */
const shiftMonth = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
const endOfMonth = (month: string) => addDays(`${shiftMonth(month, 1)}-01`, -1);
const thisMonth = today.slice(0, 7);
const current = { from: shiftMonth(thisMonth, -2), to: thisMonth };
const lastYear = { from: shiftMonth(thisMonth, -14), to: shiftMonth(thisMonth, -12) };
const firstDay = `${current.from}-01`;

/**
 * The application list filtered by region (its subtree) and submission days: the list behind the
 * dashboard's "applications" of a region and run of months gives exactly that figure; the filters
 * only narrow what the caller may read.
 */
describeApi('incentive applications filtered by region and submission days', () => {
  let t: TestApp;
  let admin: Client;
  let ent: Client;
  let zone: Client;
  let linfen: Client;
  let yaodu: Client;
  let taiyuan: Client;
  let catalogueItemId: string;
  const ids: Record<string, string> = {};
  /** Application ids by name, and the day each was submitted on. */
  const apps: Record<string, string> = {};
  const submitted: Record<string, string> = {};

  const apply = async (c: Client, ref: string, patch: Record<string, unknown> = {}) => {
    const res = await c.post('/api/v1/incentives/applications', {
      policyId: POLICY,
      kind: 'capital_arrival',
      foreignInvested: true,
      registeredProvince: '44',
      catalogueItemId,
      regionId: ids.zone,
      arrivals: [{ bankReceiptNo: ref, receivedOn: '2025-06-02', currency: 'USD', amount: 1_000_000_000 }],
      materials: [{ kind: 'arrival_receipt', name: '进账单' }],
      ...patch,
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };
  /** No API writes the past: move the submission day back inside withRollups, as any write must. */
  const backdate = (id: string, submittedOn: string) =>
    t.database.db
      .transaction()
      .execute((trx) =>
        withRollups(trx, { source: incentiveRollups, ids: [id] }, () =>
          trx.updateTable('incentiveApplications').set({ submittedOn }).where('id', '=', id).execute(),
        ),
      );
  const list = async (c: Client, q: Record<string, string>) => {
    const res = await c.get(
      `/api/v1/incentives/applications?${new URLSearchParams({ pageSize: '200', ...q })}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: { id: string; submittedOn: string }[]; total: number };
    return { total: page.total, names: names(page.items.map((i) => i.id)) };
  };
  const names = (list: string[]) =>
    list
      .map((id) => Object.keys(apps).find((k) => apps[k] === id) ?? id)
      .sort()
      .join(' ');

  beforeAll(async () => {
    t = await createTestApp();
    [admin, ent, zone, linfen, yaodu, taiyuan] = await Promise.all(
      ['admin', 'enterprise', 'lfkfq', 'linfen', 'yaodu', 'taiyuan'].map((u) => t.login(u)),
    );
    Object.assign(
      ids,
      await unitIds(t, {
        province: '140000',
        linfen: '141000',
        zone: 'Z14100001',
        yaodu: '141002',
        taiyuan: '140100',
        zgq: '140171',
        ydys: 'E-YDYS',
        tyzn: 'E-TYZN',
      }),
    );
    await admin.post('/api/v1/incentives/rates', { day: '2025-06-02', rate: '7.1000' });
    catalogueItemId = (
      await t.database.db.selectFrom('incentiveCatalogueItems').select('id').executeTakeFirstOrThrow()
    ).id;

    // the enterprise's own, received by the 临汾经开区
    apps.entNow = await apply(ent, 'RF-0001');
    apps.entFirst = await apply(ent, 'RF-0002');
    apps.entBefore = await apply(ent, 'RF-0003');
    // 尧都区 on behalf of an enterprise of its own
    const yd = { enterpriseId: ids.ydys, regionId: ids.yaodu };
    apps.ydNow = await apply(yaodu, 'RF-0004', yd);
    apps.ydLastMonth = await apply(yaodu, 'RF-0005', yd);
    // 太原 on behalf of an enterprise of the 综改区
    const ty = { enterpriseId: ids.tyzn, regionId: ids.zgq };
    apps.tyLastMonth = await apply(taiyuan, 'RF-0006', ty);
    apps.tyLastYear = await apply(taiyuan, 'RF-0007', ty);

    for (const [name, day] of Object.entries({
      entFirst: firstDay, // the first day of the run of months
      entBefore: addDays(firstDay, -1), // the day before it
      ydLastMonth: `${shiftMonth(thisMonth, -1)}-15`,
      tyLastMonth: endOfMonth(shiftMonth(thisMonth, -1)),
      tyLastYear: `${shiftMonth(thisMonth, -13)}-10`,
    }))
      await backdate(apps[name], day);
    for (const [name, id] of Object.entries(apps))
      submitted[name] = (
        await t.database.db
          .selectFrom('incentiveApplications')
          .select('submittedOn')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).submittedOn;
    expect(submitted.entNow).toBe(today);
  });
  afterAll(() => t.close());

  it('lists exactly the applications of a region subtree submitted between two days, inclusive', async () => {
    const window = { from: firstDay, to: endOfMonth(current.to) };
    expect(await list(admin, {})).toMatchObject({ total: 7 });
    expect(await list(admin, { regionId: ids.province, ...window })).toEqual({
      total: 5,
      names: 'entFirst entNow tyLastMonth ydLastMonth ydNow',
    });
    expect(await list(admin, { regionId: ids.linfen, ...window })).toEqual({
      total: 4,
      names: 'entFirst entNow ydLastMonth ydNow',
    });
    expect(await list(admin, { regionId: ids.zone, ...window })).toMatchObject({
      names: 'entFirst entNow',
    });
    expect(await list(admin, { regionId: ids.yaodu, ...window })).toMatchObject({
      names: 'ydLastMonth ydNow',
    });
    expect(await list(admin, { regionId: ids.taiyuan, ...window })).toMatchObject({ names: 'tyLastMonth' });
    // one bound at a time, each inclusive
    expect(await list(admin, { from: firstDay, to: firstDay })).toMatchObject({ names: 'entFirst' });
    expect(await list(admin, { to: addDays(firstDay, -1) })).toMatchObject({
      names: 'entBefore tyLastYear',
    });
    expect(await list(admin, { regionId: ids.taiyuan, from: submitted.tyLastMonth })).toMatchObject({
      names: 'tyLastMonth',
    });
    // the region alone, all days; with the other filters
    expect(await list(admin, { regionId: ids.zone })).toMatchObject({
      names: 'entBefore entFirst entNow',
    });
    const lastMonth = shiftMonth(thisMonth, -1);
    expect(
      await list(admin, {
        regionId: ids.linfen,
        q: '尧都云商',
        from: `${lastMonth}-01`,
        to: endOfMonth(lastMonth),
      }),
    ).toMatchObject({ names: 'ydLastMonth' });
    expect(await list(admin, { regionId: ids.taiyuan, status: 'county_review', ...window })).toMatchObject({
      names: 'tyLastMonth',
    });
    expect(await list(admin, { regionId: ids.taiyuan, status: 'paid' })).toMatchObject({ total: 0 });
  });

  it('gives the dashboard’s applications of the province, a city and a county for the same whole months', async () => {
    const db = t.database.db;
    const own: Record<string, Client> = { province: admin, linfen, yaodu, zone, taiyuan };
    const expected: Record<string, [number, number]> = {
      province: [5, 1],
      linfen: [4, 0],
      yaodu: [2, 0],
      zone: [2, 0],
      taiyuan: [1, 1],
    };
    for (const [key, [now, yearAgo]] of Object.entries(expected)) {
      const children = await childRegionsOf(t, ids[key]);
      const section = await incentiveDashboard(db, {
        path: await unitPath(t, ids[key]),
        children,
        current,
        lastYear,
        today,
      });
      expect([section.current.applications, section.lastYear.applications], key).toEqual([now, yearAgo]);
      for (const c of [admin, own[key]]) {
        const months = (p: { from: string; to: string }) => ({
          regionId: ids[key],
          from: `${p.from}-01`,
          to: endOfMonth(p.to),
        });
        expect((await list(c, months(current))).total, key).toBe(section.current.applications);
        expect((await list(c, months(lastYear))).total, key).toBe(section.lastYear.applications);
        // and each child region's figure opens its own list
        for (const child of section.byRegion)
          expect(
            (await list(c, { ...months(current), regionId: child.id })).total,
            `${key} ${child.id}`,
          ).toBe(child.applications);
      }
    }
  });

  it('refuses a region outside the caller’s scope or unknown (404) and from after to (400)', async () => {
    const get = (c: Client, q: string) => c.get(`/api/v1/incentives/applications?${q}`);
    for (const [c, regionId] of [
      [linfen, ids.taiyuan],
      [linfen, ids.province],
      [yaodu, ids.linfen],
      [yaodu, ids.zone],
      [admin, '0190aaaa-0000-7000-8000-000000000000'],
      [ent, ids.zone],
    ] as const) {
      const res = await get(c, `regionId=${regionId}`);
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('ORG_NOT_FOUND');
    }
    const res = await get(admin, `from=${today}&to=${addDays(today, -1)}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    for (const q of ['from=2025-02-30', 'to=2025-1-01', 'from=yesterday', `regionId=${'x'.repeat(65)}`])
      expect((await get(admin, q)).statusCode, q).toBe(400);
  });

  it('only narrows what the caller may read: an enterprise its own, an office its area', async () => {
    expect(await list(ent, {})).toMatchObject({ names: 'entBefore entFirst entNow' });
    expect(await list(ent, { from: firstDay })).toEqual({ total: 2, names: 'entFirst entNow' });
    expect(await list(ent, { from: addDays(firstDay, -1), to: firstDay })).toMatchObject({
      names: 'entBefore entFirst',
    });
    expect(await list(ent, { from: '2000-01-01', to: endOfMonth(current.to) })).toMatchObject({ total: 3 });
    // a county sees nothing of the zone next to it, whatever the days
    expect(await list(yaodu, { from: '2000-01-01', to: endOfMonth(current.to) })).toMatchObject({
      names: 'ydLastMonth ydNow',
    });
    expect(await list(zone, { regionId: ids.zone, from: firstDay })).toMatchObject({
      names: 'entFirst entNow',
    });
    expect(await list(taiyuan, { regionId: ids.taiyuan })).toMatchObject({ names: 'tyLastMonth tyLastYear' });
    // the review queue, narrowed
    expect(await list(zone, { mine: 'review', from: firstDay })).toMatchObject({ names: 'entFirst entNow' });
  });
  it('exports the filtered applications of the caller’s scope as a workbook, the list’s rows in it', async () => {
    const exported = async (c: Client, q: Record<string, string>) => {
      const res = await c.get(`/api/v1/incentives/applications/export.xlsx?${new URLSearchParams(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.getRow(2).getCell(1).value).toBe('申请编号');
      const codes: string[] = [];
      ws.eachRow((row, n) => {
        if (n > 2) codes.push(String(row.getCell(1).value));
      });
      return codes.sort();
    };
    const codesOf = async (c: Client, q: Record<string, string>) => {
      const res = await c.get(
        `/api/v1/incentives/applications?${new URLSearchParams({ pageSize: '200', ...q })}`,
      );
      return (res.json() as { items: { code: string }[] }).items.map((i) => i.code).sort();
    };
    // the same rows as the list, for an office and for an enterprise (its own only)
    for (const [c, q] of [
      [admin, {}],
      [admin, { from: firstDay }],
      [taiyuan, { regionId: ids.taiyuan }],
      [yaodu, {}],
      [ent, {}],
    ] as const) {
      const want = await codesOf(c, q);
      expect(want.length).toBeGreaterThan(0);
      expect(await exported(c, q)).toEqual(want);
    }
    expect((await exported(ent, {})).length).toBe(3);
    // the money columns carry 万元 numbers: 测算 of an application equals its list figure
    const res = await ent.get('/api/v1/incentives/applications/export.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const header = wb.worksheets[0]!.getRow(2).values as string[];
    expect(header).toContain('测算金额（万元）');
    // a region outside the caller's scope, bad days: refused as the list refuses them
    const outside = await yaodu.get(`/api/v1/incentives/applications/export.xlsx?regionId=${ids.taiyuan}`);
    expect(outside.statusCode).toBe(404);
    const bad = await admin.get('/api/v1/incentives/applications/export.xlsx?from=2025-02-30');
    expect(bad.statusCode).toBe(400);
  });
});
