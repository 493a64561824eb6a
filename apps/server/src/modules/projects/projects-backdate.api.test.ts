import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Client, createTestApp, describeApi, type TestApp, unitId } from '../../../test/harness.js';
import { addDays, beijingToday } from '../../lib/days.js';

const today = beijingToday();
const thisMonth = today.slice(0, 7);
/** The month before this one: closed, whatever today is. */
const lastMonth = addDays(`${thisMonth}-01`, -1).slice(0, 7);
const lastYear = `${Number(today.slice(0, 4)) - 1}-06-15`;
/** n days ago, but not before this year's 1 January (county staff may go back that far). */
const thisYearAgo = (n: number) => [addDays(today, -n), `${today.slice(0, 4)}-01-01`].sort()[1];

/** Entering what happened earlier (补录): past stages at creation, the back-date limits, closed months revised. */
describeApi('projects entered after the fact', () => {
  let t: TestApp;
  let admin: Client;
  let linfen: Client;
  let yaodu: Client;
  let yaoduId: string;
  let linfenId: string;
  let investorId: string;

  const project = (c: Client, patch: Record<string, unknown>) =>
    c.post('/api/v1/projects', {
      name: '晋南装备制造产业园项目',
      regionId: yaoduId,
      industryCode: '3411',
      totalInvestmentFen: 50_000_000_000,
      projectType: 'new',
      investorIds: [investorId],
      ...patch,
    });
  const report = async (c: Client, month: string) => {
    const res = await c.get(`/api/v1/dashboard/monthly?regionId=${linfenId}&month=${month}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp();
    [admin, linfen, yaodu] = await Promise.all([t.login('admin'), t.login('linfen'), t.login('yaodu')]);
    yaoduId = await unitId(t, '141002');
    linfenId = await unitId(t, '141000');
    const inv = await linfen.post('/api/v1/investors', {
      name: '成都大陆希望集团有限公司',
      creditCode: '91350100M000100Y43',
    });
    expect(inv.statusCode, inv.body).toBe(201);
    investorId = inv.json().id;
  });
  afterAll(() => t.close());

  it('creates a project directly at 开工 with its lead date and each stage with its date and evidence', async () => {
    const [lead, signed, started] = [thisYearAgo(60), thisYearAgo(40), thisYearAgo(20)];
    const res = await project(yaodu, {
      leadOn: lead,
      reached: [
        { stage: 'negotiating', date: lead },
        { stage: 'signed', date: signed, evidence: 'XY-2026-017' },
        { stage: 'started', date: started, evidence: '施工许可 141002202601280101' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      status: 'started',
      leadOn: lead,
      signedOn: signed,
      startedOn: started,
      producingOn: null,
    });
    expect(
      p.events.map((e: { toStatus: string; date: string; backdated: boolean }) => [e.toStatus, e.date]),
    ).toEqual([
      ['negotiating', lead],
      ['signed', signed],
      ['started', started],
    ]);
    expect(p.events.find((e: { toStatus: string }) => e.toStatus === 'signed')).toMatchObject({
      evidence: 'XY-2026-017',
      // entered today for an earlier day: 补录 in the timeline
      backdated: signed < today,
    });
    // the next stage continues from the last date entered, never before it
    const early = await admin.post(`/api/v1/projects/${p.id}/stage`, {
      version: p.version,
      action: 'advance',
      to: 'producing',
      date: addDays(started, -1),
    });
    expect([early.statusCode, early.json().error.code]).toEqual([400, 'STAGE_DATE_INVALID']);
    // the audit row says it was entered after the fact, and from when
    const audit = (await admin.get(`/api/v1/audit?entity=project&entityId=${p.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'create', backdatedTo: lead < today ? lead : null });
  });

  it('refuses stages out of order, skipped, running backwards or in the future, naming the field', async () => {
    const back = await project(yaodu, {
      leadOn: addDays(today, -10),
      reached: [
        { stage: 'negotiating', date: addDays(today, -5) },
        { stage: 'signed', date: addDays(today, -8) },
      ],
    });
    expect([back.statusCode, back.json().error.code]).toEqual([400, 'STAGE_DATE_INVALID']);
    expect(back.json().error.details[0].path).toBe('reached.1.date');
    const skipped = await project(yaodu, { reached: [{ stage: 'signed', date: today }] });
    expect([skipped.statusCode, skipped.json().error.code]).toEqual([409, 'STAGE_TRANSITION_INVALID']);
    expect(skipped.json().error.details[0].path).toBe('reached.0.stage');
    const future = await project(yaodu, { leadOn: addDays(today, 1) });
    expect([future.statusCode, future.json().error.details[0].path]).toEqual([400, 'leadOn']);
    const beforeLead = await project(yaodu, {
      leadOn: addDays(today, -3),
      reached: [{ stage: 'negotiating', date: addDays(today, -4) }],
    });
    expect(beforeLead.json().error.details[0].path).toBe('reached.0.date');
    // nothing of the refused ones was written
    const list = (await admin.get('/api/v1/projects?q=晋南装备制造')).json();
    expect(list.total).toBe(1);
  });

  it('enforces the back-date limit per role: county staff within the current year, the province without limit', async () => {
    expect((await yaodu.get('/api/v1/auth/me')).json().backdateFrom).toBe(`${today.slice(0, 4)}-01-01`);
    expect((await admin.get('/api/v1/auth/me')).json().backdateFrom).toBeNull();
    const county = await project(yaodu, {
      leadOn: lastYear,
      reached: [{ stage: 'negotiating', date: lastYear }],
    });
    expect(county.statusCode).toBe(400);
    const error = county.json().error;
    expect(error.code).toBe('BACKDATE_LIMIT');
    expect(error.message).toContain('补录');
    expect(error.details.map((d: { path: string }) => d.path)).toEqual(['leadOn', 'reached.0.date']);
    expect(error.details[0].earliest).toBe(`${today.slice(0, 4)}-01-01`);
    const province = await project(admin, {
      name: '晋南装备制造二期项目',
      leadOn: lastYear,
      reached: [{ stage: 'negotiating', date: lastYear }],
    });
    expect(province.statusCode, province.body).toBe(201);
    // a stage change and a fund are held to the same limit
    const p = province.json();
    const change = await yaodu.post(`/api/v1/projects/${p.id}/stage`, {
      version: p.version,
      action: 'advance',
      to: 'signed',
      date: addDays(lastYear, 1),
      evidence: 'XY-old',
    });
    expect([change.statusCode, change.json().error.code]).toEqual([400, 'BACKDATE_LIMIT']);
  });

  it('the limit is a setting: BACKDATE_LIMITS narrows county staff to 7 days', async () => {
    const strict = await createTestApp({ BACKDATE_LIMITS: 'county_staff=7d' });
    try {
      const c = await strict.login('yaodu');
      expect((await c.get('/api/v1/auth/me')).json().backdateFrom).toBe(addDays(today, -7));
      const res = await c.post('/api/v1/projects', {
        name: '限期补录项目',
        regionId: await unitId(strict, '141002'),
        industryCode: '3411',
        totalInvestmentFen: 100_000_000,
        projectType: 'new',
        investorIds: [
          (
            await c.post('/api/v1/investors', {
              name: 'Acme Holdings Ltd.',
              foreignRegNo: 'HK-1234567',
              country: '中国香港',
            })
          ).json().id,
        ],
        leadOn: addDays(today, -8),
      });
      expect([res.statusCode, res.json().error.code], res.body).toEqual([400, 'BACKDATE_LIMIT']);
    } finally {
      await strict.close();
    }
  });

  it("a signing back-dated into a closed month changes that month's figures, and the report shows the revision", async () => {
    const before = await report(admin, lastMonth);
    expect(before).toMatchObject({ closed: true });
    const total = (r: { rows: { month: Record<string, number> }[] }) => r.rows[0].month;
    const res = await project(admin, {
      name: '临汾补录签约项目',
      leadOn: `${lastMonth}-02`,
      reached: [
        { stage: 'negotiating', date: `${lastMonth}-05` },
        { stage: 'signed', date: `${lastMonth}-15`, evidence: 'XY-BL-01' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    const fund = await admin.post(`/api/v1/projects/${p.id}/funds`, {
      receivedOn: `${lastMonth}-20`,
      currency: 'CNY',
      amount: 3_000_000_000,
    });
    expect(fund.statusCode, fund.body).toBe(201);

    const after = await report(admin, lastMonth);
    expect(total(after)).toMatchObject({
      signedCount: total(before).signedCount + 1,
      signedInvestmentFen: total(before).signedInvestmentFen + 50_000_000_000,
      fundsFen: total(before).fundsFen + 3_000_000_000,
    });
    const revised = Object.fromEntries(after.revisions.map((r: { figure: string }) => [r.figure, r]));
    expect(revised.signedCount).toMatchObject({
      old: total(before).signedCount,
      new: total(before).signedCount + 1,
      actorName: '省商务厅系统管理员',
    });
    expect(revised.signedCount.summary).toContain('临汾补录签约项目');
    expect(revised.fundsFen).toMatchObject({ old: total(before).fundsFen, new: total(after).fundsFen });
    // the fund came later than the signing: newest first
    expect(after.revisions[0].figure).toBe('fundsFen');
    // the county's own report carries its own figures' revisions; the open month has none
    const county = (
      await admin.get(`/api/v1/dashboard/monthly?regionId=${yaoduId}&month=${lastMonth}`)
    ).json();
    const ours = county.revisions.filter((r: { summary: string }) => r.summary.includes('临汾补录签约项目'));
    expect(ours.map((r: { figure: string }) => r.figure).sort()).toEqual([
      'fundsFen',
      'signedCount',
      'signedInvestmentFen',
    ]);
    const open = await report(admin, thisMonth);
    expect([open.closed, open.revisions]).toEqual([false, []]);
  });

  it('a factor need or promise cannot be saved without its responsible unit', async () => {
    const p = (await project(yaodu, { name: '责任单位校验项目' })).json();
    const need = await yaodu.post(`/api/v1/projects/${p.id}/factor-needs`, { kind: 'land', quantity: '20' });
    expect([need.statusCode, need.json().error.details[0].path]).toEqual([400, 'responsibleOrgId']);
    const promise = await yaodu.post(`/api/v1/projects/${p.id}/promises`, {
      content: '三个月内完成供地',
      dueOn: today,
    });
    expect([promise.statusCode, promise.json().error.details[0].path]).toEqual([400, 'responsibleOrgId']);
    const cleared = await yaodu.post(`/api/v1/projects/${p.id}/promises`, {
      content: '三个月内完成供地',
      dueOn: today,
      responsibleOrgId: null,
    });
    expect(cleared.statusCode).toBe(400);
  });
});
