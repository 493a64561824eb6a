import {
  type ArrivalFact,
  EAST_TRANSFER_POLICY,
  EAST_TRANSFER_POLICY_ID,
  EASTERN_PROVINCES,
  type Evaluation,
  evaluate,
  type IncentiveFacts,
  type IncentiveKind,
  normaliseRef,
  type RateQuote,
} from '@yingshang/rules';
import type { Row } from '../bulk-writer.js';
import { dayNumber, dayString, personName, uuid7 } from '../generate-projects.js';
import * as V from '../vocabulary.js';
import type { RecordsContext } from './context.js';
import type { EnterprisePool } from './enterprises.js';

/** The catalogue item the applications fall under. */
interface CatalogueItem {
  id: string;
  version: string;
}

/** What an enterprise has claimed under the measure so far, by its index in the pool. */
interface Claims {
  claimed: Map<number, ArrivalFact[]>;
  prior: Map<number, Partial<Record<IncentiveKind, number>>>;
  receipts: Set<string>;
}

type RatesAround = (from: string, to: string) => RateQuote[];
type StageUnit = { county: string; city: string; province: string };

const PROVINCE_UNIT_NAME = '山西省商务厅';
const EASTERN = [...EASTERN_PROVINCES];
const MATERIAL_NAMES: Record<string, string> = {
  arrival_receipt: '银行入账回单.pdf',
  registration_certificate: '营业执照.pdf',
  audit_report: '年度审计报告.pdf',
  foreign_investment_report: '外商投资信息报告回执.pdf',
  hq_recognition: '地区总部认定文件.pdf',
  other: '其他材料.pdf',
};

/**
 * 0.02 × P incentive applications of the pool's enterprises under the east-transfer measure,
 * evaluated by the policy engine on generated USD central parities (those administrators entered are
 * kept), through the three review stages to approval and payment.
 */
export async function generateIncentives(ctx: RecordsContext, pool: EnterprisePool): Promise<void> {
  const { rng, todayN } = ctx;
  ctx.log('  incentive applications…');
  const policyFromN = dayNumber(EAST_TRANSFER_POLICY.validFrom);
  const item = await ctx.db
    .selectFrom('incentiveCatalogueItems')
    .select(['id', 'version', 'manufacturing'])
    .where('manufacturing', '=', 1)
    .orderBy('id')
    .executeTakeFirst();
  if (ctx.counts.applications > 0 && item && todayN > policyFromN + 60) {
    const rates = await writeRates(ctx, policyFromN);
    const ratesAround: RatesAround = (from, to) => rates.filter((q) => q.day >= from && q.day <= to);
    const claims: Claims = { claimed: new Map(), prior: new Map(), receipts: new Set() };
    const codes = new Set<string>();
    const submitted = Array.from({ length: ctx.counts.applications }, () =>
      rng.int(policyFromN + 20, todayN),
    ).sort((a, b) => a - b);
    const counter = { vouchers: 0 };
    let tries = 0;
    for (let n = 0; n < submitted.length && tries < submitted.length * 3; tries++) {
      const S = submitted[n];
      const ei = Math.floor(pool.enterprises.length * rng.float());
      const { kind, registeredProvince, arrivals, hq, facts } = drawFacts(
        ctx,
        S,
        claims,
        ei,
        item,
        policyFromN,
        ratesAround,
      );
      const submission = evaluate(facts, dayString(S));
      // an application is refused unless eligible (IncentiveService.apply): draw another
      if (!submission.eligible || submission.amountFen <= 0 || submission.missingRates.length > 0) continue;
      n++;
      const createdMs = ctx.momentOn(S);
      const id = uuid7(rng, createdMs);
      let code = `JL${dayString(S).replace(/-/g, '')}${id.slice(-5).toUpperCase()}`;
      while (codes.has(code)) code = `${code.slice(0, -5)}${rng.hex(5).toUpperCase()}`;
      codes.add(code);
      const e = pool.enterprises[ei];
      const office = ctx.places[e.place];
      const stageUnit = { county: office.name, city: ctx.cityOf(office).name, province: PROVINCE_UNIT_NAME };
      const log = eventLog(ctx, id, createdMs, stageUnit, office.name);
      const r = review(ctx, S, facts, submission, ratesAround, log);
      const p = pay(ctx, id, r, log, counter);
      // the standing claims and rewards of the enterprise (what later applications of it see)
      const standing = p.status !== 'rejected';
      if (standing) {
        const prior = claims.prior.get(ei) ?? {};
        prior[kind] = (prior[kind] ?? 0) + (r.approvedFen ?? submission.amountFen);
        claims.prior.set(ei, prior);
      }
      const projectPool = ctx.projects.ofPlace[e.place];
      const projectId =
        projectPool.length > 0 && rng.chance(0.3) ? ctx.projects.ids[rng.pick(projectPool)] : null;
      arrivals.forEach((a, position) => {
        const t = submission.arrivals[position];
        const counted = t?.outcome === 'counted';
        if (counted && standing) claims.claimed.set(ei, [...(claims.claimed.get(ei) ?? []), a]);
        ctx.batch.incentive_arrivals.push([
          uuid7(rng, createdMs),
          id,
          e.id,
          position,
          a.ref,
          counted && standing ? normaliseRef(a.ref) : null,
          a.receivedOn,
          a.currency,
          a.amount,
          t?.fen ?? null,
          t?.rate ?? null,
          t?.rateDay ?? null,
          counted ? 1 : 0,
          projectId,
          null,
          ctx.at(createdMs),
        ]);
      });
      const required = EAST_TRANSFER_POLICY.requiredMaterials[kind];
      ctx.batch.incentive_applications.push([
        id,
        code,
        EAST_TRANSFER_POLICY_ID,
        kind,
        e.id,
        e.name,
        office.id,
        office.path,
        projectId,
        item.id,
        JSON.stringify({
          foreignInvested: true,
          registeredProvince,
          investorName: `${V.PROVINCE_SHORT[registeredProvince] ?? ''}${rng.pick(V.BRAND_FIRST)}${rng.pick(V.BRAND_SECOND)}投资有限公司`,
          hq,
        }),
        JSON.stringify(required.map((m) => ({ kind: m, name: MATERIAL_NAMES[m], ref: null }))),
        p.status,
        r.stage,
        r.stage ? dayString(r.stageDue) : null,
        r.stage && ctx.wd.unscheduled(r.dayN, r.stageDue, 1) ? 1 : 0,
        dayString(S),
        r.approvedN >= 0 ? dayString(r.approvedN) : null,
        r.payDue >= 0 ? dayString(r.payDue) : null,
        p.paidN >= 0 ? dayString(p.paidN) : null,
        p.closedN >= 0 ? dayString(p.closedN) : null,
        submission.amountFen,
        r.approvedFen,
        p.paidFen,
        JSON.stringify(r.evaluation),
        `${e.name} ${code}`.toLowerCase(),
        null,
        ctx.at(createdMs),
        ctx.at(log.lastMs),
        log.events.length,
      ]);
      ctx.batch.incentive_events.push(...log.events);
      await ctx.flush();
    }
  }
  await ctx.flush(true);
}

/** USD central parities of every working day from a month before the measure (those administrators entered are kept). */
async function writeRates(ctx: RecordsContext, policyFromN: number): Promise<RateQuote[]> {
  const { rng, wd } = ctx;
  const known = new Map(
    (
      await ctx.db
        .selectFrom('incentiveRates')
        .select(['day', 'rate'])
        .where('currency', '=', 'USD')
        .execute()
    ).map((r) => [r.day, r.rate]),
  );
  const rates: RateQuote[] = [];
  let rate = 71_000;
  for (let n = policyFromN - 30; n <= ctx.todayN; n++) {
    if (!wd.isWorking(n)) continue;
    rate = Math.min(73_500, Math.max(69_000, rate + rng.int(-40, 40)));
    const day = dayString(n);
    const value = known.get(day) ?? `${Math.floor(rate / 10_000)}.${String(rate % 10_000).padStart(4, '0')}`;
    if (!known.has(day)) {
      const ms = ctx.momentOn(n);
      ctx.batch.incentive_rates.push([
        'USD',
        day,
        value,
        '中国外汇交易中心（生成数据）',
        null,
        null,
        ctx.at(ms),
        ctx.at(ms),
        1,
      ]);
    }
    rates.push({ day, rate: value });
  }
  return rates;
}

/** The facts of an application of enterprise `ei` submitted on day S: its arrivals of capital or its regional HQ. */
function drawFacts(
  ctx: RecordsContext,
  S: number,
  claims: Claims,
  ei: number,
  item: CatalogueItem,
  policyFromN: number,
  ratesAround: RatesAround,
) {
  const { rng } = ctx;
  const kind: IncentiveKind = rng.chance(0.9) ? 'capital_arrival' : 'regional_hq';
  const registeredProvince = rng.pick(EASTERN);
  const arrivals: ArrivalFact[] = [];
  if (kind === 'capital_arrival') {
    const m = rng.int(1, 3);
    for (let q = 0; q < m; q++) {
      let ref: string;
      do
        ref = `${rng.pick(['BOC', 'ICBC', 'CCB', 'ABC'])}${dayString(S).slice(0, 4)}${rng.int(10_000_000, 99_999_999)}`;
      while (claims.receipts.has(ref));
      claims.receipts.add(ref);
      arrivals.push({
        ref,
        receivedOn: dayString(rng.int(Math.max(policyFromN, S - 300), S - 1)),
        currency: 'USD',
        amount: rng.int(400, 3_000) * 1_000_000, // 4–30 million USD in cents
      });
    }
  }
  const hq =
    kind === 'regional_hq'
      ? {
          assetsUsdCents: rng.int(50, 400) * 100_000_000,
          capitalCurrency: 'USD' as const,
          capitalAmount: rng.int(500, 5_000) * 100_000,
          establishedOn: dayString(rng.int(Math.max(policyFromN, S - 400), S - 1)),
        }
      : null;
  const claimed = claims.claimed.get(ei) ?? [];
  const days = [...arrivals.map((a) => a.receivedOn), ...claimed.map((a) => a.receivedOn)];
  if (hq) days.push(hq.establishedOn);
  days.sort();
  const facts: IncentiveFacts = {
    policyId: EAST_TRANSFER_POLICY_ID,
    kind,
    enterprise: { foreignInvested: true, registeredProvince },
    catalogueItem: { version: item.version, code: item.id, manufacturing: true },
    arrivals,
    claimedArrivals: claimed,
    hq: hq
      ? {
          assetsUsdCents: hq.assetsUsdCents,
          registeredCapital: { currency: hq.capitalCurrency, amount: hq.capitalAmount },
          establishedOn: hq.establishedOn,
        }
      : null,
    priorRewardsFen: claims.prior.get(ei) ?? {},
    rates: ratesAround(dayString(dayNumber(days[0] ?? dayString(S)) - 20), dayString(S)),
  };
  return { kind, registeredProvince, arrivals, hq, facts };
}

/** The events of one application, each a moment after the one before. */
function eventLog(
  ctx: RecordsContext,
  id: string,
  createdMs: number,
  stageUnit: StageUnit,
  officeName: string,
) {
  const events: Row[] = [];
  let lastMs = createdMs;
  return {
    events,
    /** The moment of the last event (the creation when none). */
    get lastMs() {
      return lastMs;
    },
    event(
      dayN: number,
      action: string,
      stage: string | null,
      from: string | null,
      to: string,
      note: string | null,
      dueN: number,
      onTime: boolean | null,
    ) {
      const ms = ctx.momentOn(dayN, lastMs);
      events.push([
        uuid7(ctx.rng, ms),
        id,
        action,
        stage,
        from,
        to,
        note,
        dueN >= 0 ? dayString(dueN) : null,
        onTime == null ? null : onTime ? 1 : 0,
        null,
        personName(ctx.rng),
        stage ? stageUnit[stage as keyof StageUnit] : officeName,
        ctx.at(ms),
      ]);
      lastMs = ms;
    },
  };
}
type EventLog = ReturnType<typeof eventLog>;

/**
 * The three review stages (county, city, province) of an application submitted on day S, as far as
 * today: some returned for materials (and resubmitted once), some rejected, the rest approved, the
 * province evaluating the facts again on the day it decides.
 */
function review(
  ctx: RecordsContext,
  S: number,
  facts: IncentiveFacts,
  submission: Evaluation,
  ratesAround: RatesAround,
  { event }: EventLog,
) {
  const { rng, wd } = ctx;
  let status = 'county_review';
  let stage: string | null = 'county';
  let stageDue = wd.add(S, 10);
  event(S, 'submit', null, null, status, null, stageDue, null);
  let dayN = S;
  let approvedN = -1;
  let approvedFen: number | null = null;
  let evaluation = submission;
  let payDue = -1;
  let closedN = -1;
  let resubmitted = false;
  const steps: ['county' | 'city' | 'province', string, number][] = [
    ['county', 'city_review', 10],
    ['city', 'province_review', 10],
    ['province', 'approved', 15],
  ];
  for (let s = 0; s < steps.length; s++) {
    const [st, next, days] = steps[s];
    const decidedN = wd.add(dayN, rng.chance(0.85) ? rng.int(2, days) : rng.int(days + 1, days + 8));
    if (decidedN > ctx.todayN) break;
    const onTime = decidedN <= stageDue;
    const u = rng.float();
    const from = status;
    if (u < 0.04) {
      status = 'rejected';
      stage = null;
      closedN = decidedN;
      event(decidedN, 'reject', st, from, status, '不符合政策条件', stageDue, onTime);
      break;
    }
    if (u < 0.09 && !resubmitted) {
      status = 'returned';
      stage = null;
      event(decidedN, 'return', st, from, status, '请补充外资到位证明材料', stageDue, onTime);
      const again = decidedN + rng.int(5, 40);
      if (rng.chance(0.6) && again <= ctx.todayN) {
        resubmitted = true;
        dayN = again;
        status = 'county_review';
        stage = 'county';
        stageDue = wd.add(again, 10);
        event(again, 'resubmit', null, 'returned', status, '已补充材料', stageDue, null);
        s = -1;
        continue;
      }
      break;
    }
    if (next === 'approved') {
      const decided = evaluate(
        { ...facts, rates: ratesAround(facts.rates[0]?.day ?? dayString(S), dayString(decidedN)) },
        dayString(decidedN),
      );
      if (!decided.eligible || decided.amountFen <= 0) {
        status = 'rejected';
        stage = null;
        closedN = decidedN;
        event(decidedN, 'reject', st, from, status, '奖励额度已用完', stageDue, onTime);
        break;
      }
      evaluation = decided;
      status = 'approved';
      stage = null;
      approvedN = decidedN;
      approvedFen = decided.amountFen;
      payDue = wd.add(decidedN, 30);
      event(decidedN, 'approve', st, from, status, null, stageDue, onTime);
      break;
    }
    status = next;
    stage = st === 'county' ? 'city' : 'province';
    event(decidedN, 'approve', st, from, status, null, stageDue, onTime);
    dayN = decidedN;
    stageDue = wd.add(decidedN, stage === 'city' ? 10 : 15);
  }
  return { status, stage, stageDue, dayN, approvedN, approvedFen, evaluation, payDue, closedN };
}

/** The payments of an approved application up to today: in full, or in two parts. */
function pay(
  ctx: RecordsContext,
  id: string,
  r: ReturnType<typeof review>,
  log: EventLog,
  counter: { vouchers: number },
) {
  const { rng } = ctx;
  let { status, closedN } = r;
  const { approvedN, approvedFen } = r;
  let paidN = -1;
  let paidFen = 0;
  if (approvedN >= 0 && approvedFen) {
    const full = rng.chance(0.7);
    const parts = full ? [approvedFen] : [Math.round(approvedFen * (0.4 + 0.3 * rng.float())), -1];
    if (parts[1] === -1) parts[1] = approvedFen - parts[0];
    let payN = approvedN + rng.int(5, 50);
    for (const [q, amount] of parts.entries()) {
      if (payN > ctx.todayN || amount <= 0) break;
      counter.vouchers++;
      const voucher = `GK${dayString(payN).slice(0, 4)}${String(counter.vouchers).padStart(8, '0')}`;
      const ms = ctx.momentOn(payN, log.lastMs);
      ctx.batch.incentive_payments.push([
        uuid7(rng, ms),
        id,
        dayString(payN),
        amount,
        voucher,
        null,
        personName(rng),
        ctx.at(ms),
      ]);
      paidFen += amount;
      const whole = paidFen === approvedFen;
      const from = status;
      status = whole ? 'paid' : 'partly_paid';
      if (whole) {
        paidN = payN;
        closedN = payN;
      }
      log.event(
        payN,
        'pay',
        null,
        from,
        status,
        `${(amount / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })} (${voucher})`,
        -1,
        null,
      );
      payN += rng.int(20, 90) * (q + 1);
    }
  }
  return { status, closedN, paidN, paidFen };
}
