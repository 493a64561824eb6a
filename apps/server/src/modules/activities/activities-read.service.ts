import type { ActivityDetail } from '@yingshang/contracts';
import type { Db, Tx } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { ActivityRow, ProjectRow } from '../../db/schema.js';
import { visibleOr404 } from '../../kernel/scope.js';
import { type Actor, scopePath } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import type { Ports } from '../../ports.js';
import * as repo from './activities.repository.js';
import { activityFigures, leaderLog } from './figures.repository.js';

/** Reading activities: one in full (as the actor may see it), a filtered page, the figures, the leaders' log. */

/** An activity inside the actor's area, or 404 (never a hint that it exists elsewhere). */
export async function visible(db: Db | Tx, actor: Actor, id: string): Promise<ActivityRow> {
  const row = visibleOr404(
    actor,
    await repo.findActivityRow(db, id),
    (r) => r.regionPath,
    'ACTIVITY_NOT_FOUND',
  );
  return row;
}

/** The path of a region filter inside the actor's area (the whole area without one). */
export async function regionPathOf(
  db: Db | Tx,
  deps: { ports: Pick<Ports, 'findOrg'> },
  actor: Actor,
  regionId: string | undefined,
) {
  if (!regionId) return scopePath(actor);
  const unit = visibleOr404(actor, await deps.ports.findOrg(db, regionId), (r) => r.path, 'ORG_NOT_FOUND');
  return unit.path;
}

/** The activity in full: officials, enterprises met and the projects linked (within the actor's area). */
export async function detail(
  db: Db | Tx,
  deps: { dialect: Dialect; ports: Pick<Ports, 'toInvestor'> },
  actor: Actor,
  id: string,
): Promise<ActivityDetail> {
  const { dialect } = deps;
  const scope = scopePath(actor);
  const summary = (await repo.findSummary(db, dialect, id, scope))!;
  const row = (await repo.findActivityRow(db, id))!;
  const parts = await repo.activityParts(db, dialect, id, scope);
  const projects = new Map<string, ActivityDetail['projects'][number]>();
  const link = (p: ProjectRow & { regionName: string }, signedAmountFen: number | null) => {
    const seen = projects.get(p.id);
    if (seen) {
      seen.signedAmountFen = signedAmountFen ?? seen.signedAmountFen;
      if (signedAmountFen === null) seen.source = true;
      return;
    }
    projects.set(p.id, {
      id: p.id,
      code: p.code,
      name: p.name,
      regionName: p.regionName,
      status: p.status as never,
      totalInvestmentFen: Number(p.totalInvestmentFen),
      fundsInPlaceFen: Number(p.fundsInPlaceFen),
      signedOn: p.signedOn,
      startedOn: p.startedOn,
      producingOn: p.producingOn,
      source: signedAmountFen === null,
      signedAmountFen,
    });
  };
  for (const p of parts.signings) link(p, Number(p.signedAmountFen));
  for (const p of parts.sources) link(p, null);
  return {
    ...summary,
    officials: parts.officials.map(repo.toOfficial),
    participants: JSON.parse(row.participants),
    investors: parts.investors.map(deps.ports.toInvestor),
    summary: row.summary,
    projects: [...projects.values()],
    createdByName: row.createdByName,
    createdAt: row.createdAt,
  };
}

export function createActivityReading(deps: {
  db: Db;
  dialect: Dialect;
  ports: Pick<Ports, 'findOrg' | 'toInvestor'>;
}) {
  const { db, dialect } = deps;
  return {
    async list(actor: Actor, q: Omit<repo.ActivityFilter, 'scope' | 'regionPath'> & { regionId?: string }) {
      const { regionId, ...filter } = q;
      const regionPath = regionId ? await regionPathOf(db, deps, actor, regionId) : undefined;
      return repo.listActivities(
        db,
        dialect,
        { ...filter, scope: scopePath(actor), regionPath },
        scopePath(actor),
      );
    },

    get: async (actor: Actor, id: string) => {
      await visible(db, actor, id);
      return detail(db, deps, actor, id);
    },

    async figures(actor: Actor, q: { regionId?: string; from: string; to: string }) {
      if (q.from > q.to) fail('VALIDATION_FAILED', [{ path: 'from', message: 'from > to' }]);
      return activityFigures(db, dialect, {
        from: q.from,
        to: q.to,
        regionPath: await regionPathOf(db, deps, actor, q.regionId),
        scope: scopePath(actor),
      });
    },

    async leaders(
      actor: Actor,
      q: {
        regionId?: string;
        from: string;
        to: string;
        q?: string;
        mainOnly?: 'true' | 'false';
        page: number;
        pageSize: number;
      },
    ) {
      if (q.from > q.to) fail('VALIDATION_FAILED', [{ path: 'from', message: 'from > to' }]);
      return leaderLog(db, dialect, {
        ...q,
        mainOnly: q.mainOnly === 'true',
        regionPath: await regionPathOf(db, deps, actor, q.regionId),
        scope: scopePath(actor),
      });
    },

    /** The activity as the owner of attachments, if the actor may see it (write: change it). */
    async attachmentOwner(actor: Actor, id: string, _write: boolean) {
      const row = await visible(db, actor, id);
      return { type: 'activity' as const, id: row.id, scopePath: row.regionPath };
    },
  };
}
