import type { EvaluateBody, RateInput, RateQuery, ReviewStage } from '@yingshang/contracts';
import {
  type ArrivalFact,
  addWorkingDays,
  EAST_TRANSFER_POLICY,
  EAST_TRANSFER_POLICY_ID,
  type Evaluation,
  evaluate,
  type IncentiveFacts,
  normaliseRef,
  EAST_TRANSFER_PARAMETERS as P,
  plusDays,
  type WorkCalendar,
} from '@yingshang/rules';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/database.js';
import type { IncentiveApplicationRow } from '../../db/schema.js';
import { recordAudit } from '../../kernel/audit.js';
import { loadCalendar } from '../../kernel/calendar.js';
import { type Actor, inScope } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { beijingToday } from '../../lib/days.js';
import { now } from '../../lib/ids.js';
import type { Ports } from '../../ports.js';
import * as repo from './incentives.repository.js';
import { paramOn, REVIEW_PARAM, type StoredFacts } from './incentives.rules.js';

/** 测算: the policy as published, the facts checked and evaluated, review due days, the central parities. */

type Facts = z.infer<typeof EvaluateBody>;

/** The enterprise evaluated or applied for: the caller itself, or one in a staff member's area. */
export async function enterpriseFor(
  ex: Executor,
  { ports: { findOrg } }: { ports: Pick<Ports, 'findOrg'> },
  actor: Actor,
  enterpriseId: string | undefined,
) {
  const isEnterprise = actor.orgUnit.kind === 'enterprise';
  // an enterprise acts for itself only: naming another one is refused, not silently ignored
  if (isEnterprise && enterpriseId && enterpriseId !== actor.orgUnit.id)
    fail('INCENTIVE_ENTERPRISE_INVALID', [{ path: 'enterpriseId', message: 'INCENTIVE_ENTERPRISE_INVALID' }]);
  const id = isEnterprise ? actor.orgUnit.id : enterpriseId;
  if (!id) return null;
  const e = await findOrg(ex, id);
  if (e?.kind !== 'enterprise' || e.active !== 1 || (!isEnterprise && !inScope(actor, e.path)))
    fail('INCENTIVE_ENTERPRISE_INVALID', [{ path: 'enterpriseId', message: 'INCENTIVE_ENTERPRISE_INVALID' }]);
  return e;
}

/** Checks the facts as input, gathers what the engine needs from the database and evaluates. */
export async function assess(
  ex: Executor,
  input: Pick<
    Facts,
    'policyId' | 'kind' | 'foreignInvested' | 'registeredProvince' | 'catalogueItemId' | 'hq'
  > & {
    arrivals: readonly {
      bankReceiptNo: string;
      receivedOn: string;
      currency: 'USD' | 'CNY';
      amount: number;
    }[];
  },
  enterprise: { id: string } | null,
  today: string,
  exceptId?: string,
) {
  if (input.policyId !== EAST_TRANSFER_POLICY_ID)
    fail('INCENTIVE_POLICY_UNKNOWN', [{ path: 'policyId', message: 'INCENTIVE_POLICY_UNKNOWN' }]);
  const item = await repo.findCatalogueItem(ex, input.catalogueItemId);
  if (!item)
    fail('INCENTIVE_CATALOGUE_ITEM_UNKNOWN', [
      { path: 'catalogueItemId', message: 'INCENTIVE_CATALOGUE_ITEM_UNKNOWN' },
    ]);
  if (input.kind === 'capital_arrival' && input.arrivals.length === 0)
    fail('INCENTIVE_ARRIVALS_MISSING', [{ path: 'arrivals', message: 'INCENTIVE_ARRIVALS_MISSING' }]);
  if (input.kind === 'regional_hq' && !input.hq)
    fail('INCENTIVE_HQ_FACTS_MISSING', [{ path: 'hq', message: 'INCENTIVE_HQ_FACTS_MISSING' }]);
  const future = input.arrivals
    .map((a, i) => ({ path: `arrivals.${i}.receivedOn`, day: a.receivedOn }))
    .concat(input.hq ? [{ path: 'hq.establishedOn', day: input.hq.establishedOn }] : [])
    .filter((a) => a.day > today);
  if (future.length > 0)
    fail(
      'INCENTIVE_ARRIVAL_FUTURE',
      future.map((f) => ({ path: f.path, message: 'INCENTIVE_ARRIVAL_FUTURE' })),
    );
  const seen = new Map<string, number>();
  input.arrivals.forEach((a, i) => {
    const key = normaliseRef(a.bankReceiptNo);
    if (seen.has(key))
      fail('INCENTIVE_ARRIVAL_DUPLICATE', [
        { path: `arrivals.${i}.bankReceiptNo`, message: 'INCENTIVE_ARRIVAL_DUPLICATE' },
      ]);
    seen.set(key, i);
  });
  const claimed: ArrivalFact[] = enterprise ? await repo.claimedArrivals(ex, enterprise.id) : [];
  const own = exceptId
    ? new Set((await repo.arrivalsOf(ex, exceptId)).map((a) => normaliseRef(a.bankReceiptNo)))
    : null;
  const claimedOthers = own ? claimed.filter((a) => !own.has(normaliseRef(a.ref))) : claimed;
  const days = [
    ...input.arrivals.map((a) => a.receivedOn),
    ...claimedOthers.map((a) => a.receivedOn),
    ...(input.hq ? [input.hq.establishedOn] : []),
  ].sort();
  const lookback = paramOn(P.rateLookbackDays, today);
  const rates =
    days.length > 0 ? await repo.ratesBetween(ex, plusDays(days[0], -lookback), days[days.length - 1]) : [];
  const facts: IncentiveFacts = {
    policyId: input.policyId,
    kind: input.kind,
    enterprise: { foreignInvested: input.foreignInvested, registeredProvince: input.registeredProvince },
    catalogueItem: { version: item.version, code: item.id, manufacturing: item.manufacturing === 1 },
    arrivals: input.arrivals.map((a) => ({
      ref: a.bankReceiptNo,
      receivedOn: a.receivedOn,
      currency: a.currency,
      amount: a.amount,
    })),
    claimedArrivals: claimedOthers,
    hq: input.hq
      ? {
          assetsUsdCents: input.hq.assetsUsdCents,
          registeredCapital: { currency: input.hq.capitalCurrency, amount: input.hq.capitalAmount },
          establishedOn: input.hq.establishedOn,
        }
      : null,
    priorRewardsFen: enterprise ? await repo.priorRewards(ex, enterprise.id, input.policyId, exceptId) : {},
    rates,
  };
  const evaluation = evaluate(facts, today);
  if (evaluation.missingRates.length > 0) fail('INCENTIVE_RATE_MISSING', { days: evaluation.missingRates });
  return { evaluation, item };
}

/** The facts stored with an application, as engine input (for re-evaluation at a later step). */
export async function storedInput(ex: Executor, row: IncentiveApplicationRow) {
  const facts = JSON.parse(row.facts) as StoredFacts;
  const arrivals = await repo.arrivalsOf(ex, row.id);
  return {
    policyId: row.policyId,
    kind: row.kind as 'capital_arrival' | 'regional_hq',
    foreignInvested: facts.foreignInvested,
    registeredProvince: facts.registeredProvince,
    catalogueItemId: row.catalogueItemId ?? '',
    hq: facts.hq,
    arrivals: arrivals.map((a) => ({
      bankReceiptNo: a.bankReceiptNo,
      receivedOn: a.receivedOn,
      currency: a.currency as 'USD' | 'CNY',
      amount: Number(a.amount),
    })),
  };
}

/** The due day of a review step started on `from`, by the policy's working days for that stage. */
export async function dueFor(ex: Executor, stage: ReviewStage, from: string, cal?: WorkCalendar) {
  const calendar = cal ?? (await loadCalendar(ex));
  return addWorkingDays(calendar, from, paramOn(REVIEW_PARAM[stage], from));
}

export function createIncentiveCompute(deps: { db: Db; ports: Pick<Ports, 'findOrg'> }) {
  const { db } = deps;
  return {
    policies() {
      return [
        {
          ...EAST_TRANSFER_POLICY,
          kinds: [...EAST_TRANSFER_POLICY.kinds],
          requiredMaterials: Object.fromEntries(
            Object.entries(EAST_TRANSFER_POLICY.requiredMaterials).map(([k, v]) => [k, [...v]]),
          ),
          parameters: Object.values(P).map((p) => ({
            key: p.key,
            basis: p.basis,
            values: p.values.map((v) => ({ from: v.from, to: v.to, value: v.value })),
          })),
        },
      ];
    },

    /** A trial computation: reads, never writes. */
    async evaluate(actor: Actor, input: Facts): Promise<Evaluation> {
      const enterprise = await enterpriseFor(db, deps, actor, input.enterpriseId);
      const { evaluation } = await assess(db, input, enterprise, beijingToday());
      return evaluation;
    },

    async listRates(q: z.infer<typeof RateQuery>) {
      const rows = await repo.listRates(db, q);
      return rows.map((r) => ({
        currency: r.currency,
        day: r.day,
        rate: r.rate,
        source: r.source,
        note: r.note,
        updatedAt: r.updatedAt,
        version: r.version,
      }));
    },

    /** Enters or corrects the central parity of a day (a correction carries the version read). */
    putRate: (actor: Actor, input: z.infer<typeof RateInput>) =>
      db.transaction().execute(async (trx) => {
        const existing = await repo.findRate(trx, input.currency, input.day);
        const at = now();
        if (existing) {
          if (input.version !== existing.version) fail('VERSION_CONFLICT');
          const ok = await repo.updateRate(
            trx,
            { currency: input.currency, day: input.day, version: existing.version },
            {
              rate: input.rate,
              source: input.source,
              note: input.note ?? null,
              updatedBy: actor.userId,
              updatedAt: at,
            },
          );
          if (!ok) fail('VERSION_CONFLICT');
        } else {
          if (input.version != null) fail('RATE_NOT_FOUND');
          await repo.insertRate(trx, {
            currency: input.currency,
            day: input.day,
            rate: input.rate,
            source: input.source,
            note: input.note ?? null,
            updatedBy: actor.userId,
            createdAt: at,
            updatedAt: at,
          });
        }
        await recordAudit(trx, actor, {
          action: existing ? 'update' : 'create',
          entity: 'incentive_rate',
          entityId: `${input.currency}:${input.day}`,
          scopePath: actor.orgUnit.path,
          summary: `${input.currency} ${input.day} ${input.rate}`,
          before: existing ? { rate: existing.rate, source: existing.source } : null,
          after: { rate: input.rate, source: input.source, note: input.note ?? null },
        });
        const row = (await repo.findRate(trx, input.currency, input.day))!;
        return {
          currency: row.currency,
          day: row.day,
          rate: row.rate,
          source: row.source,
          note: row.note,
          updatedAt: row.updatedAt,
          version: row.version,
        };
      }),
  };
}
