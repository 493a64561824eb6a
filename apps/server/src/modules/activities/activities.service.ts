import {
  type ActivityDetail,
  type CreateActivityBody,
  isRegionKind,
  type OfficialInput,
  type UpdateActivityBody,
  type UpdateOfficialBody,
} from '@yingshang/contracts';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { ActivityRow, OfficialRow, OrgUnitRow, ProjectRow } from '../../db/schema.js';
import { visibleOr404 } from '../../kernel/scope.js';
import { updateVersioned } from '../../kernel/versioned.js';
import { type Actor, inScope, scopePath } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { beijingToday, daysBetween } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import { pinyinKey } from '../../lib/pinyin.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findOrg } from '../orgs/orgs.repository.js';
import { findInvestorsByIds, toInvestor } from '../projects/investors.repository.js';
import { findProjectRow } from '../projects/projects.repository.js';
import { projectRollups } from '../projects/rollups.repository.js';
import { type Touched, withRollups } from '../rollups/rollups.repository.js';
import * as repo from './activities.repository.js';
import { activityFigures, leaderLog } from './figures.repository.js';
import { activitiesOfOfficial, activityRollups, projectsSignedAt } from './rollups.repository.js';

type Create = z.infer<typeof CreateActivityBody>;
type Update = z.infer<typeof UpdateActivityBody>;
type Signing = Create['signings'][number];

/** Paths of the units above the actor's own (their leaders may lead the actor's activities). */
function ancestorPaths(actor: Actor): string[] {
  const ids = actor.orgUnit.path.split('/').filter(Boolean);
  return ids.slice(0, -1).map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** An official the actor may choose: of their area, or of a unit above them. */
const officialVisible = (actor: Actor, o: Pick<OfficialRow, 'orgPath'>) =>
  inScope(actor, o.orgPath) || actor.orgUnit.path.startsWith(o.orgPath);

/** The first repeated value of a list, if any, with its index. */
function firstDuplicate(values: readonly string[]): number {
  const seen = new Set<string>();
  for (const [i, v] of values.entries()) {
    if (seen.has(v)) return i;
    seen.add(v);
  }
  return -1;
}

export function createActivityService(deps: { db: Db; dialect: Dialect }) {
  const { db, dialect } = deps;

  /** An activity inside the actor's area, or 404 (never a hint that it exists elsewhere). */
  async function visible(db: Db | Tx, actor: Actor, id: string): Promise<ActivityRow> {
    const row = visibleOr404(
      actor,
      await repo.findActivityRow(db, id),
      (r) => r.regionPath,
      'ACTIVITY_NOT_FOUND',
    );
    return row;
  }

  async function regionPathOf(actor: Actor, regionId: string | undefined) {
    if (!regionId) return scopePath(actor);
    const unit = visibleOr404(actor, await findOrg(db, regionId), (r) => r.path, 'ORG_NOT_FOUND');
    return unit.path;
  }

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

  async function detail(db: Db | Tx, actor: Actor, id: string): Promise<ActivityDetail> {
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
      investors: parts.investors.map(toInvestor),
      summary: row.summary,
      projects: [...projects.values()],
      createdByName: row.createdByName,
      createdAt: row.createdAt,
    };
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

  async function officialUnit(trx: Tx, actor: Actor, id: string) {
    const unit = await findOrg(trx, id);
    if (!unit || !inScope(actor, unit.path) || !isRegionKind(unit.kind))
      fail('OFFICIAL_UNIT_INVALID', [{ path: 'orgUnitId', message: 'OFFICIAL_UNIT_INVALID' }]);
    return unit;
  }

  return {
    async list(actor: Actor, q: Omit<repo.ActivityFilter, 'scope' | 'regionPath'> & { regionId?: string }) {
      const { regionId, ...filter } = q;
      const regionPath = regionId ? await regionPathOf(actor, regionId) : undefined;
      return repo.listActivities(
        db,
        dialect,
        { ...filter, scope: scopePath(actor), regionPath },
        scopePath(actor),
      );
    },

    get: async (actor: Actor, id: string) => {
      await visible(db, actor, id);
      return detail(db, actor, id);
    },

    async figures(actor: Actor, q: { regionId?: string; from: string; to: string }) {
      if (q.from > q.to) fail('VALIDATION_FAILED', [{ path: 'from', message: 'from > to' }]);
      return activityFigures(db, dialect, {
        from: q.from,
        to: q.to,
        regionPath: await regionPathOf(actor, q.regionId),
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
        regionPath: await regionPathOf(actor, q.regionId),
        scope: scopePath(actor),
      });
    },

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
        const created = await detail(trx, actor, id);
        await audit(trx, actor, row, { action: 'create', after: auditView(created) });
        return created;
      });
    },

    async update(actor: Actor, id: string, input: Update): Promise<ActivityDetail> {
      return db.transaction().execute(async (trx) => {
        const row = await visible(trx, actor, id);
        const before = await detail(trx, actor, id);
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
        const after = await detail(trx, actor, id);
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
        const before = await detail(trx, actor, id);
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

    /** The activity as the owner of attachments, if the actor may see it (write: change it). */
    async attachmentOwner(actor: Actor, id: string, _write: boolean) {
      const row = await visible(db, actor, id);
      return { type: 'activity' as const, id: row.id, scopePath: row.regionPath };
    },

    // ---- officials ----

    listOfficials(
      actor: Actor,
      q: { q?: string; regionId?: string; active?: 'true' | 'false'; page: number; pageSize: number },
    ) {
      const run = async () =>
        repo.listOfficials(db, dialect, {
          ...q,
          scope: scopePath(actor),
          ancestors: ancestorPaths(actor),
          regionPath: q.regionId ? await regionPathOf(actor, q.regionId) : undefined,
        });
      return run();
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
export type ActivityService = ReturnType<typeof createActivityService>;
