import { plusDays } from '@yingshang/rules';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Client, createTestApp, describeApi, type TestApp, unitId } from '../../../test/harness.js';
import type { AppealRow } from '../../db/schema.js';
import { verifyRollups, withRollups } from '../../kernel/rollups.js';
import { beijingToday } from '../../lib/days.js';
import { ports } from '../../ports.js';
import { appealFigures } from './figures.repository.js';
import { appealDashboard, appealRollups, histogramMedian } from './rollups.repository.js';
import { sweepAppeals } from './sweep.js';

const today = beijingToday();

/** YYYY-MM shifted by whole months. */
const month = (by: number, from = today.slice(0, 7)) => {
  const [y, m] = from.split('-').map(Number);
  const i = y * 12 + (m - 1) + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
const lastDayOf = (m: string) => plusDays(`${month(1, m)}-01`, -1);

describeApi('appeals in the roll-ups', () => {
  let t: TestApp;
  let admin: Client;
  let enterprise: Client;
  let lfkfq: Client;
  let yaodu: Client;
  let dept: Client;
  let zrzy: string;
  let zone: string;

  async function file(c: Client, body: Record<string, unknown>) {
    const res = await c.post('/api/v1/appeals', {
      channel: 'portal',
      category: 'land',
      title: '诉求',
      description: '说明',
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  const ok = async (c: Client, a: { id: string; version: number }, action: string, body = {}) => {
    const res = await c.post(`/api/v1/appeals/${a.id}/${action}`, { version: a.version, ...body });
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json();
  };
  const reread = async (c: Client, a: { id: string }) => (await c.get(`/api/v1/appeals/${a.id}`)).json();
  /**
   * Moves an appeal in time as the days passing would have (filed in an earlier month, a deadline
   * already past): a write like any other, so it keeps the roll-ups true.
   */
  const backdate = (id: string, set: Partial<AppealRow>) =>
    t.database.db
      .transaction()
      .execute((trx) =>
        withRollups(trx, { source: appealRollups, ids: [id] }, () =>
          trx.updateTable('appeals').set(set).where('id', '=', id).execute(),
        ),
      );

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    enterprise = await t.login('enterprise');
    lfkfq = await t.login('lfkfq');
    yaodu = await t.login('yaodu');
    dept = await t.login('linfen_zrzy');
    zrzy = await unitId(t, 'D14100007');
    zone = await unitId(t, 'Z14100001');
  });
  afterAll(() => t.close());

  it('keeps every flow in the roll-ups, and the dashboard section equals the figures', async () => {
    const { db, dialect } = t.database;
    const assigned = async (c: Client, body: Record<string, unknown>) => {
      let a = await file(c, body);
      a = await ok(c === enterprise ? lfkfq : c, a, 'accept');
      a = await ok(c === enterprise ? lfkfq : c, a, 'assign', { departmentId: zrzy });
      return ok(dept, a, 'sign');
    };

    // 1. On time and satisfied, filed last month.
    let a1 = await assigned(enterprise, { regionId: zone, title: '道路未通车' });
    a1 = await ok(dept, a1, 'answer', { answer: '已协调' });
    a1 = await ok(enterprise, a1, 'rate', { rating: 'satisfied' });
    expect(a1.status).toBe('closed');
    await backdate(a1.id, { filedOn: `${month(-1)}-15` });

    // 2. Answered late, unsatisfied → 重办, answered again, basically satisfied by callback.
    let a2 = await assigned(yaodu, {
      channel: 'hotline',
      enterpriseId: await unitId(t, 'E-YDYS'),
      category: 'power',
    });
    await backdate(a2.id, { answerDueOn: plusDays(today, -2), dueOn: plusDays(today, -2) });
    a2 = await ok(dept, await reread(dept, a2), 'answer', { answer: '迟到的答复' });
    expect(a2.status).toBe('answered');
    a2 = await ok(yaodu, a2, 'callback', { rating: 'unsatisfied', note: '回访不满意' });
    expect(a2).toMatchObject({ status: 'handling', reopenCount: 1 });
    await backdate(a2.id, { answerDueOn: plusDays(today, -1), dueOn: plusDays(today, -1) });
    a2 = await ok(dept, a2, 'answer', { answer: '重办答复' });
    a2 = await ok(yaodu, a2, 'callback', { rating: 'basically_satisfied', note: '基本满意' });
    expect(a2.status).toBe('closed');

    // 3. Rejected; filed a year ago (同比).
    const a3 = await file(yaodu, {
      channel: 'window',
      enterpriseId: await unitId(t, 'E-YDYS'),
      category: 'finance',
    });
    await ok(yaodu, a3, 'reject', { reason: '不属于受理范围' });
    await backdate(a3.id, { filedOn: `${month(-12)}-03` });

    // 4. A repeat merged into its open original.
    const original = await file(enterprise, {
      regionId: zone,
      title: '供电线路迁改迟迟未批复',
      category: 'power',
    });
    const repeat = await file(enterprise, {
      regionId: zone,
      title: '供电线路迁改一直未批复',
      category: 'power',
    });
    expect((await ok(lfkfq, repeat, 'merge', { targetId: original.id })).status).toBe('merged');

    // 5. Assigned and left open past its deadline: the sweep marks it and escalates it.
    const a5 = await assigned(enterprise, { regionId: zone, title: '逾期未答复', category: 'approval' });
    const a5Due = (await reread(lfkfq, a5)).dueOn as string;
    for (const days of [1, 8, 16]) {
      const r = await sweepAppeals(
        { db, dialect, ports },
        { now: new Date(`${plusDays(a5Due, days)}T02:00:00Z`) },
      );
      expect(r.failed).toBe(0);
    }
    expect((await reread(lfkfq, a5)).escalationLevel).toBeGreaterThan(0);

    // 6. Returned by the department: accepted again, no department.
    let a6 = await assigned(enterprise, { regionId: zone, title: '退回的诉求', category: 'water' });
    a6 = await ok(dept, a6, 'return', { reason: '属水务部门职责' });
    expect(a6.departmentId).toBeNull();

    // 7. Every category (one more than the ten shown), some left submitted past their deadline.
    const categories = [
      'land',
      'water',
      'power',
      'gas',
      'approval',
      'finance',
      'labour',
      'policy',
      'arrears',
      'inspection',
      'other',
    ];
    for (const [i, category] of categories.entries()) {
      const a = await file(enterprise, { regionId: zone, title: `分类诉求${i}`, category });
      if (i % 4 === 1) await backdate(a.id, { dueOn: plusDays(today, -1) });
    }
    // 8. An answered appeal filed last year, answered in two working days.
    let a8 = await assigned(yaodu, {
      channel: 'window',
      enterpriseId: await unitId(t, 'E-YDYS'),
      category: 'labour',
    });
    a8 = await ok(dept, a8, 'answer', { answer: '已办' });
    await backdate(a8.id, { filedOn: `${month(-12)}-20`, answerWorkingDays: 2 });

    // (a) the roll-ups equal a recount
    const verified = await verifyRollups(db, appealRollups);
    expect(verified.rows).toBeGreaterThan(0);
    expect(verified.differences).toEqual([]);

    // (b) the section equals the figures for the same days, in the city, its zone and the province
    const unit = (code: string) =>
      db.selectFrom('orgUnits').select(['id', 'path']).where('code', '=', code).executeTakeFirstOrThrow();
    const current = { from: month(-1), to: month(0) };
    const lastYear = { from: month(-13), to: month(-12) };
    const days = (m: { from: string; to: string }) => ({ from: `${m.from}-01`, to: lastDayOf(m.to) });
    for (const code of ['140000', '141000', 'Z14100001']) {
      const region = await unit(code);
      const children = await db
        .selectFrom('orgUnits')
        .select(['id', 'path'])
        .where('parentId', '=', region.id)
        .where('kind', 'in', ['city', 'county', 'zone'])
        .orderBy('code')
        .execute();
      const own = new Set(
        (
          await db
            .selectFrom('orgUnits')
            .select('id')
            .where('parentId', '=', region.id)
            .where('kind', '=', 'department')
            .execute()
        ).map((u) => u.id),
      );
      for (const day of [today, plusDays(today, 30)]) {
        const figures = (path: string, m: { from: string; to: string }) =>
          appealFigures(db, dialect, { reader: { kind: 'region', path }, ...days(m), today: day });
        const section = await appealDashboard(db, {
          path: region.path,
          children,
          current,
          lastYear,
          today: day,
        });
        const {
          from: _f,
          to: _t,
          overdueNow,
          departments,
          channels,
          categories: cats,
          ...now
        } = await figures(region.path, current);
        const {
          from: _f2,
          to: _t2,
          overdueNow: _o,
          departments: _d,
          channels: _c,
          categories: _k,
          ...before
        } = await figures(region.path, lastYear);
        expect({ code, day, ...section, byRegion: undefined }).toEqual({
          code,
          day,
          current: now,
          lastYear: before,
          overdueNow,
          // the region's own departments: those whose unit hangs directly off the region
          departments: departments.filter((d) => own.has(d.departmentId)),
          channels,
          categories: cats,
          byRegion: undefined,
        });
        const byRegion = await Promise.all(
          children.map(async (c) => {
            const f = await figures(c.path, current);
            return {
              id: c.id,
              received: f.received,
              onTimeRate: f.onTimeRate,
              satisfactionRate: f.satisfactionRate,
              overdueNow: f.overdueNow,
            };
          }),
        );
        expect(section.byRegion).toEqual(byRegion);
        if (day === today) {
          // the dashboard links these counts to the appeal list: its total is the count
          const total = async (q: Record<string, string>) =>
            (
              await admin.get(
                `/api/v1/appeals?${new URLSearchParams({ regionId: region.id, pageSize: '1', ...q })}`,
              )
            ).json().total;
          expect(await total(days(current)), code).toBe(section.current.received);
          expect(await total({ open: 'true', sla: 'overdue' }), code).toBe(section.overdueNow);
        }
      }
    }

    // Not equal by being empty: the flows above are all there.
    const city = await unit('141000');
    const cityChildren = [{ id: zone, path: (await unit('Z14100001')).path }];
    const s = await appealDashboard(db, {
      path: city.path,
      children: cityChildren,
      current,
      lastYear,
      today: plusDays(today, 30),
    });
    expect(s.current).toMatchObject({ received: 17, answered: 2, closed: 2, rejected: 0 });
    expect(s.current.medianAnswerWorkingDays).not.toBeNull();
    expect(s.current.onTimeRate).toBe(0.5);
    expect(s.current.reopenRate).toBe(0.5);
    expect(s.current.satisfactionRate).toBe(1);
    expect(s.lastYear).toMatchObject({ received: 2, rejected: 1, answered: 1, medianAnswerWorkingDays: 2 });
    expect(s.lastYear.acceptRate).toBe(0.5);
    expect(s.categories).toHaveLength(10);
    expect(s.channels.map((c) => c.channel)).toEqual(['portal', 'hotline']);
    expect(s.departments).toEqual([
      expect.objectContaining({ departmentId: zrzy, assigned: 3, answered: 2 }),
    ]);
    expect(s.departments[0].overdueNow).toBe(1);
    // Open with a deadline before then: the original, a5, a6 and the eleven just filed.
    expect(s.overdueNow).toBe(14);
    expect(s.byRegion[0].received).toBeGreaterThan(0);
  });

  it('takes the median of a histogram as of the list of values', () => {
    expect(histogramMedian([])).toBeNull();
    expect(histogramMedian([{ value: 3, count: 1 }])).toBe(3);
    expect(
      histogramMedian([
        { value: 5, count: 1 },
        { value: 1, count: 1 },
      ]),
    ).toBe(3);
    expect(
      histogramMedian([
        { value: 2, count: 2 },
        { value: 9, count: 1 },
        { value: 0, count: 0 },
      ]),
    ).toBe(2);
    expect(
      histogramMedian([
        { value: 1, count: 2 },
        { value: 4, count: 2 },
      ]),
    ).toBe(2.5);
  });
});
