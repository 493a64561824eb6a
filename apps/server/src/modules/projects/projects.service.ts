import type {
  CreateProjectBody,
  FactorNeedInput,
  FundInput,
  PromiseInput,
  StageChangeBody,
  UpdateFactorNeedBody,
  UpdateProjectBody,
  UpdatePromiseBody,
} from '@yingshang/contracts';
import {
  applyStageChange,
  industryByCode,
  PIPELINE,
  STAGE_DATE_FIELD,
  usdCentsToFen,
} from '@yingshang/rules';
import type { z } from 'zod';
import type { Config } from '../../config.js';
import type { Db, Tx } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { ProjectRow } from '../../db/schema.js';
import { visibleOr404 } from '../../kernel/scope.js';
import { updateVersioned } from '../../kernel/versioned.js';
import { type Actor, inScope, scopePath } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { addDays, beijingToday } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findOrg, rootUnitIds } from '../orgs/orgs.repository.js';
import { findUser } from '../orgs/users.repository.js';
import { withRollups } from '../rollups/rollups.repository.js';
import { projectFigures } from './figures.repository.js';
import { findInvestorsByIds, toInvestor } from './investors.repository.js';
import * as repo from './projects.repository.js';
import { projectRollups } from './rollups.repository.js';

type Create = z.infer<typeof CreateProjectBody>;
type Update = z.infer<typeof UpdateProjectBody>;

/** Before any stage event, a project's "last event" is this: every real date is later. */
const NO_EVENT_YET = '1900-01-01';

export function createProjectService(deps: { db: Db; dialect: Dialect; config: Config }) {
  const { db, dialect, config } = deps;

  const clock = (today = beijingToday()): repo.Clock => ({
    today,
    stalledSignedBefore: addDays(today, -config.stallSignedDays),
    stalledStartedBefore: addDays(today, -config.stallStartedDays),
  });

  /** A project inside the actor's area, or 404 (never a hint that it exists elsewhere). */
  async function visible(db: Db | Tx, actor: Actor, id: string): Promise<ProjectRow> {
    const row = visibleOr404(
      actor,
      await repo.findProjectRow(db, id),
      (r) => r.regionPath,
      'PROJECT_NOT_FOUND',
    );
    return row;
  }

  /** The path of a region filter inside the actor's area (the whole area without one). */
  async function regionPathOf(actor: Actor, regionId: string | undefined) {
    if (!regionId) return scopePath(actor);
    const unit = visibleOr404(actor, await findOrg(db, regionId), (r) => r.path, 'ORG_NOT_FOUND');
    return unit.path;
  }

  /** The actor's unit is the one root of the region tree (roots come only from the seed). */
  async function isWholeTree(actor: Actor) {
    if (actor.orgUnit.path.split('/').length !== 3) return false;
    const roots = await rootUnitIds(db, 2);
    return roots.length === 1 && roots[0] === actor.orgUnit.id;
  }

  async function writable(trx: Tx, actor: Actor, id: string) {
    const row = await visible(trx, actor, id);
    if (row.status === 'terminated') fail('PROJECT_CLOSED');
    return row;
  }

  async function region(trx: Tx, actor: Actor, regionId: string) {
    const unit = await findOrg(trx, regionId);
    if (!unit || !inScope(actor, unit.path) || (unit.kind !== 'county' && unit.kind !== 'zone')) {
      fail('REGION_INVALID', [{ path: 'regionId', message: 'REGION_INVALID' }]);
    }
    return unit;
  }

  async function responsibleOrg(trx: Tx, id: string | null | undefined) {
    if (!id) return null;
    const unit = await findOrg(trx, id);
    if (!unit) fail('ORG_NOT_FOUND', [{ path: 'responsibleOrgId', message: 'ORG_NOT_FOUND' }]);
    return unit.id;
  }

  /** The derived columns of a project: industry section, investors' names and origin, search text. */
  async function derived(trx: Tx, actor: Actor, p: Create) {
    const industry = industryByCode(p.industryCode);
    if (!industry) fail('INDUSTRY_UNKNOWN', [{ path: 'industryCode', message: 'INDUSTRY_UNKNOWN' }]);
    if (usdCentsToFen(p.foreignCapitalUsdCents, config.usdCnyRate) > p.totalInvestmentFen) {
      fail('FOREIGN_EXCEEDS_TOTAL', [{ path: 'foreignCapitalUsdCents', message: 'FOREIGN_EXCEEDS_TOTAL' }]);
    }
    const ids = [...new Set(p.investorIds)];
    const investors = await findInvestorsByIds(trx, ids);
    if (investors.length !== ids.length)
      fail('INVESTOR_NOT_FOUND', [{ path: 'investorIds', message: 'INVESTOR_NOT_FOUND' }]);
    const ordered = ids.map((id) => investors.find((i) => i.id === id)!);
    if (p.serviceOfficerId) {
      const officer = await findUser(trx, p.serviceOfficerId);
      if (!officer || !inScope(actor, officer.orgUnitPath)) {
        fail('USER_NOT_FOUND', [{ path: 'serviceOfficerId', message: 'USER_NOT_FOUND' }]);
      }
    }
    const unit = await region(trx, actor, p.regionId);
    return {
      unit,
      investors: ordered,
      columns: {
        name: p.name,
        regionId: unit.id,
        regionPath: unit.path,
        industryCode: p.industryCode,
        industrySection: industrySection(p.industryCode),
        totalInvestmentFen: p.totalInvestmentFen,
        foreignCapitalUsdCents: p.foreignCapitalUsdCents,
        projectType: p.projectType,
        ...repo.investorColumns(p.name, ordered),
        leaderName: p.leaderName ?? null,
        serviceOfficerId: p.serviceOfficerId ?? null,
        taskForce: JSON.stringify(p.taskForce),
        tags: JSON.stringify(p.tags),
        notes: p.notes ?? null,
      },
    };
  }

  async function detail(db: Db | Tx, id: string) {
    const c = clock();
    const summary = (await repo.findSummary(db, id, c))!;
    const row = (await repo.findProjectRow(db, id))!;
    const parts = await repo.projectParts(db, id);
    const officer = row.serviceOfficerId ? await findUser(db, row.serviceOfficerId) : undefined;
    return {
      ...summary,
      ...(await repo.projectActivities(db, id, row.sourceActivityId)),
      investors: parts.investors.map(toInvestor),
      serviceOfficerId: row.serviceOfficerId,
      serviceOfficerName: officer?.displayName ?? null,
      taskForce: JSON.parse(row.taskForce),
      tags: JSON.parse(row.tags),
      notes: row.notes,
      terminatedOn: row.terminatedOn,
      terminationReason: row.terminationReason,
      events: parts.events.map((e) => ({
        id: e.id,
        action: e.action as never,
        fromStatus: e.fromStatus as never,
        toStatus: e.toStatus as never,
        date: e.eventOn,
        evidence: e.evidence,
        reason: e.reason,
        actorName: e.actorName,
        createdAt: e.createdAt,
      })),
      factorNeeds: parts.needs.map((n) => ({
        id: n.id,
        kind: n.kind as never,
        quantity: n.quantity,
        description: n.description,
        status: n.status as never,
        responsibleOrgId: n.responsibleOrgId,
        responsibleOrgName: n.responsibleOrgName,
        dueOn: n.dueOn,
        metOn: n.metOn,
        blocking: n.status !== 'met' && !!n.dueOn && n.dueOn < c.today,
        version: n.version,
      })),
      promises: parts.promises.map((p) => ({
        id: p.id,
        content: p.content,
        responsibleOrgId: p.responsibleOrgId,
        responsibleOrgName: p.responsibleOrgName,
        dueOn: p.dueOn,
        status: p.status as never,
        fulfilledOn: p.fulfilledOn,
        evidence: p.evidence,
        overdue: p.status === 'pending' && p.dueOn < c.today,
        version: p.version,
      })),
      funds: parts.funds.map((f) => ({
        id: f.id,
        receivedOn: f.receivedOn,
        currency: f.currency as never,
        amount: Number(f.amount),
        source: f.source,
        createdAt: f.createdAt,
      })),
      createdAt: row.createdAt,
    };
  }
  type Detail = Awaited<ReturnType<typeof detail>>;

  async function audit(
    trx: Tx,
    actor: Actor,
    row: ProjectRow,
    e: {
      action: 'create' | 'update' | 'stage';
      entity?: 'project' | 'factor_need' | 'promise' | 'fund';
      entityId?: string;
      before?: unknown;
      after?: unknown;
      summary?: string;
    },
  ) {
    await recordAudit(trx, actor, {
      action: e.action,
      entity: e.entity ?? 'project',
      entityId: e.entityId ?? row.id,
      scopePath: row.regionPath,
      summary: e.summary ?? `${row.name} (${row.code})`,
      before: e.before,
      after: e.after,
    });
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
  ): Promise<Detail> {
    return db.transaction().execute(async (trx) => {
      const row = opts.closedOk ? await visible(trx, actor, id) : await writable(trx, actor, id);
      await withRollups(trx, { source: projectRollups, ids: [id] }, async () => {
        await change(trx, row);
        await repo.refreshChildFigures(trx, id);
      });
      await repo.touchProject(trx, id, now());
      return detail(trx, id);
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
    await audit(trx, actor, project, {
      action: 'update',
      entity: CHILD_ENTITY[table],
      entityId: before.id,
      before,
      after: { ...before, ...set },
    });
  }

  return {
    clock,

    /** The project as the owner of attachments, if the actor may see (or, with write, change) it. */
    async attachmentOwner(actor: Actor, id: string, write: boolean) {
      const row = write
        ? await db.transaction().execute((trx) => writable(trx, actor, id))
        : await visible(db, actor, id);
      return { type: 'project' as const, id: row.id, scopePath: row.regionPath };
    },

    async list(actor: Actor, q: Omit<repo.ProjectFilter, 'scope' | 'regionPath'> & { regionId?: string }) {
      const { regionId, ...filter } = q;
      // Without a region filter the scope alone applies (and none at all for the root of the only tree).
      const regionPath = regionId ? await regionPathOf(actor, regionId) : undefined;
      const wholeTree = !regionId && (await isWholeTree(actor));
      return repo.listProjects(
        db,
        dialect,
        { ...filter, scope: scopePath(actor), regionPath, wholeTree },
        clock(),
      );
    },

    get: async (actor: Actor, id: string): Promise<Detail> => {
      await visible(db, actor, id);
      return detail(db, id);
    },

    async overduePromises(actor: Actor, q: { regionId?: string; page: number; pageSize: number }) {
      return repo.overduePromises(db, dialect, {
        ...q,
        regionPath: await regionPathOf(actor, q.regionId),
        today: beijingToday(),
      });
    },

    async figures(actor: Actor, q: { regionId?: string; from: string; to: string }) {
      const regionPath = await regionPathOf(actor, q.regionId);
      if (q.from > q.to) fail('VALIDATION_FAILED', [{ path: 'from', message: 'from > to' }]);
      return projectFigures(db, dialect, {
        ...q,
        regionPath,
        today: beijingToday(),
        stallSignedDays: config.stallSignedDays,
        stallStartedDays: config.stallStartedDays,
      });
    },

    async create(actor: Actor, input: Create): Promise<Detail> {
      return db.transaction().execute(async (trx) => {
        const { columns, investors } = await derived(trx, actor, input);
        const id = newId();
        const at = now();
        const today = beijingToday();
        await withRollups(trx, { source: projectRollups, ids: [id] }, () =>
          repo.insertProject(trx, {
            ...columns,
            id,
            code: repo.projectCode(id, today),
            status: 'lead',
            createdOn: today,
            lastEventOn: NO_EVENT_YET,
            createdAt: at,
            updatedAt: at,
          }),
        );
        await repo.insertProjectInvestors(
          trx,
          id,
          investors.map((i) => i.id),
        );
        const created = await detail(trx, id);
        await audit(trx, actor, (await repo.findProjectRow(trx, id))!, { action: 'create', after: created });
        return created;
      });
    },

    async update(actor: Actor, id: string, input: Update): Promise<Detail> {
      return db.transaction().execute(async (trx) => {
        const row = await writable(trx, actor, id);
        const before = await detail(trx, id);
        const { version, ...patch } = input;
        const merged: Create = {
          name: patch.name ?? row.name,
          regionId: patch.regionId ?? row.regionId,
          industryCode: patch.industryCode ?? row.industryCode,
          totalInvestmentFen: patch.totalInvestmentFen ?? Number(row.totalInvestmentFen),
          foreignCapitalUsdCents: patch.foreignCapitalUsdCents ?? Number(row.foreignCapitalUsdCents),
          projectType: patch.projectType ?? (row.projectType as Create['projectType']),
          investorIds: patch.investorIds ?? before.investors.map((i) => i.id),
          leaderName: patch.leaderName === undefined ? row.leaderName : patch.leaderName,
          serviceOfficerId:
            patch.serviceOfficerId === undefined ? row.serviceOfficerId : patch.serviceOfficerId,
          taskForce: patch.taskForce ?? JSON.parse(row.taskForce),
          tags: patch.tags ?? JSON.parse(row.tags),
          notes: patch.notes === undefined ? row.notes : patch.notes,
        };
        const { columns, investors } = await derived(trx, actor, merged);
        await withRollups(trx, { source: projectRollups, ids: [id] }, () =>
          updateVersioned(trx, 'projects', { id, version }, { ...columns, updatedAt: now() }),
        );
        if (columns.regionPath !== row.regionPath) await repo.refreshChildFigures(trx, id);
        if (patch.investorIds)
          await repo.replaceProjectInvestors(
            trx,
            id,
            investors.map((i) => i.id),
          );
        const after = await detail(trx, id);
        await audit(trx, actor, row, { action: 'update', before: strip(before), after: strip(after) });
        return after;
      });
    },

    async changeStage(actor: Actor, id: string, input: z.infer<typeof StageChangeBody>): Promise<Detail> {
      return db.transaction().execute(async (trx) => {
        const row = await visible(trx, actor, id);
        if (row.version !== input.version) fail('VERSION_CONFLICT');
        const outcome = applyStageChange(
          { status: row.status as never, paused: row.paused === 1, lastEventOn: row.lastEventOn },
          { action: input.action, to: input.to, date: input.date, reason: input.reason },
          beijingToday(),
          { mayCorrect: actor.permissions.has('projects.correct') },
        );
        if (!outcome.ok)
          fail(outcome.error, [
            { path: outcome.error === 'STAGE_DATE_INVALID' ? 'date' : 'action', message: outcome.error },
          ]);
        const next = outcome.state;
        const dates: Partial<
          Record<'negotiatingOn' | 'signedOn' | 'startedOn' | 'producingOn', string | null>
        > = {};
        if (input.action === 'advance' && input.to && input.to !== 'lead')
          dates[STAGE_DATE_FIELD[input.to]] = input.date;
        if (input.action === 'correct' && input.to) {
          // Going back clears the dates of the stages undone.
          for (const stage of PIPELINE.slice(PIPELINE.indexOf(input.to) + 1)) {
            if (stage !== 'lead') dates[STAGE_DATE_FIELD[stage]] = null;
          }
        }
        await withRollups(trx, { source: projectRollups, ids: [id] }, () =>
          updateVersioned(
            trx,
            'projects',
            { id, version: input.version },
            {
              ...dates,
              status: next.status,
              paused: next.paused ? 1 : 0,
              lastEventOn: next.lastEventOn,
              ...(input.action === 'terminate' && {
                terminatedOn: input.date,
                terminationReason: input.reason ?? null,
              }),
              updatedAt: now(),
            },
          ),
        );
        await repo.insertProjectEvent(trx, {
          id: newId(),
          projectId: id,
          action: input.action,
          fromStatus: row.status,
          toStatus: next.status,
          eventOn: input.date,
          evidence: input.evidence ?? null,
          reason: input.reason ?? null,
          actorId: actor.userId,
          actorName: actor.displayName,
          createdAt: now(),
        });
        await audit(trx, actor, row, {
          action: 'stage',
          before: { status: row.status, paused: row.paused === 1 },
          after: {
            status: next.status,
            paused: next.paused,
            action: input.action,
            date: input.date,
            evidence: input.evidence,
            reason: input.reason,
          },
        });
        return detail(trx, id);
      });
    },

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
        await audit(trx, actor, row, {
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
            metOn: patch.status === 'met' ? (need.metOn ?? beijingToday()) : null,
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
        await audit(trx, actor, row, {
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
              fulfilledOn: patch.status === 'fulfilled' ? (promise.fulfilledOn ?? beijingToday()) : null,
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
        await audit(trx, actor, row, {
          action: 'create',
          entity: 'fund',
          entityId: values.id,
          after: values,
        });
      }),
  };
}
export type ProjectService = ReturnType<typeof createProjectService>;

/** 门类 (A–T) of a GB/T 4754 code: a letter, or the section of its 2-digit 大类. */
export function industrySection(code: string): string {
  if (/^[A-T]$/.test(code)) return code;
  const path = industryByCode(code.slice(0, 2))?.parent;
  return path ?? '?';
}

/** The audit view of a project: without derived lists that only repeat other audit rows. */
function strip(d: { events: unknown; factorNeeds: unknown; promises: unknown; funds: unknown }) {
  const {
    events: _e,
    factorNeeds: _f,
    promises: _p,
    funds: _u,
    ...rest
  } = d as Record<string, unknown> & typeof d;
  return rest;
}
