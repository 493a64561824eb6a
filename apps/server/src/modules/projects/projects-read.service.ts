import type { ProjectFigures } from '@yingshang/contracts';
import type { Config } from '../../config.js';
import type { Db, Tx } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { ProjectRow } from '../../db/schema.js';
import { readCache } from '../../kernel/read-cache.js';
import { visibleOr404 } from '../../kernel/scope.js';
import { type Actor, scopePath } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { isBackdated } from '../../lib/backdate.js';
import { addDays, beijingToday } from '../../lib/days.js';
import type { Ports } from '../../ports.js';
import { projectFigures } from './figures.repository.js';
import { toInvestor } from './investors.repository.js';
import * as repo from './projects.repository.js';

/** Reading projects: one in full (as the actor may see it), a filtered page, overdue promises, figures. */

/** Today and the stall thresholds of the configuration. */
export const projectClock = (config: Config, today = beijingToday()): repo.Clock => ({
  today,
  stalledSignedBefore: addDays(today, -config.stallSignedDays),
  stalledStartedBefore: addDays(today, -config.stallStartedDays),
});

/** A project inside the actor's area, or 404 (never a hint that it exists elsewhere). */
export async function visible(db: Db | Tx, actor: Actor, id: string): Promise<ProjectRow> {
  const row = visibleOr404(
    actor,
    await repo.findProjectRow(db, id),
    (r) => r.regionPath,
    'PROJECT_NOT_FOUND',
  );
  return row;
}

/** A project the actor may change: visible and not terminated. */
export async function writable(trx: Tx, actor: Actor, id: string) {
  const row = await visible(trx, actor, id);
  if (row.status === 'terminated') fail('PROJECT_CLOSED');
  return row;
}

/** What reading a project needs: the stall thresholds, and the user lookup of the orgs module. */
export interface ProjectReadDeps {
  config: Config;
  ports: Pick<Ports, 'findUser'>;
}

/** The project in full: summary, investors, stage events, factor needs, promises and funds. */
export async function detail(db: Db | Tx, deps: ProjectReadDeps, id: string) {
  const c = projectClock(deps.config);
  const summary = (await repo.findSummary(db, id, c))!;
  const row = (await repo.findProjectRow(db, id))!;
  const parts = await repo.projectParts(db, id);
  const officer = row.serviceOfficerId ? await deps.ports.findUser(db, row.serviceOfficerId) : undefined;
  return {
    ...summary,
    leadOn: row.createdOn,
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
      backdated: isBackdated(e.eventOn, e.createdAt),
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
export type ProjectDetail = Awaited<ReturnType<typeof detail>>;

export function createProjectReading(deps: {
  db: Db;
  dialect: Dialect;
  config: Config;
  ports: Pick<Ports, 'findOrg' | 'rootUnitIds' | 'findUser'>;
}) {
  const { db, dialect, config } = deps;
  const { findOrg, rootUnitIds } = deps.ports;
  const figureCache = readCache<ProjectFigures>(db, 'dashboard');
  const clock = (today = beijingToday()) => projectClock(config, today);

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

    get: async (actor: Actor, id: string): Promise<ProjectDetail> => {
      await visible(db, actor, id);
      return detail(db, deps, id);
    },

    async overduePromises(actor: Actor, q: { regionId?: string; page: number; pageSize: number }) {
      return repo.overduePromises(db, dialect, {
        ...q,
        regionPath: await regionPathOf(actor, q.regionId),
        today: beijingToday(),
      });
    },

    /** The period figures scan the region's projects: answers are cached as the dashboard's are. */
    async figures(actor: Actor, q: { regionId?: string; from: string; to: string }) {
      const regionPath = await regionPathOf(actor, q.regionId);
      if (q.from > q.to) fail('VALIDATION_FAILED', [{ path: 'from', message: 'from > to' }]);
      const today = beijingToday();
      return figureCache.get([regionPath, q.from, q.to, today].join('|'), () =>
        projectFigures(db, dialect, {
          from: q.from,
          to: q.to,
          regionPath,
          today,
          stallSignedDays: config.stallSignedDays,
          stallStartedDays: config.stallStartedDays,
        }),
      );
    },
  };
}
