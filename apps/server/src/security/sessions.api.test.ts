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
import { sha256 } from '../lib/ids.js';

/** Sessions, CSRF on every write, security headers, uploads and downloads (see docs/SECURITY.md). */
describeApi('sessions, CSRF, headers and files', () => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t?.close());

  it('refuses every cookie-authenticated write without the session’s own CSRF token, writing nothing', async () => {
    const writes = t.app
      .routeGuards()
      .filter(
        (r) =>
          r.url.startsWith('/api/') &&
          !['GET', 'HEAD', 'OPTIONS'].includes(r.method) &&
          r.permission !== 'public',
      );
    expect(writes.length).toBeGreaterThan(50);
    const other = await t.login('linfen');
    const before = await tableCounts(t);
    for (const r of writes) {
      const url = r.url.replace(/:\w+/g, 'x');
      for (const token of ['', 'forged', other.csrf, admin.csrf.slice(1)]) {
        const res = await admin.request({
          method: r.method as 'POST',
          url,
          payload: {},
          headers: { 'x-csrf-token': token },
        });
        expect([res.statusCode, res.json().error.code], `${r.method} ${r.url} with "${token}"`).toEqual([
          403,
          'CSRF_INVALID',
        ]);
      }
    }
    expect(await tableCounts(t)).toEqual(before);
    // and the token alone, without the session cookie, is nobody
    const res = await t.anonymous().request({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: { 'x-csrf-token': admin.csrf },
    });
    expect(res.statusCode).toBe(401);
  });

  it('never adopts a session id the browser brings (no fixation) and stores only its hash', async () => {
    const planted = 'attacker-chosen-session-id-0123456789abcdef';
    const res = await t.anonymous().request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'yaodu', password: 'Demo12345678' },
      headers: { cookie: `ys_session=${planted}` },
    });
    expect(res.statusCode).toBe(200);
    const issued = res.cookies.find((c) => c.name === 'ys_session')!.value;
    expect(issued).not.toBe(planted);
    expect(issued.length).toBeGreaterThanOrEqual(32);
    const plantedMe = await t.anonymous().request({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `ys_session=${planted}` },
    });
    expect(plantedMe.statusCode).toBe(401);
    const rows = await t.database.db.selectFrom('sessions').select(['id', 'csrfToken']).execute();
    expect(rows.some((r) => r.id === issued)).toBe(false);
    expect(rows.some((r) => r.id === sha256(issued))).toBe(true);
  });

  it('serves a signed-in request from the session cache, and ends or changes a cached session at once', async () => {
    const user = await t.login('yaodu');
    const other = await t.login('yaodu');
    const id = await userId(t, 'yaodu');
    const me = async (c: Client) => {
      const res = await c.get('/api/v1/auth/me');
      return res.statusCode === 200 ? res.json() : res.statusCode;
    };
    const version = async () => (await admin.get(`/api/v1/users/${id}`)).json().version as number;
    expect((await me(user)).user.roles).toEqual(['county_staff']);
    expect(await me(other)).toMatchObject({ user: { username: 'yaodu' } });

    // the cache answers: a session row removed behind the application's back still works for
    // SESSION_CACHE_MS (and not at all without the cache, below)
    const sid = sha256(decodeURIComponent(user.cookie.match(/ys_session=([^;]+)/)![1]));
    const row = await t.database.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', sid)
      .executeTakeFirstOrThrow();
    await t.database.db.deleteFrom('sessions').where('id', '=', sid).execute();
    expect((await me(user)).user.username).toBe('yaodu');
    await t.database.db.insertInto('sessions').values(row).execute();

    // a role change applies to the next request of every session of the user
    let res = await admin.patch(`/api/v1/users/${id}`, { version: await version(), roles: ['leader'] });
    expect(res.statusCode).toBe(200);
    expect((await me(user)).user.roles).toEqual(['leader']);
    expect((await me(other)).permissions).not.toContain('projects.write');
    res = await admin.patch(`/api/v1/users/${id}`, { version: await version(), roles: ['county_staff'] });
    expect((await me(other)).user.roles).toEqual(['county_staff']);

    // the user's own language choice
    expect((await user.patch('/api/v1/auth/locale', { locale: 'en-US' })).statusCode).toBe(200);
    expect((await me(other)).user.locale).toBe('en-US');

    // disabling ends every session at once
    res = await admin.patch(`/api/v1/users/${id}`, { version: await version(), disabled: true });
    expect(res.statusCode).toBe(200);
    expect(await me(user)).toBe(401);
    expect(await me(other)).toBe(401);
    await admin.patch(`/api/v1/users/${id}`, { version: await version(), disabled: false });

    // a password change keeps the session that made it and ends the others
    const a = await t.login('yaodu');
    const b = await t.login('yaodu');
    expect(await me(b)).toMatchObject({ user: { username: 'yaodu' } });
    res = await a.post('/api/v1/auth/change-password', {
      currentPassword: 'Demo12345678',
      newPassword: 'Changed-Pass-2026',
    });
    expect(res.statusCode).toBe(200);
    expect(await me(b)).toBe(401);
    expect(await me(a)).toMatchObject({ user: { username: 'yaodu' } });
    await a.post('/api/v1/auth/change-password', {
      currentPassword: 'Changed-Pass-2026',
      newPassword: 'Demo12345678',
    });

    // signing out ends the cached session
    expect((await a.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect(await me(a)).toBe(401);
  });

  it('reads the session on every request when the cache is off', async () => {
    const uncached = await createTestApp({ SESSION_CACHE_MS: '0' });
    try {
      const c = await uncached.login('yaodu');
      expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
      await uncached.database.db.deleteFrom('sessions').execute();
      expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
    } finally {
      await uncached.close();
    }
  });

  it('sets Secure, HttpOnly, SameSite=Lax cookies behind HTTPS and clears them at sign-out', async () => {
    const https = await createTestApp({ COOKIE_SECURE: 'true' });
    try {
      const res = await https
        .anonymous()
        .post('/api/v1/auth/login', { username: 'yaodu', password: 'Demo12345678' });
      const cookie = res.cookies.find((c) => c.name === 'ys_session')!;
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie.maxAge).toBeGreaterThan(0);
      // behind HTTPS the CSP also upgrades stray http: requests
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      const c = await https.login('yaodu');
      const out = await c.post('/api/v1/auth/logout');
      const cleared = out.cookies.find((k) => k.name === 'ys_session');
      expect(cleared?.value ?? '').toBe('');
      expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
    } finally {
      await https.close();
    }
  });

  it('sends the security headers on answers, refusals and unknown routes alike', async () => {
    for (const res of [
      await t.anonymous().get('/api/health'),
      await t.anonymous().get('/api/v1/users'),
      await admin.get('/api/v1/no-such-route'),
      await admin.get('/api/v1/users?page=0'),
    ]) {
      const h = res.headers;
      const csp = String(h['content-security-policy']);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ])
        expect(csp).toContain(directive);
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['x-frame-options']).toBe('SAMEORIGIN');
      expect(h['referrer-policy']).toBe('no-referrer');
      expect(h['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(h['cross-origin-opener-policy']).toBe('same-origin');
      expect(h['x-powered-by']).toBeUndefined();
      expect(h['cache-control']).toBe('no-store');
      expect(h['x-request-id']).toBeTruthy();
    }
  });

  it('answers malformed and over-long URLs in the error shape, not the framework’s', async () => {
    for (const url of [
      '/api/v1/org-units/%E0%A4%A',
      '/api/v1/users/%ZZ',
      `/api/v1/projects/${'x'.repeat(300)}`,
      `/api/v1/appeals/${encodeURIComponent('[{"a":1}]'.repeat(20))}`,
    ]) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe('VALIDATION_FAILED');
    }
  });

  it('serves attachments only by id, never by a path, with download headers', async () => {
    const region = await unitId(t, '141002');
    const investor = (
      await admin.post('/api/v1/investors', { name: '文件测试投资方', creditCode: '91110000802100433B' })
    ).json();
    const project = (
      await admin.post('/api/v1/projects', {
        name: '文件测试项目',
        regionId: region,
        industryCode: '39',
        totalInvestmentFen: 1_000_00,
        projectType: 'new',
        investorIds: [investor.id],
      })
    ).json();
    const html = Buffer.from('%PDF-1.4 <html><script>alert(1)</script>');
    const up = await admin.request({
      method: 'POST',
      url: `/api/v1/projects/${project.id}/attachments`,
      ...multipart('..\\..\\x<script>.pdf', html),
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().fileName).not.toMatch(/[\\/]/);
    const base = `/api/v1/projects/${project.id}/attachments`;
    const down = await admin.get(`${base}/${up.json().id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''/);
    expect(down.headers['content-disposition']).not.toContain('<');
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    for (const id of [
      '..%2F..%2F..%2F..%2Fetc%2Fpasswd',
      '%2e%2e%2f%2e%2e%2fyingshang.sqlite',
      '..',
      '.',
      '%2F',
      '..%5C..%5Cyingshang.sqlite',
      encodeURIComponent(`../attachments/${'0'.repeat(64)}`),
    ]) {
      const res = await admin.get(`${base}/${id}`);
      expect([400, 404], `${id}: ${res.statusCode}`).toContain(res.statusCode);
      expect(res.body).not.toMatch(/root:|SQLite format/);
    }
  });

  it('refuses an upload over the size limit and a file whose bytes do not match its name, storing nothing', async () => {
    const region = await unitId(t, '141002');
    const appeal = (
      await admin.post('/api/v1/appeals', {
        channel: 'window',
        category: 'land',
        title: '上传限制诉求',
        description: '上传限制',
        enterpriseId: await unitId(t, 'E-YDYS'),
        regionId: region,
      })
    ).json();
    const before = await tableCounts(t);
    const url = `/api/v1/appeals/${appeal.id}/attachments`;
    const big = await admin.request({
      method: 'POST',
      url,
      ...multipart('big.pdf', Buffer.concat([Buffer.from('%PDF'), Buffer.alloc(20 * 1024 * 1024 + 1)])),
    });
    // a file past 20 MB: refused as every upload refuses it (the kernel's readUpload)
    expect([big.statusCode, big.json().error.code]).toEqual([413, 'FILE_TOO_LARGE']);
    for (const [name, bytes] of [
      ['invoice.pdf', Buffer.from('MZ\x90\x00 a renamed executable')],
      ['page.html', Buffer.from('<script>alert(1)</script>')],
      ['image.svg', Buffer.from('<svg onload="alert(1)"/>')],
      ['noext', Buffer.from('%PDF-1.4')],
    ] as const) {
      const res = await admin.request({ method: 'POST', url, ...multipart(name, bytes) });
      expect([res.statusCode, res.json().error.code], name).toEqual([400, 'FILE_INVALID']);
    }
    expect(await tableCounts(t)).toEqual(before);
  });
});
