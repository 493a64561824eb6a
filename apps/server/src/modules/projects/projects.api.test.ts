import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  describeApi,
  type TestApp,
  tableCounts,
  unitId,
} from '../../../test/harness.js';
import { verifyRollups } from '../../kernel/rollups.js';
import { addDays, beijingToday } from '../../lib/days.js';
import { listProjects } from './projects.repository.js';
import { projectRollups } from './rollups.repository.js';

const today = beijingToday();
const daysAgo = (n: number) => addDays(today, -n);

describeApi('projects API', () => {
  let t: TestApp;
  let linfen: Client;
  let investorId: string;
  let yaodu: string;

  async function newProject(c: Client, patch: Record<string, unknown> = {}) {
    const res = await c.post('/api/v1/projects', {
      name: '晋鑫年产170万吨焦化项目',
      regionId: yaodu,
      industryCode: '2521',
      totalInvestmentFen: 2_027_000_000_00,
      projectType: 'new',
      investorIds: [investorId],
      leaderName: '安泽县县长',
      ...patch,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  async function stage(c: Client, p: { id: string; version: number }, body: Record<string, unknown>) {
    return c.post(`/api/v1/projects/${p.id}/stage`, { version: p.version, ...body });
  }

  beforeAll(async () => {
    t = await createTestApp();
    linfen = await t.login('linfen');
    yaodu = await unitId(t, '141002');
    const inv = await linfen.post('/api/v1/investors', {
      name: '成都大陆希望集团有限公司',
      creditCode: '91350100M000100Y43',
      legalRep: '张三',
    });
    expect(inv.statusCode, inv.body).toBe(201);
    investorId = inv.json().id;
  });
  afterAll(() => t.close());

  it('creates investors with a checked credit code and warns of probable duplicates', async () => {
    expect(t).toBeTruthy();
    const created = (await linfen.get(`/api/v1/investors?q=大陆希望`)).json();
    expect(created.items[0]).toMatchObject({ creditCode: '91350100M000100Y43', provinceCode: '35' });
    const wrong = await linfen.post('/api/v1/investors', {
      name: '某公司',
      creditCode: '91350100M000100Y42',
    });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([400, 'CREDIT_CODE_INVALID']);
    expect(wrong.json().error.details[0]).toMatchObject({
      path: 'creditCode',
      message: 'CREDIT_CODE_CHECK_DIGIT',
    });
    const dup = await linfen.post('/api/v1/investors', {
      name: '另一个名字',
      creditCode: '91350100m000100y43',
    });
    expect([dup.statusCode, dup.json().error.code]).toEqual([409, 'INVESTOR_EXISTS']);
    const noOrigin = await linfen.post('/api/v1/investors', { name: 'Foreign Co.' });
    expect(noOrigin.json().error.code).toBe('INVESTOR_ORIGIN_REQUIRED');
    const foreign = await linfen.post('/api/v1/investors', {
      name: 'Acme Holdings Ltd.',
      foreignRegNo: 'HK-1234567',
      country: '中国香港',
    });
    expect(foreign.statusCode).toBe(201);
    const matches = (
      await linfen.get(`/api/v1/investors/matches?name=${encodeURIComponent('成都大陆希望集团 有限公司')}`)
    ).json();
    expect(matches.matches.map((m: { id: string }) => m.id)).toEqual([investorId]);
  });

  it('creates a project as 线索 with derived fields and an audit row', async () => {
    const p = await newProject(linfen);
    expect(p).toMatchObject({
      status: 'lead',
      regionName: '尧都区',
      industryCode: '2521',
      investorNames: '成都大陆希望集团有限公司',
      blocked: false,
      stalled: false,
      version: 1,
      events: [],
    });
    expect(p.code).toMatch(/^XM\d{8}-[0-9A-F]{12}$/);
    expect(p.industryName).toBeTruthy();
    const audit = (await linfen.get(`/api/v1/audit?entity=project&entityId=${p.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'create' });
  });

  it('refuses bad projects with a clear error and writes nothing', async () => {
    const before = await tableCounts(t);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ regionId: await unitId(t, '140105') }, 400, 'REGION_INVALID'],
      [{ regionId: await unitId(t, '141000') }, 400, 'REGION_INVALID'],
      [{ industryCode: '9999' }, 400, 'INDUSTRY_UNKNOWN'],
      [{ totalInvestmentFen: -1 }, 400, 'VALIDATION_FAILED'],
      [{ totalInvestmentFen: 1e16 }, 400, 'VALIDATION_FAILED'],
      [{ totalInvestmentFen: 100_000_00, foreignCapitalUsdCents: 100_000_00 }, 400, 'FOREIGN_EXCEEDS_TOTAL'],
      [{ investorIds: ['nope'] }, 404, 'INVESTOR_NOT_FOUND'],
      [{ investorIds: [] }, 400, 'VALIDATION_FAILED'],
      [{ projectType: 'moon' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [patch, status, code] of cases) {
      const res = await linfen.post('/api/v1/projects', {
        name: '坏项目',
        regionId: yaodu,
        industryCode: '2521',
        totalInvestmentFen: 1_000_000_00,
        projectType: 'new',
        investorIds: [investorId],
        ...patch,
      });
      expect([res.statusCode, res.json().error?.code], JSON.stringify(patch)).toEqual([status, code]);
    }
    expect(await tableCounts(t)).toEqual(before);
  });

  it('moves through the stages one step at a time, dated, attributed and with evidence', async () => {
    let p = await newProject(linfen, { name: '大陆希望光伏组件项目' });
    const ok = async (body: Record<string, unknown>) => {
      const res = await stage(linfen, p, body);
      expect(res.statusCode, res.body).toBe(200);
      p = res.json();
      return p;
    };
    await ok({ action: 'advance', to: 'negotiating', date: daysAgo(200) });
    await ok({ action: 'advance', to: 'signed', date: daysAgo(150), evidence: 'LF-2026-018' });
    const skip = await stage(linfen, p, { action: 'advance', to: 'producing', date: today });
    expect([skip.statusCode, skip.json().error.code]).toEqual([409, 'STAGE_TRANSITION_INVALID']);
    const back = await stage(linfen, p, { action: 'advance', to: 'negotiating', date: today });
    expect(back.json().error.code).toBe('STAGE_TRANSITION_INVALID');
    const future = await stage(linfen, p, { action: 'advance', to: 'started', date: addDays(today, 1) });
    expect([future.statusCode, future.json().error.code]).toEqual([400, 'STAGE_DATE_INVALID']);
    const earlier = await stage(linfen, p, { action: 'advance', to: 'started', date: daysAgo(151) });
    expect(earlier.json().error.code).toBe('STAGE_DATE_INVALID');
    const stale = await stage(
      linfen,
      { ...p, version: p.version - 1 },
      { action: 'advance', to: 'started', date: today },
    );
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'VERSION_CONFLICT']);
    await ok({ action: 'advance', to: 'started', date: daysAgo(100) });
    expect(p).toMatchObject({ status: 'started', signedOn: daysAgo(150), startedOn: daysAgo(100) });
    expect(p.events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'negotiating',
      'signed',
      'started',
    ]);
    expect(p.events[1]).toMatchObject({
      evidence: 'LF-2026-018',
      actorName: '临汾市投促局业务员',
      date: daysAgo(150),
    });

    const notAllowed = await stage(linfen, p, {
      action: 'correct',
      to: 'signed',
      date: today,
      reason: '录入错误',
    });
    expect([notAllowed.statusCode, notAllowed.json().error.code]).toEqual([403, 'FORBIDDEN']);
    const admin = await t.login('admin');
    const noReason = await stage(admin, p, { action: 'correct', to: 'signed', date: today });
    expect(noReason.json().error.code).toBe('REASON_REQUIRED');
    const corrected = await stage(admin, p, {
      action: 'correct',
      to: 'signed',
      date: today,
      reason: '开工日期录入错误',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({ status: 'signed', startedOn: null, signedOn: daysAgo(150) });
    p = corrected.json();
    const stop = await stage(linfen, p, { action: 'terminate', date: today });
    expect(stop.json().error.code).toBe('REASON_REQUIRED');
    await ok({ action: 'terminate', date: today, reason: '企业战略调整' });
    expect(p).toMatchObject({ status: 'terminated', terminatedOn: today, terminationReason: '企业战略调整' });
    const after = await stage(linfen, p, { action: 'resume', date: today });
    expect(after.json().error.code).toBe('PROJECT_CLOSED');
  });

  it('tracks factor needs as blockers until met', async () => {
    let p = await newProject(linfen, { name: '受阻项目' });
    const add = await linfen.post(`/api/v1/projects/${p.id}/factor-needs`, {
      kind: 'water',
      quantity: '350000',
      description: '年用水指标',
      responsibleOrgId: await unitId(t, 'D14100009'),
      dueOn: daysAgo(3),
    });
    expect(add.statusCode, add.body).toBe(201);
    p = add.json();
    expect(p.blocked).toBe(true);
    expect(p.factorNeeds[0]).toMatchObject({
      kind: 'water',
      status: 'needed',
      blocking: true,
      responsibleOrgName: '临汾市水务局',
    });
    const blocked = (await linfen.get('/api/v1/projects?blocked=true')).json();
    expect(blocked.items.map((i: { name: string }) => i.name)).toEqual(['受阻项目']);
    const need = p.factorNeeds[0];
    const met = await linfen.patch(`/api/v1/projects/${p.id}/factor-needs/${need.id}`, {
      version: need.version,
      status: 'met',
    });
    expect(met.json()).toMatchObject({
      blocked: false,
      factorNeeds: [{ status: 'met', metOn: today, blocking: false }],
    });
    const stale = await linfen.patch(`/api/v1/projects/${p.id}/factor-needs/${need.id}`, {
      version: need.version,
      status: 'needed',
    });
    expect(stale.statusCode).toBe(409);
    expect((await linfen.get('/api/v1/projects?blocked=true')).json().total).toBe(0);
  });

  it('records promises, flags the overdue ones, and sums funds in place', async () => {
    let p = await newProject(linfen, {
      name: '承诺项目',
      totalInvestmentFen: 100_000_000_00,
      foreignCapitalUsdCents: 1_000_000_00,
    });
    p = (
      await linfen.post(`/api/v1/projects/${p.id}/promises`, {
        content: '2026年6月底前完成三通一平',
        dueOn: daysAgo(10),
        responsibleOrgId: yaodu,
      })
    ).json();
    expect(p.promises[0]).toMatchObject({ status: 'pending', overdue: true });
    const pr = p.promises[0];
    p = (
      await linfen.patch(`/api/v1/projects/${p.id}/promises/${pr.id}`, {
        version: pr.version,
        status: 'fulfilled',
        evidence: '验收单',
      })
    ).json();
    expect(p.promises[0]).toMatchObject({
      status: 'fulfilled',
      overdue: false,
      fulfilledOn: today,
      evidence: '验收单',
    });
    const unsigned = await linfen.post(`/api/v1/projects/${p.id}/funds`, {
      receivedOn: daysAgo(5),
      currency: 'CNY',
      amount: 1,
    });
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json().error.code).toBe('FUNDS_BEFORE_SIGNING');
    for (const [to, date] of [
      ['negotiating', daysAgo(30)],
      ['signed', daysAgo(20)],
    ]) {
      const res = await stage(linfen, p, { action: 'advance', to, date });
      expect(res.statusCode, res.body).toBe(200);
      p = res.json();
    }
    const beforeSigning = await linfen.post(`/api/v1/projects/${p.id}/funds`, {
      receivedOn: daysAgo(21),
      currency: 'CNY',
      amount: 1,
    });
    expect(beforeSigning.json().error.code).toBe('FUNDS_BEFORE_SIGNING');
    p = (
      await linfen.post(`/api/v1/projects/${p.id}/funds`, {
        receivedOn: daysAgo(5),
        currency: 'CNY',
        amount: 20_000_000_00,
        source: '企业自筹',
      })
    ).json();
    p = (
      await linfen.post(`/api/v1/projects/${p.id}/funds`, {
        receivedOn: daysAgo(2),
        currency: 'USD',
        amount: 1_000_000_00,
      })
    ).json();
    expect(p.funds).toHaveLength(2);
    expect(p.fundsInPlaceFen).toBe(20_000_000_00 + 7_100_000_00);
    const future = await linfen.post(`/api/v1/projects/${p.id}/funds`, {
      receivedOn: addDays(today, 3),
      currency: 'CNY',
      amount: 1,
    });
    expect(future.statusCode).toBe(400);
  });

  it('lists with filters, sorting and search by investor, credit code and pinyin initials; scoped', async () => {
    const byPinyin = (await linfen.get(`/api/v1/projects?q=${encodeURIComponent('jxn')}`)).json();
    expect(byPinyin.items.map((i: { name: string }) => i.name)).toContain('晋鑫年产170万吨焦化项目');
    const byCode = (await linfen.get('/api/v1/projects?q=91350100M000100Y43')).json();
    expect(byCode.total).toBeGreaterThanOrEqual(4);
    const sorted = (await linfen.get('/api/v1/projects?sort=totalInvestment&order=desc')).json();
    const amounts = sorted.items.map((i: { totalInvestmentFen: number }) => i.totalInvestmentFen);
    expect(amounts).toEqual([...amounts].sort((a: number, b: number) => b - a));
    expect((await linfen.get('/api/v1/projects?status=terminated')).json().total).toBe(1);
    expect((await linfen.get(`/api/v1/projects?regionId=${yaodu}&industry=C`)).json().total).toBe(
      sorted.total,
    );
    expect((await linfen.get(`/api/v1/projects?industry=A`)).json().total).toBe(0);
    const taiyuan = await t.login('taiyuan');
    expect((await taiyuan.get('/api/v1/projects')).json().total).toBe(0);
    // The province sees every project (the list skips the scope predicate for the root).
    const all = await t.database.db
      .selectFrom('projects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect((await (await t.login('admin')).get('/api/v1/projects')).json().total).toBe(Number(all.n));
    const one = sorted.items[0];
    expect((await taiyuan.get(`/api/v1/projects/${one.id}`)).statusCode).toBe(404);
    const leader = await t.login('linfen_leader');
    expect((await leader.get('/api/v1/projects')).json().total).toBe(sorted.total);
    expect((await leader.post('/api/v1/projects', {})).statusCode).toBe(403);
  });

  it('pages the same rows whether the list sorts the matches or walks the sort index', async () => {
    const admin = await t.login('admin');
    const scope = (await admin.get('/api/v1/auth/me')).json().user.orgUnit.path;
    const c = { today, stalledSignedBefore: daysAgo(180), stalledStartedBefore: daysAgo(365) };
    const base = { scope, sort: 'updatedAt' as const, order: 'desc' as const, pageSize: 2 };
    for (const extra of [{}, { status: 'lead' as const }, { regionPath: `${scope}` }, { wholeTree: true }]) {
      for (const page of [1, 2, 3]) {
        const f = { ...base, ...extra, page };
        const sorted = await listProjects(t.database.db, t.database.dialect, f, c, Number.MAX_SAFE_INTEGER);
        const walked = await listProjects(t.database.db, t.database.dialect, f, c, 0);
        expect(walked, JSON.stringify(extra)).toEqual(sorted);
        expect(sorted.total).toBeGreaterThan(0);
      }
    }
  });

  it('derives the figures of a period from the stage dates', async () => {
    // history reaching back more than a year: the city may enter it here
    const fresh = await createTestApp({ BACKDATE_LIMITS: 'city_bureau=none' });
    try {
      const c = await fresh.login('linfen');
      const inv = (
        await c.post('/api/v1/investors', { name: '测试投资方', creditCode: '91110000802100433B' })
      ).json();
      const region = await unitId(fresh, '141002');
      const make = async (name: string, fen: number, dates: [string, string][]) => {
        let p = (
          await c.post('/api/v1/projects', {
            name,
            regionId: region,
            industryCode: '39',
            totalInvestmentFen: fen,
            projectType: 'new',
            investorIds: [inv.id],
          })
        ).json();
        for (const [to, date] of dates) {
          const res = await c.post(`/api/v1/projects/${p.id}/stage`, {
            version: p.version,
            action: 'advance',
            to,
            date,
          });
          expect(res.statusCode, res.body).toBe(200);
          p = res.json();
        }
        return p;
      };
      const d = (n: number) => daysAgo(n);
      await make('甲', 100_00, [
        ['negotiating', d(400)],
        ['signed', d(300)],
        ['started', d(250)],
        ['producing', d(100)],
      ]);
      await make('乙', 200_00, [
        ['negotiating', d(60)],
        ['signed', d(50)],
        ['started', d(20)],
      ]);
      await make('丙', 300_00, [
        ['negotiating', d(250)],
        ['signed', d(240)],
      ]);
      await make('丁', 400_00, [['negotiating', d(10)]]);
      await make('戊', 500_00, []);
      const fr = await c.get(`/api/v1/projects/figures?from=${d(365)}&to=${today}`);
      expect(fr.statusCode, fr.body).toBe(200);
      const f = fr.json();
      const count = (s: string) => f.byStatus.find((b: { status: string }) => b.status === s).count;
      expect([
        count('lead'),
        count('negotiating'),
        count('signed'),
        count('started'),
        count('producing'),
      ]).toEqual([1, 1, 1, 1, 1]);
      expect(f.newlySigned).toEqual({ count: 3, investmentFen: 600_00 });
      expect([f.signedTotal, f.newlyStarted, f.newlyProducing]).toEqual([3, 2, 1]);
      expect(f.startRate).toBeCloseTo(2 / 3, 4);
      expect(f.productionRate).toBeCloseTo(1 / 3, 4);
      expect(f.medianDays).toEqual({ signToStart: 40, startToProduction: 150, signToProduction: 200 });
      // 甲 took 200 days to produce, 丙 signed 240 days ago and has not: both over the 150-day target.
      expect(f.over150Days).toBe(2);
      // 丙: signed 240 days ago, not started (threshold 180 days).
      expect(f.stalled).toBe(1);
      const past = (await c.get(`/api/v1/projects/figures?from=${d(365)}&to=${d(200)}`)).json();
      const pastCount = (s: string) => past.byStatus.find((b: { status: string }) => b.status === s).count;
      expect([pastCount('negotiating'), pastCount('signed'), pastCount('started')]).toEqual([0, 1, 1]);

      // Funds, promises and blocked needs come from the child records (and follow a project moved
      // to another county).
      const yi = (await c.get('/api/v1/projects?q=%E4%B9%99')).json().items[0];
      const post = async (path: string, body: Record<string, unknown>) => {
        const res = await c.post(`/api/v1/projects/${yi.id}/${path}`, body);
        expect(res.statusCode, res.body).toBe(201);
        return res.json();
      };
      await post('funds', { receivedOn: d(40), currency: 'CNY', amount: 60_00 });
      await post('funds', { receivedOn: d(5), currency: 'CNY', amount: 30_00 });
      await post('promises', { content: '三通一平', dueOn: d(30), responsibleOrgId: region });
      await post('promises', { content: '标准厂房', dueOn: d(3), responsibleOrgId: region });
      const withPromises = await post('factor-needs', {
        kind: 'land',
        dueOn: d(2),
        responsibleOrgId: region,
      });
      const first = withPromises.promises.find((x: { dueOn: string }) => x.dueOn === d(30));
      await c.patch(`/api/v1/projects/${yi.id}/promises/${first.id}`, {
        version: first.version,
        status: 'fulfilled',
      });
      const now = (await c.get(`/api/v1/projects/figures?from=${d(365)}&to=${today}`)).json();
      expect(now.fundsInPlaceRate).toBeCloseTo(90_00 / 600_00, 4);
      expect(now.fulfilmentRate).toBe(0.5);
      expect(now.blocked).toBe(1);
      const then = (await c.get(`/api/v1/projects/figures?from=${d(365)}&to=${d(10)}`)).json();
      expect(then.fundsInPlaceRate).toBeCloseTo(60_00 / 600_00, 4);
      expect(then.fulfilmentRate).toBe(1);
      const other = await unitId(fresh, '141021');
      const moved = await c.patch(`/api/v1/projects/${yi.id}`, {
        version: (await c.get(`/api/v1/projects/${yi.id}`)).json().version,
        regionId: other,
      });
      expect(moved.statusCode, moved.body).toBe(200);
      const county = (id: string) =>
        c.get(`/api/v1/projects/figures?regionId=${id}&from=${d(365)}&to=${today}`).then((r) => r.json());
      const [there, here] = [await county(other), await county(region)];
      expect([there.fundsInPlaceRate, there.fulfilmentRate, there.blocked]).toEqual([90_00 / 200_00, 0.5, 1]);
      expect([here.fundsInPlaceRate, here.fulfilmentRate, here.blocked]).toEqual([0, null, 0]);

      expect((await verifyRollups(fresh.database.db, projectRollups)).differences).toEqual([]);
      const bad = await c.get(`/api/v1/projects/figures?from=${today}&to=${d(10)}`);
      expect(bad.statusCode).toBe(400);
    } finally {
      await fresh.close();
    }
  });

  it('keeps the monthly roll-ups equal to a full recount through every write above', async () => {
    const { rows, differences } = await verifyRollups(t.database.db, projectRollups);
    expect(rows).toBeGreaterThan(0);
    expect(differences).toEqual([]);
  });
});
