import type {
  ApplicationListQuery,
  IncentiveApplicationDetail,
  IncentiveApplicationSummary,
  ReviewStage,
} from '@yingshang/contracts';
import { EAST_TRANSFER_POLICY, type Evaluation, slaState, type WorkCalendar } from '@yingshang/rules';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { loadCalendar } from '../../kernel/calendar.js';
import { type Actor, inScope } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { beijingToday } from '../../lib/days.js';
import type { Ports } from '../../ports.js';
import * as repo from './incentives.repository.js';
import {
  actionsOf,
  REVIEW_STATUS,
  REVIEW_WARN_DAYS,
  reader,
  type StoredFacts,
  stageOf,
} from './incentives.rules.js';

/** Reading applications: one in full (as the actor may see it), or a filtered page of them. */

/** An application the actor may read, or 404 (never a hint that it exists elsewhere). */
export async function visible(ex: Executor, actor: Actor, id: string) {
  const row = await repo.findApplication(ex, id);
  if (!row) fail('INCENTIVE_NOT_FOUND');
  const r = reader(actor);
  const ok = r.kind === 'enterprise' ? row.enterpriseId === r.id : inScope(actor, row.regionPath);
  if (!ok) fail('INCENTIVE_NOT_FOUND');
  return row;
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

/** An application in full, with its arrivals, events, payments and the actions open to the actor. */
export async function detail(
  ex: Executor,
  { ports: { findOrg } }: { ports: Pick<Ports, 'findOrg'> },
  actor: Actor,
  id: string,
): Promise<IncentiveApplicationDetail> {
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

export function createIncentiveReading(deps: { db: Db; dialect: Dialect; ports: Pick<Ports, 'findOrg'> }) {
  const { db, dialect } = deps;
  return {
    async list(actor: Actor, q: z.infer<typeof ApplicationListQuery>) {
      // the dashboard's "applications" of a region and run of months open this list
      let regionPath: string | undefined;
      if (q.regionId) {
        const unit = await deps.ports.findOrg(db, q.regionId);
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

    get: (actor: Actor, id: string) => detail(db, deps, actor, id),
  };
}
