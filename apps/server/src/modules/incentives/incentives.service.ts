import type {
  ApplicationInput,
  ApplicationListQuery,
  EvaluateBody,
  IncentiveApplicationDetail,
  IncentiveApplicationSummary,
  PaymentInput,
  RateInput,
  RateQuery,
  ResubmitBody,
  ReviewBody,
  ReviewStage,
} from '@yingshang/contracts';
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
  slaState,
  valueOn,
  type WorkCalendar,
} from '@yingshang/rules';
import type { z } from 'zod';
import type { Db, Executor, Tx } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { IncentiveApplicationRow, OrgUnitRow } from '../../db/schema.js';
import { type Actor, inScope, scopePath } from '../../lib/actor.js';
import { AppError, fail } from '../../lib/app-error.js';
import { beijingToday } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import { usersOf } from '../appeals/appeals.repository.js';
import { loadCalendar } from '../appeals/calendar.js';
import { recordAudit } from '../audit/audit.repository.js';
import { notify } from '../notifications/notifications.repository.js';
import { findOrg, findOrgByPath } from '../orgs/orgs.repository.js';
import { withRollups } from '../rollups/rollups.repository.js';
import * as repo from './incentives.repository.js';
import { incentiveRollups } from './rollups.repository.js';

type Facts = z.infer<typeof EvaluateBody>;
type Apply = z.infer<typeof ApplicationInput>;
type StoredFacts = IncentiveApplicationDetail['facts'];

/** 临期: at most this many working days left of a review step. */
export const REVIEW_WARN_DAYS = 2;
const STAGE_ZH: Record<ReviewStage, string> = {
  county: '县（区）/开发区',
  city: '市商务局',
  province: '省商务厅',
};
const REVIEW_STATUS: Record<ReviewStage, string> = {
  county: 'county_review',
  city: 'city_review',
  province: 'province_review',
};
const REVIEW_PARAM = { county: P.reviewDaysCounty, city: P.reviewDaysCity, province: P.reviewDaysProvince };
const OFFICE_ROLES = {
  county: ['county_staff'],
  city: ['city_bureau'],
  province: ['province_admin'],
} as const;

/** The city-level ancestor path of a unit ('/province/city/…' → '/province/city/'). */
export const cityPath = (path: string) => path.split('/').slice(0, 3).join('/').concat('/');
const provincePath = (path: string) => path.split('/').slice(0, 2).join('/').concat('/');
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 });
const paramOn = (p: { values: readonly { from: string; to: string | null; value: number }[] }, day: string) =>
  (valueOn(p as never, day) as { value: number } | undefined)?.value ?? p.values[p.values.length - 1].value;

export function createIncentiveService(deps: { db: Db; dialect: Dialect }) {
  const { db, dialect } = deps;

  const reader = (actor: Actor): repo.ApplicationFilter['reader'] =>
    actor.orgUnit.kind === 'enterprise'
      ? { kind: 'enterprise', id: actor.orgUnit.id }
      : { kind: 'region', path: scopePath(actor) };

  /** An application the actor may read, or 404 (never a hint that it exists elsewhere). */
  async function visible(ex: Executor, actor: Actor, id: string) {
    const row = await repo.findApplication(ex, id);
    if (!row) fail('INCENTIVE_NOT_FOUND');
    const r = reader(actor);
    const ok = r.kind === 'enterprise' ? row.enterpriseId === r.id : inScope(actor, row.regionPath);
    if (!ok) fail('INCENTIVE_NOT_FOUND');
    return row;
  }

  /** The review stage this actor acts at for an application, if any. */
  function stageOf(actor: Actor, row: { regionPath: string }): ReviewStage | null {
    if (!actor.permissions.has('incentives.review') || !inScope(actor, row.regionPath)) return null;
    const k = actor.orgUnit.kind;
    return k === 'county' || k === 'zone'
      ? 'county'
      : k === 'city'
        ? 'city'
        : k === 'province'
          ? 'province'
          : null;
  }

  function actionsOf(actor: Actor, row: IncentiveApplicationRow): IncentiveApplicationDetail['actions'] {
    const out: IncentiveApplicationDetail['actions'] = [];
    const stage = stageOf(actor, row);
    if (stage && row.stage === stage && row.status === REVIEW_STATUS[stage]) out.push('review');
    // the enterprise itself, or whoever applied for it, or the receiving office on its behalf
    const own =
      actor.orgUnit.kind === 'enterprise'
        ? row.enterpriseId === actor.orgUnit.id
        : row.createdBy === actor.userId || row.regionId === actor.orgUnit.id;
    if (row.status === 'returned' && own && actor.permissions.has('incentives.apply')) out.push('resubmit');
    if (
      (row.status === 'approved' || row.status === 'partly_paid') &&
      actor.permissions.has('incentives.pay') &&
      actor.orgUnit.kind !== 'enterprise' &&
      inScope(actor, row.regionPath)
    )
      out.push('pay');
    return out;
  }

  /** The enterprise evaluated or applied for: the caller itself, or one in a staff member's area. */
  async function enterpriseFor(ex: Executor, actor: Actor, enterpriseId: string | undefined) {
    const isEnterprise = actor.orgUnit.kind === 'enterprise';
    // an enterprise acts for itself only: naming another one is refused, not silently ignored
    if (isEnterprise && enterpriseId && enterpriseId !== actor.orgUnit.id)
      fail('INCENTIVE_ENTERPRISE_INVALID', [
        { path: 'enterpriseId', message: 'INCENTIVE_ENTERPRISE_INVALID' },
      ]);
    const id = isEnterprise ? actor.orgUnit.id : enterpriseId;
    if (!id) return null;
    const e = await findOrg(ex, id);
    if (e?.kind !== 'enterprise' || e.active !== 1 || (!isEnterprise && !inScope(actor, e.path)))
      fail('INCENTIVE_ENTERPRISE_INVALID', [
        { path: 'enterpriseId', message: 'INCENTIVE_ENTERPRISE_INVALID' },
      ]);
    return e;
  }

  /** Checks the facts as input, gathers what the engine needs from the database and evaluates. */
  async function assess(
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

  /** The county or zone office that receives an application. */
  async function receivingOffice(ex: Executor, actor: Actor, enterprise: OrgUnitRow, regionId?: string) {
    const isEnterprise = actor.orgUnit.kind === 'enterprise';
    const bad = () =>
      fail('INCENTIVE_REGION_INVALID', [{ path: 'regionId', message: 'INCENTIVE_REGION_INVALID' }]);
    let unit: OrgUnitRow | undefined;
    if (regionId) unit = await findOrg(ex, regionId);
    else if (isEnterprise) unit = enterprise.parentId ? await findOrg(ex, enterprise.parentId) : undefined;
    else unit = await findOrg(ex, actor.orgUnit.id);
    if (!unit || (unit.kind !== 'county' && unit.kind !== 'zone') || unit.active !== 1) return bad();
    const allowed = isEnterprise
      ? unit.path.startsWith(cityPath(enterprise.path))
      : inScope(actor, unit.path) && unit.path.startsWith(cityPath(enterprise.path));
    if (!allowed) return bad();
    return unit;
  }

  async function reviewersOf(
    ex: Executor,
    row: { regionId: string; regionPath: string },
    stage: ReviewStage,
  ) {
    const path =
      stage === 'county' ? null : stage === 'city' ? cityPath(row.regionPath) : provincePath(row.regionPath);
    const unitId = path ? (await findOrgByPath(ex, path))?.id : row.regionId;
    return usersOf(ex, unitId ?? null, OFFICE_ROLES[stage]);
  }

  const enterpriseUsers = (ex: Executor, enterpriseId: string) => usersOf(ex, enterpriseId, ['enterprise']);

  async function event(
    trx: Tx,
    actor: Actor,
    row: IncentiveApplicationRow,
    e: {
      action: string;
      stage: ReviewStage | null;
      to: string;
      note?: string | null;
      dueOn?: string | null;
      onTime?: boolean | null;
    },
  ) {
    await repo.insertApplicationEvent(trx, {
      id: newId(),
      applicationId: row.id,
      action: e.action,
      stage: e.stage,
      fromStatus: row.status === e.to && e.action === 'submit' ? null : row.status,
      toStatus: e.to,
      note: e.note ?? null,
      dueOn: e.dueOn ?? null,
      onTime: e.onTime == null ? null : e.onTime ? 1 : 0,
      actorId: actor.userId,
      actorName: actor.displayName,
      unitName: actor.orgUnit.name,
      createdAt: now(),
    });
  }

  const audit = (
    trx: Tx,
    actor: Actor,
    row: { id: string; code: string; enterpriseName: string; regionPath: string },
    action: 'submit' | 'approve' | 'return' | 'reject' | 'pay' | 'update',
    before: unknown,
    after: unknown,
    entity: 'incentive_application' | 'incentive_payment' = 'incentive_application',
  ) =>
    recordAudit(trx, actor, {
      action,
      entity,
      entityId: row.id,
      scopePath: row.regionPath,
      summary: `${row.enterpriseName} (${row.code})`,
      before,
      after,
    });

  async function dueFor(ex: Executor, stage: ReviewStage, from: string, cal?: WorkCalendar) {
    const calendar = cal ?? (await loadCalendar(ex));
    return addWorkingDays(calendar, from, paramOn(REVIEW_PARAM[stage], from));
  }

  function toSummary(
    r: repo.ApplicationListRow,
    cal: WorkCalendar,
    today: string,
  ): IncentiveApplicationSummary {
    return {
      id: r.id,
      code: r.code,
      policyId: r.policyId,
      kind: r.kind as never,
      enterpriseId: r.enterpriseId,
      enterpriseName: r.enterpriseName,
      regionId: r.regionId,
      regionName: r.regionName,
      status: r.status as never,
      stage: (r.stage as ReviewStage | null) ?? null,
      stageDueOn: r.stageDueOn,
      sla: r.stageDueOn ? slaState(cal, today, r.stageDueOn, REVIEW_WARN_DAYS) : null,
      submittedOn: r.submittedOn,
      provisionalFen: Number(r.provisionalFen),
      approvedFen: r.approvedFen == null ? null : Number(r.approvedFen),
      paidFen: Number(r.paidFen),
      updatedAt: r.updatedAt,
      version: r.version,
    };
  }

  async function detail(ex: Executor, actor: Actor, id: string): Promise<IncentiveApplicationDetail> {
    const row = await visible(ex, actor, id);
    const [region, item, project, arrivals, events, payments, cal] = await Promise.all([
      findOrg(ex, row.regionId),
      row.catalogueItemId ? repo.findCatalogueItem(ex, row.catalogueItemId) : undefined,
      row.projectId ? repo.findProject(ex, row.projectId) : undefined,
      repo.arrivalsOf(ex, id),
      repo.eventsOf(ex, id),
      repo.paymentsOf(ex, id),
      loadCalendar(ex),
    ]);
    const materials = JSON.parse(row.materials) as IncentiveApplicationDetail['materials'];
    const required = EAST_TRANSFER_POLICY.requiredMaterials[row.kind as 'capital_arrival'] ?? [];
    return {
      ...toSummary({ ...row, regionName: region?.name ?? '' }, cal, beijingToday()),
      projectId: row.projectId,
      projectName: project?.name ?? null,
      catalogueItem: item ? repo.toCatalogueItem(item) : null,
      facts: JSON.parse(row.facts) as StoredFacts,
      materials,
      missingMaterials: required.filter((k) => !materials.some((m) => m.kind === k)),
      arrivals: arrivals.map((a) => ({
        id: a.id,
        bankReceiptNo: a.bankReceiptNo,
        receivedOn: a.receivedOn,
        currency: a.currency as 'USD' | 'CNY',
        amount: Number(a.amount),
        amountFen: a.amountFen == null ? null : Number(a.amountFen),
        rate: a.rate,
        rateDay: a.rateDay,
        counted: a.counted === 1,
        projectFundId: a.projectFundId,
      })),
      evaluation: JSON.parse(row.evaluation) as Evaluation,
      events: events.map((e) => ({
        id: e.id,
        action: e.action,
        stage: (e.stage as ReviewStage | null) ?? null,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        note: e.note,
        dueOn: e.dueOn,
        onTime: e.onTime == null ? null : e.onTime === 1,
        actorName: e.actorName,
        unitName: e.unitName,
        createdAt: e.createdAt,
      })),
      payments: payments.map((p) => ({
        id: p.id,
        paidOn: p.paidOn,
        amountFen: Number(p.amountFen),
        voucherNo: p.voucherNo,
        note: p.note,
        actorName: p.actorName,
        createdAt: p.createdAt,
      })),
      approvedOn: row.approvedOn,
      payDueOn: row.payDueOn,
      paidOn: row.paidOn,
      actions: actionsOf(actor, row),
    };
  }

  /** A unique-key violation (two clerks at once claiming one arrival, or one voucher twice). */
  const isUnique = (err: unknown) =>
    !(err instanceof AppError) && /unique/i.test(String((err as Error)?.message));

  /** The facts stored with an application, as engine input (for re-evaluation at a later step). */
  async function storedInput(ex: Executor, row: IncentiveApplicationRow) {
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
      const enterprise = await enterpriseFor(db, actor, input.enterpriseId);
      const { evaluation } = await assess(db, input, enterprise, beijingToday());
      return evaluation;
    },

    async list(actor: Actor, q: z.infer<typeof ApplicationListQuery>) {
      // the dashboard's "applications" of a region and run of months open this list
      let regionPath: string | undefined;
      if (q.regionId) {
        const unit = await findOrg(db, q.regionId);
        if (!unit || !inScope(actor, unit.path)) fail('ORG_NOT_FOUND');
        regionPath = unit.path;
      }
      if (q.from && q.to && q.from > q.to)
        fail('VALIDATION_FAILED', [{ path: 'from', message: 'from > to' }]);
      const stage = q.mine === 'review' ? stageOf(actor, { regionPath: actor.orgUnit.path }) : null;
      if (q.mine === 'review' && !stage) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      const filter: repo.ApplicationFilter = {
        reader: reader(actor),
        status: stage ? REVIEW_STATUS[stage] : q.status,
        statuses: q.mine === 'pay' ? ['approved', 'partly_paid'] : undefined,
        q: q.q,
        regionPath,
        from: q.from,
        to: q.to,
      };
      const cal = await loadCalendar(db);
      const today = beijingToday();
      return repo.listApplications(db, dialect, filter, q, (r) => toSummary(r, cal, today));
    },

    get: (actor: Actor, id: string) => detail(db, actor, id),

    async apply(actor: Actor, input: Apply) {
      try {
        const id = await db.transaction().execute(async (trx) => {
          const today = beijingToday();
          const enterprise = await enterpriseFor(trx, actor, input.enterpriseId);
          if (!enterprise)
            fail('INCENTIVE_ENTERPRISE_INVALID', [
              { path: 'enterpriseId', message: 'INCENTIVE_ENTERPRISE_INVALID' },
            ]);
          const office = await receivingOffice(trx, actor, enterprise, input.regionId);
          let project: Awaited<ReturnType<typeof repo.findProject>>;
          if (input.projectId) {
            project =
              actor.orgUnit.kind === 'enterprise' ? undefined : await repo.findProject(trx, input.projectId);
            if (!project || !inScope(actor, project.regionPath))
              fail('PROJECT_NOT_FOUND', [{ path: 'projectId', message: 'PROJECT_NOT_FOUND' }]);
          }
          for (const [i, a] of input.arrivals.entries()) {
            if (!a.projectFundId) continue;
            const f = await repo.findProjectFund(trx, a.projectFundId);
            const ok =
              !!f &&
              !!project &&
              f.projectId === project.id &&
              f.currency === a.currency &&
              f.receivedOn === a.receivedOn &&
              Number(f.amount) === a.amount;
            if (!ok)
              fail('INCENTIVE_FUND_INVALID', [
                { path: `arrivals.${i}.projectFundId`, message: 'INCENTIVE_FUND_INVALID' },
              ]);
          }
          const keys = input.arrivals.map((a) => normaliseRef(a.bankReceiptNo));
          const taken = await repo.takenClaims(trx, keys);
          if (taken.length > 0)
            fail(
              'INCENTIVE_ARRIVAL_CLAIMED',
              input.arrivals
                .map((a, i) => ({ i, a }))
                .filter(({ a }) => taken.includes(normaliseRef(a.bankReceiptNo)))
                .map(({ i }) => ({
                  path: `arrivals.${i}.bankReceiptNo`,
                  message: 'INCENTIVE_ARRIVAL_CLAIMED',
                })),
            );
          const { evaluation } = await assess(trx, input, enterprise, today);
          if (!evaluation.eligible)
            fail('INCENTIVE_NOT_ELIGIBLE', {
              failed: evaluation.conditions.filter((c) => !c.passed).map((c) => c.key),
            });
          const due = await dueFor(trx, 'county', today);
          const id = newId();
          const code = `JL${today.replace(/-/g, '')}${id.slice(-5).toUpperCase()}`;
          const at = now();
          const facts: StoredFacts = {
            foreignInvested: input.foreignInvested,
            registeredProvince: input.registeredProvince,
            investorName: input.investorName ?? null,
            hq: input.hq ?? null,
          };
          const values = {
            id,
            code,
            policyId: input.policyId,
            kind: input.kind,
            enterpriseId: enterprise.id,
            enterpriseName: enterprise.name,
            regionId: office.id,
            regionPath: office.path,
            projectId: project?.id ?? null,
            catalogueItemId: input.catalogueItemId,
            facts: JSON.stringify(facts),
            materials: JSON.stringify(input.materials.map((m) => ({ ...m, ref: m.ref ?? null }))),
            status: 'county_review',
            stage: 'county',
            stageDueOn: due.day,
            dueUnscheduled: due.unscheduled ? 1 : 0,
            submittedOn: today,
            provisionalFen: evaluation.amountFen,
            evaluation: JSON.stringify(evaluation),
            searchText: `${enterprise.name} ${code}`.toLowerCase(),
            createdBy: actor.userId,
            createdAt: at,
            updatedAt: at,
          };
          await withRollups(trx, { source: incentiveRollups, ids: [id] }, () =>
            repo.insertApplication(trx, values),
          );
          if (input.arrivals.length > 0)
            await repo.insertArrivals(
              trx,
              input.arrivals.map((a, i) => {
                const t = evaluation.arrivals[i];
                const counted = t?.outcome === 'counted';
                return {
                  id: newId(),
                  applicationId: id,
                  enterpriseId: enterprise.id,
                  position: i,
                  bankReceiptNo: a.bankReceiptNo,
                  claimKey: counted ? normaliseRef(a.bankReceiptNo) : null,
                  receivedOn: a.receivedOn,
                  currency: a.currency,
                  amount: a.amount,
                  amountFen: t?.fen ?? null,
                  rate: t?.rate ?? null,
                  rateDay: t?.rateDay ?? null,
                  counted: counted ? 1 : 0,
                  projectId: project?.id ?? null,
                  projectFundId: counted ? (a.projectFundId ?? null) : null,
                  createdAt: at,
                };
              }),
            );
          const row = (await repo.findApplication(trx, id))!;
          await event(
            trx,
            actor,
            { ...row, status: 'county_review' },
            {
              action: 'submit',
              stage: null,
              to: 'county_review',
              dueOn: due.day,
            },
          );
          await audit(trx, actor, row, 'submit', null, {
            ...values,
            facts,
            evaluation: { eligible: evaluation.eligible, amountFen: evaluation.amountFen },
            arrivals: input.arrivals,
          });
          await notify(trx, await reviewersOf(trx, row, 'county'), {
            kind: 'incentive_review',
            params: {
              enterprise: row.enterpriseName,
              code,
              amount: yuan(evaluation.amountFen),
              stage: STAGE_ZH.county,
              due: due.day,
            },
            link: `/incentives/${id}`,
          });
          return id;
        });
        return detail(db, actor, id);
      } catch (err) {
        if (isUnique(err)) fail('INCENTIVE_ARRIVAL_CLAIMED');
        throw err;
      }
    },

    async review(actor: Actor, id: string, body: z.infer<typeof ReviewBody>) {
      await db.transaction().execute(async (trx) => {
        const row = await visible(trx, actor, id);
        const stage = stageOf(actor, row);
        if (!stage || row.stage !== stage || row.status !== REVIEW_STATUS[stage])
          fail('INCENTIVE_STEP_NOT_ALLOWED');
        if (row.version !== body.version) fail('VERSION_CONFLICT');
        if (body.decision !== 'approve' && !body.note)
          fail('INCENTIVE_REASON_REQUIRED', [{ path: 'note', message: 'INCENTIVE_REASON_REQUIRED' }]);
        const today = beijingToday();
        const cal = await loadCalendar(trx);
        const onTime = row.stageDueOn ? today <= row.stageDueOn : null;
        const stepDue = row.stageDueOn;
        let patch: Partial<IncentiveApplicationRow>;
        let to: string;
        let notice: () => Promise<void>;
        if (body.decision === 'approve' && stage !== 'province') {
          const next: ReviewStage = stage === 'county' ? 'city' : 'province';
          const due = await dueFor(trx, next, today, cal);
          to = REVIEW_STATUS[next];
          patch = { status: to, stage: next, stageDueOn: due.day, dueUnscheduled: due.unscheduled ? 1 : 0 };
          notice = async () =>
            notify(trx, await reviewersOf(trx, row, next), {
              kind: 'incentive_review',
              params: {
                enterprise: row.enterpriseName,
                code: row.code,
                amount: yuan(Number(row.provisionalFen)),
                stage: STAGE_ZH[next],
                due: due.day,
              },
              link: `/incentives/${id}`,
            });
        } else if (body.decision === 'approve') {
          // The province decides the amount: evaluated again now, so the cap holds across applications.
          const { evaluation } = await assess(
            trx,
            await storedInput(trx, row),
            { id: row.enterpriseId },
            today,
            id,
          );
          if (!evaluation.eligible || evaluation.amountFen <= 0)
            fail('INCENTIVE_NOT_ELIGIBLE', {
              failed: evaluation.conditions.filter((c) => !c.passed).map((c) => c.key),
            });
          const payDue = addWorkingDays(cal, today, paramOn(P.paymentDays, today));
          to = 'approved';
          patch = {
            status: to,
            stage: null,
            stageDueOn: null,
            dueUnscheduled: 0,
            approvedOn: today,
            approvedFen: evaluation.amountFen,
            payDueOn: payDue.day,
            evaluation: JSON.stringify(evaluation),
          };
          notice = async () =>
            notify(trx, await enterpriseUsers(trx, row.enterpriseId), {
              kind: 'incentive_approved',
              params: { code: row.code, amount: yuan(evaluation.amountFen), due: payDue.day },
              link: `/incentives/${id}`,
            });
        } else if (body.decision === 'return') {
          to = 'returned';
          patch = { status: to, stage: null, stageDueOn: null, dueUnscheduled: 0 };
          notice = async () =>
            notify(trx, await enterpriseUsers(trx, row.enterpriseId), {
              kind: 'incentive_returned',
              params: { code: row.code, unit: actor.orgUnit.name, reason: body.note ?? '' },
              link: `/incentives/${id}`,
            });
        } else {
          to = 'rejected';
          patch = { status: to, stage: null, stageDueOn: null, dueUnscheduled: 0, closedOn: today };
          // A rejected application releases its arrivals: they may be claimed again.
          await repo.releaseArrivals(trx, id);
          notice = async () =>
            notify(trx, await enterpriseUsers(trx, row.enterpriseId), {
              kind: 'incentive_rejected',
              params: { code: row.code, unit: actor.orgUnit.name, reason: body.note ?? '' },
              link: `/incentives/${id}`,
            });
        }
        await withRollups(trx, { source: incentiveRollups, ids: [id] }, () =>
          repo.updateApplication(trx, id, row.version, { ...patch, updatedAt: now() }),
        );
        await event(trx, actor, row, {
          action: body.decision,
          stage,
          to,
          note: body.note,
          dueOn: stepDue,
          onTime,
        });
        await audit(
          trx,
          actor,
          row,
          body.decision,
          { status: row.status, stage: row.stage },
          { status: to, note: body.note ?? null, approvedFen: patch.approvedFen ?? null },
        );
        await notice();
      });
      return detail(db, actor, id);
    },

    async resubmit(actor: Actor, id: string, body: z.infer<typeof ResubmitBody>) {
      await db.transaction().execute(async (trx) => {
        const row = await visible(trx, actor, id);
        if (!actionsOf(actor, row).includes('resubmit')) fail('INCENTIVE_STEP_NOT_ALLOWED');
        if (row.version !== body.version) fail('VERSION_CONFLICT');
        const today = beijingToday();
        const { evaluation } = await assess(
          trx,
          await storedInput(trx, row),
          { id: row.enterpriseId },
          today,
          id,
        );
        if (!evaluation.eligible)
          fail('INCENTIVE_NOT_ELIGIBLE', {
            failed: evaluation.conditions.filter((c) => !c.passed).map((c) => c.key),
          });
        const due = await dueFor(trx, 'county', today);
        const materials = JSON.stringify(body.materials.map((m) => ({ ...m, ref: m.ref ?? null })));
        await withRollups(trx, { source: incentiveRollups, ids: [id] }, () =>
          repo.updateApplication(trx, id, row.version, {
            status: 'county_review',
            stage: 'county',
            stageDueOn: due.day,
            dueUnscheduled: due.unscheduled ? 1 : 0,
            materials,
            provisionalFen: evaluation.amountFen,
            evaluation: JSON.stringify(evaluation),
            updatedAt: now(),
          }),
        );
        await event(trx, actor, row, {
          action: 'resubmit',
          stage: null,
          to: 'county_review',
          note: body.note,
          dueOn: due.day,
        });
        await audit(
          trx,
          actor,
          row,
          'update',
          { materials: JSON.parse(row.materials) },
          { materials: JSON.parse(materials) },
        );
        await notify(trx, await reviewersOf(trx, row, 'county'), {
          kind: 'incentive_review',
          params: {
            enterprise: row.enterpriseName,
            code: row.code,
            amount: yuan(evaluation.amountFen),
            stage: STAGE_ZH.county,
            due: due.day,
          },
          link: `/incentives/${id}`,
        });
      });
      return detail(db, actor, id);
    },

    async pay(actor: Actor, id: string, body: z.infer<typeof PaymentInput>) {
      try {
        await db.transaction().execute(async (trx) => {
          const row = await visible(trx, actor, id);
          if (!actionsOf(actor, row).includes('pay')) fail('INCENTIVE_NOT_PAYABLE');
          if (row.version !== body.version) fail('VERSION_CONFLICT');
          const approved = Number(row.approvedFen ?? 0);
          const paid = Number(row.paidFen);
          if (body.amountFen > approved - paid)
            fail('INCENTIVE_PAYMENT_EXCEEDS', [
              { path: 'amountFen', message: 'INCENTIVE_PAYMENT_EXCEEDS', max: approved - paid },
            ]);
          const today = beijingToday();
          if (body.paidOn > today || (row.approvedOn && body.paidOn < row.approvedOn))
            fail('INCENTIVE_PAYMENT_DATE_INVALID', [
              { path: 'paidOn', message: 'INCENTIVE_PAYMENT_DATE_INVALID' },
            ]);
          if (await repo.voucherTaken(trx, body.voucherNo))
            fail('INCENTIVE_VOUCHER_TAKEN', [{ path: 'voucherNo', message: 'INCENTIVE_VOUCHER_TAKEN' }]);
          const total = paid + body.amountFen;
          const full = total === approved;
          const payment = {
            id: newId(),
            applicationId: id,
            paidOn: body.paidOn,
            amountFen: body.amountFen,
            voucherNo: body.voucherNo,
            note: body.note ?? null,
            actorName: actor.displayName,
            createdAt: now(),
          };
          await repo.insertPayment(trx, payment);
          const to = full ? 'paid' : 'partly_paid';
          await withRollups(trx, { source: incentiveRollups, ids: [id] }, () =>
            repo.updateApplication(trx, id, row.version, {
              paidFen: total,
              status: to,
              paidOn: full ? body.paidOn : null,
              closedOn: full ? today : null,
              updatedAt: now(),
            }),
          );
          await event(trx, actor, row, {
            action: 'pay',
            stage: null,
            to,
            note: `${yuan(body.amountFen)} (${body.voucherNo})`,
          });
          await audit(
            trx,
            actor,
            row,
            'pay',
            { paidFen: paid },
            { ...payment, paidFen: total },
            'incentive_payment',
          );
          await notify(trx, await enterpriseUsers(trx, row.enterpriseId), {
            kind: 'incentive_paid',
            params: {
              code: row.code,
              amount: yuan(body.amountFen),
              voucher: body.voucherNo,
              paid: yuan(total),
            },
            link: `/incentives/${id}`,
          });
        });
      } catch (err) {
        if (isUnique(err)) fail('INCENTIVE_VOUCHER_TAKEN');
        throw err;
      }
      return detail(db, actor, id);
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

export type IncentiveService = ReturnType<typeof createIncentiveService>;
