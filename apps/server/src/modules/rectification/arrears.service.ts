import {
  type ArrearFigures,
  type ArrearInput,
  type ArrearListQuery,
  isRegionKind,
  type RepaymentInput,
} from '@yingshang/contracts';
import { creditCodeProblem } from '@yingshang/rules';
import type { z } from 'zod';
import type { Db, Executor, Tx } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { RectificationArrearRow } from '../../db/schema.js';
import { recordAudit } from '../../kernel/audit.js';
import { type Actor, inScope, scopePath } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { beijingToday } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import { pinyinKey } from '../../lib/pinyin.js';
import type { Ports } from '../../ports.js';
import * as repo from './arrears.repository.js';
import { arrearCode } from './rectification.repository.js';

const statusOf = (amount: number, repaid: number) =>
  repaid >= amount ? 'cleared' : repaid > 0 ? 'partly_repaid' : 'outstanding';

function toArrear(r: RectificationArrearRow & { regionName: string }, today: string) {
  const amountFen = Number(r.amountFen);
  const repaidFen = Number(r.repaidFen);
  return {
    id: r.id,
    code: r.code,
    debtorName: r.debtorName,
    debtorCreditCode: r.debtorCreditCode,
    creditorName: r.creditorName,
    creditorCreditCode: r.creditorCreditCode,
    contract: r.contract,
    regionId: r.regionId,
    regionName: r.regionName,
    amountFen,
    repaidFen,
    outstandingFen: amountFen - repaidFen,
    dueOn: r.dueOn,
    status: r.status as 'outstanding',
    clearedOn: r.clearedOn,
    overdue: r.status !== 'cleared' && r.dueOn < today,
    notes: r.notes,
    version: r.version,
    updatedAt: r.updatedAt,
  };
}

/** 清欠台账: SOE arrears owed to SMEs, repaid over time; cleared only when the balance is zero. */
export function createArrearService(deps: { db: Db; dialect: Dialect; ports: Pick<Ports, 'findOrg'> }) {
  const { db, dialect } = deps;
  const { findOrg } = deps.ports;

  async function visible(ex: Executor, actor: Actor, id: string) {
    const row = await repo.findArrear(ex, id);
    if (!row || !inScope(actor, row.regionPath)) fail('ARREAR_NOT_FOUND');
    return row;
  }

  async function detail(ex: Executor, id: string) {
    const row = (await repo.findArrear(ex, id))!;
    const repayments = await repo.repaymentsOf(ex, id);
    return {
      ...toArrear(row, beijingToday()),
      repayments: repayments.map((p) => ({
        id: p.id,
        paidOn: p.paidOn,
        amountFen: Number(p.amountFen),
        note: p.note,
        actorName: p.actorName,
        createdAt: p.createdAt,
      })),
    };
  }

  async function regionPath(actor: Actor, regionId?: string) {
    if (!regionId) return scopePath(actor);
    const unit = await findOrg(db, regionId);
    if (!unit || !inScope(actor, unit.path)) fail('ORG_NOT_FOUND');
    return unit.path;
  }

  const audit = (
    trx: Tx,
    actor: Actor,
    row: { id: string; code: string; debtorName: string; regionPath: string },
    e: {
      action: 'create' | 'repay';
      entity: 'arrear' | 'repayment';
      entityId: string;
      before?: unknown;
      after: unknown;
    },
  ) =>
    recordAudit(trx, actor, {
      ...e,
      scopePath: row.regionPath,
      summary: `${row.debtorName} (${row.code})`,
    });

  return {
    async list(actor: Actor, q: z.infer<typeof ArrearListQuery>) {
      const path = await regionPath(actor, q.regionId);
      const today = beijingToday();
      const page = await repo.listArrears(db, dialect, { ...q, regionPath: path });
      return { ...page, items: page.items.map((r) => toArrear(r, today)) };
    },

    get: async (actor: Actor, id: string) => {
      await visible(db, actor, id);
      return detail(db, id);
    },

    create: (actor: Actor, input: z.infer<typeof ArrearInput>) =>
      db.transaction().execute(async (trx) => {
        for (const [path, code] of [
          ['creditorCreditCode', input.creditorCreditCode],
          ['debtorCreditCode', input.debtorCreditCode],
        ] as const) {
          const problem = code ? creditCodeProblem(code) : null;
          if (problem) fail('CREDIT_CODE_INVALID', [{ path, message: `CREDIT_CODE_${problem}` }]);
        }
        const unit = await findOrg(trx, input.regionId);
        if (!unit || !isRegionKind(unit.kind) || !inScope(actor, unit.path))
          fail('REGION_INVALID', [{ path: 'regionId', message: 'REGION_INVALID' }]);
        const id = newId();
        const at = now();
        const code = arrearCode(id, beijingToday());
        await repo.insertArrear(trx, {
          id,
          code,
          debtorName: input.debtorName,
          debtorCreditCode: input.debtorCreditCode || null,
          creditorName: input.creditorName,
          creditorCreditCode: input.creditorCreditCode,
          contract: input.contract,
          regionId: unit.id,
          regionPath: unit.path,
          amountFen: input.amountFen,
          dueOn: input.dueOn,
          status: 'outstanding',
          notes: input.notes ?? null,
          searchText: [
            code,
            input.debtorName,
            pinyinKey(input.debtorName),
            input.creditorName,
            pinyinKey(input.creditorName),
            input.creditorCreditCode,
            input.contract,
          ]
            .join(' ')
            .toLowerCase(),
          createdAt: at,
          updatedAt: at,
        });
        const created = await detail(trx, id);
        await audit(
          trx,
          actor,
          { id, code, debtorName: input.debtorName, regionPath: unit.path },
          {
            action: 'create',
            entity: 'arrear',
            entityId: id,
            after: created,
          },
        );
        return created;
      }),

    /** A repayment: never above the outstanding balance; the debt is cleared when the balance reaches zero. */
    repay: (actor: Actor, id: string, input: z.infer<typeof RepaymentInput>) =>
      db.transaction().execute(async (trx) => {
        const row = await visible(trx, actor, id);
        if (row.status === 'cleared') fail('ARREAR_CLEARED');
        if (input.paidOn > beijingToday())
          fail('REPAYMENT_DATE_INVALID', [{ path: 'paidOn', message: 'REPAYMENT_DATE_INVALID' }]);
        const outstanding = Number(row.amountFen) - Number(row.repaidFen);
        if (input.amountFen > outstanding)
          fail('REPAYMENT_EXCEEDS_BALANCE', [
            { path: 'amountFen', message: 'REPAYMENT_EXCEEDS_BALANCE', outstanding },
          ]);
        const repaid = Number(row.repaidFen) + input.amountFen;
        const status = statusOf(Number(row.amountFen), repaid);
        await repo.updateArrear(
          trx,
          { id, version: input.version },
          {
            repaidFen: repaid,
            status,
            clearedOn: status === 'cleared' ? input.paidOn : null,
            updatedAt: now(),
          },
        );
        const pid = newId();
        await repo.insertRepayment(trx, {
          id: pid,
          arrearId: id,
          paidOn: input.paidOn,
          amountFen: input.amountFen,
          note: input.note ?? null,
          actorName: `${actor.displayName} (${actor.orgUnit.name})`,
          createdAt: now(),
        });
        await audit(trx, actor, row, {
          action: 'repay',
          entity: 'repayment',
          entityId: pid,
          before: { repaidFen: Number(row.repaidFen), status: row.status },
          after: { amountFen: input.amountFen, paidOn: input.paidOn, repaidFen: repaid, status },
        });
        return detail(trx, id);
      }),

    /** Sums by debtor and by region (the child units of the chosen region, or the region itself). */
    async figures(actor: Actor, q: { regionId?: string }): Promise<ArrearFigures> {
      const path = await regionPath(actor, q.regionId);
      const shape = (r: repo.ArrearSums) => ({
        count: Number(r.count),
        cleared: Number(r.cleared),
        amountFen: Number(r.amountFen),
        repaidFen: Number(r.repaidFen),
        outstandingFen: Number(r.amountFen) - Number(r.repaidFen),
      });
      const { totals, byDebtor, byRegion } = await repo.arrearSums(db, dialect, path);
      const byOutstanding = (a: { outstandingFen: number }, b: { outstandingFen: number }) =>
        b.outstandingFen - a.outstandingFen;
      return {
        totals: shape(totals),
        byDebtor: byDebtor.map((r) => ({ debtorName: r.debtorName, ...shape(r) })).sort(byOutstanding),
        byRegion: byRegion
          .map((r) => ({ regionId: r.regionId, regionName: r.regionName, ...shape(r) }))
          .sort(byOutstanding),
      };
    },
  };
}
export type ArrearService = ReturnType<typeof createArrearService>;
