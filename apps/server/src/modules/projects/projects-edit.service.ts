import type { CreateProjectBody, UpdateProjectBody } from '@yingshang/contracts';
import {
  applyStageChange,
  industryByCode,
  STAGE_DATE_FIELD,
  type StageState,
  usdCentsToFen,
} from '@yingshang/rules';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database.js';
import type { ProjectRow } from '../../db/schema.js';
import { recordAudit } from '../../kernel/audit.js';
import { withRollups } from '../../kernel/rollups.js';
import { updateVersioned } from '../../kernel/versioned.js';
import { type Actor, inScope } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { backdatedTo, checkBackdate } from '../../lib/backdate.js';
import { beijingToday } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import type { Ports } from '../../ports.js';
import { findInvestorsByIds } from './investors.repository.js';
import * as repo from './projects.repository.js';
import { detail, type ProjectDetail, type ProjectReadDeps, writable } from './projects-read.service.js';
import { projectRollups } from './rollups.repository.js';

/** The project record itself: created, and edited (its facts, region and investors). */

type Create = z.infer<typeof CreateProjectBody>;
type Update = z.infer<typeof UpdateProjectBody>;
/** A project's own facts, without the history it was created with. */
type Facts = Omit<Create, 'leadOn' | 'reached'>;

/** Before any stage event, a project's "last event" is this: every real date is later. */
const NO_EVENT_YET = '1900-01-01';

/** An audit row of a project or one of its records, in the project's region. */
export async function auditProject(
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

export function createProjectEditing(deps: ProjectReadDeps & { db: Db; ports: Pick<Ports, 'findOrg'> }) {
  const { db, config } = deps;
  const { findOrg, findUser } = deps.ports;

  async function region(trx: Tx, actor: Actor, regionId: string) {
    const unit = await findOrg(trx, regionId);
    if (!unit || !inScope(actor, unit.path) || (unit.kind !== 'county' && unit.kind !== 'zone')) {
      fail('REGION_INVALID', [{ path: 'regionId', message: 'REGION_INVALID' }]);
    }
    return unit;
  }

  /** The derived columns of a project: industry section, investors' names and origin, search text. */
  async function derived(trx: Tx, actor: Actor, p: Facts) {
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

  /**
   * A project entered after the fact: its lead date and the stages reached since, each checked as a
   * stage change on that day would be (one step at a time, dates never backwards nor in the future)
   * and against the actor's back-date limit. Gives the stage columns and the events to write.
   */
  function history(actor: Actor, input: Create, today: string) {
    const leadOn = input.leadOn ?? today;
    if (leadOn > today) fail('STAGE_DATE_INVALID', [{ path: 'leadOn', message: 'STAGE_DATE_INVALID' }]);
    checkBackdate(actor, config.backdateLimits, [
      { path: 'leadOn', date: leadOn },
      ...input.reached.map((r, i) => ({ path: `reached.${i}.date`, date: r.date })),
    ]);
    let state: StageState = { status: 'lead', paused: false, lastEventOn: input.leadOn ?? NO_EVENT_YET };
    const dates: Partial<Record<(typeof STAGE_DATE_FIELD)[keyof typeof STAGE_DATE_FIELD], string>> = {};
    const events = input.reached.map((r, i) => {
      const outcome = applyStageChange(state, { action: 'advance', to: r.stage, date: r.date }, today, {
        mayCorrect: false,
      });
      if (!outcome.ok)
        fail(outcome.error, [
          {
            path: outcome.error === 'STAGE_DATE_INVALID' ? `reached.${i}.date` : `reached.${i}.stage`,
            message: outcome.error,
          },
        ]);
      const from = state.status;
      state = outcome.state;
      dates[STAGE_DATE_FIELD[r.stage]] = r.date;
      return { from, to: r.stage, date: r.date, evidence: r.evidence ?? null };
    });
    return { leadOn, status: state.status, lastEventOn: state.lastEventOn, dates, events };
  }

  return {
    async create(actor: Actor, input: Create): Promise<ProjectDetail> {
      return db.transaction().execute(async (trx) => {
        const { columns, investors } = await derived(trx, actor, input);
        const id = newId();
        const at = now();
        const today = beijingToday();
        const past = history(actor, input, today);
        const code = repo.projectCode(id, today);
        await withRollups(
          trx,
          { source: projectRollups, ids: [id] },
          () =>
            repo.insertProject(trx, {
              ...columns,
              ...past.dates,
              id,
              code,
              status: past.status,
              createdOn: past.leadOn,
              lastEventOn: past.lastEventOn,
              createdAt: at,
              updatedAt: at,
            }),
          { actor, summary: `${columns.name} (${code})` },
        );
        await repo.insertProjectInvestors(
          trx,
          id,
          investors.map((i) => i.id),
        );
        for (const e of past.events)
          await repo.insertProjectEvent(trx, {
            id: newId(),
            projectId: id,
            action: 'advance',
            fromStatus: e.from,
            toStatus: e.to,
            eventOn: e.date,
            evidence: e.evidence,
            reason: null,
            actorId: actor.userId,
            actorName: actor.displayName,
            createdAt: at,
          });
        const created = await detail(trx, deps, id);
        const row = (await repo.findProjectRow(trx, id))!;
        const earliest = [past.leadOn, ...past.events.map((e) => e.date)].sort()[0];
        await auditProject(trx, actor, row, {
          action: 'create',
          after: { ...created, ...backdatedTo(earliest, today) },
        });
        return created;
      });
    },

    async update(actor: Actor, id: string, input: Update): Promise<ProjectDetail> {
      return db.transaction().execute(async (trx) => {
        const row = await writable(trx, actor, id);
        const before = await detail(trx, deps, id);
        const { version, ...patch } = input;
        const merged: Facts = {
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
        await withRollups(
          trx,
          { source: projectRollups, ids: [id] },
          () => updateVersioned(trx, 'projects', { id, version }, { ...columns, updatedAt: now() }),
          { actor, summary: `${columns.name} (${row.code})` },
        );
        if (columns.regionPath !== row.regionPath) await repo.refreshChildFigures(trx, id);
        if (patch.investorIds)
          await repo.replaceProjectInvestors(
            trx,
            id,
            investors.map((i) => i.id),
          );
        const after = await detail(trx, deps, id);
        await auditProject(trx, actor, row, { action: 'update', before: strip(before), after: strip(after) });
        return after;
      });
    },
  };
}

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
