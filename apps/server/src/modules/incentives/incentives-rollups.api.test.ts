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
import { verifyRollups, withRollups } from '../../kernel/rollups.js';
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

/**
 * The incentive roll-ups after applications go through review, return and resubmission, rejection,
 * approval and payment by the API: equal to a recount, and the dashboard's section equal to the
 * figures (and the promise ledger, for rewards owed) of every region for the same whole months.
 */
describeApi('incentive roll-ups and the dashboard section', () => {
  let t: TestApp;
  let admin: Client;
  let ent: Client;
  let zone: Client;
  let city: Client;
  let yaodu: Client;
  let catalogueItemId: string;
  const ids: Record<string, string> = {};
  const apps: Record<string, string> = {};

  const apply = async (c: Client, ref: string, usd: number, patch: Record<string, unknown> = {}) => {
    const res = await c.post('/api/v1/incentives/applications', {
      policyId: POLICY,
      kind: 'capital_arrival',
      foreignInvested: true,
      registeredProvince: '44',
      catalogueItemId,
      regionId: ids.zone,
      arrivals: [{ bankReceiptNo: ref, receivedOn: '2025-06-02', currency: 'USD', amount: usd * 100 }],
      materials: [{ kind: 'arrival_receipt', name: '进账单' }],
      ...patch,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const review = async (c: Client, id: string, decision: string, note?: string) => {
    const cur = (await c.get(`/api/v1/incentives/applications/${id}`)).json();
    const res = await c.post(`/api/v1/incentives/applications/${id}/review`, {
      version: cur.version,
      decision,
      ...(note && { note }),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const approve = async (reviewers: Client[], id: string) => {
    for (const c of reviewers) await review(c, id, 'approve');
    return (await admin.get(`/api/v1/incentives/applications/${id}`)).json();
  };
  const pay = async (id: string, amountFen: number, voucherNo: string) => {
    const cur = (await admin.get(`/api/v1/incentives/applications/${id}`)).json();
    const res = await admin.post(`/api/v1/incentives/applications/${id}/payments`, {
      version: cur.version,
      paidOn: today,
      amountFen,
      voucherNo,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /**
   * Time passes: the test moves an application's days back, as the writes of past months would have
   * left them (no API writes the past) — inside withRollups, as any write must.
   */
  const backdate = (id: string, set: { submittedOn?: string; stageDueOn?: string; payDueOn?: string }) =>
    t.database.db
      .transaction()
      .execute((trx) =>
        withRollups(trx, { source: incentiveRollups, ids: [id] }, () =>
          trx.updateTable('incentiveApplications').set(set).where('id', '=', id).execute(),
        ),
      );

  beforeAll(async () => {
    t = await createTestApp();
    [admin, ent, zone, city, yaodu] = await Promise.all(
      ['admin', 'enterprise', 'lfkfq', 'linfen', 'yaodu'].map((u) => t.login(u)),
    );
    Object.assign(
      ids,
      await unitIds(t, {
        province: '140000',
        linfen: '141000',
        zone: 'Z14100001',
        yaodu: '141002',
        taiyuan: '140100',
        ydys: 'E-YDYS',
      }),
    );
    for (const day of ['2025-03-03', '2025-06-02'])
      await admin.post('/api/v1/incentives/rates', { day, rate: '7.1000' });
    catalogueItemId = (
      await t.database.db.selectFrom('incentiveCatalogueItems').select('id').executeTakeFirstOrThrow()
    ).id;
    const chain = [zone, city, admin];
    const onBehalf = { enterpriseId: ids.ydys, regionId: ids.yaodu };

    // paid in full, 40 days after it was submitted
    apps.paid = (await approve(chain, (await apply(ent, 'RU-0001', 10_000_000)).id)).id;
    // approved and partly paid, its payment now overdue
    const partly = await approve(chain, (await apply(ent, 'RU-0002', 12_000_000)).id);
    apps.partly = partly.id;
    await pay(apps.partly, Math.floor(partly.approvedFen / 3), 'GK-RU-2');
    // still at the zone, its step now overdue
    apps.pending = (await apply(ent, 'RU-0003', 3_000_000)).id;
    // rejected at the zone
    apps.rejected = (await apply(ent, 'RU-0004', 2_000_000)).id;
    await review(zone, apps.rejected, 'reject', '材料不实');
    // returned for material and resubmitted
    apps.returned = (await apply(ent, 'RU-0005', 1_000_000)).id;
    const back = await review(zone, apps.returned, 'return', '请补充材料');
    const again = await ent.post(`/api/v1/incentives/applications/${apps.returned}/resubmit`, {
      version: back.version,
      materials: [...back.materials, { kind: 'other', name: '补充说明' }],
      note: '已补充',
    });
    expect(again.statusCode, again.body).toBe(200);
    // another enterprise in the county, on its behalf: paid, submitted a year ago
    const county = [yaodu, city, admin];
    apps.lastYear = (await approve(county, (await apply(yaodu, 'RU-0006', 10_000_000, onBehalf)).id)).id;
    apps.countyPending = (await apply(yaodu, 'RU-0007', 2_000_000, onBehalf)).id;

    for (const id of [apps.paid, apps.lastYear]) {
      const a = (await admin.get(`/api/v1/incentives/applications/${id}`)).json();
      await pay(id, a.approvedFen, `GK-${id.slice(-8)}`);
    }
    await backdate(apps.paid, { submittedOn: addDays(today, -40) });
    await backdate(apps.lastYear, { submittedOn: addDays(today, -366) });
    await backdate(apps.pending, { stageDueOn: addDays(today, -3) });
    await backdate(apps.partly, { payDueOn: addDays(today, -2) });
  });
  afterAll(() => t.close());

  it('keeps the roll-ups equal to a recount through every write', async () => {
    const check = await verifyRollups(t.database.db, incentiveRollups);
    expect(check.differences).toEqual([]);
    expect(check.rows).toBeGreaterThan(0);
  });

  it('gives each region the figures’ totals for whole months, per child region, and what is overdue now', async () => {
    const db = t.database.db;
    const figures = async (regionId: string, from: string, to: string) => {
      const res = await admin.get(`/api/v1/incentives/figures?regionId=${regionId}&from=${from}&to=${to}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const period = (f: { total: Record<string, number | null> }) => ({
      applications: f.total.applications,
      appliedFen: f.total.provisionalFen,
      approved: f.total.approved,
      approvedFen: f.total.approvedFen,
      paid: f.total.paid,
      paidFen: f.total.paidFen,
      rejected: f.total.rejected,
      medianDaysToPayment: f.total.medianDaysToPayment,
    });

    const sections: Record<string, Awaited<ReturnType<typeof incentiveDashboard>>> = {};
    for (const key of ['province', 'linfen', 'zone', 'yaodu', 'taiyuan']) {
      const id = ids[key];
      const children = await childRegionsOf(t, id);
      const section = await incentiveDashboard(db, {
        path: await unitPath(t, id),
        children,
        current,
        lastYear,
        today,
      });
      sections[key] = section;
      const now = await figures(id, `${current.from}-01`, endOfMonth(current.to));
      expect(section.current, key).toEqual(period(now));
      expect(section.lastYear, key).toEqual(
        period(await figures(id, `${lastYear.from}-01`, endOfMonth(lastYear.to))),
      );
      // overdue now: every application of the region, whenever submitted
      const ever = await figures(id, '2000-01-01', today);
      expect(section.overdueReviews, key).toBe(ever.total.overdueReviews);
      const owed = (await admin.get(`/api/v1/incentives/obligations?regionId=${id}&overdueOnly=true`))
        .json()
        .items.filter((i: { kind: string }) => i.kind === 'reward');
      expect(section.overdueRewards, key).toBe(owed.length);
      expect(section.overdueRewardsFen, key).toBe(
        owed.reduce((s: number, i: { outstandingFen: number }) => s + i.outstandingFen, 0),
      );
      // per child region: the figures' rows of that region, over all policies
      expect(section.byRegion, key).toEqual(
        children.map((c) => {
          const rows = now.rows.filter((r: { regionId: string }) => r.regionId === c.id);
          const sum = (k: string) => rows.reduce((s: number, r: Record<string, number>) => s + r[k], 0);
          return {
            id: c.id,
            applications: sum('applications'),
            approvedFen: sum('approvedFen'),
            paidFen: sum('paidFen'),
          };
        }),
      );
    }

    // what the comparison above covered: the applications' life as written in beforeAll
    const p = sections.province;
    expect(p.current).toMatchObject({ applications: 6, approved: 2, paid: 1, rejected: 1 });
    expect(p.current.medianDaysToPayment).toBe(40);
    expect(p.lastYear).toMatchObject({ applications: 1, approved: 1, paid: 1, medianDaysToPayment: 366 });
    expect([p.overdueReviews, p.overdueRewards]).toEqual([1, 1]);
    expect(p.overdueRewardsFen).toBeGreaterThan(0);
    expect(sections.linfen.byRegion.find((r) => r.id === ids.zone)?.applications).toBe(5);
    expect(sections.linfen.byRegion.find((r) => r.id === ids.yaodu)?.applications).toBe(1);
    expect(sections.taiyuan).toMatchObject({ current: { applications: 0 }, overdueReviews: 0 });
  });
});
