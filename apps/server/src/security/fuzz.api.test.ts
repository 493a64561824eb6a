import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, hostileBody, hostileValue, type JsonSchema } from '../../test/fuzz.js';
import {
  type Client,
  createTestApp,
  describeApi,
  multipart,
  type TestApp,
  unitId,
  userId,
} from '../../test/harness.js';

/**
 * Property-based hostile input on every write route, generated from the schema it declares
 * (fast-check, fixed seed, shrinking on): whatever arrives, the answer is 2xx or 4xx with the
 * error shape, never a 500, and a refusal writes nothing (every table's row count is unchanged).
 * FUZZ_RUNS sets the cases per route (default 30; a failure prints the seed and shrunk body).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? 20260909);
/** Routes whose valid call would end the fuzzing session itself. */
const SKIP = new Set(['POST /api/v1/auth/logout']);

interface Route {
  key: string;
  method: string;
  path: string;
  schema: JsonSchema | null;
}

describeApi('property-based hostile input', () => {
  let t: TestApp;
  let admin: Client;
  let ids: Record<string, string>;
  let routes: Route[];
  let components: Record<string, JsonSchema>;
  // biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document as parsed JSON
  let doc: any;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    const investor = (
      await admin.post('/api/v1/investors', { name: '模糊测试投资方', creditCode: '91110000802100433B' })
    ).json();
    const region = await unitId(t, '141002');
    const project = (
      await admin.post('/api/v1/projects', {
        name: '模糊测试项目',
        regionId: region,
        industryCode: '39',
        totalInvestmentFen: 100_000_00,
        projectType: 'new',
        investorIds: [investor.id],
      })
    ).json();
    expect(project.id, JSON.stringify(project)).toEqual(expect.any(String));
    const need = (
      await admin.post(`/api/v1/projects/${project.id}/factor-needs`, {
        kind: 'land',
        responsibleOrgId: region,
      })
    ).json();
    const promise = (
      await admin.post(`/api/v1/projects/${project.id}/promises`, {
        content: '承诺',
        dueOn: '2026-01-05',
        responsibleOrgId: region,
      })
    ).json();
    const attachment = (
      await admin.request({
        method: 'POST',
        url: `/api/v1/projects/${project.id}/attachments`,
        ...multipart('协议.pdf', Buffer.from('%PDF-1.4 fuzz')),
      })
    ).json();
    const official = (
      await admin.post('/api/v1/officials', { name: '模糊领导', post: '区长', orgUnitId: region, main: true })
    ).json();
    const activity = (
      await admin.post('/api/v1/activities', {
        type: 'outbound',
        title: '模糊测试活动',
        startOn: '2026-01-05',
        endOn: '2026-01-06',
        organiserId: region,
        officialIds: [official.id],
      })
    ).json();
    const appeal = (
      await admin.post('/api/v1/appeals', {
        channel: 'window',
        category: 'land',
        title: '模糊测试诉求',
        description: '模糊测试',
        enterpriseId: await unitId(t, 'E-YDYS'),
        regionId: region,
      })
    ).json();
    const meeting = (
      await admin.post('/api/v1/appeal-meetings', {
        series: 'tea',
        title: '模糊测试下午茶',
        heldOn: '2026-01-05',
        regionId: await unitId(t, '141000'),
        hostLeader: '市长',
        enterpriseIds: [await unitId(t, 'E-YDYS')],
      })
    ).json();
    const linfen = await t.login('linfen');
    const campaign = (
      await linfen.post('/api/v1/rectification/campaigns', {
        title: '模糊整改行动',
        issuingBody: '临汾',
        startOn: '2026-01-01',
        deadlineOn: '2026-12-31',
        scopeOrgIds: [await unitId(t, '141000')],
        problems: ['模糊问题'],
      })
    ).json();
    const task = (
      await linfen.post('/api/v1/rectification/tasks', {
        campaignId: campaign.id,
        problemId: campaign.problems[0].id,
        issue: '模糊任务',
        measures: '模糊措施',
        leadOrgId: await unitId(t, '141000'),
        zoneIds: [region],
        deadlineOn: '2026-06-30',
      })
    ).json();
    const arrear = (
      await linfen.post('/api/v1/rectification/arrears', {
        debtorName: '模糊国企',
        creditorName: '模糊企业',
        creditorCreditCode: '91110000802100433B',
        contract: '模糊合同',
        regionId: region,
        amountFen: 100_000_00,
        dueOn: '2026-01-05',
      })
    ).json();
    ids = {
      projects: project.id,
      'factor-needs': need.factorNeeds[0].id,
      promises: promise.promises[0].id,
      attachments: attachment.id,
      activities: activity.id,
      officials: official.id,
      appeals: appeal.id,
      'appeal-meetings': meeting.id,
      campaigns: campaign.id,
      tasks: task.id,
      arrears: arrear.id,
      'org-units': region,
      users: await userId(t, 'yaodu'),
      'appeal-sla-rules': 'default',
      'appeal-calendar': '2031',
    };
    for (const v of Object.values(ids)) expect(v, JSON.stringify(ids)).toEqual(expect.any(String));

    doc = (await admin.get('/api/docs/json')).json();
    components = doc.components?.schemas ?? {};
    routes = [];
    for (const [p, ops] of Object.entries<
      Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
    >(doc.paths)) {
      for (const [m, op] of Object.entries(ops)) {
        const method = m.toUpperCase();
        if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
        const key = `${method} ${p}`;
        if (SKIP.has(key.replace(/\{(\w+)\}/g, ':$1'))) continue;
        routes.push({
          key,
          method,
          path: p,
          schema: op.requestBody?.content['application/json']?.schema ?? null,
        });
      }
    }
  });
  afterAll(() => t?.close());

  /** `{id}` → the fixture of that collection (by the segment before it); unknown → a well-formed id nobody has. */
  const urlOf = (path: string) =>
    path.replace(
      /([\w-]+)\/\{(\w+)\}/g,
      (_m, segment: string) => `${segment}/${ids[segment] ?? '0190f0f0-0000-7000-8000-000000000000'}`,
    );

  it('finds the write routes in the schema document', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter((r) => r.schema).length).toBeGreaterThan(40);
  });

  describe('every write route', () => {
    it('answers generated hostile bodies with 2xx or an error-shaped 4xx, and writes nothing on refusal', async () => {
      const failures: string[] = [];
      const statuses: Record<string, number> = {};
      for (const route of routes) {
        const url = urlOf(route.path);
        try {
          await fc.assert(
            fc.asyncProperty(hostileBody(route.schema, components), async (body) => {
              const before = await fingerprint(t.database);
              const res = await admin.request({
                method: route.method as 'POST',
                url,
                payload: JSON.stringify(body) ?? 'null',
                headers: { 'content-type': 'application/json' },
              });
              const band = `${Math.floor(res.statusCode / 100)}xx`;
              statuses[band] = (statuses[band] ?? 0) + 1;
              expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
              if (res.statusCode >= 400) {
                const err = res.json().error;
                expect(err.code).toMatch(/^[A-Z_]+$/);
                expect(typeof err.message).toBe('string');
                expect(err.message.length).toBeGreaterThan(0);
                expect(await fingerprint(t.database)).toEqual(before);
              }
            }),
            { seed: SEED, numRuns: RUNS, endOnFailure: false },
          );
        } catch (e) {
          failures.push(`${route.key} (${url}):\n${String((e as Error).message).slice(0, 1500)}`);
        }
      }
      console.log(
        `fuzz: ${routes.length} write routes × ${RUNS} cases (seed ${SEED}); responses ${JSON.stringify(statuses)}`,
      );
      expect(failures).toEqual([]);
    }, 600_000);

    it('answers hostile query strings and path ids on every read route with 2xx or an error-shaped 4xx', async () => {
      const failures: string[] = [];
      const reads = Object.entries<Record<string, { parameters?: { in: string; name: string }[] }>>(doc.paths)
        .filter(([p, ops]) => ops.get && p.startsWith('/api/v1/'))
        .map(([p, ops]) => ({
          path: p,
          query: (ops.get.parameters ?? []).filter((q) => q.in === 'query').map((q) => q.name),
        }));
      expect(reads.length).toBeGreaterThan(30);
      const text = hostileValue.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));
      for (const read of reads) {
        const names = read.query.length > 0 ? read.query : ['q'];
        try {
          await fc.assert(
            fc.asyncProperty(
              fc.dictionary(fc.constantFrom(...names), text, { minKeys: 1, maxKeys: names.length }),
              fc.option(text, { nil: undefined, freq: 2 }),
              async (query, pathId) => {
                const base =
                  pathId === undefined
                    ? urlOf(read.path)
                    : read.path.replace(/\{\w+\}/g, encodeURIComponent(pathId.slice(0, 2000)));
                const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, v.slice(0, 2000)]));
                const res = await admin.get(`${base}?${qs}`);
                expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
                if (res.statusCode >= 400) expect(res.json().error.code).toMatch(/^[A-Z_]+$/);
              },
            ),
            { seed: SEED, numRuns: RUNS, endOnFailure: false },
          );
        } catch (e) {
          failures.push(`GET ${read.path}:\n${String((e as Error).message).slice(0, 1500)}`);
        }
      }
      expect(failures).toEqual([]);
    }, 600_000);
  });
});
