import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  describeApi,
  multipart,
  type TestApp,
  tableCounts,
  unitId,
  userId,
} from '../../test/harness.js';
import { notify } from '../modules/notifications/notifications.repository.js';
import { insertImportJob } from '../modules/projects/projects-ledger.repository.js';

/**
 * Every route declares its permission, and no role reads or writes outside its area.
 * A new route fails this file until it declares a guard and gets a row in ACCESS below.
 */

interface Foreign {
  unit: string;
  attachment: string;
  project: string;
  need: string;
  promise: string;
  enterprise: string;
  user: string;
  notification: string;
  /** An import job started by that side's user: jobs are visible to their uploader only. */
  importJob: string;
  /** Strings that must never appear in what the actor can list. */
  markers: string[];
}

type Probe = (f: Foreign) => { url: string; body?: unknown };

/** For each route: how to aim it at someone else's record. 'self' routes act only on the caller. */
const ACCESS: Record<string, Probe | 'self' | 'public'> = {
  'POST /api/v1/auth/login': 'public',
  'GET /api/v1/auth/me': 'self',
  'POST /api/v1/auth/logout': 'self',
  'POST /api/v1/auth/change-password': 'self',
  'PATCH /api/v1/auth/locale': 'self',
  'GET /api/v1/org-units/tree': () => ({
    url: '/api/v1/org-units/tree?kinds=province,city,county,zone,department,enterprise',
  }),
  'GET /api/v1/org-units': () => ({ url: '/api/v1/org-units?pageSize=200' }),
  'GET /api/v1/org-units/:id': (f) => ({ url: `/api/v1/org-units/${f.unit}` }),
  'POST /api/v1/org-units': (f) => ({
    url: '/api/v1/org-units',
    body: { code: 'X-INTRUDER', name: '越权园区', kind: 'zone', parentId: f.unit },
  }),
  'PATCH /api/v1/org-units/:id': (f) => ({
    url: `/api/v1/org-units/${f.enterprise}`,
    body: { version: 1, name: '越权改名' },
  }),
  'GET /api/v1/users': () => ({ url: '/api/v1/users?pageSize=200' }),
  'GET /api/v1/users/:id': (f) => ({ url: `/api/v1/users/${f.user}` }),
  'POST /api/v1/users': (f) => ({
    url: '/api/v1/users',
    body: {
      username: 'intruder',
      displayName: '越权',
      orgUnitId: f.unit,
      roles: ['county_staff'],
      password: 'Intrude2026x',
    },
  }),
  'PATCH /api/v1/users/:id': (f) => ({
    url: `/api/v1/users/${f.user}`,
    body: { version: 1, disabled: true },
  }),
  'POST /api/v1/users/:id/reset-password': (f) => ({ url: `/api/v1/users/${f.user}/reset-password` }),
  'GET /api/v1/audit': () => ({ url: '/api/v1/audit?pageSize=200' }),
  'GET /api/v1/notifications': () => ({ url: '/api/v1/notifications?pageSize=200' }),
  'GET /api/v1/projects': () => ({ url: '/api/v1/projects?pageSize=200' }),
  'GET /api/v1/projects/figures': (f) => ({
    url: `/api/v1/projects/figures?regionId=${f.unit}&from=2020-01-01&to=2030-12-31`,
  }),
  'GET /api/v1/dashboard': (f) => ({ url: `/api/v1/dashboard?regionId=${f.unit}&from=2020-01&to=2030-12` }),
  'GET /api/v1/projects/:id': (f) => ({ url: `/api/v1/projects/${f.project}` }),
  'GET /api/v1/projects/promises/overdue': (f) => ({
    url: `/api/v1/projects/promises/overdue?regionId=${f.unit}`,
  }),
  'POST /api/v1/projects': (f) => ({
    url: '/api/v1/projects',
    body: {
      name: '越权项目',
      regionId: f.unit,
      industryCode: '39',
      totalInvestmentFen: 1,
      projectType: 'new',
      investorIds: ['x'],
    },
  }),
  'PATCH /api/v1/projects/:id': (f) => ({
    url: `/api/v1/projects/${f.project}`,
    body: { version: 1, name: '越权改名' },
  }),
  'POST /api/v1/projects/:id/stage': (f) => ({
    url: `/api/v1/projects/${f.project}/stage`,
    body: { version: 1, action: 'advance', to: 'negotiating', date: '2026-01-05' },
  }),
  'POST /api/v1/projects/:id/factor-needs': (f) => ({
    url: `/api/v1/projects/${f.project}/factor-needs`,
    body: { kind: 'land' },
  }),
  'PATCH /api/v1/projects/:id/factor-needs/:itemId': (f) => ({
    url: `/api/v1/projects/${f.project}/factor-needs/${f.need}`,
    body: { version: 1, status: 'met' },
  }),
  'POST /api/v1/projects/:id/promises': (f) => ({
    url: `/api/v1/projects/${f.project}/promises`,
    body: { content: '越权承诺', dueOn: '2026-01-05' },
  }),
  'PATCH /api/v1/projects/:id/promises/:itemId': (f) => ({
    url: `/api/v1/projects/${f.project}/promises/${f.promise}`,
    body: { version: 1, status: 'fulfilled' },
  }),
  'POST /api/v1/projects/:id/funds': (f) => ({
    url: `/api/v1/projects/${f.project}/funds`,
    body: { receivedOn: '2026-01-05', currency: 'CNY', amount: 100 },
  }),
  'GET /api/v1/projects/:id/attachments': (f) => ({ url: `/api/v1/projects/${f.project}/attachments` }),
  'POST /api/v1/projects/:id/attachments': (f) => ({
    url: `/api/v1/projects/${f.project}/attachments`,
    body: {},
  }),
  'GET /api/v1/projects/:id/attachments/:itemId': (f) => ({
    url: `/api/v1/projects/${f.project}/attachments/${f.attachment}`,
  }),
  'DELETE /api/v1/projects/:id/attachments/:itemId': (f) => ({
    url: `/api/v1/projects/${f.project}/attachments/${f.attachment}`,
  }),
  'GET /api/v1/projects/export.xlsx': (f) => ({ url: `/api/v1/projects/export.xlsx?regionId=${f.unit}` }),
  // An upload writes only inside the caller's area: rows elsewhere are refused one by one
  // (projects-excel.api.test.ts); the job it starts belongs to the caller.
  'POST /api/v1/projects/import': 'self',
  'GET /api/v1/projects/import/:id': (f) => ({ url: `/api/v1/projects/import/${f.importJob}` }),
  'POST /api/v1/projects/import/:id/cancel': (f) => ({
    url: `/api/v1/projects/import/${f.importJob}/cancel`,
  }),
  // Investors are shared across the province (see investors.service.ts); the industry list is public data.
  'GET /api/v1/investors': 'self',
  'GET /api/v1/investors/matches': 'self',
  'POST /api/v1/investors': 'self',
  'GET /api/v1/industries': 'self',
  'GET /api/v1/notifications/unread-count': 'self',
  'POST /api/v1/notifications/:id/read': (f) => ({ url: `/api/v1/notifications/${f.notification}/read` }),
  'POST /api/v1/notifications/read-all': 'self',
};

describeApi('access', () => {
  let t: TestApp;
  let linfenSide: Foreign;
  let taiyuanSide: Foreign;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.login('admin');
    // Something of each side in the audit trail, and a notification for each side's user.
    for (const [code, parent] of [
      ['Z-ACC-TY', '140105'],
      ['Z-ACC-LF', '141021'],
    ] as const) {
      await admin.post('/api/v1/org-units', {
        code,
        name: `测试园区${code}`,
        kind: 'zone',
        parentId: await unitId(t, parent),
      });
    }
    const note = async (username: string) => {
      const id = await userId(t, username);
      await notify(t.database.db, [id], { kind: 'test', params: { title: `通知-${username}` } });
      const row = await t.database.db
        .selectFrom('notifications')
        .select('id')
        .where('userId', '=', id)
        .executeTakeFirstOrThrow();
      return row.id;
    };
    const investor = (
      await admin.post('/api/v1/investors', { name: '访问测试投资方', creditCode: '91110000802100433B' })
    ).json();
    const project = async (regionCode: string, name: string) => {
      const p = (
        await admin.post('/api/v1/projects', {
          name,
          regionId: await unitId(t, regionCode),
          industryCode: '39',
          totalInvestmentFen: 100_000_00,
          projectType: 'new',
          investorIds: [investor.id],
        })
      ).json();
      const withNeed = (
        await admin.post(`/api/v1/projects/${p.id}/factor-needs`, { kind: 'land', quantity: '120' })
      ).json();
      const withPromise = (
        await admin.post(`/api/v1/projects/${p.id}/promises`, { content: '承诺', dueOn: '2026-01-05' })
      ).json();
      const upload = await admin.request({
        method: 'POST',
        url: `/api/v1/projects/${p.id}/attachments`,
        ...multipart('协议.pdf', Buffer.from('%PDF-1.4 test')),
      });
      return {
        project: p.id,
        need: withNeed.factorNeeds[0].id,
        promise: withPromise.promises[0].id,
        attachment: upload.json().id,
      };
    };
    const importJob = async (username: string) => {
      const id = `job-${username}`;
      const at = new Date().toISOString();
      await insertImportJob(t.database.db, {
        id,
        kind: 'projects',
        mode: 'check',
        status: 'running',
        phase: 'checking',
        actorId: await userId(t, username),
        fileName: `${username}.xlsx`,
        fileSha256: '0',
        errorsJson: JSON.stringify({ code: null, errorCount: 0, errors: [] }),
        createdAt: at,
        updatedAt: at,
      });
      return id;
    };
    taiyuanSide = {
      ...(await project('140105', '太原测试项目')),
      importJob: await importJob('taiyuan'),
      unit: await unitId(t, '140105'),
      enterprise: await unitId(t, 'E-TYZN'),
      user: await userId(t, 'taiyuan'),
      notification: await note('taiyuan'),
      markers: ['太原', '"taiyuan"', 'Z-ACC-TY', 'E-TYZN', '140105'],
    };
    linfenSide = {
      ...(await project('141002', '临汾测试项目')),
      importJob: await importJob('yaodu'),
      unit: await unitId(t, '141002'),
      enterprise: await unitId(t, 'E-JINXIN'),
      user: await userId(t, 'yaodu'),
      notification: await note('yaodu'),
      markers: ['临汾', '"yaodu"', 'Z-ACC-LF', 'E-JINXIN', '141002'],
    };
  });
  afterAll(() => t.close());

  it('every route declares a permission and has a row in the access matrix', () => {
    const api = t.app.routeGuards().filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api'));
    const unguarded = t.app.routeGuards().filter((r) => !r.permission);
    expect(unguarded).toEqual([]);
    const v1 = api.filter((r) => r.url.startsWith('/api/v1/')).map((r) => `${r.method} ${r.url}`);
    expect(v1.filter((k) => !(k in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((k) => !v1.includes(k))).toEqual([]);
    const open = api.filter((r) => r.permission === 'public').map((r) => `${r.method} ${r.url}`);
    expect(open.filter((k) => !k.includes('/api/docs'))).toEqual([
      'GET /api/health',
      'POST /api/v1/auth/login',
    ]);
  });

  it('refuses every guarded route to an anonymous visitor', async () => {
    const anon = t.anonymous();
    for (const [key, probe] of Object.entries(ACCESS)) {
      if (probe === 'public') continue;
      const [method, path] = key.split(' ');
      const { url, body } = probe === 'self' ? { url: path, body: undefined } : probe(taiyuanSide);
      const res = await anon.request({
        method: method as 'GET',
        url,
        ...(body !== undefined && { payload: body as object }),
      });
      expect(res.statusCode, key).toBe(401);
    }
  });

  const sides: [string, 'linfen' | 'taiyuan'][] = [
    ['linfen', 'linfen'],
    ['yaodu', 'linfen'],
    ['lfkfq', 'linfen'],
    ['linfen_zrzy', 'linfen'],
    ['linfen_leader', 'linfen'],
    ['enterprise', 'linfen'],
    ['taiyuan', 'taiyuan'],
  ];
  it.each(sides)('%s reads and writes nothing of the other city', async (username, side) => {
    const foreign = side === 'linfen' ? taiyuanSide : linfenSide;
    const c: Client = await t.login(username);
    const before = await tableCounts(t);
    const versions = await t.database.db
      .selectFrom('orgUnits')
      .select(['id', 'version'])
      .where('id', '=', foreign.enterprise)
      .execute();
    for (const [key, probe] of Object.entries(ACCESS)) {
      if (probe === 'self' || probe === 'public') continue;
      const [method] = key.split(' ');
      const { url, body } = probe(foreign);
      const res = await c.request({
        method: method as 'GET',
        url,
        ...(body !== undefined && { payload: body as object }),
      });
      if (res.statusCode === 200 && method === 'GET') {
        for (const m of foreign.markers)
          expect(res.body.includes(m), `${username} ${key} leaks ${m}`).toBe(false);
      } else {
        expect([400, 403, 404], `${username} ${key} → ${res.statusCode} ${res.body}`).toContain(
          res.statusCode,
        );
      }
    }
    expect(await tableCounts(t)).toEqual(before);
    expect(
      await t.database.db
        .selectFrom('orgUnits')
        .select(['id', 'version'])
        .where('id', '=', foreign.enterprise)
        .execute(),
    ).toEqual(versions);
  });

  it('an enterprise sees nothing but itself, a department nothing but its own unit', async () => {
    const ent = await t.login('enterprise');
    expect((await ent.get('/api/v1/users')).statusCode).toBe(403);
    expect((await ent.get('/api/v1/org-units')).statusCode).toBe(403);
    const dept = await t.login('linfen_zrzy');
    const units = (await dept.get('/api/v1/org-units?pageSize=200')).json();
    expect(units.items.map((u: { name: string }) => u.name)).toEqual(['临汾市自然资源局']);
    const yaoduUnit = await unitId(t, '141002');
    expect((await dept.get(`/api/v1/org-units/${yaoduUnit}`)).statusCode).toBe(404);
  });

  it('a county sees its county only, not its neighbours or its city', async () => {
    const yaodu = await t.login('yaodu');
    const tree = (await yaodu.get('/api/v1/org-units/tree')).json();
    expect(tree.map((n: { name: string }) => n.name)).toEqual(['尧都区']);
    expect((await yaodu.get(`/api/v1/org-units/${await unitId(t, '141000')}`)).statusCode).toBe(404);
    expect((await yaodu.get(`/api/v1/org-units/${await unitId(t, '141021')}`)).statusCode).toBe(404);
    const users = (await yaodu.get('/api/v1/users')).json();
    expect(users.items.map((u: { username: string }) => u.username)).toEqual(['yaodu']);
  });
});
