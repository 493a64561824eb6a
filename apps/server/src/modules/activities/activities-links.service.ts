import type { CreateActivityBody } from '@yingshang/contracts';
import type { z } from 'zod';
import type { Tx } from '../../db/database.js';
import type { ActivityRow, ProjectRow } from '../../db/schema.js';
import { recordAudit } from '../../kernel/audit.js';
import type { Touched } from '../../kernel/rollups.js';
import { type Actor, inScope } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { now } from '../../lib/ids.js';
import type { Ports } from '../../ports.js';
import * as repo from './activities.repository.js';
import { activityRollups, projectsSignedAt } from './rollups.repository.js';

/**
 * An activity's links to projects: those first contacted there (source) and those signed there
 * (签约), checked before any write, replaced as a whole, each change audited on the project.
 * Built with the projects module's lookups it reaches for.
 */

type Signing = z.infer<typeof CreateActivityBody>['signings'][number];

/** The first repeated value of a list, if any, with its index. */
export function firstDuplicate(values: readonly string[]): number {
  const seen = new Set<string>();
  for (const [i, v] of values.entries()) {
    if (seen.has(v)) return i;
    seen.add(v);
  }
  return -1;
}

/** The link checks and writes, over the projects module's row lookup and roll-ups. */
export function createActivityLinks(ports: Pick<Ports, 'findProjectRow' | 'projectRollups'>) {
  const { findProjectRow, projectRollups } = ports;

  /** A project the actor may link to an activity of `regionPath`, or a clear refusal at `path`. */
  async function linkable(trx: Tx, actor: Actor, id: string, regionPath: string, path: string) {
    const p = await findProjectRow(trx, id);
    if (!p || !inScope(actor, p.regionPath))
      fail('PROJECT_NOT_FOUND', [{ path, message: 'PROJECT_NOT_FOUND' }]);
    if (!p.regionPath.startsWith(regionPath))
      fail('ACTIVITY_PROJECT_OUT_OF_REGION', [{ path, message: 'ACTIVITY_PROJECT_OUT_OF_REGION' }]);
    return p;
  }

  /**
   * Checks the projects to link (all before any write): each visible, in the activity's region, not
   * listed twice, not the source or signing of another activity, and signed when signed here.
   */
  async function checkLinks(
    trx: Tx,
    actor: Actor,
    activity: { id: string; regionPath: string },
    sourceIds: readonly string[] | undefined,
    signings: readonly Signing[] | undefined,
  ) {
    const sources: ProjectRow[] = [];
    const signed: { project: ProjectRow; amountFen: number }[] = [];
    if (sourceIds) {
      const dup = firstDuplicate(sourceIds);
      if (dup >= 0)
        fail('ACTIVITY_LINK_DUPLICATE', [
          { path: `sourceProjectIds.${dup}`, message: 'ACTIVITY_LINK_DUPLICATE' },
        ]);
      for (const [i, id] of sourceIds.entries()) {
        const path = `sourceProjectIds.${i}`;
        const p = await linkable(trx, actor, id, activity.regionPath, path);
        if (p.sourceActivityId && p.sourceActivityId !== activity.id)
          fail('PROJECT_SOURCE_TAKEN', [{ path, message: 'PROJECT_SOURCE_TAKEN' }]);
        sources.push(p);
      }
    }
    if (signings) {
      const ids = signings.map((s) => s.projectId);
      const dup = firstDuplicate(ids);
      if (dup >= 0)
        fail('ACTIVITY_LINK_DUPLICATE', [
          { path: `signings.${dup}.projectId`, message: 'ACTIVITY_LINK_DUPLICATE' },
        ]);
      const elsewhere = await repo.signingOf(trx, ids);
      for (const [i, s] of signings.entries()) {
        const path = `signings.${i}.projectId`;
        const p = await linkable(trx, actor, s.projectId, activity.regionPath, path);
        if (elsewhere.some((e) => e.projectId === p.id && e.activityId !== activity.id))
          fail('PROJECT_SIGNING_TAKEN', [{ path, message: 'PROJECT_SIGNING_TAKEN' }]);
        if (!p.signedOn) fail('PROJECT_NOT_SIGNED', [{ path, message: 'PROJECT_NOT_SIGNED' }]);
        signed.push({ project: p, amountFen: s.amountFen ?? Number(p.totalInvestmentFen) });
      }
    }
    return { sources: sourceIds ? sources : undefined, signed: signings ? signed : undefined };
  }

  async function projectAudit(
    trx: Tx,
    actor: Actor,
    p: { id: string; name: string; code: string; regionPath: string },
    e: {
      action: 'link' | 'unlink';
      activity: ActivityRow;
      relation: 'source' | 'signing';
      amountFen?: number;
    },
  ) {
    const facts = {
      activityId: e.activity.id,
      activity: e.activity.title,
      relation: e.relation,
      amountFen: e.amountFen,
    };
    await recordAudit(trx, actor, {
      action: e.action,
      entity: 'project',
      entityId: p.id,
      scopePath: p.regionPath,
      summary: `${p.name} (${p.code}) · ${e.activity.title}`,
      before: e.action === 'unlink' ? facts : undefined,
      after: e.action === 'link' ? facts : undefined,
    });
  }

  /**
   * Replaces the activity's source projects and signings with the checked lists. Links to projects
   * outside the actor's area are left as they are (the actor neither sees nor changes them).
   */
  async function writeLinks(
    trx: Tx,
    actor: Actor,
    activity: ActivityRow,
    links: Awaited<ReturnType<typeof checkLinks>>,
  ) {
    if (links.sources) {
      const wanted = new Set(links.sources.map((p) => p.id));
      const current = (await repo.sourceProjects(trx, activity.id)).filter((p) =>
        inScope(actor, p.regionPath),
      );
      for (const p of current.filter((c) => !wanted.has(c.id))) {
        await repo.setSourceActivity(trx, p.id, null);
        await projectAudit(trx, actor, p, { action: 'unlink', activity, relation: 'source' });
      }
      for (const p of links.sources.filter((s) => !current.some((c) => c.id === s.id))) {
        await repo.setSourceActivity(trx, p.id, activity.id);
        await projectAudit(trx, actor, p, { action: 'link', activity, relation: 'source' });
      }
    }
    if (links.signed) {
      const current = (await repo.signingRows(trx, activity.id)).filter((s) => inScope(actor, s.regionPath));
      const kept = await repo.signingRows(trx, activity.id);
      const offset = kept.length === 0 ? 0 : Math.max(...kept.map((k) => k.position)) + 1;
      for (const s of current.filter((c) => !links.signed!.some((l) => l.project.id === c.projectId))) {
        await repo.unlinkSigning(trx, activity.id, s.projectId);
        await projectAudit(
          trx,
          actor,
          { id: s.projectId, name: s.name, code: s.code, regionPath: s.regionPath },
          { action: 'unlink', activity, relation: 'signing', amountFen: Number(s.amountFen) },
        );
      }
      for (const [i, l] of links.signed.entries()) {
        const before = current.find((c) => c.projectId === l.project.id);
        if (before) {
          if (Number(before.amountFen) !== l.amountFen || before.position !== offset + i) {
            await repo.updateSigning(trx, activity.id, l.project.id, {
              amountFen: l.amountFen,
              position: offset + i,
            });
          }
          continue;
        }
        await repo.linkSigningToProject(trx, {
          activityId: activity.id,
          projectId: l.project.id,
          amountFen: l.amountFen,
          position: offset + i,
          createdAt: now(),
        });
        await projectAudit(trx, actor, l.project, {
          action: 'link',
          activity,
          relation: 'signing',
          amountFen: l.amountFen,
        });
      }
    }
  }

  /** The roll-ups a write to an activity changes: its own cells and those of projects signed there. */
  const touched = async (trx: Tx, id: string, links?: { signed?: { project: { id: string } }[] }) =>
    [
      { source: activityRollups, ids: [id] },
      {
        source: projectRollups,
        ids: [...(await projectsSignedAt(trx, id)), ...(links?.signed ?? []).map((l) => l.project.id)],
      },
    ] as Touched[];

  return { checkLinks, writeLinks, touched };
}
