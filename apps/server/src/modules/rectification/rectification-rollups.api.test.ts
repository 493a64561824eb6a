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
import { rectificationWriter, type TestCampaign } from '../../../test/rectification.js';
import { verifyRollups } from '../../kernel/rollups.js';
import { addDays, beijingToday } from '../../lib/days.js';
import { latestCampaign, rectificationDashboard, rectificationRollups } from './rollups.repository.js';

const today = beijingToday();

/**
 * The rectification roll-ups after tasks go through their whole life by the API (created, reported,
 * verified, failed, closed on time and late, reopened, their deadline and cooperating units changed):
 * equal to a recount, and the dashboard's section equal to the campaign figures of every region.
 */
describeApi('rectification roll-ups and the dashboard section', () => {
  let t: TestApp;
  let admin: Client;
  let lfkfq: Client;
  let yaodu: Client;
  let campaign: TestCampaign;
  let later: TestCampaign;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    [admin, lfkfq, yaodu] = await Promise.all(['admin', 'lfkfq', 'yaodu'].map((u) => t.login(u)));
    Object.assign(
      ids,
      await unitIds(t, {
        province: '140000',
        linfen: '141000',
        zone: 'Z14100001',
        yaodu: '141002',
        taiyuan: '140100',
        xiaodian: '140105',
        dept: 'D14100007',
      }),
    );
    const { newCampaign, newTask, ok, finish, close } = rectificationWriter(admin, ids);
    campaign = await newCampaign('开发区营商环境整改提升行动（汇总测试）', 60);
    later = await newCampaign('营商环境整改“回头看”（汇总测试）', 90);
    const P = campaign.problems;

    // closed on time, with a cooperating department of the city
    const t1 = await newTask(campaign, { coopOrgIds: [ids.dept], problemId: P[6].id });
    await close(await finish(lfkfq, t1));
    // open and overdue in the county; a failed field survey sends it back, still open
    const t2 = await newTask(campaign, {
      leadOrgId: ids.yaodu,
      zoneIds: [ids.yaodu],
      deadlineOn: addDays(today, -3),
      problemId: P[2].id,
    });
    const reported = await ok(
      yaodu.post(`/api/v1/rectification/tasks/${t2.id}/progress`, {
        version: t2.version,
        percent: 40,
        narrative: '正在整改',
      }),
    );
    await ok(
      admin.post(`/api/v1/rectification/tasks/${t2.id}/field-surveys`, {
        version: reported.version,
        result: 'failed',
        findings: '仍未整改',
      }),
    );
    // closed late: past its deadline when closed
    const t3 = await newTask(campaign, { deadlineOn: addDays(today, -1), problemId: P[6].id });
    await close(await finish(lfkfq, t3));
    // verified, waiting for 销号: still open, not yet due
    await finish(lfkfq, await newTask(campaign, { deadlineOn: addDays(today, 5) }));
    // a Taiyuan task with a Linfen department cooperating: counted in both cities; its deadline moved back
    const t5 = await newTask(campaign, {
      leadOrgId: ids.taiyuan,
      zoneIds: [ids.xiaodian],
      coopOrgIds: [ids.dept],
      deadlineOn: addDays(today, 10),
      problemId: P[1].id,
    });
    await ok(
      admin.patch(`/api/v1/rectification/tasks/${t5.id}`, {
        version: t5.version,
        deadlineOn: addDays(today, -5),
      }),
    );
    // the department leaves this one: Linfen no longer counts it
    const t6 = await newTask(campaign, {
      leadOrgId: ids.taiyuan,
      zoneIds: [ids.xiaodian],
      coopOrgIds: [ids.dept],
      deadlineOn: addDays(today, 20),
    });
    await ok(admin.patch(`/api/v1/rectification/tasks/${t6.id}`, { version: t6.version, coopOrgIds: [] }));
    // closed, then reopened: open again
    const t7 = await close(await finish(lfkfq, await newTask(campaign, { deadlineOn: addDays(today, 10) })));
    await ok(
      admin.post(`/api/v1/rectification/tasks/${t7.id}/reopen`, { version: t7.version, reason: '问题反弹' }),
    );
    // the later campaign's task counts in its own campaign only
    await newTask(later, { deadlineOn: addDays(today, -2) });
    // the arrears ledger
    for (const [regionId, amountFen] of [
      [ids.yaodu, 500_000_00],
      [ids.zone, 30_000_00],
    ] as const) {
      const res = await admin.post('/api/v1/rectification/arrears', {
        debtorName: '临汾市国有资本投资运营有限公司',
        creditorName: '临汾市某建材有限公司',
        creditorCreditCode: '91110000802100433B',
        contract: 'LF-2025-001 建材采购合同',
        regionId,
        amountFen,
        dueOn: addDays(today, -10),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('keeps the roll-ups equal to a recount through every write', async () => {
    const check = await verifyRollups(t.database.db, rectificationRollups);
    expect(check.differences).toEqual([]);
    expect(check.rows).toBeGreaterThan(0);
  });

  it('gives each region the numbers its campaign figures give, per problem, lead unit and child region', async () => {
    const db = t.database.db;
    /** The units of a region's own government: itself and the departments hanging off it. */
    const ownUnits = async (id: string) =>
      new Set([
        id,
        ...(
          await db
            .selectFrom('orgUnits')
            .select('id')
            .where('parentId', '=', id)
            .where('kind', '=', 'department')
            .execute()
        ).map((u) => u.id),
      ]);
    const figures = async (c: { id: string }, regionId: string) => {
      const res = await admin.get(`/api/v1/rectification/campaigns/${c.id}/figures?regionId=${regionId}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const arrears = async (regionId: string) =>
      (await admin.get(`/api/v1/rectification/arrears/figures?regionId=${regionId}`)).json().totals;

    for (const c of [campaign, later])
      for (const key of ['province', 'linfen', 'zone', 'yaodu', 'taiyuan', 'xiaodian', 'dept']) {
        const id = ids[key];
        const children = await childRegionsOf(t, id);
        const section = await rectificationDashboard(db, {
          path: await unitPath(t, id),
          children,
          today,
          campaign: c,
        });
        const f = await figures(c, id);
        const label = `${c.title} ${key}`;
        expect(section.campaign, label).toEqual({ id: c.id, title: c.title, deadlineOn: c.deadlineOn });
        expect(section.totals, label).toEqual({
          total: f.totals.total,
          completed: f.totals.closed,
          completionRate: f.totals.completionRate,
          overdue: f.totals.overdue,
          onTimeRate: f.totals.onTimeRate,
        });
        expect(section.byProblem, label).toEqual(
          f.byProblem.map((p: Record<string, number | string | null>) => ({
            problemId: p.problemId,
            seq: p.seq,
            name: p.name,
            total: p.total,
            completed: p.closed,
            completionRate: p.completionRate,
          })),
        );
        // the lead units of the region's own government, ranked as the figures rank them
        const own = await ownUnits(id);
        expect(section.byUnit, label).toEqual(
          f.byUnit
            .filter((u: { orgId: string }) => own.has(u.orgId))
            .map((u: Record<string, number | string | null>, i: number) => ({
              orgId: u.orgId,
              name: u.name,
              total: u.total,
              completed: u.closed,
              completionRate: u.completionRate,
              overdue: u.overdue,
              rank: i + 1,
            })),
        );
        const kids = [];
        for (const k of children) {
          const kf = await figures(c, k.id);
          kids.push({
            id: k.id,
            total: kf.totals.total,
            completed: kf.totals.closed,
            overdue: kf.totals.overdue,
          });
        }
        expect(section.byRegion, label).toEqual(kids);
        const a = await arrears(id);
        expect(section.arrears, label).toEqual({ count: a.count, outstandingFen: a.outstandingFen });
      }

    // what the comparison above covered: the tasks' life as written in beforeAll
    const province = await rectificationDashboard(db, {
      path: await unitPath(t, ids.province),
      children: await childRegionsOf(t, ids.province),
      today,
      campaign,
    });
    expect(province.totals).toEqual({
      total: 7,
      completed: 2,
      completionRate: 2 / 7,
      overdue: 2,
      onTimeRate: 0.5,
    });
    const linfen = province.byRegion.find((r) => r.id === ids.linfen);
    const taiyuan = province.byRegion.find((r) => r.id === ids.taiyuan);
    // Linfen: its five tasks and the Taiyuan one its department still cooperates on (overdue)
    expect(linfen).toEqual({ id: ids.linfen, total: 6, completed: 2, overdue: 2 });
    expect(taiyuan).toEqual({ id: ids.taiyuan, total: 2, completed: 0, overdue: 1 });
    expect(province.arrears).toEqual({ count: 2, outstandingFen: 530_000_00 });
  });

  it('shows the campaign with the latest deadline the user sees, as the web picks it', async () => {
    // a city's own campaign, due last: seen by the province and that city, not by Linfen
    const taiyuan = await t.login('taiyuan');
    const own = await taiyuan.post('/api/v1/rectification/campaigns', {
      title: '太原市营商环境专项整治',
      issuingBody: '太原市',
      startOn: today,
      deadlineOn: addDays(today, 120),
      scopeOrgIds: [ids.taiyuan],
      problems: ['审批慢'],
    });
    expect(own.statusCode, own.body).toBe(201);
    for (const [user, expected] of [
      ['admin', own.json().id],
      ['taiyuan', own.json().id],
      ['lfkfq', later.id],
      ['linfen_zrzy', later.id],
    ]) {
      const c = await t.login(user);
      const listed = (await c.get('/api/v1/rectification/campaigns')).json() as {
        id: string;
        deadlineOn: string;
      }[];
      const picked = listed.slice().sort((a, b) => b.deadlineOn.localeCompare(a.deadlineOn))[0];
      const { path: scope } = await t.database.db
        .selectFrom('users as u')
        .innerJoin('orgUnits as o', 'o.id', 'u.orgUnitId')
        .select('o.path')
        .where('u.username', '=', user)
        .executeTakeFirstOrThrow();
      expect((await latestCampaign(t.database.db, scope))?.id, user).toBe(picked.id);
      expect(picked.id, user).toBe(expected);
    }
    // nothing seen from a region without campaigns above or in it: the arrears alone
    const none = await rectificationDashboard(t.database.db, {
      path: '/no-such-region/',
      children: [],
      today,
      campaign: null,
    });
    expect(none).toMatchObject({ campaign: null, totals: { total: 0 }, arrears: { count: 0 } });
    expect(await latestCampaign(t.database.db, '/no-such-region/')).toBeNull();
  });
});
