import { centsToFen, roundHalfUp } from '@yingshang/rules';
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
import { incentiveRollups } from './rollups.repository.js';

/**
 * The 到资奖励 end to end on the API: trial evaluation (nothing saved), an application with two
 * arrivals, the zone → city → province review, payments, the cap across applications, and every
 * kind of bad input refused with nothing written.
 */
const POLICY = 'sx-2023-east-manufacturing-transfer';
const RATES = [
  ['2025-03-03', '7.1702'],
  ['2025-06-02', '7.1848'],
  ['2025-09-01', '7.1030'],
  ['2025-10-09', '7.1030'],
] as const;
const USD = (dollars: number) => dollars * 100;
/** 5% of the yuan value at the parity, rounded half up once on the total. */
const reward = (...arrivals: [number, string][]) =>
  Number(
    roundHalfUp(
      BigInt(arrivals.reduce((s, [usd, rate]) => s + centsToFen(USD(usd), rate), 0)) * 500n,
      10_000n,
    ),
  );

describeApi('incentives', () => {
  let t: TestApp;
  let admin: Client;
  let ent: Client;
  let zone: Client;
  let city: Client;
  let zoneId: string;
  let catalogueItemId: string;

  const facts = (arrivals: { ref: string; on: string; usd: number }[], extra: object = {}) => ({
    policyId: POLICY,
    kind: 'capital_arrival',
    foreignInvested: true,
    registeredProvince: '320000',
    catalogueItemId,
    arrivals: arrivals.map((a) => ({
      bankReceiptNo: a.ref,
      receivedOn: a.on,
      currency: 'USD',
      amount: USD(a.usd),
    })),
    ...extra,
  });
  const application = (arrivals: { ref: string; on: string; usd: number }[], extra: object = {}) => ({
    ...facts(arrivals),
    regionId: zoneId,
    investorName: '江苏某外商投资企业',
    materials: [
      { kind: 'arrival_receipt', name: '银行进账单' },
      { kind: 'registration_certificate', name: '营业执照' },
      { kind: 'foreign_investment_report', name: '外商投资信息报告回执' },
    ],
    ...extra,
  });
  const review = async (c: Client, id: string, decision: string, note?: string) => {
    const cur = (await c.get(`/api/v1/incentives/applications/${id}`)).json();
    return c.post(`/api/v1/incentives/applications/${id}/review`, { version: cur.version, decision, note });
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    ent = await t.login('enterprise');
    zone = await t.login('lfkfq');
    city = await t.login('linfen');
    zoneId = await unitId(t, 'Z14100001');
    for (const [day, rate] of RATES) {
      const r = await admin.post('/api/v1/incentives/rates', { day, rate });
      expect(r.statusCode, r.body).toBe(200);
    }
    const item = await t.database.db
      .selectFrom('incentiveCatalogueItems')
      .select('id')
      .where('name', '=', '镁、铝等有色金属精深加工')
      .executeTakeFirstOrThrow();
    catalogueItemId = item.id;
  });
  afterAll(() => t.close());

  it('evaluates with a trace and saves nothing', async () => {
    const before = await tableCounts(t);
    const res = await ent.post(
      '/api/v1/incentives/evaluate',
      facts([
        { ref: 'EV-1', on: '2025-03-03', usd: 6_000_000 },
        { ref: 'EV-2', on: '2025-06-02', usd: 5_000_000 },
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json();
    expect(e).toMatchObject({
      eligible: true,
      amountFen: reward([6_000_000, '7.1702'], [5_000_000, '7.1848']),
    });
    expect(e.arrivals.map((a: { rate: string }) => a.rate)).toEqual(['7.1702', '7.1848']);
    expect(e.conditions.every((c: { passed: boolean }) => c.passed)).toBe(true);
    expect(e.parameters.find((p: { key: string }) => p.key === 'cap_fen').value).toBe(1_000_000_000);
    expect(await tableCounts(t)).toEqual(before);
    // the OpenAPI document carries it
    const doc = (await admin.get('/api/docs/json')).json();
    expect(doc.paths['/api/v1/incentives/evaluate'].post).toBeDefined();
  });

  it('an enterprise applies with two arrivals; zone, city and province approve; payments up to the approved amount', async () => {
    const res = await ent.post(
      '/api/v1/incentives/applications',
      application([
        { ref: 'BOC-2025-0303-01', on: '2025-03-03', usd: 6_000_000 },
        { ref: 'BOC-2025-0602-07', on: '2025-06-02', usd: 5_000_000 },
      ]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    const expected = reward([6_000_000, '7.1702'], [5_000_000, '7.1848']);
    expect(a).toMatchObject({
      status: 'county_review',
      stage: 'county',
      enterpriseName: '山西晋鑫焦化有限公司',
      regionName: '临汾经济开发区',
      provisionalFen: expected,
      missingMaterials: [],
    });
    expect(a.arrivals.map((x: { counted: boolean }) => x.counted)).toEqual([true, true]);
    expect(a.stageDueOn > a.submittedOn).toBe(true);
    // the zone's staff were told
    const zoneNotes = (await zone.get('/api/v1/notifications')).json();
    expect(JSON.stringify(zoneNotes)).toContain(a.code);

    // not the city's turn yet; a county elsewhere does not see it
    expect((await review(city, a.id, 'approve')).json().error.code).toBe('INCENTIVE_STEP_NOT_ALLOWED');
    const yaodu = await t.login('yaodu');
    expect((await yaodu.get(`/api/v1/incentives/applications/${a.id}`)).statusCode).toBe(404);

    expect((await review(zone, a.id, 'approve')).json()).toMatchObject({
      status: 'city_review',
      stage: 'city',
    });
    expect((await review(city, a.id, 'approve')).json()).toMatchObject({
      status: 'province_review',
      stage: 'province',
    });
    const approved = (await review(admin, a.id, 'approve')).json();
    expect(approved).toMatchObject({ status: 'approved', approvedFen: expected, stage: null });
    expect(approved.events.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'approve',
      'approve',
      'approve',
    ]);
    expect(approved.events.slice(1).every((e: { onTime: boolean }) => e.onTime)).toBe(true);

    // above the approved amount: refused, nothing written
    const before = await tableCounts(t);
    const over = await admin.post(`/api/v1/incentives/applications/${a.id}/payments`, {
      version: approved.version,
      paidOn: approved.approvedOn,
      amountFen: expected + 1,
      voucherNo: 'GK-2025-0001',
    });
    expect([over.statusCode, over.json().error.code]).toEqual([400, 'INCENTIVE_PAYMENT_EXCEEDS']);
    expect(await tableCounts(t)).toEqual(before);

    const part = await admin.post(`/api/v1/incentives/applications/${a.id}/payments`, {
      version: approved.version,
      paidOn: approved.approvedOn,
      amountFen: 100_000_000,
      voucherNo: 'GK-2025-0001',
    });
    expect(part.statusCode, part.body).toBe(200);
    expect(part.json()).toMatchObject({ status: 'partly_paid', paidFen: 100_000_000 });
    const sameVoucher = await admin.post(`/api/v1/incentives/applications/${a.id}/payments`, {
      version: part.json().version,
      paidOn: approved.approvedOn,
      amountFen: 1,
      voucherNo: 'GK-2025-0001',
    });
    expect(sameVoucher.json().error.code).toBe('INCENTIVE_VOUCHER_TAKEN');
    const rest = await city.post(`/api/v1/incentives/applications/${a.id}/payments`, {
      version: part.json().version,
      paidOn: approved.approvedOn,
      amountFen: expected - 100_000_000,
      voucherNo: 'GK-2025-0002',
    });
    expect(rest.statusCode, rest.body).toBe(200);
    expect(rest.json()).toMatchObject({ status: 'paid', paidFen: expected });
    expect(rest.json().payments).toHaveLength(2);
    // the enterprise sees its payment notice and the audit trail has every step
    expect(JSON.stringify((await ent.get('/api/v1/notifications')).json())).toContain('GK-2025-0002');
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', a.id)
      .orderBy('at')
      .execute();
    expect(audit.map((r) => r.action)).toEqual(['submit', 'approve', 'approve', 'approve', 'pay', 'pay']);
  });

  it('refuses a second claim on the same arrival, even written differently, and writes nothing', async () => {
    const before = await tableCounts(t);
    const res = await ent.post(
      '/api/v1/incentives/applications',
      application([{ ref: 'boc 2025 0303 01', on: '2025-03-03', usd: 6_000_000 }]),
    );
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'INCENTIVE_ARRIVAL_CLAIMED']);
    expect(res.json().error.message).toBe('该笔到账资金已申报过奖励，不能重复申报');
    expect(await tableCounts(t)).toEqual(before);
  });

  it('holds the CNY 10M cap on a second application', async () => {
    const first = reward([6_000_000, '7.1702'], [5_000_000, '7.1848']);
    const res = await ent.post(
      '/api/v1/incentives/applications',
      application([{ ref: 'ICBC-2025-0901-11', on: '2025-09-01', usd: 30_000_000 }]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a.provisionalFen).toBe(1_000_000_000 - first);
    expect(a.evaluation.cap).toMatchObject({ capped: true, priorFen: first, remainingAfterFen: 0 });
    // a third finds nothing left of the cap: not eligible, nothing written
    const before = await tableCounts(t);
    const third = await ent.post(
      '/api/v1/incentives/applications',
      application([{ ref: 'ICBC-2025-1009-02', on: '2025-10-09', usd: 1_000_000 }]),
    );
    expect([third.statusCode, third.json().error.code]).toEqual([400, 'INCENTIVE_NOT_ELIGIBLE']);
    expect(third.json().error.details.failed).toContain('cap_remaining');
    expect(await tableCounts(t)).toEqual(before);
    // rejected at the zone: the claim and its share of the cap are released
    expect((await review(zone, a.id, 'reject')).json().error.code).toBe('INCENTIVE_REASON_REQUIRED');
    expect((await review(zone, a.id, 'reject', '资产规模证明材料不实')).json().status).toBe('rejected');
    const again = await ent.post(
      '/api/v1/incentives/applications',
      application([{ ref: 'ICBC-2025-0901-11', on: '2025-09-01', usd: 30_000_000 }]),
    );
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().provisionalFen).toBe(1_000_000_000 - first);
  });

  it('returns for material and takes the resubmission back to the zone', async () => {
    const list = (await zone.get('/api/v1/incentives/applications?mine=review')).json();
    const pending = list.items.find((x: { status: string }) => x.status === 'county_review');
    expect(pending).toBeDefined();
    const returned = (await review(zone, pending.id, 'return', '请补充外商投资信息报告回执')).json();
    expect(returned.status).toBe('returned');
    // staff of the zone may resubmit on the enterprise's behalf; the city may not
    expect(returned.actions).toEqual(['resubmit']);
    expect((await city.get(`/api/v1/incentives/applications/${pending.id}`)).json().actions).toEqual([]);
    const own = (await ent.get(`/api/v1/incentives/applications/${pending.id}`)).json();
    expect(own.actions).toEqual(['resubmit']);
    const res = await ent.post(`/api/v1/incentives/applications/${pending.id}/resubmit`, {
      version: own.version,
      materials: [...own.materials, { kind: 'other', name: '补充说明' }],
      note: '已补充',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'county_review', stage: 'county' });
  });

  it.each([
    ['a negative amount', { amount: -100 }, 400, 'VALIDATION_FAILED'],
    ['a non-numeric amount', { amount: '一千万' }, 400, 'VALIDATION_FAILED'],
    ['an arrival date in the future', { receivedOn: '2099-01-04' }, 400, 'INCENTIVE_ARRIVAL_FUTURE'],
    ['a day with no parity within 15 days', { receivedOn: '2025-01-15' }, 400, 'INCENTIVE_RATE_MISSING'],
    ['a day that does not exist', { receivedOn: '2025-02-30' }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s with a translated error and writes nothing', async (_name, change, status, code) => {
    const body = application([{ ref: 'BAD-0001', on: '2025-03-03', usd: 12_000_000 }]);
    Object.assign(body.arrivals[0], change);
    const before = await tableCounts(t);
    const res = await ent.request({
      method: 'POST',
      url: '/api/v1/incentives/applications',
      payload: body,
      headers: { 'accept-language': 'en-US' },
    });
    expect([res.statusCode, res.json().error.code], res.body).toEqual([status, code]);
    expect(res.json().error.message).toMatch(/[A-Za-z]/);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('refuses an enterprise outside the caller’s area and a receiving office outside the enterprise’s city', async () => {
    const taiyuan = await t.login('taiyuan');
    const before = await tableCounts(t);
    const body = {
      ...application([{ ref: 'TY-0001', on: '2025-03-03', usd: 12_000_000 }]),
      enterpriseId: await unitId(t, 'E-JINXIN'),
      regionId: await unitId(t, '140105'),
    };
    const res = await taiyuan.post('/api/v1/incentives/applications', body);
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'INCENTIVE_ENTERPRISE_INVALID']);
    const own = await ent.post('/api/v1/incentives/applications', {
      ...application([{ ref: 'TY-0002', on: '2025-03-03', usd: 12_000_000 }]),
      regionId: await unitId(t, '140105'),
    });
    expect([own.statusCode, own.json().error.code]).toEqual([400, 'INCENTIVE_REGION_INVALID']);
    const dup = await ent.post(
      '/api/v1/incentives/applications',
      application([
        { ref: 'DUP-1', on: '2025-03-03', usd: 6_000_000 },
        { ref: 'DUP-1', on: '2025-06-02', usd: 6_000_000 },
      ]),
    );
    expect(dup.json().error.code).toBe('INCENTIVE_ARRIVAL_DUPLICATE');
    expect(await tableCounts(t)).toEqual(before);
  });

  it('lets one of two simultaneous claims on the same arrival through (a unique key, not a check)', async () => {
    const yaodu = await t.login('yaodu');
    const body = {
      ...application([{ ref: 'RACE-2025-0001', on: '2025-06-02', usd: 10_000_000 }]),
      enterpriseId: await unitId(t, 'E-YDYS'),
      regionId: await unitId(t, '141002'),
    };
    const results = await Promise.all([
      yaodu.post('/api/v1/incentives/applications', body),
      yaodu.post('/api/v1/incentives/applications', body),
    ]);
    // one goes through; the other is refused by the unique key when the two overlap (409), or by the
    // eligibility check when it starts after the first has committed (400: no new arrival left)
    const [won, lost] = [...results].sort((a, b) => a.statusCode - b.statusCode);
    expect(won.statusCode, won.body).toBe(201);
    const refusal = lost.json().error;
    expect([lost.statusCode, refusal.code, refusal.details?.failed].join(' '), lost.body).toMatch(
      /^(409 INCENTIVE_ARRIVAL_CLAIMED|400 INCENTIVE_NOT_ELIGIBLE new_arrivals) ?$/,
    );
    const claims = await t.database.db
      .selectFrom('incentiveArrivals')
      .select('id')
      .where('claimKey', '=', 'RACE20250001')
      .execute();
    expect(claims).toHaveLength(1);
  });

  it('never shows one enterprise another enterprise’s application, even in the same county', async () => {
    const yaodu = await t.login('yaodu');
    const other = await yaodu.post('/api/v1/incentives/applications', {
      ...application([{ ref: 'YD-2025-0001', on: '2025-03-03', usd: 10_000_000 }]),
      enterpriseId: await unitId(t, 'E-YDYS'),
      regionId: await unitId(t, '141002'),
    });
    expect(other.statusCode, other.body).toBe(201);
    expect((await ent.get(`/api/v1/incentives/applications/${other.json().id}`)).statusCode).toBe(404);
    const listed = (await ent.get('/api/v1/incentives/applications?pageSize=200')).json();
    expect(
      listed.items.every((i: { enterpriseName: string }) => i.enterpriseName === '山西晋鑫焦化有限公司'),
    ).toBe(true);
    const bad = await ent.post('/api/v1/incentives/evaluate', {
      ...facts([{ ref: 'YD-2025-0002', on: '2025-03-03', usd: 10_000_000 }]),
      enterpriseId: await unitId(t, 'E-YDYS'),
    });
    expect(bad.json().error.code).toBe('INCENTIVE_ENTERPRISE_INVALID');
    // the county sees it, the zone next door does not
    expect((await zone.get(`/api/v1/incentives/applications/${other.json().id}`)).statusCode).toBe(404);
  });

  it.each([
    ['a fractional amount', { amount: 100.5 }],
    ['an amount beyond the limit', { amount: 1e15 }],
    ['a currency that is not USD or CNY', { currency: 'EUR' }],
    ['a receipt number with SQL in it', { bankReceiptNo: "1'; drop table incentive_arrivals; --" }],
  ])('refuses %s on a trial computation too', async (_name, change) => {
    const body = facts([{ ref: 'EV-BAD-1', on: '2025-03-03', usd: 12_000_000 }]);
    Object.assign(body.arrivals[0], change);
    const res = await ent.post('/api/v1/incentives/evaluate', body);
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('keeps the rate table for the province: entered, corrected with its version, refused to others', async () => {
    const ent403 = await ent.post('/api/v1/incentives/rates', { day: '2025-11-03', rate: '7.1' });
    expect(ent403.statusCode).toBe(403);
    const created = (
      await admin.post('/api/v1/incentives/rates', { day: '2025-11-03', rate: '7.1100' })
    ).json();
    expect(created).toMatchObject({ rate: '7.1100', version: 1 });
    const stale = await admin.post('/api/v1/incentives/rates', { day: '2025-11-03', rate: '7.12' });
    expect(stale.statusCode).toBe(409);
    const fixed = await admin.post('/api/v1/incentives/rates', {
      day: '2025-11-03',
      rate: '7.1200',
      version: 1,
    });
    expect(fixed.json()).toMatchObject({ rate: '7.1200', version: 2 });
    for (const rate of ['0', '-7.1', 'abc', '7.1234567']) {
      const bad = await admin.post('/api/v1/incentives/rates', { day: '2025-11-04', rate });
      expect(bad.statusCode, rate).toBe(400);
    }
    const listed = (await ent.get('/api/v1/incentives/rates?from=2025-11-01&to=2025-11-30')).json();
    expect(listed.map((r: { day: string }) => r.day)).toEqual(['2025-11-03']);
  });

  it('keeps the incentive roll-ups equal to a recount after everything above', async () => {
    const check = await verifyRollups(t.database.db, incentiveRollups);
    expect(check.differences).toEqual([]);
    expect(check.rows).toBeGreaterThan(0);
  });
});
