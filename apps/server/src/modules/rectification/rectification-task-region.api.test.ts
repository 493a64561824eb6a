import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Client, createTestApp, describeApi, type TestApp, unitIds } from '../../../test/harness.js';
import { rectificationWriter, type TestCampaign } from '../../../test/rectification.js';
import { addDays, beijingToday } from '../../lib/days.js';

const today = beijingToday();

/**
 * The task list narrowed to a region (?regionId=) holds the tasks the campaign figures count for that
 * region — a lead unit, cooperating unit or zone in its subtree — so a number on the dashboard (equal to
 * the figures) opens exactly the tasks behind it: in total, per problem and overdue.
 */
describeApi('rectification task list by region', () => {
  let t: TestApp;
  let admin: Client;
  let lfkfq: Client;
  let taiyuanUser: Client;
  let campaign: TestCampaign;
  let later: TestCampaign;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    [admin, lfkfq, taiyuanUser] = await Promise.all(['admin', 'lfkfq', 'taiyuan'].map((u) => t.login(u)));
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
    /** The zone reports 100 %, passes its self-inspection, and the province closes the task (销号). */
    const closeZoneTask = async (task: { id: string; version: number }) => close(await finish(lfkfq, task));
    campaign = await newCampaign('开发区营商环境整改提升行动（地区筛选测试）', 60);
    later = await newCampaign('营商环境整改“回头看”（地区筛选测试）', 90);
    const P = campaign.problems;

    // the zone's, with a city department cooperating: closed on time
    await closeZoneTask(await newTask(campaign, { coopOrgIds: [ids.dept], problemId: P[6].id }));
    // the county's, overdue
    await newTask(campaign, {
      leadOrgId: ids.yaodu,
      zoneIds: [ids.yaodu],
      deadlineOn: addDays(today, -3),
      problemId: P[2].id,
    });
    // the zone's, closed late: past its deadline, but not overdue
    await closeZoneTask(await newTask(campaign, { deadlineOn: addDays(today, -1), problemId: P[6].id }));
    // Taiyuan's, a Linfen department cooperating: in both cities, overdue
    await newTask(campaign, {
      leadOrgId: ids.taiyuan,
      zoneIds: [ids.xiaodian],
      coopOrgIds: [ids.dept],
      deadlineOn: addDays(today, -5),
      problemId: P[1].id,
    });
    // Taiyuan's, the department left it: Taiyuan's only
    const t5 = await newTask(campaign, {
      leadOrgId: ids.taiyuan,
      zoneIds: [ids.xiaodian],
      coopOrgIds: [ids.dept],
      deadlineOn: addDays(today, 20),
    });
    await ok(admin.patch(`/api/v1/rectification/tasks/${t5.id}`, { version: t5.version, coopOrgIds: [] }));
    // led by the city, carried out in the county: overdue
    await newTask(campaign, {
      leadOrgId: ids.linfen,
      zoneIds: [ids.yaodu],
      deadlineOn: addDays(today, -2),
      problemId: P[3].id,
    });
    // led by Taiyuan, carried out in Linfen's zone: overdue, in the zone (and so Linfen) by its zone only
    await newTask(campaign, {
      leadOrgId: ids.taiyuan,
      zoneIds: [ids.zone],
      deadlineOn: addDays(today, -4),
      problemId: P[4].id,
    });
    // the later campaign's, in the zone
    await newTask(later, { deadlineOn: addDays(today, -2) });
  });
  afterAll(() => t.close());

  const list = async (c: Client, query: Record<string, string>) => {
    const res = await c.get(
      `/api/v1/rectification/tasks?${new URLSearchParams({ pageSize: '100', ...query })}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; items: { id: string }[] };
  };
  const figures = async (c: Client, campaignId: string, regionId: string) => {
    const res = await c.get(`/api/v1/rectification/campaigns/${campaignId}/figures?regionId=${regionId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      totals: { total: number; overdue: number };
      byProblem: { problemId: string; total: number }[];
      overdueTasks: { id: string }[];
    };
  };

  it('lists, per region, the tasks the campaign figures count there: all, by problem and overdue', async () => {
    const seen: Record<string, number[]> = {};
    for (const c of [campaign, later])
      for (const key of ['province', 'linfen', 'taiyuan', 'yaodu', 'xiaodian', 'zone']) {
        const regionId = ids[key];
        const label = `${c.title} ${key}`;
        const f = await figures(admin, c.id, regionId);
        const all = await list(admin, { campaignId: c.id, regionId });
        expect(all.total, label).toBe(f.totals.total);
        for (const p of f.byProblem)
          expect(
            (await list(admin, { campaignId: c.id, regionId, problemId: p.problemId })).total,
            label,
          ).toBe(p.total);
        const overdue = await list(admin, { campaignId: c.id, regionId, timing: 'overdue' });
        expect(overdue.total, label).toBe(f.totals.overdue);
        expect(overdue.items.map((i) => i.id).sort(), label).toEqual(f.overdueTasks.map((o) => o.id).sort());
        seen[key] = [...(seen[key] ?? []), all.total, overdue.total];
      }
    // what the comparison covered: [total, overdue] in the campaign, then in the later one
    expect(seen).toEqual({
      province: [7, 4, 1, 1],
      linfen: [6, 4, 1, 1],
      taiyuan: [3, 2, 0, 0],
      yaodu: [2, 2, 0, 0],
      xiaodian: [2, 1, 0, 0],
      zone: [3, 1, 1, 1],
    });
  });

  it('exports the ledger of the region the list is narrowed to', async () => {
    const res = await admin.get(
      `/api/v1/rectification/tasks/export.xlsx?campaignId=${campaign.id}&regionId=${ids.taiyuan}`,
    );
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    // the title block says how many tasks the sheet holds: Taiyuan's 3 of the campaign's 7
    const head = (wb.worksheets[0].getRow(2).values as unknown[]).join('');
    expect(head).toContain('任务数：3');
  });

  it('narrows within what the reader sees, as their own figures do', async () => {
    const f = await figures(taiyuanUser, campaign.id, ids.xiaodian);
    expect((await list(taiyuanUser, { campaignId: campaign.id, regionId: ids.xiaodian })).total).toBe(
      f.totals.total,
    );
    expect((await list(taiyuanUser, { campaignId: campaign.id, regionId: ids.taiyuan })).total).toBe(3);
    const zone = await figures(lfkfq, campaign.id, ids.zone);
    expect((await list(lfkfq, { campaignId: campaign.id, regionId: ids.zone })).total).toBe(
      zone.totals.total,
    );
  });

  it('refuses a region outside the caller’s scope (404) and a unit that is not a region (400)', async () => {
    const get = (c: Client, regionId: string) =>
      c.get(`/api/v1/rectification/tasks?campaignId=${campaign.id}&regionId=${regionId}`);
    for (const [c, regionId] of [
      [taiyuanUser, ids.linfen],
      [taiyuanUser, ids.zone],
      [lfkfq, ids.linfen],
      [lfkfq, ids.province],
      [admin, 'no-such-unit'],
    ] as const) {
      const res = await get(c, regionId);
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('ORG_NOT_FOUND');
    }
    const dept = await get(admin, ids.dept);
    expect(dept.statusCode, dept.body).toBe(400);
    expect(dept.json().error.code).toBe('REGION_INVALID');
  });
});
