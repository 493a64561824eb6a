import {
  pathAndAncestors,
  placeCells,
  projectCells,
  type RollupProject,
  type RollupSigning,
  signingCells,
} from '@yingshang/rules';
import type { Executor } from '../../db/database.js';
import { chunks } from '../../kernel/chunks.js';
import { idsOf, type RollupSource } from '../../kernel/rollups.js';

/** What the roll-ups read of a project: its region, stage dates, funds, promises and signing. */
export interface ProjectRollupRecord extends RollupProject {
  regionPath: string;
  fundsInPlaceFen: number;
  /** The activity it was signed at, if any. */
  signing: Omit<RollupSigning, 'projectPath' | 'startedOn' | 'status' | 'fundsInPlaceFen'> | null;
}

const PROJECT_COLUMNS = [
  'p.id',
  'p.regionPath',
  'p.status',
  'p.openNeedDueOn',
  'p.createdOn',
  'p.negotiatingOn',
  'p.signedOn',
  'p.startedOn',
  'p.producingOn',
  'p.terminatedOn',
  'p.totalInvestmentFen',
  'p.fundsInPlaceFen',
  'p.industrySection',
  'p.originGroup',
] as const;

async function load(db: Executor, ids: readonly string[]) {
  const out = new Map<string, ProjectRollupRecord>();
  for (const c of chunks([...new Set(ids)])) {
    const [projects, funds, promises] = await Promise.all([
      db
        .selectFrom('projects as p')
        .leftJoin('activitySignings as s', 's.projectId', 'p.id')
        .leftJoin('activities as a', 'a.id', 's.activityId')
        .select(PROJECT_COLUMNS)
        .select([
          's.amountFen as signedAmountFen',
          'a.regionPath as activityPath',
          'a.startOn as activityStartOn',
        ])
        .where('p.id', 'in', c)
        .execute(),
      db
        .selectFrom('projectFunds')
        .select(['projectId', 'receivedOn', 'amountFen'])
        .where('projectId', 'in', c)
        .execute(),
      db
        .selectFrom('projectPromises')
        .select(['projectId', 'dueOn', 'status'])
        .where('projectId', 'in', c)
        .execute(),
    ]);
    for (const {
      id,
      totalInvestmentFen,
      fundsInPlaceFen,
      signedAmountFen,
      activityPath,
      activityStartOn,
      ...p
    } of projects)
      out.set(id, {
        ...p,
        totalInvestmentFen: Number(totalInvestmentFen),
        fundsInPlaceFen: Number(fundsInPlaceFen),
        industrySection: p.industrySection || null,
        originGroup: p.originGroup || null,
        funds: [],
        promises: [],
        signing:
          activityPath && activityStartOn && signedAmountFen !== null
            ? { activityPath, activityStartOn, amountFen: Number(signedAmountFen) }
            : null,
      });
    for (const f of funds)
      (out.get(f.projectId)?.funds as RollupProject['funds'][number][] | undefined)?.push({
        receivedOn: f.receivedOn,
        amountFen: Number(f.amountFen),
      });
    for (const p of promises)
      (out.get(p.projectId)?.promises as RollupProject['promises'][number][] | undefined)?.push(p);
  }
  return out;
}

/**
 * What `load` reads back of a project just inserted, from the row itself: no funds, promises or
 * signing yet, no factor need (a bulk import computes the new projects' cells without reading them).
 */
export function newProjectRecord(row: {
  regionPath: string;
  status: string;
  createdOn: string;
  negotiatingOn?: string | null;
  signedOn?: string | null;
  startedOn?: string | null;
  producingOn?: string | null;
  totalInvestmentFen: number;
  industrySection: string | null;
  originGroup: string | null;
}): ProjectRollupRecord {
  return {
    regionPath: row.regionPath,
    status: row.status,
    openNeedDueOn: null,
    createdOn: row.createdOn,
    negotiatingOn: row.negotiatingOn ?? null,
    signedOn: row.signedOn ?? null,
    startedOn: row.startedOn ?? null,
    producingOn: row.producingOn ?? null,
    terminatedOn: null,
    totalInvestmentFen: Number(row.totalInvestmentFen),
    fundsInPlaceFen: 0,
    industrySection: row.industrySection || null,
    originGroup: row.originGroup || null,
    funds: [],
    promises: [],
    signing: null,
  };
}

/**
 * The pipeline in the roll-ups: each project's cells in its region and every ancestor, and what its
 * signing at an activity brought, in the activity's month (packages/rules: projectCells, signingCells).
 */
export const projectRollups: RollupSource<ProjectRollupRecord> = {
  name: 'projects',
  load,
  cells: (p) => [
    ...placeCells(projectCells(p), pathAndAncestors(p.regionPath)),
    ...(p.signing
      ? signingCells({
          ...p.signing,
          projectPath: p.regionPath,
          startedOn: p.startedOn,
          status: p.status,
          fundsInPlaceFen: p.fundsInPlaceFen,
        })
      : []),
  ],
  ids: idsOf('projects'),
};
