import {
  CellBag,
  daysBetweenDays,
  monthOf,
  type PlacedCell,
  pathAndAncestors,
  type RollupDay,
} from './rollup.js';

/**
 * What an incentive application adds to the roll-ups (source `incentives`), in its region and every
 * ancestor. The period figures (惠企政策兑现统计) count an application in the period it was submitted,
 * whatever happened to it since, so every monthly cell sits in the month of `submittedOn` and a run
 * of whole months reproduces the figures' totals exactly:
 * - `applications`: one application (fen: the provisional amount evaluated at submission);
 * - `approved`: one when approved, partly paid or paid (fen: the approved amount, whatever the status,
 *   as the figures add it);
 * - `paid`: one when settled — paid in full, with its day of payment (fen: the amount paid so far,
 *   partial payments included; days: submission to settlement);
 * - `rejected`: one when rejected;
 * - `payDays:<d>`: one settled application that took d calendar days from submission to payment — the
 *   distribution the median is read from (a median is not a sum, a count per day-count is).
 *
 * Two present-state metrics are kept per day instead (period YYYY-MM-DD), because they turn true with
 * the passing of time, not with a write; summed over the days before today they count what is overdue
 * now:
 * - `reviewDue`: an application under review, on the due day of its current step (the deadline in
 *   working days was computed by the write that started the step and is stored as `stageDueOn`; a
 *   step is overdue once today is past it, as `slaState` reads it);
 * - `rewardDue`: an approved reward not yet paid in full, on its payment due day (fen: what is still
 *   owed) — the promise ledger's overdue rewards.
 */
export interface RollupIncentive {
  regionPath: string;
  status: string;
  submittedOn: RollupDay;
  provisionalFen: number;
  approvedFen: number | null;
  paidFen: number;
  paidOn: RollupDay | null;
  stageDueOn: RollupDay | null;
  payDueOn: RollupDay | null;
}

export const INCENTIVE_REVIEWING = ['county_review', 'city_review', 'province_review'] as const;
export const INCENTIVE_APPROVED = ['approved', 'partly_paid', 'paid'] as const;
/** Approved rewards still owed in part or in full. */
export const INCENTIVE_UNPAID = ['approved', 'partly_paid'] as const;

export type IncentiveRollupMetric =
  | 'applications'
  | 'approved'
  | 'paid'
  | 'rejected'
  | 'reviewDue'
  | 'rewardDue'
  | `payDays:${number}`;

const has = (list: readonly string[], s: string) => list.includes(s);

export function incentiveCells(a: RollupIncentive): PlacedCell[] {
  const bag = new CellBag<IncentiveRollupMetric>();
  const paths = pathAndAncestors(a.regionPath);
  const month = monthOf(a.submittedOn);
  bag.add(paths, month, 'applications', 1, a.provisionalFen);
  bag.add(paths, month, 'approved', has(INCENTIVE_APPROVED, a.status) ? 1 : 0, a.approvedFen ?? 0);
  const settled = a.status === 'paid' && a.paidOn !== null;
  const days = settled ? daysBetweenDays(a.submittedOn, a.paidOn as RollupDay) : 0;
  bag.add(paths, month, 'paid', settled ? 1 : 0, a.paidFen, days);
  if (settled) bag.add(paths, month, `payDays:${days}`, 1);
  if (a.status === 'rejected') bag.add(paths, month, 'rejected', 1);
  if (has(INCENTIVE_REVIEWING, a.status) && a.stageDueOn) bag.add(paths, a.stageDueOn, 'reviewDue', 1);
  if (has(INCENTIVE_UNPAID, a.status) && a.payDueOn)
    bag.add(paths, a.payDueOn, 'rewardDue', 1, (a.approvedFen ?? 0) - a.paidFen);
  return bag.cells();
}

/**
 * The median of a distribution given as counts per value (`payDays:<d>` summed over some months):
 * the middle value, or the mean of the two middle ones when the count is even — as the median of
 * the listed values would be. Null when there are none.
 */
export function medianOfCounts(counts: ReadonlyMap<number, number>): number | null {
  const values = [...counts.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = values.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  /** The value at a 0-based position of the sorted list. */
  const at = (pos: number) => {
    let seen = 0;
    for (const [v, n] of values) {
      seen += n;
      if (pos < seen) return v;
    }
    return values[values.length - 1][0];
  };
  const mid = total >> 1;
  return total % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}
