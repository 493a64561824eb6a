import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeApi, TEST_PASSWORD, type TestApp, userId } from '../../../test/harness.js';

describeApi('auth API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('signs in with a session cookie that is HttpOnly, SameSite=Lax and scoped to /', async () => {
    const res = await t
      .anonymous()
      .post('/api/v1/auth/login', { username: 'linfen', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.user).toMatchObject({
      username: 'linfen',
      roles: ['city_bureau'],
      orgUnit: { code: '141000', name: '临汾市', kind: 'city' },
    });
    expect(me.permissions).toContain('users.manage');
    expect(me.csrfToken.length).toBeGreaterThan(20);
    const cookie = res.cookies.find((c) => c.name === 'ys_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.value).not.toContain(me.user.id);
  });

  it('refuses a wrong password and an unknown user alike, in the asked language', async () => {
    const wrong = await t
      .anonymous()
      .post('/api/v1/auth/login', { username: 'linfen', password: 'nope-nope-1' });
    const unknown = await t.anonymous().request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody', password: 'x' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toMatchObject({ code: 'LOGIN_FAILED', message: '用户名或密码错误' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error).toMatchObject({
      code: 'LOGIN_FAILED',
      message: 'Wrong username or password',
    });
  });

  it('answers /auth/me with the user and 401 without a session', async () => {
    const c = await t.login('yaodu');
    expect((await c.get('/api/v1/auth/me')).json().user.orgUnit.name).toBe('尧都区');
    const anon = await t.anonymous().get('/api/v1/auth/me');
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const c = await t.login('yaodu');
    const noToken = await c.request({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: { 'x-csrf-token': '' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_INVALID');
    const badToken = await c.request({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(badToken.json().error.code).toBe('CSRF_INVALID');
    expect((await c.post('/api/v1/notifications/read-all')).statusCode).toBe(200);
  });

  it('issues a new session at every sign-in and ends the one presented (no fixation)', async () => {
    const first = await t.login('inspector');
    const res = await first.post('/api/v1/auth/login', { username: 'inspector', password: TEST_PASSWORD });
    const second = res.cookies.find((c) => c.name === 'ys_session')!.value;
    expect(first.cookie).not.toContain(second);
    expect((await first.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('logs out: the cookie no longer works', async () => {
    const c = await t.login('inspector');
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('locks an account after repeated failures, and a reset by an administrator unlocks it', async () => {
    for (let i = 0; i < 4; i++) {
      expect(
        (await t.anonymous().post('/api/v1/auth/login', { username: 'taiyuan', password: `bad-${i}` }))
          .statusCode,
      ).toBe(401);
    }
    const fifth = await t.anonymous().post('/api/v1/auth/login', { username: 'taiyuan', password: 'bad-5' });
    expect(fifth.statusCode).toBe(423);
    const locked = await t
      .anonymous()
      .post('/api/v1/auth/login', { username: 'taiyuan', password: TEST_PASSWORD });
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    const admin = await t.login('admin');
    const reset = await admin.post(`/api/v1/users/${await userId(t, 'taiyuan')}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const temp = reset.json().temporaryPassword;
    const c = await t.login('taiyuan', temp);
    expect((await c.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
    // Until the password is changed, nothing but the account routes answers.
    const blocked = await c.get('/api/v1/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const audit = await admin.get(`/api/v1/audit?entity=user&entityId=${await userId(t, 'taiyuan')}`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['lock', 'reset_password']),
    );
  });

  it('changes a password under the rules and ends the other sessions', async () => {
    const a = await t.login('lfkfq');
    const b = await t.login('lfkfq');
    const wrong = await a.post('/api/v1/auth/change-password', {
      currentPassword: 'nope',
      newPassword: 'Another12345',
    });
    expect(wrong.json().error.code).toBe('PASSWORD_WRONG');
    const weak = await a.post('/api/v1/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short1',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('PASSWORD_WEAK');
    const ok = await a.post('/api/v1/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Another12345',
    });
    expect(ok.statusCode).toBe(200);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(401);
    await expect(t.login('lfkfq')).rejects.toThrow(/401/);
    await t.login('lfkfq', 'Another12345');
  });

  it('refuses a disabled account', async () => {
    const admin = await t.login('admin');
    const id = await userId(t, 'linfen_leader');
    const user = (await admin.get(`/api/v1/users/${id}`)).json();
    const live = await t.login('linfen_leader');
    expect(
      (await admin.patch(`/api/v1/users/${id}`, { version: user.version, disabled: true })).statusCode,
    ).toBe(200);
    expect((await live.get('/api/v1/auth/me')).statusCode).toBe(401);
    const res = await t
      .anonymous()
      .post('/api/v1/auth/login', { username: 'linfen_leader', password: TEST_PASSWORD });
    expect(res.json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('remembers the language a user chose', async () => {
    const c = await t.login('yaodu');
    expect((await c.patch('/api/v1/auth/locale', { locale: 'en-US' })).statusCode).toBe(200);
    const me = await c.get('/api/v1/auth/me');
    expect(me.json().user.locale).toBe('en-US');
    const denied = await c.get('/api/v1/audit');
    expect(denied.json().error.message).toBe('You are not allowed to do this');
  });

  it('ends a session at its expiry with SESSION_EXPIRED', async () => {
    const short = await createTestApp({ SESSION_IDLE_MINUTES: '0' });
    try {
      const c = await short.login('yaodu');
      const res = await c.get('/api/v1/auth/me');
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('SESSION_EXPIRED');
      const rows = await short.database.db.selectFrom('sessions').select('id').execute();
      expect(rows).toEqual([]);
    } finally {
      await short.close();
    }
  });

  it('limits sign-in attempts per address', async () => {
    const limited = await createTestApp({ LOGIN_RATE_LIMIT: '3' });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++) {
        codes.push(
          (await limited.anonymous().post('/api/v1/auth/login', { username: 'x', password: 'y' })).statusCode,
        );
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
