import type { ApplicationInput, ResubmitBody } from '@yingshang/contracts';
import { normaliseRef } from '@yingshang/rules';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/database.js';
import type { OrgUnitRow } from '../../db/schema.js';
import { withRollups } from '../../kernel/rollups.js';
import { type Actor, inScope } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { beijingToday } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import type { Ports } from '../../ports.js';
import * as repo from './incentives.repository.js';
import { actionsOf, cityPath, STAGE_ZH, type StoredFacts, yuan } from './incentives.rules.js';
import { audit, isUnique, recordEvent, reviewersOf } from './incentives.steps.js';
import { assess, dueFor, enterpriseFor, storedInput } from './incentives-compute.service.js';
import { detail, visible } from './incentives-read.service.js';
import { incentiveRollups } from './rollups.repository.js';

/** The applicant's side: an application submitted to its county or zone, and resubmitted once returned. */

type Apply = z.infer<typeof ApplicationInput>;

/** The county or zone office that receives an application. */
export async function receivingOffice(
  ex: Executor,
  { ports: { findOrg } }: { ports: Pick<Ports, 'findOrg'> },
  actor: Actor,
  enterprise: OrgUnitRow,
  regionId?: string,
) {
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

export function createIncentiveApplying(deps: {
  db: Db;
  ports: Pick<Ports, 'notify' | 'findOrg' | 'findOrgByPath' | 'usersOf'>;
}) {
  const { db } = deps;
  const { notify } = deps.ports;
  return {
    async apply(actor: Actor, input: Apply) {
      try {
        const id = await db.transaction().execute(async (trx) => {
          const today = beijingToday();
          const enterprise = await enterpriseFor(trx, deps, actor, input.enterpriseId);
          if (!enterprise)
            fail('INCENTIVE_ENTERPRISE_INVALID', [
              { path: 'enterpriseId', message: 'INCENTIVE_ENTERPRISE_INVALID' },
            ]);
          const office = await receivingOffice(trx, deps, actor, enterprise, input.regionId);
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
          await recordEvent(
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
          await notify(trx, await reviewersOf(trx, deps, row, 'county'), {
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
        return detail(db, deps, actor, id);
      } catch (err) {
        if (isUnique(err)) fail('INCENTIVE_ARRIVAL_CLAIMED');
        throw err;
      }
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
        await recordEvent(trx, actor, row, {
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
        await notify(trx, await reviewersOf(trx, deps, row, 'county'), {
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
      return detail(db, deps, actor, id);
    },
  };
}
