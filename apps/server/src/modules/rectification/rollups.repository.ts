import { isRegionKind, type RectificationDashboard } from '@yingshang/contracts';
import { rectificationMetric as M, type RollupTask, taskCells } from '@yingshang/rules';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { chunks } from '../../kernel/chunks.js';
import { idsOf, type RollupSource, rollupSums } from '../../kernel/rollups.js';
import { parentPath } from '../../lib/actor.js';
import { addDays } from '../../lib/days.js';
import { beijingDay } from '../../lib/ids.js';
import { ancestorPaths, campaignProblems } from './rectification.repository.js';

async function load(db: Executor, ids: readonly string[]) {
  const out = new Map<string, RollupTask>();
  for (const chunk of chunks([...new Set(ids)])) {
    const [tasks, units] = await Promise.all([
      db
        .selectFrom('rectificationTasks as t')
        .innerJoin('orgUnits as l', 'l.id', 't.leadOrgId')
        .select([
          't.id',
          't.campaignId',
          't.problemId',
          't.leadOrgId',
          'l.path as leadPath',
          'l.kind as leadKind',
          't.status',
          't.deadlineOn',
          't.closedOn',
          't.createdAt',
        ])
        .where('t.id', 'in', chunk)
        .execute(),
      db
        .selectFrom('rectificationTaskUnits')
        .select(['taskId', 'orgPath'])
        .where('taskId', 'in', chunk)
        .execute(),
    ]);
    const paths = new Map<string, string[]>();
    for (const u of units) paths.set(u.taskId, [...(paths.get(u.taskId) ?? []), u.orgPath]);
    for (const { id, createdAt, leadPath, leadKind, ...t } of tasks)
      out.set(id, {
        ...t,
        // a department's region is the one above it: '/…/region/department/' → '/…/region/'
        leadRegionPath: isRegionKind(leadKind) ? leadPath : parentPath(leadPath),
        createdOn: beijingDay(createdAt),
        unitPaths: paths.get(id) ?? [],
      });
  }
  return out;
}

/**
 * Rectification tasks in the roll-ups (packages/rules: taskCells): per campaign, counted in every
 * region holding one of their units, as the campaign figures count them.
 */
export const rectificationRollups: RollupSource<RollupTask> = {
  name: 'rectification',
  load,
  cells: taskCells,
  ids: idsOf('rectificationTasks'),
};

/** `column` lies in the subtree `prefix` (a LIKE both databases read alike; ids hold no wildcards). */
const under = (column: string, prefix: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`${sql.ref(column)} like ${`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;

/**
 * The campaign the dashboard shows: of the campaigns seen from a scope (issued in it or above it),
 * the one with the latest deadline — as the campaign list orders them (deadline, then id).
 */
export async function latestCampaign(db: Executor, scope: string) {
  const row = await db
    .selectFrom('rectificationCampaigns as c')
    .select(['c.id', 'c.title', 'c.deadlineOn'])
    .where((eb) => eb.or([eb('c.ownerPath', 'in', ancestorPaths(scope)), under('c.ownerPath', scope)]))
    .orderBy('c.deadlineOn', 'desc')
    .orderBy('c.id')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/** The arrears ledger of a region (清欠台账: small, read directly): its debts and what they still owe. */
async function arrearsOf(db: Executor, path: string) {
  const r = await db
    .selectFrom('rectificationArrears as a')
    .select([
      sql<number>`count(*)`.as('count'),
      sql<number>`coalesce(sum(a.amount_fen), 0) - coalesce(sum(a.repaid_fen), 0)`.as('outstandingFen'),
    ])
    .where(under('a.regionPath', path))
    .executeTakeFirstOrThrow();
  return { count: Number(r.count), outstandingFen: Number(r.outstandingFen) };
}

const rate = (a: number, b: number) => (b > 0 ? a / b : null);
const ALL = { from: '0000', to: '9999' };

/**
 * The dashboard's rectification section for a region: one campaign's completion (totals, by problem,
 * lead units ranked, child regions) from the roll-ups, equal to its figures (GET
 * /rectification/campaigns/:id/figures) for the same region; and the region's arrears. Without a
 * campaign, only the arrears.
 */
export async function rectificationDashboard(
  db: Executor,
  q: {
    path: string;
    children: readonly { id: string; path: string }[];
    today: string;
    /** The campaign shown (latestCampaign), or none. */
    campaign: { id: string; title: string; deadlineOn: string } | null;
  },
): Promise<RectificationDashboard> {
  const { campaign } = q;
  if (!campaign)
    return {
      campaign: null,
      totals: { total: 0, completed: 0, completionRate: null, overdue: 0, onTimeRate: null },
      byProblem: [],
      byUnit: [],
      byRegion: q.children.map((c) => ({ id: c.id, total: 0, completed: 0, overdue: 0 })),
      arrears: await arrearsOf(db, q.path),
    };
  const c = campaign.id;
  // open tasks are kept on their deadline day: those before today are overdue
  const beforeToday = { from: '0000', to: addDays(q.today, -1) };
  const [[own, ownDue], [kids, kidsDue], problems, arrears] = await Promise.all([
    rollupSums(
      db,
      'rectification',
      [q.path],
      [{ prefix: M.counts(c) }, { prefix: M.open(c) }],
      [ALL, beforeToday],
    ),
    rollupSums(
      db,
      'rectification',
      q.children.map((k) => k.path),
      [M.total(c), M.closed(c), M.overdue(c)],
      [ALL, beforeToday],
    ),
    campaignProblems(db, c),
    arrearsOf(db, q.path),
  ]);
  const n = (sums: typeof own, path: string, metric: string) => sums.get(path)?.get(metric)?.inN ?? 0;
  const count = (metric: string) => n(own, q.path, metric);
  const total = count(M.total(c));
  const closed = count(M.closed(c));

  // the lead units with tasks here, and their counts (metric c:<campaign>:u:<org>:<what>)
  const unitPrefix = `${M.counts(c)}u:`;
  const leadIds = [
    ...new Set(
      [...(own.get(q.path)?.keys() ?? [])]
        .filter((m) => m.startsWith(unitPrefix))
        .map((m) => m.split(':')[3]),
    ),
  ];
  const names = new Map(
    leadIds.length === 0
      ? []
      : (await db.selectFrom('orgUnits').select(['id', 'name']).where('id', 'in', leadIds).execute()).map(
          (o) => [o.id, o.name],
        ),
  );
  const byUnit = leadIds
    .map((orgId) => {
      const unitTotal = count(M.unit(c, orgId, 'total'));
      const unitClosed = count(M.unit(c, orgId, 'closed'));
      return {
        orgId,
        name: names.get(orgId) ?? '',
        total: unitTotal,
        completed: unitClosed,
        completionRate: rate(unitClosed, unitTotal),
        onTimeRate: rate(count(M.unit(c, orgId, 'onTime')), unitClosed),
        overdue: n(ownDue, q.path, M.unitOverdue(c, orgId)),
      };
    })
    .filter((u) => u.total > 0)
    // the figures' ranking: completion, then on time, then fewer overdue, then the name
    .sort(
      (a, b) =>
        (b.completionRate ?? 0) - (a.completionRate ?? 0) ||
        (b.onTimeRate ?? 0) - (a.onTimeRate ?? 0) ||
        a.overdue - b.overdue ||
        a.name.localeCompare(b.name, 'zh'),
    )
    .map(({ onTimeRate: _, ...u }, i) => ({ ...u, rank: i + 1 }));

  return {
    campaign: { id: campaign.id, title: campaign.title, deadlineOn: campaign.deadlineOn },
    totals: {
      total,
      completed: closed,
      completionRate: rate(closed, total),
      overdue: n(ownDue, q.path, M.overdue(c)),
      onTimeRate: rate(count(M.onTime(c)), closed),
    },
    byProblem: problems.map((p) => {
      const pt = count(M.problem(c, p.id, 'total'));
      const pc = count(M.problem(c, p.id, 'closed'));
      return {
        problemId: p.id,
        seq: p.seq,
        name: p.name,
        total: pt,
        completed: pc,
        completionRate: rate(pc, pt),
      };
    }),
    byUnit,
    byRegion: q.children.map((k) => ({
      id: k.id,
      total: n(kids, k.path, M.total(c)),
      completed: n(kids, k.path, M.closed(c)),
      overdue: n(kidsDue, k.path, M.overdue(c)),
    })),
    arrears,
  };
}
