import type {
  FactorNeedInput,
  FundInput,
  PromiseInput,
  UpdateFactorNeedBody,
  UpdatePromiseBody,
} from '@yingshang/contracts';
import { usdCentsToFen } from '@yingshang/rules';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database.js';
import type { ProjectRow } from '../../db/schema.js';
import { withRollups } from '../../kernel/rollups.js';
import { updateVersioned } from '../../kernel/versioned.js';
import type { Actor } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { backdatedTo, checkBackdate } from '../../lib/backdate.js';
import { beijingToday } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import type { Ports } from '../../ports.js';
import * as repo from './projects.repository.js';
import { auditProject } from './projects-edit.service.js';
import {
  detail,
  type ProjectDetail,
  type ProjectReadDeps,
  visible,
  writable,
} from './projects-read.service.js';
import { projectRollups } from './rollups.repository.js';

/** A project's child records: factor needs (要素需求), promises (承诺事项) and funds in place (到位资金). */
export function createProjectRecords(deps: ProjectReadDeps & { db: Db; ports: Pick<Ports, 'findOrg'> }) {
  const { db, config } = deps;
  const { findOrg } = deps.ports;

  async function responsibleOrg(trx: Tx, id: string) {
    const unit = await findOrg(trx, id);
    if (!unit) fail('ORG_NOT_FOUND', [{ path: 'responsibleOrgId', message: 'ORG_NOT_FOUND' }]);
    return unit.id;
  }

  /**
   * One command on a project's records: in one transaction, on a project the actor may change
   * (or only see, for closedOk), touching the project and what it keeps of its records for the
   * figures; returns the fresh detail.
   */
  function onProject(
    actor: Actor,
    id: string,
    change: (trx: Tx, row: ProjectRow) => Promise<void>,
    opts: { closedOk?: boolean } = {},
  ): Promise<ProjectDetail> {
    return db.transaction().execute(async (trx) => {
      const row = opts.closedOk ? await visible(trx, actor, id) : await writable(trx, actor, id);
      await withRollups(
        trx,
        { source: projectRollups, ids: [id] },
        async () => {
          await change(trx, row);
          await repo.refreshChildFigures(trx, id);
        },
        { actor, summary: `${row.name} (${row.code})` },
      );
      await repo.touchProject(trx, id, now());
      return detail(trx, deps, id);
    });
  }

  type Child = repo.ChildTable;
  const CHILD_ENTITY = { factorNeeds: 'factor_need', projectPromises: 'promise' } as const;

  /** A factor need or promise of this project, or 404. */
  async function childOf<T extends Child>(trx: Tx, table: T, projectId: string, itemId: string) {
    const row = await repo.findChildRecord(trx, table, projectId, itemId);
    if (!row) fail('ITEM_NOT_FOUND');
    return row;
  }

  /**
   * The day a factor need was met or a promise kept: given (never in the future, within the actor's
   * back-date limit), kept when it was already settled, else today.
   */
  function settledOn(actor: Actor, path: string, given: string | undefined, kept: string | null) {
    const today = beijingToday();
    if (!given) return kept ?? today;
    if (given > today) fail('STAGE_DATE_INVALID', [{ path, message: 'STAGE_DATE_INVALID' }]);
    checkBackdate(actor, config.backdateLimits, [{ path, date: given }]);
    return given;
  }

  /** Optimistic update of a factor need or promise (409 when stale), audited with before and after. */
  async function updateChild(
    trx: Tx,
    actor: Actor,
    project: ProjectRow,
    table: Child,
    before: { id: string },
    version: number,
    set: Record<string, unknown>,
  ) {
    await updateVersioned(trx, table, { id: before.id, version }, { ...set, updatedAt: now() });
    const settled = (set.metOn ?? set.fulfilledOn) as string | null | undefined;
    await auditProject(trx, actor, project, {
      action: 'update',
      entity: CHILD_ENTITY[table],
      entityId: before.id,
      before,
      after: { ...before, ...set, ...backdatedTo(settled) },
    });
  }

  return {
    addFactorNeed: (actor: Actor, id: string, input: z.infer<typeof FactorNeedInput>) =>
      onProject(actor, id, async (trx, row) => {
        const at = now();
        const values = {
          id: newId(),
          projectId: id,
          kind: input.kind,
          quantity: input.quantity ?? null,
          description: input.description ?? null,
          status: 'needed',
          responsibleOrgId: await responsibleOrg(trx, input.responsibleOrgId),
          dueOn: input.dueOn ?? null,
          createdAt: at,
          updatedAt: at,
        };
        await repo.insertFactorNeed(trx, values);
        await auditProject(trx, actor, row, {
          action: 'create',
          entity: 'factor_need',
          entityId: values.id,
          after: values,
        });
      }),

    updateFactorNeed: (
      actor: Actor,
      id: string,
      needId: string,
      input: z.infer<typeof UpdateFactorNeedBody>,
    ) =>
      onProject(actor, id, async (trx, row) => {
        const need = await childOf(trx, 'factorNeeds', id, needId);
        const { version, ...patch } = input;
        await updateChild(trx, actor, row, 'factorNeeds', need, version, {
          ...(patch.status !== undefined && {
            status: patch.status,
            metOn: patch.status === 'met' ? settledOn(actor, 'metOn', patch.metOn, need.metOn) : null,
          }),
          ...(patch.quantity !== undefined && { quantity: patch.quantity }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...(patch.responsibleOrgId !== undefined && {
            responsibleOrgId: await responsibleOrg(trx, patch.responsibleOrgId),
          }),
          ...(patch.dueOn !== undefined && { dueOn: patch.dueOn }),
        });
      }),

    addPromise: (actor: Actor, id: string, input: z.infer<typeof PromiseInput>) =>
      onProject(actor, id, async (trx, row) => {
        const at = now();
        const values = {
          id: newId(),
          projectId: id,
          content: input.content,
          responsibleOrgId: await responsibleOrg(trx, input.responsibleOrgId),
          dueOn: input.dueOn,
          status: 'pending',
          createdAt: at,
          updatedAt: at,
        };
        await repo.insertPromise(trx, { ...values, regionPath: row.regionPath });
        await auditProject(trx, actor, row, {
          action: 'create',
          entity: 'promise',
          entityId: values.id,
          after: values,
        });
      }),

    /** Promises can still be settled on a terminated project: the campaign asks what was kept. */
    updatePromise: (actor: Actor, id: string, promiseId: string, input: z.infer<typeof UpdatePromiseBody>) =>
      onProject(
        actor,
        id,
        async (trx, row) => {
          const promise = await childOf(trx, 'projectPromises', id, promiseId);
          const { version, ...patch } = input;
          await updateChild(trx, actor, row, 'projectPromises', promise, version, {
            ...(patch.status !== undefined && {
              status: patch.status,
              fulfilledOn:
                patch.status === 'fulfilled'
                  ? settledOn(actor, 'fulfilledOn', patch.fulfilledOn, promise.fulfilledOn)
                  : null,
            }),
            ...(patch.content !== undefined && { content: patch.content }),
            ...(patch.responsibleOrgId !== undefined && {
              responsibleOrgId: await responsibleOrg(trx, patch.responsibleOrgId),
            }),
            ...(patch.dueOn !== undefined && { dueOn: patch.dueOn }),
            ...(patch.evidence !== undefined && { evidence: patch.evidence }),
          });
        },
        { closedOk: true },
      ),

    addFund: (actor: Actor, id: string, input: z.infer<typeof FundInput>) =>
      onProject(actor, id, async (trx, row) => {
        if (input.receivedOn > beijingToday()) {
          fail('STAGE_DATE_INVALID', [{ path: 'receivedOn', message: 'STAGE_DATE_INVALID' }]);
        }
        checkBackdate(actor, config.backdateLimits, [{ path: 'receivedOn', date: input.receivedOn }]);
        // 到位资金 is money arriving under a signed agreement; the figures rely on it (figures.repository.ts).
        if (!row.signedOn || input.receivedOn < row.signedOn) {
          fail('FUNDS_BEFORE_SIGNING', [{ path: 'receivedOn', message: 'FUNDS_BEFORE_SIGNING' }]);
        }
        const values = {
          id: newId(),
          projectId: id,
          receivedOn: input.receivedOn,
          currency: input.currency,
          amount: input.amount,
          amountFen: input.currency === 'USD' ? usdCentsToFen(input.amount, config.usdCnyRate) : input.amount,
          source: input.source ?? null,
          createdAt: now(),
        };
        await repo.insertFund(trx, { ...values, regionPath: row.regionPath });
        await auditProject(trx, actor, row, {
          action: 'create',
          entity: 'fund',
          entityId: values.id,
          after: { ...values, ...backdatedTo(values.receivedOn) },
        });
      }),
  };
}
