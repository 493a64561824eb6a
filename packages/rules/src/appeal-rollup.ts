import { type AppealFlowStatus, isOpenAppeal } from './appeal-flow.js';
import { CellBag, monthOf, type PlacedCell, pathAndAncestors, type RollupDay } from './rollup.js';

/**
 * What an appeal adds to the roll-ups (source `appeals`): the cohort the appeal figures read —
 * appeals filed in a period — so every monthly cell lies in the month the appeal was filed, in its
 * region and every ancestor, and a region's figures for any run of whole months are sums of cells.
 *
 * Monthly metrics (n = 1 when the appeal counts there):
 * - `received`; `accepted` (accepted on some day); `rejected`, `closed` (the present status);
 *   `answered` (an answer given); `onTime` (answered within the running answer deadline);
 *   `rated`; `satisfied` (满意 or 基本满意); `reopened` (reopened at least once, and answered).
 * - `answerDays:<d>`: the working days from acceptance to the first answer, one appeal per bucket
 *   (days: d), so the median of any run of months and regions is exact.
 * - `dept:<departmentId>:assigned|answered|onTime|rated|satisfied`: the same, by the department the
 *   appeal is assigned to now — kept only at the region the department belongs to (a province's
 *   departments at the province, a county's at the county), so a region's ranking lists the
 *   departments of its own government, and reads a few dozen of them, not every department below.
 * - `category:<code>`, `channel:<channel>`: one appeal each.
 *
 * Present state, kept per day (period YYYY-MM-DD): an open appeal with a running deadline adds
 * `openDue` (and `deptDue:<departmentId>` when assigned) on its due day, so summed over the days
 * before today they count the appeals overdue now, whenever filed.
 */
export interface RollupAppeal {
  regionPath: string;
  filedOn: RollupDay;
  status: string;
  channel: string;
  category: string;
  departmentId: string | null;
  /** The path of the region the assigned department belongs to (its parent unit). */
  departmentRegionPath: string | null;
  acceptedOn: RollupDay | null;
  answeredOn: RollupDay | null;
  answeredOnTime: boolean;
  answerWorkingDays: number | null;
  rating: string | null;
  reopenCount: number;
  /** The running deadline (受理, 签收 or 答复); null when the clock is stopped. */
  dueOn: RollupDay | null;
}

export const APPEAL_ROLLUP_METRICS = [
  'received',
  'accepted',
  'rejected',
  'answered',
  'closed',
  'onTime',
  'rated',
  'satisfied',
  'reopened',
] as const;
export type AppealRollupMetric = (typeof APPEAL_ROLLUP_METRICS)[number];

export const APPEAL_DEPT_METRICS = ['assigned', 'answered', 'onTime', 'rated', 'satisfied'] as const;
export type AppealDeptMetric = (typeof APPEAL_DEPT_METRICS)[number];

/** 满意率 counts 满意 and 基本满意. */
export const SATISFIED_RATINGS: readonly string[] = ['satisfied', 'basically_satisfied'];

/** Metric name prefixes, to read a family of metrics as one index range. */
export const APPEAL_METRIC_PREFIX = {
  answerDays: 'answerDays:',
  dept: 'dept:',
  category: 'category:',
  channel: 'channel:',
  deptDue: 'deptDue:',
} as const;

export const appealDeptMetric = (departmentId: string, m: AppealDeptMetric) =>
  `${APPEAL_METRIC_PREFIX.dept}${departmentId}:${m}`;

/** 'dept:<id>:<metric>' → its department and metric (null for any other name). */
export function parseAppealDeptMetric(metric: string): { departmentId: string; metric: string } | null {
  if (!metric.startsWith(APPEAL_METRIC_PREFIX.dept)) return null;
  const cut = metric.lastIndexOf(':');
  if (cut <= APPEAL_METRIC_PREFIX.dept.length) return null;
  return { departmentId: metric.slice(APPEAL_METRIC_PREFIX.dept.length, cut), metric: metric.slice(cut + 1) };
}

/** Every cell one appeal contributes, placed at its region path and every ancestor. */
export function appealCells(a: RollupAppeal): PlacedCell[] {
  const bag = new CellBag();
  const paths = pathAndAncestors(a.regionPath);
  const month = monthOf(a.filedOn);
  const add = (metric: string, days = 0) => bag.add(paths, month, metric, 1, 0, days);

  const answered = a.answeredOn !== null;
  const rated = a.rating !== null;
  const satisfied = rated && SATISFIED_RATINGS.includes(a.rating as string);
  add('received');
  if (a.acceptedOn !== null) add('accepted');
  if (a.status === 'rejected') add('rejected');
  if (answered) add('answered');
  if (a.status === 'closed') add('closed');
  if (a.answeredOnTime) add('onTime');
  if (rated) add('rated');
  if (satisfied) add('satisfied');
  if (a.reopenCount > 0 && answered) add('reopened');
  if (a.answerWorkingDays !== null)
    add(`${APPEAL_METRIC_PREFIX.answerDays}${a.answerWorkingDays}`, a.answerWorkingDays);
  add(`${APPEAL_METRIC_PREFIX.category}${a.category}`);
  add(`${APPEAL_METRIC_PREFIX.channel}${a.channel}`);

  // a department serving a region that holds the appeal (the figures only count appeals in the region)
  const deptAt =
    a.departmentId !== null && a.departmentRegionPath !== null && paths.includes(a.departmentRegionPath)
      ? [a.departmentRegionPath]
      : null;
  if (deptAt) {
    const dept = (m: AppealDeptMetric) =>
      bag.add(deptAt, month, appealDeptMetric(a.departmentId as string, m), 1);
    dept('assigned');
    if (answered) dept('answered');
    if (a.answeredOnTime) dept('onTime');
    if (rated) dept('rated');
    if (satisfied) dept('satisfied');
  }

  // Overdue is a matter of today, not of a write: kept on the due day, counted once that is past.
  if (a.dueOn !== null && isOpenAppeal(a.status as AppealFlowStatus)) {
    bag.add(paths, a.dueOn, 'openDue', 1);
    if (deptAt) bag.add(deptAt, a.dueOn, `${APPEAL_METRIC_PREFIX.deptDue}${a.departmentId}`, 1);
  }
  return bag.cells();
}
