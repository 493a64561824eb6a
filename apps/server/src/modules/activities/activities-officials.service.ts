import { isRegionKind, type OfficialInput, type UpdateOfficialBody } from '@yingshang/contracts';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { OfficialRow } from '../../db/schema.js';
import { recordAudit } from '../../kernel/audit.js';
import { type Touched, withRollups } from '../../kernel/rollups.js';
import { visibleOr404 } from '../../kernel/scope.js';
import { updateVersioned } from '../../kernel/versioned.js';
import { type Actor, inScope, scopePath } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { newId, now } from '../../lib/ids.js';
import { pinyinKey } from '../../lib/pinyin.js';
import type { Ports } from '../../ports.js';
import * as repo from './activities.repository.js';
import { regionPathOf } from './activities-read.service.js';
import { activitiesOfOfficial, activityRollups } from './rollups.repository.js';

/** The officials (领导) who lead activities: listed, added and edited. */

/** Paths of the units above the actor's own (their leaders may lead the actor's activities). */
function ancestorPaths(actor: Actor): string[] {
  const ids = actor.orgUnit.path.split('/').filter(Boolean);
  return ids.slice(0, -1).map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** An official the actor may choose: of their area, or of a unit above them. */
export const officialVisible = (actor: Actor, o: Pick<OfficialRow, 'orgPath'>) =>
  inScope(actor, o.orgPath) || actor.orgUnit.path.startsWith(o.orgPath);

export function createActivityOfficials(deps: { db: Db; dialect: Dialect; ports: Pick<Ports, 'findOrg'> }) {
  const { db, dialect } = deps;
  const { findOrg } = deps.ports;

  async function officialUnit(trx: Tx, actor: Actor, id: string) {
    const unit = await findOrg(trx, id);
    if (!unit || !inScope(actor, unit.path) || !isRegionKind(unit.kind))
      fail('OFFICIAL_UNIT_INVALID', [{ path: 'orgUnitId', message: 'OFFICIAL_UNIT_INVALID' }]);
    return unit;
  }

  return {
    listOfficials(
      actor: Actor,
      q: { q?: string; regionId?: string; active?: 'true' | 'false'; page: number; pageSize: number },
    ) {
      const run = async () =>
        repo.listOfficials(db, dialect, {
          ...q,
          scope: scopePath(actor),
          ancestors: ancestorPaths(actor),
          regionPath: q.regionId ? await regionPathOf(db, deps, actor, q.regionId) : undefined,
        });
      return run();
    },

    /** One official the actor may see (of their area or above it); otherwise not found. */
    async getOfficial(actor: Actor, id: string) {
      const row = await repo.findOfficial(db, id);
      if (!row || !officialVisible(actor, row)) fail('OFFICIAL_NOT_FOUND');
      return repo.toOfficial(row);
    },

    async createOfficial(actor: Actor, input: z.infer<typeof OfficialInput>) {
      return db.transaction().execute(async (trx) => {
        const unit = await officialUnit(trx, actor, input.orgUnitId);
        const id = newId();
        const at = now();
        await repo.insertOfficial(trx, {
          id,
          name: input.name,
          post: input.post,
          level: unit.kind,
          main: input.main ? 1 : 0,
          active: input.active ? 1 : 0,
          orgUnitId: unit.id,
          orgPath: unit.path,
          pinyin: pinyinKey(input.name),
          createdAt: at,
          updatedAt: at,
        });
        const created = repo.toOfficial((await repo.findOfficial(trx, id))!);
        await recordAudit(trx, actor, {
          action: 'create',
          entity: 'official',
          entityId: id,
          scopePath: unit.path,
          summary: `${created.name} ${created.post}`,
          after: created,
        });
        return created;
      });
    },

    async updateOfficial(actor: Actor, id: string, input: z.infer<typeof UpdateOfficialBody>) {
      return db.transaction().execute(async (trx) => {
        const row = visibleOr404(
          actor,
          await repo.findOfficial(trx, id),
          (r) => r.orgPath,
          'OFFICIAL_NOT_FOUND',
        );
        const { version, ...patch } = input;
        const unit = patch.orgUnitId ? await officialUnit(trx, actor, patch.orgUnitId) : null;
        const trips = { source: activityRollups, ids: await activitiesOfOfficial(trx, id) } as Touched;
        await withRollups(trx, trips, () =>
          updateVersioned(
            trx,
            'officials',
            { id, version },
            {
              ...(patch.name !== undefined && { name: patch.name, pinyin: pinyinKey(patch.name) }),
              ...(patch.post !== undefined && { post: patch.post }),
              ...(patch.main !== undefined && { main: patch.main ? 1 : 0 }),
              ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
              ...(unit && { orgUnitId: unit.id, orgPath: unit.path, level: unit.kind }),
              updatedAt: now(),
            },
          ),
        );
        const after = repo.toOfficial((await repo.findOfficial(trx, id))!);
        await recordAudit(trx, actor, {
          action: 'update',
          entity: 'official',
          entityId: id,
          scopePath: unit?.path ?? row.orgPath,
          summary: `${after.name} ${after.post}`,
          before: repo.toOfficial(row),
          after,
        });
        return after;
      });
    },
  };
}
