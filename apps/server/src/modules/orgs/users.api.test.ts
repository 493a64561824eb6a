import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createTestApp,
  describeApi,
  type TestApp,
  tableCounts,
  unitId,
  userId,
} from '../../../test/harness.js';

describeApi('users API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the users of the caller’s area only, with filters', async () => {
    const linfen = await t.login('linfen');
    const all = (await linfen.get('/api/v1/users?pageSize=100')).json();
    expect(all.items.map((u: { username: string }) => u.username).sort()).toEqual(
      ['enterprise', 'lfkfq', 'linfen', 'linfen_leader', 'linfen_zrzy', 'yaodu'].sort(),
    );
    const leaders = (await linfen.get('/api/v1/users?role=leader')).json();
    expect(leaders.items.map((u: { username: string }) => u.username)).toEqual(['linfen_leader']);
    const inYaodu = (await linfen.get(`/api/v1/users?orgUnitId=${await unitId(t, '141002')}`)).json();
    expect(inYaodu.total).toBe(1);
    const byPinyin = (await linfen.get('/api/v1/users?q=ydq')).json();
    expect(byPinyin.items.map((u: { username: string }) => u.username)).toEqual(['yaodu']);
    const admin = await t.login('admin');
    expect((await admin.get('/api/v1/users')).json().total).toBe(9);
  });

  it('creates a user who must change the password at first sign-in', async () => {
    const linfen = await t.login('linfen');
    const res = await linfen.post('/api/v1/users', {
      username: 'quwo01',
      displayName: '曲沃县招商员',
      orgUnitId: await unitId(t, '141021'),
      roles: ['county_staff'],
      password: 'Quwo2026start',
      phone: '13800000000',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'quwo01',
      orgUnitName: '曲沃县',
      mustChangePassword: true,
      disabled: false,
      version: 1,
    });
    expect(res.json()).not.toHaveProperty('passwordHash');
    const c = await t.login('quwo01', 'Quwo2026start');
    expect((await c.get('/api/v1/org-units/tree')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(
      (
        await c.post('/api/v1/auth/change-password', {
          currentPassword: 'Quwo2026start',
          newPassword: 'Quwo2026better',
        })
      ).statusCode,
    ).toBe(200);
    expect((await c.get('/api/v1/org-units/tree')).statusCode).toBe(200);
    const notes = (await c.get('/api/v1/notifications')).json();
    expect(notes.items[0]).toMatchObject({ kind: 'account_created', title: '欢迎使用营商通', readAt: null });
    const en = await c.request({
      method: 'GET',
      url: '/api/v1/notifications',
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.json().items[0].body).toBe(
      '临汾市投促局业务员 opened an account for you; change the password at your first sign-in.',
    );
    const sms = await t.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('recipient', '=', '13800000000')
      .execute();
    expect(sms).toHaveLength(1);
  });

  it('refuses roles that do not fit the unit, weak passwords and taken usernames, writing nothing', async () => {
    const linfen = await t.login('linfen');
    const before = await tableCounts(t);
    const county = await unitId(t, '141021');
    const base = {
      username: 'newbie',
      displayName: '新人',
      orgUnitId: county,
      roles: ['county_staff'],
      password: 'Start2026ok',
    };
    const cases: [unknown, number, string][] = [
      [{ ...base, roles: ['province_admin'] }, 400, 'ROLE_NOT_ALLOWED'],
      [{ ...base, roles: ['city_bureau'] }, 400, 'ROLE_NOT_ALLOWED'],
      [{ ...base, password: 'password' }, 400, 'PASSWORD_WEAK'],
      [{ ...base, password: 'newbie12345' }, 400, 'PASSWORD_WEAK'],
      [{ ...base, username: 'yaodu' }, 409, 'USERNAME_TAKEN'],
      [{ ...base, username: 'Bad Name' }, 400, 'VALIDATION_FAILED'],
      [{ ...base, roles: [] }, 400, 'VALIDATION_FAILED'],
      [{ ...base, orgUnitId: await unitId(t, '140100') }, 404, 'ORG_NOT_FOUND'],
      [{ ...base, email: 'not-an-email' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await linfen.post('/api/v1/users', body);
      expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const fieldError = await linfen.post('/api/v1/users', { ...base, username: 'Bad Name' });
    expect(fieldError.json().error.details[0]).toMatchObject({ in: 'body', path: 'username' });
    expect(await tableCounts(t)).toEqual(before);
  });

  it('edits with optimistic locking and audits before and after', async () => {
    const admin = await t.login('admin');
    const id = await userId(t, 'yaodu');
    const u = (await admin.get(`/api/v1/users/${id}`)).json();
    const ok = await admin.patch(`/api/v1/users/${id}`, {
      version: u.version,
      displayName: '尧都区招商专员（新）',
    });
    expect(ok.json()).toMatchObject({ displayName: '尧都区招商专员（新）', version: u.version + 1 });
    const stale = await admin.patch(`/api/v1/users/${id}`, { version: u.version, displayName: '覆盖' });
    expect(stale.statusCode).toBe(409);
    const audit = (await admin.get(`/api/v1/audit?entity=user&entityId=${id}&action=update`)).json();
    expect(audit.items[0].before.displayName).toBe('尧都区招商专员');
    expect(audit.items[0].after.displayName).toBe('尧都区招商专员（新）');
    expect(JSON.stringify(audit.items[0])).not.toContain('argon2');
  });

  it('moves a user to another unit only with roles that fit it', async () => {
    const admin = await t.login('admin');
    const id = await userId(t, 'lfkfq');
    const u = (await admin.get(`/api/v1/users/${id}`)).json();
    const dept = await unitId(t, 'D14100009');
    const bad = await admin.patch(`/api/v1/users/${id}`, { version: u.version, orgUnitId: dept });
    expect(bad.json().error.code).toBe('ROLE_NOT_ALLOWED');
    const good = await admin.patch(`/api/v1/users/${id}`, {
      version: u.version,
      orgUnitId: dept,
      roles: ['dept_handler'],
    });
    expect(good.json()).toMatchObject({ orgUnitName: '临汾市水务局', roles: ['dept_handler'] });
  });

  it('keeps managers inside their area and away from their own account', async () => {
    const linfen = await t.login('linfen');
    const taiyuanUser = await userId(t, 'taiyuan');
    expect((await linfen.get(`/api/v1/users/${taiyuanUser}`)).statusCode).toBe(404);
    expect((await linfen.post(`/api/v1/users/${taiyuanUser}/reset-password`)).statusCode).toBe(404);
    const self = await userId(t, 'linfen');
    const me = (await linfen.get(`/api/v1/users/${self}`)).json();
    expect(
      (await linfen.patch(`/api/v1/users/${self}`, { version: me.version, disabled: true })).statusCode,
    ).toBe(403);
    const yaodu = await t.login('yaodu');
    expect((await yaodu.post('/api/v1/users', {})).statusCode).toBe(403);
  });
});
