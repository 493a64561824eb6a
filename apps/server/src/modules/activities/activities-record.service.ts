import {
  type ActivityDetail,
  type CreateActivityBody,
  isRegionKind,
  type UpdateActivityBody,
} from '@yingshang/contracts';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { ActivityRow, OrgUnitRow } from '../../db/schema.js';
import { recordAudit } from '../../kernel/audit.js';
import { withRollups } from '../../kernel/rollups.js';
import { updateVersioned } from '../../kernel/versioned.js';
import { type Actor, inScope } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { beijingToday, daysBetween } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import { pinyinKey } from '../../lib/pinyin.js';
import type { Ports } from '../../ports.js';
import * as repo from './activities.repository.js';
import { createActivityLinks, firstDuplicate } from './activities-links.service.js';
import { officialVisible } from './activities-officials.service.js';
import { detail, visible } from './activities-read.service.js';

type Create = z.infer<typeof CreateActivityBody>;
type Update = z.infer<typeof UpdateActivityBody>;

/** The activity record: created, edited and deleted, with its officials, enterprises met and links. */
export function createActivityRecords(deps: {
  db: Db;
  dialect: Dialect;
  ports: Pick<Ports, 'findOrg' | 'findInvestorsByIds' | 'findProjectRow' | 'projectRollups' | 'toInvestor'>;
}) {
  const { db } = deps;
  const { findOrg, findInvestorsByIds } = deps.ports;
  const { checkLinks, writeLinks, touched } = createActivityLinks(deps.ports);

  /** The organiser (a region, zone or department of the actor's area) and the region it belongs to. */
  async function organiserOf(trx: Tx, actor: Actor, id: string) {
    const unit = await findOrg(trx, id);
    const invalid = () =>
      fail('ACTIVITY_ORGANISER_INVALID', [{ path: 'organiserId', message: 'ACTIVITY_ORGANISER_INVALID' }]);
    if (!unit || !inScope(actor, unit.path) || unit.active !== 1) return invalid();
    if (isRegionKind(unit.kind)) return { organiser: unit, region: unit };
    if (unit.kind !== 'department' || !unit.parentId) return invalid();
    const region = (await findOrg(trx, unit.parentId)) as OrgUnitRow;
    return { organiser: unit, region };
  }

  async function officialsOf(trx: Tx, actor: Actor, ids: readonly string[]) {
    const dup = firstDuplicate(ids);
    if (dup >= 0)
      fail('ACTIVITY_LINK_DUPLICATE', [{ path: `officialIds.${dup}`, message: 'ACTIVITY_LINK_DUPLICATE' }]);
    const rows = await repo.findOfficialsByIds(trx, ids);
    for (const [i, id] of ids.entries()) {
      const o = rows.find((r) => r.id === id);
      if (!o || !officialVisible(actor, o))
        fail('OFFICIAL_NOT_IN_ORG', [{ path: `officialIds.${i}`, message: 'OFFICIAL_NOT_IN_ORG' }]);
    }
    return ids.map((id) => rows.find((r) => r.id === id)!);
  }

  async function investorsOf(trx: Tx, ids: readonly string[]) {
    const dup = firstDuplicate(ids);
    if (dup >= 0)
      fail('ACTIVITY_LINK_DUPLICATE', [{ path: `investorIds.${dup}`, message: 'ACTIVITY_LINK_DUPLICATE' }]);
    const rows = await findInvestorsByIds(trx, ids);
    for (const [i, id] of ids.entries()) {
      if (!rows.some((r) => r.id === id))
        fail('INVESTOR_NOT_FOUND', [{ path: `investorIds.${i}`, message: 'INVESTOR_NOT_FOUND' }]);
    }
    return ids.map((id) => rows.find((r) => r.id === id)!);
  }

  /** The audit view of an activity: its facts and the ids it links. */
  const auditView = (d: ActivityDetail) => ({
    code: d.code,
    type: d.type,
    title: d.title,
    startOn: d.startOn,
    endOn: d.endOn,
    place: [d.country, d.province, d.city, d.venue].filter(Boolean).join(' '),
    organiser: d.organiserName,
    officials: d.officials.map((o) => `${o.name} ${o.post}`),
    participants: d.participants,
    enterprisesMet: d.investors.map((i) => i.name),
    attendance: d.attendance,
    summary: d.summary,
    sourceProjects: d.projects.filter((p) => p.source).map((p) => p.code),
    signings: d.projects
      .filter((p) => p.signedAmountFen !== null)
      .map((p) => ({ project: p.code, amountFen: p.signedAmountFen })),
  });

  async function audit(
    trx: Tx,
    actor: Actor,
    row: ActivityRow,
    e: { action: 'create' | 'update' | 'delete'; before?: unknown; after?: unknown },
  ) {
    await recordAudit(trx, actor, {
      action: e.action,
      entity: 'activity',
      entityId: row.id,
      scopePath: row.regionPath,
      summary: `${row.title} (${row.code})`,
      before: e.before,
      after: e.after,
    });
  }

  /** The columns an activity derives from its input: place, days, names and the search text. */
  async function columnsOf(trx: Tx, actor: Actor, a: Create) {
    if (a.endOn < a.startOn)
      fail('ACTIVITY_DATES_INVALID', [{ path: 'endOn', message: 'ACTIVITY_DATES_INVALID' }]);
    const { organiser, region } = await organiserOf(trx, actor, a.organiserId);
    const officials = await officialsOf(trx, actor, a.officialIds);
    const investors = await investorsOf(trx, a.investorIds);
    const officialNames = officials.map((o) => o.name).join('、');
    return {
      officials,
      investors,
      region,
      columns: {
        type: a.type,
        title: a.title,
        startOn: a.startOn,
        endOn: a.endOn,
        days: daysBetween(a.startOn, a.endOn) + 1,
        country: a.country,
        province: a.province ?? null,
        city: a.city ?? null,
        venue: a.venue ?? null,
        organiserId: organiser.id,
        regionId: region.id,
        regionPath: region.path,
        participants: JSON.stringify(a.participants),
        attendance: a.attendance ?? null,
        summary: a.summary ?? null,
        officialNames,
        searchText: [
          a.title,
          pinyinKey(a.title),
          a.country,
          a.province,
          a.city,
          a.venue,
          ...officials.flatMap((o) => [o.name, o.pinyin]),
          ...investors.flatMap((i) => [i.name, i.pinyin]),
          ...a.participants,
        ]
          .filter(Boolean)
          .join(' ')
          .toLowerCase(),
      },
    };
  }

  return {
    async create(actor: Actor, input: Create): Promise<ActivityDetail> {
      return db.transaction().execute(async (trx) => {
        const { columns, officials, investors } = await columnsOf(trx, actor, input);
        const id = newId();
        const links = await checkLinks(
          trx,
          actor,
          { id, regionPath: columns.regionPath },
          input.sourceProjectIds,
          input.signings,
        );
        await withRollups(trx, await touched(trx, id, links), async () => {
          const at = now();
          await repo.insertActivity(trx, {
            ...columns,
            id,
            code: repo.activityCode(id, beijingToday()),
            createdBy: actor.userId,
            createdByName: actor.displayName,
            createdAt: at,
            updatedAt: at,
          });
          await repo.replaceActivityOfficials(
            trx,
            id,
            officials.map((o) => o.id),
          );
          await repo.replaceActivityInvestors(
            trx,
            id,
            investors.map((i) => i.id),
          );
          await writeLinks(trx, actor, (await repo.findActivityRow(trx, id))!, links);
        });
        const row = (await repo.findActivityRow(trx, id))!;
        const created = await detail(trx, deps, actor, id);
        await audit(trx, actor, row, { action: 'create', after: auditView(created) });
        return created;
      });
    },

    async update(actor: Actor, id: string, input: Update): Promise<ActivityDetail> {
      return db.transaction().execute(async (trx) => {
        const row = await visible(trx, actor, id);
        const before = await detail(trx, deps, actor, id);
        const { version, ...patch } = input;
        const merged: Create = {
          type: patch.type ?? (row.type as Create['type']),
          title: patch.title ?? row.title,
          startOn: patch.startOn ?? row.startOn,
          endOn: patch.endOn ?? row.endOn,
          country: patch.country ?? row.country,
          province: patch.province === undefined ? row.province : patch.province,
          city: patch.city === undefined ? row.city : patch.city,
          venue: patch.venue === undefined ? row.venue : patch.venue,
          organiserId: patch.organiserId ?? row.organiserId,
          officialIds: patch.officialIds ?? before.officials.map((o) => o.id),
          participants: patch.participants ?? before.participants,
          investorIds: patch.investorIds ?? before.investors.map((i) => i.id),
          attendance: patch.attendance === undefined ? row.attendance : patch.attendance,
          summary: patch.summary === undefined ? row.summary : patch.summary,
          sourceProjectIds: [],
          signings: [],
        };
        const { columns, officials, investors } = await columnsOf(trx, actor, merged);
        // links kept as they are must still fit the (possibly new) region
        const links = await checkLinks(
          trx,
          actor,
          { id, regionPath: columns.regionPath },
          patch.sourceProjectIds ??
            (patch.organiserId ? before.projects.filter((p) => p.source).map((p) => p.id) : undefined),
          patch.signings ??
            (patch.organiserId
              ? before.projects
                  .filter((p) => p.signedAmountFen !== null)
                  .map((p) => ({ projectId: p.id, amountFen: p.signedAmountFen }))
              : undefined),
        );
        await withRollups(trx, await touched(trx, id, links), async () => {
          await updateVersioned(trx, 'activities', { id, version }, { ...columns, updatedAt: now() });
          if (patch.officialIds)
            await repo.replaceActivityOfficials(
              trx,
              id,
              officials.map((o) => o.id),
            );
          if (patch.investorIds)
            await repo.replaceActivityInvestors(
              trx,
              id,
              investors.map((i) => i.id),
            );
          await writeLinks(trx, actor, (await repo.findActivityRow(trx, id))!, links);
        });
        const updated = (await repo.findActivityRow(trx, id))!;
        const after = await detail(trx, deps, actor, id);
        await audit(trx, actor, updated, {
          action: 'update',
          before: auditView(before),
          after: auditView(after),
        });
        return after;
      });
    },

    /** Deletes an activity recorded in error: its links to projects go, the projects stay. */
    async remove(actor: Actor, id: string, version: number) {
      await db.transaction().execute(async (trx) => {
        const row = await visible(trx, actor, id);
        if (row.version !== version) fail('VERSION_CONFLICT');
        const before = await detail(trx, deps, actor, id);
        const all = await repo.sourceProjects(trx, id);
        const signings = await repo.signingRows(trx, id);
        if ([...all, ...signings].some((p) => !inScope(actor, p.regionPath))) fail('OUT_OF_SCOPE');
        await withRollups(trx, await touched(trx, id), async () => {
          await writeLinks(trx, actor, row, await checkLinks(trx, actor, row, [], []));
          await repo.deleteActivity(trx, id, version);
        });
        await audit(trx, actor, row, { action: 'delete', before: auditView(before) });
      });
      return { ok: true as const };
    },
  };
}
