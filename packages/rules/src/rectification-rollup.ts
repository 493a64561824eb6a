import { CellBag, monthOf, type PlacedCell, pathAndAncestors, type RollupDay } from './rollup.js';

/**
 * What a rectification task adds to the roll-ups (source `rectification`). The campaign figures count
 * a task in a region when its lead unit, a cooperating unit or a zone lies in that region, so its
 * cells go to every path above each of its units (once per path, however many units share it).
 * Every metric is keyed by the campaign, so one campaign's figures are one index range:
 * - `c:<campaign>:total` in the month the task was created; `c:<campaign>:closed` and
 *   `c:<campaign>:onTime` (closed by its deadline) in the month it was closed (销号) — so the sums over
 *   all months are the campaign's totals, and the running sums by month its burn-down by month;
 * - the same per problem (`c:<campaign>:p:<problem>:total|closed`) and per lead unit
 *   (`c:<campaign>:u:<org>:total|closed|onTime`, the units' ranking) — the latter only at the region
 *   the lead unit belongs to, so a region ranks the units of its own government and reads a few
 *   dozen of them, not every unit below it;
 * - present state per day: `o:<campaign>:open` (and `o:<campaign>:u:<org>` per lead unit, at its
 *   region) on the deadline of a task not closed — summed over the days before today, the tasks
 *   overdue now.
 */
export interface RollupTask {
  campaignId: string;
  problemId: string;
  leadOrgId: string;
  /** The region the lead unit belongs to: itself when it is a region, else the region above it. */
  leadRegionPath: string;
  status: string;
  deadlineOn: RollupDay;
  closedOn: RollupDay | null;
  /** The Beijing day the task was created. */
  createdOn: RollupDay;
  /** Org paths of its lead unit, cooperating units and zones. */
  unitPaths: readonly string[];
}

/** Metric names of a campaign (prefix `c:` for counts by month, `o:` for open tasks by deadline day). */
export const rectificationMetric = {
  counts: (campaignId: string) => `c:${campaignId}:`,
  open: (campaignId: string) => `o:${campaignId}:`,
  total: (c: string) => `c:${c}:total`,
  closed: (c: string) => `c:${c}:closed`,
  onTime: (c: string) => `c:${c}:onTime`,
  overdue: (c: string) => `o:${c}:open`,
  problem: (c: string, problemId: string, m: 'total' | 'closed') => `c:${c}:p:${problemId}:${m}`,
  unit: (c: string, orgId: string, m: 'total' | 'closed' | 'onTime') => `c:${c}:u:${orgId}:${m}`,
  unitOverdue: (c: string, orgId: string) => `o:${c}:u:${orgId}`,
};

export function taskCells(t: RollupTask): PlacedCell[] {
  const m = rectificationMetric;
  const c = t.campaignId;
  const paths = [...new Set(t.unitPaths.flatMap(pathAndAncestors))];
  const unitAt = paths.includes(t.leadRegionPath) ? [t.leadRegionPath] : [];
  const bag = new CellBag();
  const created = monthOf(t.createdOn);
  bag.add(paths, created, m.total(c), 1);
  bag.add(paths, created, m.problem(c, t.problemId, 'total'), 1);
  bag.add(unitAt, created, m.unit(c, t.leadOrgId, 'total'), 1);
  if (t.status === 'closed') {
    // a closed task always has its day of closing; were it missing, the figures would still count it
    const closed = monthOf(t.closedOn ?? t.createdOn);
    bag.add(paths, closed, m.closed(c), 1);
    bag.add(paths, closed, m.problem(c, t.problemId, 'closed'), 1);
    bag.add(unitAt, closed, m.unit(c, t.leadOrgId, 'closed'), 1);
    if (t.closedOn && t.closedOn <= t.deadlineOn) {
      bag.add(paths, closed, m.onTime(c), 1);
      bag.add(unitAt, closed, m.unit(c, t.leadOrgId, 'onTime'), 1);
    }
  }
  if (t.status !== 'closed') {
    bag.add(paths, t.deadlineOn, m.overdue(c), 1);
    bag.add(unitAt, t.deadlineOn, m.unitOverdue(c, t.leadOrgId), 1);
  }
  return bag.cells();
}
