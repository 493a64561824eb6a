import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeApi, type TestApp, unitId } from '../../../test/harness.js';

describeApi('audit API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.login('admin');
    for (const [code, parent] of [
      ['Z-AUDIT-LF', '141000'],
      ['Z-AUDIT-TY', '140100'],
    ] as const) {
      const res = await admin.post('/api/v1/org-units', {
        code,
        name: `审计园区${code}`,
        kind: 'zone',
        parentId: await unitId(t, parent),
      });
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('records who changed what, scoped to the reader’s area', async () => {
    const admin = await t.login('admin');
    const all = (await admin.get('/api/v1/audit?entity=org_unit')).json();
    expect(all.items.map((e: { after: { code: string } }) => e.after.code).sort()).toEqual([
      'Z-AUDIT-LF',
      'Z-AUDIT-TY',
    ]);
    expect(all.items[0]).toMatchObject({
      actorName: '省商务厅系统管理员 (admin)',
      action: 'create',
      before: null,
    });
    expect(all.items[0].requestId).toBeTruthy();
    const linfen = await t.login('linfen_leader');
    const local = (await linfen.get('/api/v1/audit?entity=org_unit')).json();
    expect(local.items.map((e: { after: { code: string } }) => e.after.code)).toEqual(['Z-AUDIT-LF']);
  });

  it('filters by actor, action and Beijing-time day', async () => {
    const admin = await t.login('admin');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(
      (await admin.get(`/api/v1/audit?from=${today}&to=${today}&actor=admin`)).json().total,
    ).toBeGreaterThanOrEqual(2);
    expect((await admin.get('/api/v1/audit?from=2020-01-01&to=2020-12-31')).json().total).toBe(0);
    expect((await admin.get('/api/v1/audit?action=delete')).json().total).toBe(0);
    expect((await admin.get('/api/v1/audit?from=2020-13-45')).statusCode).toBe(400);
  });

  it('is closed to roles without audit.read', async () => {
    for (const u of ['yaodu', 'linfen_zrzy', 'enterprise']) {
      const c = await t.login(u);
      expect((await c.get('/api/v1/audit')).statusCode, u).toBe(403);
    }
  });
});
