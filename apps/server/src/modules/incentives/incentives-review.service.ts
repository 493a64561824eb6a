import type { PaymentInput, ReviewBody, ReviewStage } from '@yingshang/contracts';
import { addWorkingDays, EAST_TRANSFER_PARAMETERS as P } from '@yingshang/rules';
import type { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { IncentiveApplicationRow } from '../../db/schema.js';
import { loadCalendar } from '../../kernel/calendar.js';
import { withRollups } from '../../kernel/rollups.js';
import type { Actor } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { beijingToday } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import type { Ports } from '../../ports.js';
import * as repo from './incentives.repository.js';
import { actionsOf, paramOn, REVIEW_STATUS, STAGE_ZH, stageOf, yuan } from './incentives.rules.js';
import { audit, enterpriseUsers, isUnique, recordEvent, reviewersOf } from './incentives.steps.js';
import { assess, dueFor, storedInput } from './incentives-compute.service.js';
import { detail, visible } from './incentives-read.service.js';
import { incentiveRollups } from './rollups.repository.js';

/** The offices' side: the county → city → province review chain, then payment of the approved reward. */
export function createIncentiveReviewing(deps: {
  db: Db;
  ports: Pick<Ports, 'notify' | 'findOrg' | 'findOrgByPath' | 'usersOf'>;
}) {
  const { db } = deps;
  const { notify } = deps.ports;
  return {
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
            notify(trx, await reviewersOf(trx, deps, row, next), {
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
            notify(trx, await enterpriseUsers(trx, deps, row.enterpriseId), {
              kind: 'incentive_approved',
              params: { code: row.code, amount: yuan(evaluation.amountFen), due: payDue.day },
              link: `/incentives/${id}`,
            });
        } else if (body.decision === 'return') {
          to = 'returned';
          patch = { status: to, stage: null, stageDueOn: null, dueUnscheduled: 0 };
          notice = async () =>
            notify(trx, await enterpriseUsers(trx, deps, row.enterpriseId), {
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
            notify(trx, await enterpriseUsers(trx, deps, row.enterpriseId), {
              kind: 'incentive_rejected',
              params: { code: row.code, unit: actor.orgUnit.name, reason: body.note ?? '' },
              link: `/incentives/${id}`,
            });
        }
        await withRollups(trx, { source: incentiveRollups, ids: [id] }, () =>
          repo.updateApplication(trx, id, row.version, { ...patch, updatedAt: now() }),
        );
        await recordEvent(trx, actor, row, {
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
      return detail(db, deps, actor, id);
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
          await recordEvent(trx, actor, row, {
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
          await notify(trx, await enterpriseUsers(trx, deps, row.enterpriseId), {
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
      return detail(db, deps, actor, id);
    },
  };
}
