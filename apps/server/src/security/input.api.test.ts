import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  describeApi,
  type TestApp,
  tableCounts,
  unitId,
  userId,
} from '../../test/harness.js';

/** Malformed, oversized, mistyped and hostile input: always a 4xx with the error shape, nothing written. */
describeApi('hostile input', () => {
  let t: TestApp;
  let admin: Client;
  let writes: { method: 'POST' | 'PATCH'; url: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    const unit = await unitId(t, '141002');
    const user = await userId(t, 'yaodu');
    const appeal = (
      await admin.post('/api/v1/appeals', {
        channel: 'window',
        category: 'land',
        title: '输入测试诉求',
        description: '输入测试',
        enterpriseId: await unitId(t, 'E-YDYS'),
        regionId: unit,
      })
    ).json();
    writes = [
      { method: 'POST', url: '/api/v1/org-units' },
      { method: 'PATCH', url: `/api/v1/org-units/${unit}` },
      { method: 'POST', url: '/api/v1/users' },
      { method: 'PATCH', url: `/api/v1/users/${user}` },
      { method: 'POST', url: '/api/v1/auth/change-password' },
      { method: 'PATCH', url: '/api/v1/auth/locale' },
      { method: 'POST', url: '/api/v1/appeals' },
      { method: 'POST', url: `/api/v1/appeals/${appeal.id}/accept` },
      { method: 'POST', url: `/api/v1/appeals/${appeal.id}/reject` },
      { method: 'POST', url: '/api/v1/appeal-meetings' },
      { method: 'PATCH', url: '/api/v1/appeal-sla-rules/default' },
      { method: 'POST', url: '/api/v1/activities' },
      { method: 'POST', url: '/api/v1/officials' },
      { method: 'POST', url: '/api/v1/rectification/campaigns' },
      { method: 'POST', url: '/api/v1/rectification/findings' },
      { method: 'POST', url: '/api/v1/rectification/arrears' },
      { method: 'POST', url: '/api/v1/incentives/evaluate' },
      { method: 'POST', url: '/api/v1/incentives/applications' },
      { method: 'POST', url: '/api/v1/incentives/rates' },
      { method: 'POST', url: '/api/v1/incentives/matching' },
    ];
  });
  afterAll(() => t.close());

  const bodies: [string, string | Buffer, string][] = [
    ['malformed JSON', '{"name": ', 'BAD_JSON'],
    ['not UTF-8', Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'BAD_JSON'],
    ['prototype pollution', '{"__proto__": {"admin": true}, "version": 1}', 'BAD_JSON'],
    ['an array', '[1, 2, 3]', 'VALIDATION_FAILED'],
    ['a string', '"hello"', 'VALIDATION_FAILED'],
    [
      'wrong types',
      '{"version": "1", "name": 42, "roles": "admin", "disabled": "yes", "locale": 1}',
      'VALIDATION_FAILED',
    ],
    ['unknown fields only', '{"isAdmin": true, "passwordHash": "x"}', 'VALIDATION_FAILED'],
    ['deep nesting', `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`, 'VALIDATION_FAILED'],
    [
      'huge string',
      JSON.stringify({ version: 1, name: '营'.repeat(200_000), displayName: 'x'.repeat(600_000) }),
      'BODY_TOO_LARGE',
    ],
    ['numbers at the limit', '{"version": 1e309, "name": "x"}', 'VALIDATION_FAILED'],
    [
      'a NUL character',
      '{"version": 1, "name": "a\\u0000b", "displayName": "a\\u0000b", "locale": "zh-CN\\u0000"}',
      'VALIDATION_FAILED',
    ],
    ['negative version', '{"version": -1, "name": "x"}', 'VALIDATION_FAILED'],
  ];

  it.each(bodies)('%s → 4xx, error shape, nothing written', async (_label, payload, code) => {
    const before = await tableCounts(t);
    for (const w of writes) {
      const res = await admin.request({
        method: w.method,
        url: w.url,
        payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode, `${w.method} ${w.url}: ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      const err = res.json().error;
      expect(err.message.length).toBeGreaterThan(0);
      if (
        !(code === 'VALIDATION_FAILED' && w.url.includes('change-password') && err.code === 'PASSWORD_WRONG')
      ) {
        expect(err.code, `${w.method} ${w.url}`).toBe(code);
      }
    }
    expect(await tableCounts(t)).toEqual(before);
  });

  it('refuses other content types and empty bodies', async () => {
    const form = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: 'a=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const empty = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: '',
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.statusCode).toBe(400);
  });

  it('treats SQL in search boxes and names as text', async () => {
    const before = await tableCounts(t);
    for (const q of ["' OR 1=1 --", '%', '_', "'; drop table users; --", '\\']) {
      const res = await admin.get(`/api/v1/org-units?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(res.json().total, q).toBe(0);
      const users = (await admin.get(`/api/v1/users?q=${encodeURIComponent(q)}`)).json();
      // '_' is a LIKE wildcard: escaped, it matches only the names that contain it.
      expect(
        users.items.map((u: { username: string }) => u.username),
        q,
      ).toEqual(q === '_' ? ['linfen_leader', 'linfen_zrzy'] : []);
    }
    expect(await tableCounts(t)).toEqual(before);
    const name = "Robert'); DROP TABLE users;-- <script>alert(1)</script>";
    const created = await admin.post('/api/v1/org-units', {
      code: 'E-BOBBY',
      name,
      kind: 'enterprise',
      parentId: await unitId(t, '141002'),
    });
    expect(created.statusCode).toBe(201);
    expect((await admin.get(`/api/v1/org-units/${created.json().id}`)).json().name).toBe(name);
    expect((await admin.get('/api/v1/users')).json().total).toBe(9);
  });

  it('refuses bad query strings and ids without a 500', async () => {
    for (const url of [
      '/api/v1/users?page=0',
      '/api/v1/users?pageSize=100000',
      '/api/v1/users?role=god',
      '/api/v1/users?unknown=1',
      '/api/v1/org-units?kind=planet',
      '/api/v1/users?q=%00',
      '/api/v1/org-units/tree?kinds=city,planet',
      `/api/v1/org-units?q=${'x'.repeat(500)}`,
    ]) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe('VALIDATION_FAILED');
    }
    for (const url of [
      '/api/v1/users/%00',
      `/api/v1/users/${'a'.repeat(65)}`,
      "/api/v1/org-units/'%20or%201=1",
    ]) {
      const res = await admin.get(url);
      expect([400, 404], url).toContain(res.statusCode);
    }
    const unknown = await admin.get('/api/v1/nothing-here');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('sends security headers and request ids', async () => {
    const res = await t.anonymous().get('/api/health');
    expect(res.json()).toEqual({ status: 'ok', db: process.env.DB_KIND ?? 'sqlite' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('serves the OpenAPI document generated from the schemas', async () => {
    const res = await t.anonymous().get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.info.title).toBe('营商通 API');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users/{id}', '/api/v1/audit']),
    );
    expect(doc.paths['/api/v1/users'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['username', 'orgUnitId', 'roles']),
    );
  });
});
