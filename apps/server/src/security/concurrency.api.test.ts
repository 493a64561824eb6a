import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Client, createTestApp, describeApi, type TestApp, unitId } from '../../test/harness.js';

/**
 * Races from several sessions at once (on PostgreSQL through a pool of 5 connections, so the
 * transactions really overlap): the first writer wins, the others get 409, nothing is lost and
 * nothing is applied twice; repayments never exceed the debt.
 */
describeApi('concurrent writers', () => {
  let t: TestApp;
  let clients: Client[];
  let projectId: string;

  const sorted = (codes: number[]) => [...codes].sort((a, b) => a - b);

  beforeAll(async () => {
    t = await createTestApp();
    // several people with the right to write in 尧都区, each in their own session
    clients = [
      await t.login('admin'),
      await t.login('admin'),
      await t.login('linfen'),
      await t.login('linfen'),
      await t.login('yaodu'),
      await t.login('yaodu'),
    ];
    const investor = (
      await clients[0].post('/api/v1/investors', { name: '并发测试投资方', creditCode: '91110000802100433B' })
    ).json();
    const project = await clients[0].post('/api/v1/projects', {
      name: '并发测试项目',
      regionId: await unitId(t, '141002'),
      industryCode: '39',
      totalInvestmentFen: 100_000_00,
      projectType: 'new',
      investorIds: [investor.id],
    });
    expect(project.statusCode, project.body).toBe(201);
    projectId = project.json().id;
  });
  afterAll(() => t?.close());

  it('two users saving the same version: one wins, the other gets 409 and nothing is half-applied', async () => {
    const { version } = (await clients[0].get(`/api/v1/projects/${projectId}`)).json();
    const [a, b] = await Promise.all([
      clients[0].patch(`/api/v1/projects/${projectId}`, { version, name: '甲改的名字' }),
      clients[4].patch(`/api/v1/projects/${projectId}`, { version, name: '乙改的名字' }),
    ]);
    expect(sorted([a.statusCode, b.statusCode])).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    const winner = a.statusCode === 200 ? a : b;
    expect(loser.json().error.code).toBe('VERSION_CONFLICT');
    const now = (await clients[0].get(`/api/v1/projects/${projectId}`)).json();
    expect(now.name).toBe(winner.json().name);
    expect(now.version).toBe(version + 1);
    // the loser reloads and saves on top: nothing of the winner is lost
    const again = await clients[4].patch(`/api/v1/projects/${projectId}`, {
      version: now.version,
      tags: ['并发'],
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ name: now.name, tags: ['并发'], version: version + 2 });
  });

  it('a stage move raced from six sessions is applied once', async () => {
    const before = (await clients[0].get(`/api/v1/projects/${projectId}`)).json();
    const events = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('projectEvents')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('projectId', '=', projectId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const eventsBefore = await events();
    const results = await Promise.all(
      clients.map((c) =>
        c.post(`/api/v1/projects/${projectId}/stage`, {
          version: before.version,
          action: 'advance',
          to: 'negotiating',
          date: '2026-01-05',
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(
      codes.filter((c) => c === 200),
      JSON.stringify(results.map((r) => r.body)),
    ).toHaveLength(1);
    expect(codes.filter((c) => c !== 200).every((c) => c === 409)).toBe(true);
    const after = (await clients[0].get(`/api/v1/projects/${projectId}`)).json();
    expect([after.status, after.version]).toEqual(['negotiating', before.version + 1]);
    expect(await events()).toBe(eventsBefore + 1);
  });

  it('repayments raced from six sessions never exceed the debt, and every accepted one is recorded', async () => {
    const city = clients[2];
    const created = await city.post('/api/v1/rectification/arrears', {
      debtorName: '并发国有企业',
      creditorName: '并发小微企业',
      creditorCreditCode: '91110000802100433B',
      contract: '并发合同',
      regionId: await unitId(t, '141002'),
      amountFen: 1_000,
      dueOn: '2026-01-05',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const payers = [clients[0], clients[1], clients[2], clients[3], city, clients[0]];
    const outcome = await Promise.all(
      payers.map(async (c) => {
        const accepted: number[] = [];
        for (let attempt = 0; attempt < 30; attempt++) {
          const { version } = (await c.get(`/api/v1/rectification/arrears/${id}`)).json();
          const res = await c.post(`/api/v1/rectification/arrears/${id}/repayments`, {
            version,
            paidOn: '2026-01-05',
            amountFen: 300,
          });
          if (res.statusCode === 201 || res.statusCode === 200) accepted.push(300);
          else if (res.statusCode === 409) continue;
          else {
            expect(['REPAYMENT_EXCEEDS_BALANCE', 'ARREAR_CLEARED']).toContain(res.json().error.code);
            break;
          }
        }
        return accepted;
      }),
    );
    const acceptedTotal = outcome.flat().reduce((a, b) => a + b, 0);
    expect(acceptedTotal).toBe(900);
    const arrear = (await city.get(`/api/v1/rectification/arrears/${id}`)).json();
    expect(arrear.repaidFen).toBe(900);
    const rows = await t.database.db
      .selectFrom('rectificationRepayments')
      .select('amountFen')
      .where('arrearId', '=', id)
      .execute();
    expect(rows.reduce((s, r) => s + Number(r.amountFen), 0)).toBe(900);
    expect(rows).toHaveLength(3);
  });

  it('an appeal accepted from several sessions at once is accepted once', async () => {
    const yaodu = clients[4];
    const filed = (
      await yaodu.post('/api/v1/appeals', {
        channel: 'window',
        category: 'land',
        title: '并发受理诉求',
        description: '并发',
        enterpriseId: await unitId(t, 'E-YDYS'),
        regionId: await unitId(t, '141002'),
      })
    ).json();
    const results = await Promise.all(
      [clients[0], clients[1], clients[4], clients[5]].map((c) =>
        c.post(`/api/v1/appeals/${filed.id}/accept`, { version: filed.version }),
      ),
    );
    expect(sorted(results.map((r) => r.statusCode))).toEqual([200, 409, 409, 409]);
    const events = await t.database.db
      .selectFrom('appealEvents')
      .select(['kind', 'toStatus'])
      .where('appealId', '=', filed.id)
      .execute();
    expect(
      events.filter((e) => e.toStatus === 'accepted'),
      JSON.stringify(events),
    ).toHaveLength(1);
  });
});
