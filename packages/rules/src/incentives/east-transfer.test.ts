import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EAST_TRANSFER_PARAMETERS, EAST_TRANSFER_POLICY, EAST_TRANSFER_POLICY_ID } from './east-transfer.js';
import { type ArrivalFact, evaluate, type IncentiveFacts, rateFor } from './evaluate.js';
import { valueOn } from './policy.js';

/**
 * The measure's table tests. The cases live in ./cases/*.json, written in dollars and yuan so that
 * anyone can read and add one; this file only turns them into facts and compares.
 */
type Money = string;
interface CaseArrival {
  ref: string;
  on: string;
  usd?: Money;
  cny?: Money;
}
interface Expect {
  eligible: boolean;
  reward: Money;
  base?: Money;
  computed?: Money;
  capped?: boolean;
  failed?: string[];
  outcomes?: string[];
  rateDays?: string[];
  missingRates?: string[];
}
interface Case {
  name: string;
  date?: string;
  enterprise?: IncentiveFacts['enterprise'];
  catalogueItem?: IncentiveFacts['catalogueItem'];
  rates?: { day: string; rate: string }[];
  arrivals?: CaseArrival[];
  claimed?: CaseArrival[];
  hq?: { assetsUsd: Money; capitalUsd?: Money; capitalCny?: Money; establishedOn: string };
  prior?: Record<string, Money>;
  expect: Expect;
}
interface CaseFile {
  about: string;
  defaults: Required<Pick<Case, 'date' | 'enterprise' | 'catalogueItem' | 'rates'>> & {
    kind: IncentiveFacts['kind'];
  };
  cases: Case[];
  sequences: { name: string; applications: { arrivals: CaseArrival[]; reward: Money }[] }[];
}

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cases');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

/** "12.34" → 1234 (cents or fen), exactly. */
const minor = (s: Money) => {
  const m = /^(\d+)\.(\d{2})$/.exec(s);
  if (!m) throw new Error(`write money with two decimals: ${s}`);
  return Number(m[1]) * 100 + Number(m[2]);
};
const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const arrival = (a: CaseArrival): ArrivalFact =>
  a.usd !== undefined
    ? { ref: a.ref, receivedOn: a.on, currency: 'USD', amount: minor(a.usd) }
    : { ref: a.ref, receivedOn: a.on, currency: 'CNY', amount: minor(a.cny ?? '') };

function factsOf(file: CaseFile, c: Case): IncentiveFacts {
  const d = file.defaults;
  return {
    policyId: EAST_TRANSFER_POLICY_ID,
    kind: d.kind,
    enterprise: c.enterprise ?? d.enterprise,
    catalogueItem: c.catalogueItem ?? d.catalogueItem,
    arrivals: (c.arrivals ?? []).map(arrival),
    claimedArrivals: (c.claimed ?? []).map(arrival),
    hq: c.hq
      ? {
          assetsUsdCents: minor(c.hq.assetsUsd),
          registeredCapital: c.hq.capitalUsd
            ? { currency: 'USD', amount: minor(c.hq.capitalUsd) }
            : { currency: 'CNY', amount: minor(c.hq.capitalCny ?? '') },
          establishedOn: c.hq.establishedOn,
        }
      : null,
    priorRewardsFen: Object.fromEntries(Object.entries(c.prior ?? {}).map(([k, v]) => [k, minor(v)])),
    rates: c.rates ?? d.rates,
  };
}

for (const name of files) {
  const file = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as CaseFile;
  describe(name, () => {
    it.each(file.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const r = evaluate(factsOf(file, c), c.date ?? file.defaults.date);
      const e = c.expect;
      expect(r.eligible).toBe(e.eligible);
      expect(yuan(r.amountFen)).toBe(e.reward);
      expect(r.cap.appliedFen).toBe(r.amountFen);
      if (e.base) expect(yuan(r.baseFen)).toBe(e.base);
      if (e.computed) expect(yuan(r.computedFen)).toBe(e.computed);
      expect(r.cap.capped).toBe(e.capped ?? false);
      const failed = r.conditions.filter((x) => !x.passed).map((x) => x.key);
      if (e.failed) expect(failed).toEqual(e.failed);
      else if (e.eligible) expect(failed).toEqual([]);
      if (e.outcomes) expect(r.arrivals.map((a) => a.outcome)).toEqual(e.outcomes);
      if (e.rateDays) expect(r.arrivals.map((a) => a.rateDay)).toEqual(e.rateDays);
      expect(r.missingRates).toEqual(e.missingRates ?? []);
    });

    for (const s of file.sequences) {
      it(s.name, () => {
        const claimed: CaseArrival[] = [];
        let granted = 0;
        const got: string[] = [];
        for (const app of s.applications) {
          const c: Case = {
            name: s.name,
            arrivals: app.arrivals,
            claimed: [...claimed],
            prior: { [file.defaults.kind]: yuan(granted) },
            expect: { eligible: true, reward: app.reward },
          };
          const r = evaluate(factsOf(file, c), file.defaults.date);
          got.push(yuan(r.amountFen));
          granted += r.amountFen;
          claimed.push(...app.arrivals);
          expect(r.cap.remainingAfterFen).toBe(EAST_TRANSFER_PARAMETERS.capFen.values[0].value - granted);
        }
        expect(got).toEqual(s.applications.map((a) => a.reward));
      });
    }
  });
}

describe('the measure as data', () => {
  it('runs from 2023-07-01 for five years, every parameter valid over the whole window', () => {
    expect([EAST_TRANSFER_POLICY.validFrom, EAST_TRANSFER_POLICY.validTo]).toEqual([
      '2023-07-01',
      '2028-06-30',
    ]);
    for (const p of Object.values(EAST_TRANSFER_PARAMETERS)) {
      expect(valueOn(p as never, '2023-07-01'), p.key).toBeDefined();
      expect(valueOn(p as never, '2028-06-30'), p.key).toBeDefined();
      expect(valueOn(p as never, '2028-07-01'), p.key).toBeUndefined();
      expect(p.basis.length, p.key).toBeGreaterThan(10);
    }
  });

  it('shows every parameter it used with its value and validity, and the rate of each arrival', () => {
    const r = evaluate(
      {
        policyId: EAST_TRANSFER_POLICY_ID,
        kind: 'capital_arrival',
        enterprise: { foreignInvested: true, registeredProvince: '330000' },
        catalogueItem: { version: '2022', code: 'x', manufacturing: true },
        arrivals: [{ ref: 'R1', receivedOn: '2024-03-02', currency: 'USD', amount: 1_200_000_000 }],
        claimedArrivals: [],
        priorRewardsFen: {},
        rates: [{ day: '2024-03-01', rate: '7.1036' }],
      },
      '2024-04-01',
    );
    expect(r.parameters.map((p) => p.key).sort()).toEqual(
      [
        'capital_reward_bp',
        'capital_threshold_usd_cents',
        'cap_fen',
        'cap_shared',
        'catalogue_version',
        'rate_lookback_days',
        'threshold_inclusive',
      ].sort(),
    );
    expect(r.parameters.find((p) => p.key === 'cap_fen')).toMatchObject({
      value: 1_000_000_000,
      from: '2023-07-01',
      to: '2028-06-30',
    });
    expect(r.arrivals[0]).toMatchObject({ rate: '7.1036', rateDay: '2024-03-01', fen: 8_524_320_000 });
    expect(r.cap).toMatchObject({
      capFen: 1_000_000_000,
      priorFen: 0,
      remainingAfterFen: 1_000_000_000 - 426_216_000,
    });
  });

  it('takes a weekend’s parity from the last day published, never a later one or one too old', () => {
    const rates = [
      { day: '2024-02-01', rate: '7.1' },
      { day: '2024-03-01', rate: '7.2' },
      { day: '2024-03-04', rate: '7.3' },
    ];
    expect(rateFor(rates, '2024-03-03', 15)?.rate).toBe('7.2');
    expect(rateFor(rates, '2024-03-04', 15)?.rate).toBe('7.3');
    expect(rateFor(rates, '2024-02-20', 15)).toBeUndefined();
  });
});
