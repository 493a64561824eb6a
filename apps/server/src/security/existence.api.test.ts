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

/**
 * No existence oracle: a record that is someone else's answers exactly like one that does not
 * exist (same status, same error code and message), for reads and writes — so an enterprise
 * cannot learn that another enterprise has an appeal, nor a county that another city has a project.
 */
const NOBODY = '0190f0f0-0000-7000-8000-000000000000';

describeApi('no existence leak', () => {
  let t: TestApp;
  let admin: Client;
  let other: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    const ty = await unitId(t, '140105');
    // another enterprise's appeal in the same city as the signed-in enterprise, with a file
    const appeal = (
      await admin.post('/api/v1/appeals', {
        channel: 'window',
        category: 'land',
        title: '另一企业的诉求',
        description: '不应被看到',
        enterpriseId: await unitId(t, 'E-YDYS'),
        regionId: await unitId(t, '141002'),
      })
    ).json();
    const appealFile = (
      await admin.request({
        method: 'POST',
        url: `/api/v1/appeals/${appeal.id}/attachments`,
        ...multipart('材料.pdf', Buffer.from('%PDF-1.4 other')),
      })
    ).json();
    // a project, activity, task and arrears record of 太原
    const investor = (
      await admin.post('/api/v1/investors', { name: '存在性测试投资方', creditCode: '91110000802100433B' })
    ).json();
    const project = (
      await admin.post('/api/v1/projects', {
        name: '太原存在性项目',
        regionId: ty,
        industryCode: '39',
        totalInvestmentFen: 1_000_00,
        projectType: 'new',
        investorIds: [investor.id],
      })
    ).json();
    const taiyuan = await t.login('taiyuan');
    const arrear = (
      await taiyuan.post('/api/v1/rectification/arrears', {
        debtorName: '太原国企',
        creditorName: '太原企业',
        creditorCreditCode: '91110000802100433B',
        contract: '太原合同',
        regionId: ty,
        amountFen: 100_00,
        dueOn: '2026-01-05',
      })
    ).json();
    other = {
      appeal: appeal.id,
      appealFile: appealFile.id,
      project: project.id,
      arrear: arrear.id,
      unit: ty,
      user: await userId(t, 'taiyuan'),
    };
    for (const [k, v] of Object.entries(other)) expect(v, k).toEqual(expect.any(String));
  });
  afterAll(() => t?.close());

  type Probe = [method: 'GET' | 'POST' | 'PATCH', url: (id: string, item: string) => string, body?: unknown];

  async function same(c: Client, probes: Probe[], real: (p: Probe) => [string, string]) {
    const before = await tableCounts(t);
    for (const p of probes) {
      const [method, url, body] = p;
      const [id, item] = real(p);
      const ask = (u: string) =>
        c.request({ method, url: u, ...(body !== undefined && { payload: body as object }) });
      const theirs = await ask(url(id, item));
      const none = await ask(url(NOBODY, NOBODY));
      const key = `${method} ${url(':id', ':item')}`;
      expect(theirs.statusCode, `${key}: ${theirs.body}`).toBeGreaterThanOrEqual(400);
      expect([theirs.statusCode, theirs.json().error.code, theirs.json().error.message], key).toEqual([
        none.statusCode,
        none.json().error.code,
        none.json().error.message,
      ]);
    }
    expect(await tableCounts(t)).toEqual(before);
  }

  it('an enterprise cannot tell another enterprise’s appeal from one that does not exist', async () => {
    const ent = await t.login('enterprise');
    await same(
      ent,
      [
        ['GET', (id) => `/api/v1/appeals/${id}`],
        ['GET', (id) => `/api/v1/appeals/${id}/attachments`],
        ['GET', (id, item) => `/api/v1/appeals/${id}/attachments/${item}`],
        ['POST', (id) => `/api/v1/appeals/${id}/rate`, { version: 1, rating: 'unsatisfied' }],
        ['POST', (id) => `/api/v1/appeals/${id}/reply`, { version: 1, reply: '试探' }],
      ],
      () => [other.appeal, other.appealFile],
    );
  });

  it('a county cannot tell another city’s records from ones that do not exist', async () => {
    const yaodu = await t.login('yaodu');
    await same(
      yaodu,
      [
        ['GET', (id) => `/api/v1/projects/${id}`],
        ['PATCH', (id) => `/api/v1/projects/${id}`, { version: 1, name: '试探' }],
        ['GET', (id) => `/api/v1/rectification/arrears/${id}`],
        ['GET', (id) => `/api/v1/org-units/${id}`],
        ['GET', (id) => `/api/v1/users/${id}`],
      ],
      ([, url]) => {
        const u = url('x', 'y');
        if (u.includes('/projects/')) return [other.project, ''];
        if (u.includes('/arrears/')) return [other.arrear, ''];
        if (u.includes('/org-units/')) return [other.unit, ''];
        return [other.user, ''];
      },
    );
  });

  it('a department cannot tell an appeal not assigned to it from one that does not exist', async () => {
    const dept = await t.login('linfen_zrzy');
    await same(
      dept,
      [
        ['GET', (id) => `/api/v1/appeals/${id}`],
        ['POST', (id) => `/api/v1/appeals/${id}/sign`, { version: 1 }],
      ],
      () => [other.appeal, ''],
    );
  });
});
