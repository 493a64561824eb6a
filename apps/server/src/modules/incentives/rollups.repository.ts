import type { IncentiveDashboard } from '@yingshang/contracts';
import { incentiveCells, medianOfCounts, type RollupIncentive } from '@yingshang/rules';
import type { Executor } from '../../db/database.js';
import { chunks } from '../../kernel/chunks.js';
import { idsOf, type MetricSums, type RollupSource, rollupSums } from '../../kernel/rollups.js';
import { addDays } from '../../lib/days.js';

async function load(db: Executor, ids: readonly string[]) {
  const out = new Map<string, RollupIncentive>();
  for (const chunk of chunks([...new Set(ids)])) {
    const rows = await db
      .selectFrom('incentiveApplications')
      .select([
        'id',
        'regionPath',
        'status',
        'submittedOn',
        'provisionalFen',
        'approvedFen',
        'paidFen',
        'paidOn',
        'stageDueOn',
        'payDueOn',
      ])
      .where('id', 'in', chunk)
      .execute();
    for (const { id, provisionalFen, approvedFen, paidFen, ...r } of rows)
      out.set(id, {
        ...r,
        provisionalFen: Number(provisionalFen),
        approvedFen: approvedFen == null ? null : Number(approvedFen),
        paidFen: Number(paidFen),
      });
  }
  return out;
}

/**
 * Incentive applications in the roll-ups (packages/rules: incentiveCells): counted in the month they
 * were submitted, in their region and every ancestor, with review steps and rewards owed by due day.
 */
export const incentiveRollups: RollupSource<RollupIncentive> = {
  name: 'incentives',
  load,
  cells: incentiveCells,
  ids: idsOf('incentiveApplications'),
};

const PERIOD_METRICS = ['applications', 'approved', 'paid', 'rejected'] as const;
/** Every day-kept period lies in this window's range; `to` is set per read. */
const EVER = '0000-00-00';

type Period = IncentiveDashboard['current'];

/** A region's figures for a run of months, from its roll-up sums. */
function incentivePeriod(sums: Map<string, MetricSums> | undefined): Period {
  const get = (m: string) => sums?.get(m);
  const days = new Map<number, number>();
  for (const [metric, s] of sums ?? [])
    if (metric.startsWith('payDays:')) days.set(Number(metric.slice(8)), s.inN);
  return {
    applications: get('applications')?.inN ?? 0,
    appliedFen: get('applications')?.inFen ?? 0,
    approved: get('approved')?.inN ?? 0,
    approvedFen: get('approved')?.inFen ?? 0,
    paid: get('paid')?.inN ?? 0,
    paidFen: get('paid')?.inFen ?? 0,
    rejected: get('rejected')?.inN ?? 0,
    medianDaysToPayment: medianOfCounts(days),
  };
}

/**
 * The dashboard's incentives section for a region: this run of months and last year's, per child
 * region, and what is overdue today — sums of roll-up rows, whatever the number of applications.
 * The periods equal the figures (GET /incentives/figures) for the same whole months; the overdue
 * counts cover every application of the region, whenever it was submitted.
 */
export async function incentiveDashboard(
  db: Executor,
  q: {
    path: string;
    children: readonly { id: string; path: string }[];
    current: { from: string; to: string };
    lastYear: { from: string; to: string };
    today: string;
  },
): Promise<IncentiveDashboard> {
  // the payment-days histogram (for the median) of the region alone: the children show sums only
  const [[current, lastYear], [kids], [days, lastDays], [due]] = await Promise.all([
    rollupSums(db, 'incentives', [q.path], PERIOD_METRICS, [q.current, q.lastYear]),
    rollupSums(
      db,
      'incentives',
      q.children.map((c) => c.path),
      PERIOD_METRICS,
      [q.current],
    ),
    rollupSums(db, 'incentives', [q.path], [{ prefix: 'payDays:' }], [q.current, q.lastYear]),
    rollupSums(
      db,
      'incentives',
      [q.path],
      ['reviewDue', 'rewardDue'],
      [{ from: EVER, to: addDays(q.today, -1) }],
    ),
  ]);
  const overdue = due.get(q.path);
  return {
    current: incentivePeriod(new Map([...current.get(q.path)!, ...days.get(q.path)!])),
    lastYear: incentivePeriod(new Map([...lastYear.get(q.path)!, ...lastDays.get(q.path)!])),
    overdueReviews: overdue?.get('reviewDue')?.inN ?? 0,
    overdueRewards: overdue?.get('rewardDue')?.inN ?? 0,
    overdueRewardsFen: overdue?.get('rewardDue')?.inFen ?? 0,
    byRegion: q.children.map((c) => {
      const p = incentivePeriod(kids.get(c.path));
      return { id: c.id, applications: p.applications, approvedFen: p.approvedFen, paidFen: p.paidFen };
    }),
  };
}
