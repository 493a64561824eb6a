import { EASTERN_PROVINCES, provinceOf } from '../origin.js';
import {
  EAST_TRANSFER_POLICY,
  EAST_TRANSFER_POLICY_ID,
  type IncentiveKind,
  EAST_TRANSFER_PARAMETERS as P,
} from './east-transfer.js';
import {
  centsToFen,
  fenToCents,
  type Parameter,
  type ParameterUse,
  roundHalfUp,
  useParameter,
} from './policy.js';

/** An arrival of foreign capital (实际到位外资), identified by its bank receipt number. */
export interface ArrivalFact {
  ref: string;
  receivedOn: string;
  currency: 'USD' | 'CNY';
  /** Minor units: US cents or fen. */
  amount: number;
}

/** A published USD→CNY central parity. */
export interface RateQuote {
  day: string;
  rate: string;
}

export interface IncentiveFacts {
  policyId: string;
  kind: IncentiveKind;
  enterprise: {
    /** Foreign-invested (外商投资企业, 港澳台资 included). */
    foreignInvested: boolean;
    /** GB/T 2260 code (2 or 6 digits) of the province where the investing enterprise is registered. */
    registeredProvince: string;
  };
  /** The catalogue item the project falls under, as the catalogue table has it. */
  catalogueItem: { version: string; code: string; manufacturing: boolean } | null;
  /** The arrivals claimed now. */
  arrivals: readonly ArrivalFact[];
  /** Arrivals of the enterprise claimed before (they count toward the threshold, never again toward a reward). */
  claimedArrivals: readonly ArrivalFact[];
  /** The regional-HQ facts (kind regional_hq). */
  hq?: {
    assetsUsdCents: number;
    registeredCapital: { currency: 'USD' | 'CNY'; amount: number };
    establishedOn: string;
  } | null;
  /** Rewards under the measure already granted or under review, in fen, by kind. */
  priorRewardsFen: Partial<Record<IncentiveKind, number>>;
  /** Central parities around the dates concerned (the table administrators keep). */
  rates: readonly RateQuote[];
}

export type ArrivalOutcome =
  | 'counted'
  | 'outside_window'
  | 'future'
  | 'duplicate'
  | 'already_claimed'
  | 'rate_missing';

export interface ArrivalTrace {
  ref: string;
  receivedOn: string;
  currency: 'USD' | 'CNY';
  amount: number;
  /** The parity applied and the day it was published (may precede the arrival: weekends, holidays). */
  rate: string | null;
  rateDay: string | null;
  fen: number | null;
  usdCents: number | null;
  outcome: ArrivalOutcome;
}

export interface ConditionTrace {
  key: string;
  passed: boolean;
  inputs: Record<string, string | number | boolean | null>;
}

export interface Evaluation {
  policyId: string;
  kind: IncentiveKind;
  date: string;
  eligible: boolean;
  /** The reward, after the cap, in fen. */
  amountFen: number;
  /** Before the cap. */
  computedFen: number;
  /** What the percentage applies to, in fen. */
  baseFen: number;
  rounding: 'half_up_fen';
  conditions: ConditionTrace[];
  parameters: ParameterUse[];
  arrivals: ArrivalTrace[];
  cap: {
    capFen: number;
    shared: boolean;
    priorFen: number;
    remainingBeforeFen: number;
    appliedFen: number;
    remainingAfterFen: number;
    capped: boolean;
  };
  /** Days for which no parity was found within the look-back: the evaluation cannot stand. */
  missingRates: string[];
}

const inWindow = (day: string) =>
  EAST_TRANSFER_POLICY.validFrom <= day && day <= EAST_TRANSFER_POLICY.validTo;

const minusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86400_000).toISOString().slice(0, 10);

/** The parity for a day: that day's, or the latest published before it within the look-back. */
export function rateFor(
  rates: readonly RateQuote[],
  day: string,
  lookbackDays: number,
): RateQuote | undefined {
  const earliest = minusDays(day, lookbackDays);
  let best: RateQuote | undefined;
  for (const r of rates) if (r.day <= day && r.day >= earliest && (!best || r.day > best.day)) best = r;
  return best;
}

/** The parameter's day: the date asked, kept inside the policy's window. */
const paramDay = (date: string) =>
  date < EAST_TRANSFER_POLICY.validFrom
    ? EAST_TRANSFER_POLICY.validFrom
    : date > EAST_TRANSFER_POLICY.validTo
      ? EAST_TRANSFER_POLICY.validTo
      : date;

/**
 * Evaluates an application's facts on a date: eligibility, the amount in fen (rounded half up to the
 * fen, once, on the total) and the trace of every condition, parameter, rate and the cap.
 */
export function evaluate(facts: IncentiveFacts, date: string): Evaluation {
  if (facts.policyId !== EAST_TRANSFER_POLICY_ID) throw new Error(`unknown policy ${facts.policyId}`);
  const uses: ParameterUse[] = [];
  const conditions: ConditionTrace[] = [];
  const day = paramDay(date);
  const param = <T extends string | number | boolean>(p: Parameter<T>, on = day) => {
    const v = useParameter(uses, p, on);
    if (v === undefined) throw new Error(`parameter ${p.key} has no value on ${on}`);
    return v;
  };
  const inclusive = param(P.thresholdInclusive);
  const reaches = (value: number, threshold: number) => (inclusive ? value >= threshold : value > threshold);
  const lookback = param(P.rateLookbackDays);
  const missing = new Set<string>();

  const province = provinceOf(facts.enterprise.registeredProvince) ?? null;
  conditions.push({
    key: 'foreign_invested',
    passed: facts.enterprise.foreignInvested,
    inputs: { foreignInvested: facts.enterprise.foreignInvested },
  });
  conditions.push({
    key: 'eastern_origin',
    passed: province !== null && (EASTERN_PROVINCES as readonly string[]).includes(province),
    inputs: { province },
  });
  const catalogueVersion = param(P.catalogueVersion);
  conditions.push({
    key: 'catalogue_manufacturing',
    passed:
      !!facts.catalogueItem &&
      facts.catalogueItem.version === catalogueVersion &&
      facts.catalogueItem.manufacturing,
    inputs: {
      item: facts.catalogueItem?.code ?? null,
      version: facts.catalogueItem?.version ?? null,
      required: catalogueVersion,
      manufacturing: facts.catalogueItem?.manufacturing ?? false,
    },
  });

  const convert = (a: { currency: 'USD' | 'CNY'; amount: number }, on: string) => {
    const q = rateFor(facts.rates, on, lookback);
    if (!q) {
      missing.add(on);
      return { rate: null, rateDay: null, fen: null, usdCents: null };
    }
    return a.currency === 'USD'
      ? { rate: q.rate, rateDay: q.day, fen: centsToFen(a.amount, q.rate), usdCents: a.amount }
      : { rate: q.rate, rateDay: q.day, fen: a.amount, usdCents: fenToCents(a.amount, q.rate) };
  };

  const arrivals: ArrivalTrace[] = [];
  let baseFen = 0n;
  let computed = 0n;
  let kindBasis = 0;
  if (facts.kind === 'capital_arrival') {
    const claimedRefs = new Set(facts.claimedArrivals.map((a) => normaliseRef(a.ref)));
    const seen = new Set<string>();
    let cumulativeCents = 0;
    for (const a of facts.claimedArrivals) {
      if (!inWindow(a.receivedOn)) continue;
      const c = convert(a, a.receivedOn);
      if (c.usdCents !== null) cumulativeCents += c.usdCents;
    }
    for (const a of facts.arrivals) {
      const ref = normaliseRef(a.ref);
      const base = { ref: a.ref, receivedOn: a.receivedOn, currency: a.currency, amount: a.amount };
      const none = { rate: null, rateDay: null, fen: null, usdCents: null };
      let outcome: ArrivalOutcome = 'counted';
      if (a.receivedOn > date) outcome = 'future';
      else if (!inWindow(a.receivedOn)) outcome = 'outside_window';
      else if (claimedRefs.has(ref)) outcome = 'already_claimed';
      else if (seen.has(ref)) outcome = 'duplicate';
      seen.add(ref);
      if (outcome !== 'counted') {
        arrivals.push({ ...base, ...none, outcome });
        continue;
      }
      const c = convert(a, a.receivedOn);
      if (c.fen === null || c.usdCents === null) {
        arrivals.push({ ...base, ...c, outcome: 'rate_missing' });
        continue;
      }
      arrivals.push({ ...base, ...c, outcome });
      cumulativeCents += c.usdCents;
      baseFen += BigInt(c.fen);
    }
    const threshold = param(P.capitalThresholdUsdCents);
    conditions.push({
      key: 'capital_threshold',
      passed: reaches(cumulativeCents, threshold),
      inputs: { cumulativeUsdCents: cumulativeCents, thresholdUsdCents: threshold, inclusive },
    });
    conditions.push({
      key: 'new_arrivals',
      passed: arrivals.some((a) => a.outcome === 'counted'),
      inputs: {
        counted: arrivals.filter((a) => a.outcome === 'counted').length,
        offered: facts.arrivals.length,
      },
    });
    kindBasis = param(P.capitalRewardBp);
    computed = roundHalfUp(baseFen * BigInt(kindBasis), 10_000n);
  } else {
    const hq = facts.hq ?? null;
    const threshold = param(P.hqAssetsThresholdUsdCents);
    conditions.push({
      key: 'hq_assets',
      passed: !!hq && reaches(hq.assetsUsdCents, threshold),
      inputs: { assetsUsdCents: hq?.assetsUsdCents ?? null, thresholdUsdCents: threshold, inclusive },
    });
    conditions.push({
      key: 'hq_established_in_window',
      passed: !!hq && inWindow(hq.establishedOn) && hq.establishedOn <= date,
      inputs: {
        establishedOn: hq?.establishedOn ?? null,
        from: EAST_TRANSFER_POLICY.validFrom,
        to: EAST_TRANSFER_POLICY.validTo,
      },
    });
    if (hq) {
      const c = convert(hq.registeredCapital, hq.establishedOn);
      arrivals.push({
        ref: 'registered_capital',
        receivedOn: hq.establishedOn,
        currency: hq.registeredCapital.currency,
        amount: hq.registeredCapital.amount,
        ...c,
        outcome: c.fen === null ? 'rate_missing' : 'counted',
      });
      if (c.fen !== null) baseFen = BigInt(c.fen);
    }
    kindBasis = param(P.hqRewardBp);
    computed = roundHalfUp(baseFen * BigInt(kindBasis), 10_000n);
  }

  conditions.push({
    key: 'rates_available',
    passed: missing.size === 0,
    inputs: { missing: [...missing].sort().join(', ') || null },
  });

  const capFen = param(P.capFen);
  const shared = param(P.capShared);
  const priorFen = shared
    ? Object.values(facts.priorRewardsFen).reduce((s, v) => s + (v ?? 0), 0)
    : (facts.priorRewardsFen[facts.kind] ?? 0);
  const remainingBefore = Math.max(0, capFen - priorFen);
  conditions.push({
    key: 'cap_remaining',
    passed: remainingBefore > 0,
    inputs: { capFen, priorFen, remainingFen: remainingBefore },
  });

  const eligible = conditions.every((c) => c.passed);
  const computedFen = Number(computed);
  const applied = eligible ? Math.min(computedFen, remainingBefore) : 0;
  return {
    policyId: facts.policyId,
    kind: facts.kind,
    date,
    eligible,
    amountFen: applied,
    computedFen: eligible ? computedFen : 0,
    baseFen: Number(baseFen),
    rounding: 'half_up_fen',
    conditions,
    parameters: uses,
    arrivals,
    cap: {
      capFen,
      shared,
      priorFen,
      remainingBeforeFen: remainingBefore,
      appliedFen: applied,
      remainingAfterFen: remainingBefore - applied,
      capped: eligible && applied < computedFen,
    },
    missingRates: [...missing].sort(),
  };
}

/** A bank receipt number as a claim key: no spaces or dashes, upper case. */
export function normaliseRef(ref: string): string {
  return ref.replace(/[\s\-_/]/g, '').toUpperCase();
}
