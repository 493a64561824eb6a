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
import { projectRollups } from '../projects/rollups.repository.js';
import { activityDashboard, activityRollups } from './rollups.repository.js';

const today = beijingToday();
const daysAgo = (n: number) => addDays(today, -n);
const year = today.slice(0, 4);

describeApi('activities API', () => {
  let t: TestApp;
  let linfen: Client;
  let yaoduClerk: Client;
  let taiyuan: Client;
  let yaodu: string;
  let quwo: string;
  let investors: string[];
  let secretary: { id: string };
  let mayor: { id: string };
  let taiyuanOfficial: { id: string };
  let signedProject: { id: string; version: number };
  let leadProject: { id: string; version: number };
  let quwoProject: { id: string; version: number };
  let taiyuanProject: { id: string };
  let trip: { id: string; version: number };

  async function project(c: Client, name: string, regionId: string, fen = 500_000_000_00) {
    const res = await c.post('/api/v1/projects', {
      name,
      regionId,
      industryCode: '3985',
      totalInvestmentFen: fen,
      projectType: 'new',
      investorIds: [investors[0]],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  async function advance(c: Client, p: { id: string; version: number }, to: string, date: string) {
    const res = await c.post(`/api/v1/projects/${p.id}/stage`, {
      version: p.version,
      action: 'advance',
      to,
      date,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  const tripBody = (patch: Record<string, unknown> = {}) => ({
    type: 'outbound',
    title: '赴深圳开展新能源产业招商',
    startOn: daysAgo(30),
    endOn: daysAgo(28),
    country: '中国',
    province: '广东省',
    city: '深圳市',
    organiserId: yaodu,
    officialIds: [secretary.id],
    participants: ['尧都区投资促进中心'],
    investorIds: investors,
    attendance: 12,
    summary: '走访两家企业，签约一个项目',
    sourceProjectIds: [leadProject.id],
    signings: [{ projectId: signedProject.id, amountFen: 300_000_000_00 }],
    ...patch,
  });

  beforeAll(async () => {
    t = await createTestApp();
    linfen = await t.login('linfen');
    yaoduClerk = await t.login('yaodu');
    taiyuan = await t.login('taiyuan');
    yaodu = await unitId(t, '141002');
    quwo = await unitId(t, '141021');
    investors = [];
    for (const [name, creditCode] of [
      ['深圳新能源科技有限公司', '91440300MA5FBLTH28'],
      ['深圳储能装备有限公司', '91440300MA5G0B0J48'],
    ]) {
      const inv = await linfen.post('/api/v1/investors', { name, creditCode });
      expect(inv.statusCode, inv.body).toBe(201);
      investors.push(inv.json().id);
    }
    const official = async (c: Client, body: Record<string, unknown>) => {
      const res = await c.post('/api/v1/officials', body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    secretary = await official(linfen, {
      name: '李书记',
      post: '尧都区委书记',
      orgUnitId: yaodu,
      main: true,
    });
    mayor = await official(linfen, {
      name: '王市长',
      post: '临汾市市长',
      orgUnitId: await unitId(t, '141000'),
      main: true,
    });
    taiyuanOfficial = await official(taiyuan, {
      name: '赵区长',
      post: '小店区区长',
      orgUnitId: await unitId(t, '140105'),
      main: true,
    });
    let p = await project(linfen, '储能电池项目', yaodu);
    p = await advance(linfen, p, 'negotiating', daysAgo(60));
    signedProject = await advance(linfen, p, 'signed', daysAgo(29));
    leadProject = await project(linfen, '光伏组件项目', yaodu);
    quwoProject = await project(linfen, '曲沃物流园项目', quwo);
    taiyuanProject = await project(taiyuan, '太原智能制造项目', await unitId(t, '140105'));
  });
  afterAll(() => t.close());

  it('keeps a register of officials; a county sees its own and the leaders above it', async () => {
    const fromCounty = (await yaoduClerk.get('/api/v1/officials?pageSize=200')).json();
    expect(fromCounty.items.map((o: { name: string }) => o.name).sort()).toEqual(['李书记', '王市长'].sort());
    expect(fromCounty.items.find((o: { id: string }) => o.id === secretary.id)).toMatchObject({
      level: 'county',
      main: true,
      orgUnitName: '尧都区',
    });
    const pinyin = (await linfen.get('/api/v1/officials?q=lsj')).json();
    expect(pinyin.items.map((o: { name: string }) => o.name)).toEqual(['李书记']);
    const foreign = await taiyuan.post('/api/v1/officials', { name: '越权', post: '县长', orgUnitId: yaodu });
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([400, 'OFFICIAL_UNIT_INVALID']);
    const dept = await linfen.post('/api/v1/officials', {
      name: '某局长',
      post: '局长',
      orgUnitId: await unitId(t, 'D14100007'),
    });
    expect(dept.json().error.code).toBe('OFFICIAL_UNIT_INVALID');
    const renamed = await linfen.patch(`/api/v1/officials/${mayor.id}`, {
      version: 1,
      post: '临汾市人民政府市长',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const stale = await linfen.patch(`/api/v1/officials/${mayor.id}`, { version: 1, post: 'x' });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'VERSION_CONFLICT']);
    expect(
      (await yaoduClerk.patch(`/api/v1/officials/${mayor.id}`, { version: 2, post: 'x' })).statusCode,
    ).toBe(404);
    // one official as it is now (a form reloads it after a 409): the county reads the city's mayor,
    // another city's official reads as not found
    const one = await yaoduClerk.get(`/api/v1/officials/${mayor.id}`);
    expect([one.statusCode, one.json().post, one.json().version]).toEqual([200, '临汾市人民政府市长', 2]);
    const elsewhere = await linfen.get(`/api/v1/officials/${taiyuanOfficial.id}`);
    expect([elsewhere.statusCode, elsewhere.json().error.code]).toEqual([404, 'OFFICIAL_NOT_FOUND']);
  });

  it('records a trip with the enterprises met, a project first contacted there and one signed there', async () => {
    const res = await yaoduClerk.post('/api/v1/activities', tripBody());
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    trip = a;
    expect(a).toMatchObject({
      type: 'outbound',
      days: 3,
      organiserName: '尧都区',
      regionName: '尧都区',
      officialNames: '李书记',
      investorCount: 2,
      participants: ['尧都区投资促进中心'],
      createdByName: '尧都区招商专员',
      version: 1,
    });
    expect(a.code).toMatch(/^HD\d{8}-[0-9A-F]{12}$/);
    expect(a.investors.map((i: { id: string }) => i.id)).toEqual(investors);
    expect(a.projects).toHaveLength(2);
    expect(a.projects.find((p: { id: string }) => p.id === signedProject.id)).toMatchObject({
      source: false,
      signedAmountFen: 300_000_000_00,
      status: 'signed',
    });
    expect(a.projects.find((p: { id: string }) => p.id === leadProject.id)).toMatchObject({
      source: true,
      signedAmountFen: null,
    });
    expect(a.results).toMatchObject({
      projects: 2,
      signed: 1,
      started: 0,
      signings: 1,
      signedFen: 300_000_000_00,
      startedFen: 0,
      fundsInPlaceFen: 0,
      notArrivedFen: 300_000_000_00,
      landedRate: 0,
    });
    // the projects name the activities in their own records
    const lead = (await linfen.get(`/api/v1/projects/${leadProject.id}`)).json();
    expect([lead.sourceActivity, lead.signedAtActivity]).toEqual([{ id: a.id, title: a.title }, null]);
    const signed = (await linfen.get(`/api/v1/projects/${signedProject.id}`)).json();
    expect(signed.signedAtActivity).toEqual({ id: a.id, title: a.title, amountFen: 300_000_000_00 });
    const audit = (await linfen.get(`/api/v1/audit?entity=project&entityId=${leadProject.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'link' });
    const own = (await linfen.get(`/api/v1/audit?entity=activity&entityId=${a.id}`)).json();
    expect(own.items[0]).toMatchObject({ action: 'create' });
  });

  it('refuses bad activities with a clear error and writes nothing', async () => {
    const other = await linfen.post('/api/v1/activities', {
      ...tripBody({ title: '另一场推介会', type: 'conference', sourceProjectIds: [], signings: [] }),
      organiserId: await unitId(t, '141000'),
    });
    expect(other.statusCode, other.body).toBe(201);
    const before = await tableCounts(t);
    const sources = await t.database.db
      .selectFrom('projects')
      .select(['id', 'sourceActivityId'])
      .orderBy('id')
      .execute();
    const cases: [Client, Record<string, unknown>, number, string, string?][] = [
      [yaoduClerk, { endOn: daysAgo(31) }, 400, 'ACTIVITY_DATES_INVALID', 'endOn'],
      [yaoduClerk, { startOn: '2026-02-30' }, 400, 'VALIDATION_FAILED'],
      [
        yaoduClerk,
        { sourceProjectIds: [], signings: [{ projectId: taiyuanProject.id }] },
        404,
        'PROJECT_NOT_FOUND',
        'signings.0.projectId',
      ],
      [yaoduClerk, { sourceProjectIds: [quwoProject.id] }, 404, 'PROJECT_NOT_FOUND', 'sourceProjectIds.0'],
      [
        linfen,
        { sourceProjectIds: [quwoProject.id] },
        400,
        'ACTIVITY_PROJECT_OUT_OF_REGION',
        'sourceProjectIds.0',
      ],
      [linfen, { officialIds: [taiyuanOfficial.id] }, 400, 'OFFICIAL_NOT_IN_ORG', 'officialIds.0'],
      [yaoduClerk, { officialIds: ['no-such-official'] }, 400, 'OFFICIAL_NOT_IN_ORG', 'officialIds.0'],
      [
        yaoduClerk,
        { officialIds: [secretary.id, secretary.id] },
        400,
        'ACTIVITY_LINK_DUPLICATE',
        'officialIds.1',
      ],
      [
        yaoduClerk,
        { investorIds: [investors[0], investors[0]] },
        400,
        'ACTIVITY_LINK_DUPLICATE',
        'investorIds.1',
      ],
      [
        yaoduClerk,
        {
          sourceProjectIds: [],
          signings: [{ projectId: signedProject.id }, { projectId: signedProject.id }],
        },
        400,
        'ACTIVITY_LINK_DUPLICATE',
        'signings.1.projectId',
      ],
      [yaoduClerk, { signings: [] }, 409, 'PROJECT_SOURCE_TAKEN', 'sourceProjectIds.0'],
      [yaoduClerk, { sourceProjectIds: [] }, 409, 'PROJECT_SIGNING_TAKEN', 'signings.0.projectId'],
      [
        yaoduClerk,
        { sourceProjectIds: [], signings: [{ projectId: leadProject.id }] },
        400,
        'PROJECT_NOT_SIGNED',
      ],
      [yaoduClerk, { investorIds: ['nope'] }, 404, 'INVESTOR_NOT_FOUND', 'investorIds.0'],
      [
        yaoduClerk,
        { organiserId: await unitId(t, '141000') },
        400,
        'ACTIVITY_ORGANISER_INVALID',
        'organiserId',
      ],
      [taiyuan, { organiserId: yaodu }, 400, 'ACTIVITY_ORGANISER_INVALID', 'organiserId'],
      [yaoduClerk, { type: 'party' }, 400, 'VALIDATION_FAILED'],
      [yaoduClerk, { signings: [{ projectId: signedProject.id, amountFen: -1 }] }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [c, patch, status, code, path] of cases) {
      const res = await c.post('/api/v1/activities', tripBody(patch));
      const err = res.json().error;
      expect([res.statusCode, err?.code], JSON.stringify(patch)).toEqual([status, code]);
      if (path) expect(err.details[0].path, code).toBe(path);
    }
    expect(await tableCounts(t)).toEqual(before);
    expect(
      await t.database.db.selectFrom('projects').select(['id', 'sourceActivityId']).orderBy('id').execute(),
    ).toEqual(sources);
  });

  it('updates the funnel as a project signed there starts, produces and receives funds', async () => {
    const signed = (await linfen.get(`/api/v1/projects/${signedProject.id}`)).json();
    const started = await advance(linfen, signed, 'started', daysAgo(10));
    let a = (await yaoduClerk.get(`/api/v1/activities/${trip.id}`)).json();
    expect(a.results).toMatchObject({ signed: 1, started: 1, startedFen: 300_000_000_00, producingFen: 0 });
    const fund = await linfen.post(`/api/v1/projects/${signedProject.id}/funds`, {
      receivedOn: daysAgo(5),
      currency: 'CNY',
      amount: 120_000_000_00,
    });
    expect(fund.statusCode, fund.body).toBe(201);
    a = (await yaoduClerk.get(`/api/v1/activities/${trip.id}`)).json();
    expect(a.results).toMatchObject({
      fundsInPlaceFen: 120_000_000_00,
      notArrivedFen: 180_000_000_00,
      landedRate: 0.4,
    });
    expect(a.projects.find((p: { id: string }) => p.id === started.id)).toMatchObject({ status: 'started' });
  });

  it('gives the figures of a period: by type, main leaders’ trips per unit, conversion, ranking', async () => {
    const res = await linfen.get(`/api/v1/activities/figures?from=${year}-01-01&to=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    const inYear = daysAgo(30).startsWith(year);
    const byType = Object.fromEntries(
      f.byType.map((b: { type: string; count: number }) => [b.type, b.count]),
    );
    if (inYear) {
      expect(byType).toMatchObject({ outbound: 1, conference: 1, signing: 0 });
      expect(f.mainLeaderTrips).toEqual([
        expect.objectContaining({
          orgUnitName: '尧都区',
          level: 'county',
          trips: 1,
          leaderTrips: 1,
          daysAway: 3,
        }),
      ]);
      expect(f.mainLeaderTripsTotal).toBe(1);
      expect(f.totals).toMatchObject({
        activities: 2,
        withSignings: 1,
        projects: 2,
        signed: 1,
        started: 1,
        signRate: 0.5,
        startRate: 1,
        signedFen: 300_000_000_00,
        fundsInPlaceFen: 120_000_000_00,
      });
      expect(f.ranking[0]).toMatchObject({ id: trip.id });
    }
    const lastYear = `${Number(year) - 1}`;
    const empty = (
      await linfen.get(`/api/v1/activities/figures?from=${lastYear}-01-01&to=${lastYear}-01-31`)
    ).json();
    expect(empty.totals).toMatchObject({ activities: 0, projects: 0, signRate: null });
    const ty = (await taiyuan.get(`/api/v1/activities/figures?from=2000-01-01&to=${today}`)).json();
    expect(ty.totals.activities).toBe(0);
    expect(ty.mainLeaderTrips).toEqual([]);
    const foreign = await taiyuan.get(
      `/api/v1/activities/figures?from=2000-01-01&to=${today}&regionId=${yaodu}`,
    );
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([404, 'ORG_NOT_FOUND']);
    const backwards = await linfen.get(`/api/v1/activities/figures?from=${today}&to=${daysAgo(1)}`);
    expect(backwards.statusCode).toBe(400);
  });

  it('keeps the dashboard roll-ups equal to a recount and to the figures of the same months', async () => {
    for (const source of [activityRollups, projectRollups])
      expect((await verifyRollups(t.database.db, source)).differences).toEqual([]);
    const unit = (code: string) =>
      t.database.db
        .selectFrom('orgUnits')
        .select(['id', 'path'])
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
    const [city, county] = [await unit('141000'), await unit('141002')];
    // whole months from over a year back to this one (nothing is dated after today)
    const from = daysAgo(400).slice(0, 7);
    const to = today.slice(0, 7);
    const d = await activityDashboard(t.database.db, {
      path: city.path,
      children: [county],
      current: { from, to },
      lastYear: { from: '2000-01', to: '2000-12' },
    });
    const f = (await linfen.get(`/api/v1/activities/figures?from=${from}-01&to=${today}`)).json();
    expect(d.current.byType).toEqual(f.byType);
    expect(d.current).toMatchObject({
      activities: f.totals.activities,
      mainLeaderTrips: f.mainLeaderTripsTotal,
      signings: f.totals.signings,
      signedFen: f.totals.signedFen,
      startedFen: f.totals.startedFen,
      fundsInPlaceFen: f.totals.fundsInPlaceFen,
      landedRate: f.totals.landedRate,
    });
    expect(d.current.mainLeaderTrips).toBe(1);
    expect(d.byRegion).toEqual([
      expect.objectContaining({ id: county.id, mainLeaderTrips: 1, signings: 1, signedFen: 300_000_000_00 }),
    ]);
    expect(d.lastYear).toMatchObject({ activities: 0, signings: 0, landedRate: null });
  });

  it('keeps the leader trip log: trips, days away, enterprises met and results', async () => {
    const res = await linfen.get(`/api/v1/activities/leaders?from=2000-01-01&to=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().items;
    expect(rows[0]).toMatchObject({
      id: secretary.id,
      name: '李书记',
      activities: 2,
      trips: 1,
      daysAway: 3,
      enterprisesMet: 2,
      results: { signings: 1, signedFen: 300_000_000_00, started: 1 },
    });
    expect(rows.find((r: { id: string }) => r.id === mayor.id)).toMatchObject({ trips: 0, activities: 0 });
    const county = (await yaoduClerk.get(`/api/v1/activities/leaders?from=2000-01-01&to=${today}`)).json();
    expect(county.items.map((r: { name: string }) => r.name)).toEqual(['李书记']);
    const main = (await linfen.get(`/api/v1/activities/leaders?from=2000-01-01&to=${today}&q=市长`)).json();
    expect(main.items.map((r: { name: string }) => r.name)).toEqual(['王市长']);
  });

  it('lists with filters, pinyin search and sorting by funds in place', async () => {
    const list = async (qs: string) => {
      const res = await linfen.get(`/api/v1/activities?${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    expect((await list('')).total).toBe(2);
    expect((await list('q=szkz')).items.map((a: { id: string }) => a.id)).toEqual([trip.id]);
    expect((await list('q=储能装备')).items.map((a: { id: string }) => a.id)).toHaveLength(2);
    expect((await list('type=conference')).items.map((a: { title: string }) => a.title)).toEqual([
      '另一场推介会',
    ]);
    expect((await list(`officialId=${secretary.id}`)).total).toBe(2);
    expect((await list(`from=${daysAgo(29)}&to=${daysAgo(29)}`)).total).toBe(2);
    expect((await list(`from=${daysAgo(5)}`)).total).toBe(0);
    expect((await list(`regionId=${yaodu}`)).total).toBe(1);
    const sorted = await list('sort=fundsInPlace&order=desc');
    expect(sorted.items[0]).toMatchObject({ id: trip.id, results: { fundsInPlaceFen: 120_000_000_00 } });
    expect((await taiyuan.get('/api/v1/activities')).json().total).toBe(0);
    expect((await taiyuan.get(`/api/v1/activities/${trip.id}`)).statusCode).toBe(404);
  });

  it('updates with the version read, replaces links and deletes an activity recorded in error', async () => {
    const stale = await yaoduClerk.patch(`/api/v1/activities/${trip.id}`, { version: 99, title: 'x' });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'VERSION_CONFLICT']);
    const res = await yaoduClerk.patch(`/api/v1/activities/${trip.id}`, {
      version: trip.version,
      endOn: daysAgo(27),
      sourceProjectIds: [],
      signings: [{ projectId: signedProject.id, amountFen: 200_000_000_00 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({ days: 4, version: trip.version + 1 });
    expect(a.projects.map((p: { id: string }) => p.id)).toEqual([signedProject.id]);
    expect(a.results).toMatchObject({ signedFen: 200_000_000_00, fundsInPlaceFen: 120_000_000_00 });
    const lead = await t.database.db
      .selectFrom('projects')
      .select('sourceActivityId')
      .where('id', '=', leadProject.id)
      .executeTakeFirstOrThrow();
    expect(lead.sourceActivityId).toBeNull();

    const wrongVersion = await yaoduClerk.request({
      method: 'DELETE',
      url: `/api/v1/activities/${trip.id}?version=1`,
    });
    expect(wrongVersion.statusCode).toBe(409);
    const del = await yaoduClerk.request({
      method: 'DELETE',
      url: `/api/v1/activities/${trip.id}?version=${a.version}`,
    });
    expect(del.statusCode, del.body).toBe(200);
    expect((await yaoduClerk.get(`/api/v1/activities/${trip.id}`)).statusCode).toBe(404);
    const signings = await t.database.db.selectFrom('activitySignings').select('projectId').execute();
    expect(signings).toEqual([]);
    expect((await linfen.get(`/api/v1/projects/${signedProject.id}`)).statusCode).toBe(200);
    for (const source of [activityRollups, projectRollups])
      expect((await verifyRollups(t.database.db, source)).differences).toEqual([]);
  });
});
