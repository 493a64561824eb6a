/**
 * What one project adds to the pipeline's monthly roll-ups: the leaders' figures for any region and
 * any run of months are sums of these cells, so a dashboard costs what the months and regions shown
 * cost, not what the number of projects costs.
 *
 * A project's cells are a pure function of its stage dates, investment, funds and promises. A write
 * applies `rollupDelta(before, after)`, and the roll-ups always equal the sum of every project's
 * cells (a recount proves it: `yingshang verify-rollups`).
 *
 * Metrics, each per calendar month (YYYY-MM of the date that puts the project there):
 * - `status:<s>`: +1 / −1 (and the investment) as the project enters and leaves a status, so the
 *   running sum up to a month is the pipeline at that month's end. The status on a day follows the
 *   stage dates exactly as the period figures read them: terminated, else the latest stage reached.
 * - `signed`, `started`, `producing`: entering the stage (count and investment) — new signings of a
 *   period, and the totals behind 开工率 and 投产率 up to a month.
 * - `signToStart`, `startToProduction`, `signToProduction`: one duration (days) in the month the
 *   later stage was reached.
 * - `funds`: each receipt (count, amount) in the month it arrived.
 * - `promiseDue`, `promiseFulfilled`: promises not cancelled, and those kept, in the month due.
 *
 * Three present-state metrics are kept per day instead (period YYYY-MM-DD), because they turn true
 * with the passing of time, not with a write: summed over the days before a threshold they count the
 * projects stalled or blocked today.
 * - `stalledSignedSince`: a project now signed, on its signing day (stalled once that lies more
 *   than the threshold before today); `stalledStartedSince` the same for a project now started.
 * - `blockedSince`: a project not terminated, on the due day of its earliest unmet factor need.
 * - `promisePendingSince`: each pending promise of a project not terminated, on its due day (the
 *   promise ledger's overdue promises, 招商承诺未兑现).
 */

import { daysBetweenDays, monthOf, type RollupCell, type RollupDay } from './rollup.js';

export const PIPELINE_STATUSES = [
  'lead',
  'negotiating',
  'signed',
  'started',
  'producing',
  'terminated',
] as const;
export type PipelineStatus = (typeof PIPELINE_STATUSES)[number];

export const ROLLUP_METRICS = [
  ...PIPELINE_STATUSES.map((s) => `status:${s}` as const),
  'signed',
  'started',
  'producing',
  'signToStart',
  'startToProduction',
  'signToProduction',
  'funds',
  'promiseDue',
  'promiseFulfilled',
  'stalledSignedSince',
  'stalledStartedSince',
  'blockedSince',
  'promisePendingSince',
] as const;
/**
 * Signings by industry section and by investors' origin group, in the month of signing (count,
 * investment): the dashboard's industry and origin charts.
 */
export type RollupMetric =
  | (typeof ROLLUP_METRICS)[number]
  | `signedIndustry:${string}`
  | `signedOrigin:${string}`;

export interface RollupProject {
  /** The present status (the stage dates tell the past). */
  status: string;
  /** Due day of the earliest unmet factor need. */
  openNeedDueOn: RollupDay | null;
  createdOn: RollupDay;
  negotiatingOn: RollupDay | null;
  signedOn: RollupDay | null;
  startedOn: RollupDay | null;
  producingOn: RollupDay | null;
  terminatedOn: RollupDay | null;
  totalInvestmentFen: number;
  /** GB/T 4754 section (A–T) and the investors' origin group, when known. */
  industrySection: string | null;
  originGroup: string | null;
  funds: readonly { receivedOn: RollupDay; amountFen: number }[];
  promises: readonly { dueOn: RollupDay; status: string }[];
}

/** The status on a day, read from the stage dates (null: the project did not exist yet). */
export function statusOn(p: RollupProject, day: RollupDay): PipelineStatus | null {
  const by = (d: RollupDay | null) => d !== null && d <= day;
  if (by(p.terminatedOn)) return 'terminated';
  if (by(p.producingOn)) return 'producing';
  if (by(p.startedOn)) return 'started';
  if (by(p.signedOn)) return 'signed';
  if (by(p.negotiatingOn)) return 'negotiating';
  return by(p.createdOn) ? 'lead' : null;
}

/** Every cell one project contributes, merged per month and metric. */
export function projectCells(p: RollupProject): RollupCell<RollupMetric>[] {
  const cells = new Map<string, RollupCell<RollupMetric>>();
  const add = (day: RollupDay, metric: RollupMetric, n: number, fen = 0, days = 0) => {
    const period = metric.endsWith('Since') ? day : monthOf(day);
    const key = `${period}|${metric}`;
    const cell = cells.get(key) ?? { period, metric, n: 0, fen: 0, days: 0 };
    cell.n += n;
    cell.fen += fen;
    cell.days += days;
    cells.set(key, cell);
  };
  const inv = p.totalInvestmentFen;

  // The status timeline: at each date where it can change, leave the old status and enter the new.
  const dates = [p.createdOn, p.negotiatingOn, p.signedOn, p.startedOn, p.producingOn, p.terminatedOn]
    .filter((d): d is RollupDay => d !== null)
    .sort();
  let current: PipelineStatus | null = null;
  for (const day of new Set(dates)) {
    const next = statusOn(p, day);
    if (next === current) continue;
    if (current) add(day, `status:${current}`, -1, -inv);
    if (next) add(day, `status:${next}`, 1, inv);
    current = next;
  }

  if (p.signedOn) {
    add(p.signedOn, 'signed', 1, inv);
    if (p.industrySection) add(p.signedOn, `signedIndustry:${p.industrySection}`, 1, inv);
    if (p.originGroup) add(p.signedOn, `signedOrigin:${p.originGroup}`, 1, inv);
  }
  if (p.startedOn) add(p.startedOn, 'started', 1, inv);
  if (p.producingOn) add(p.producingOn, 'producing', 1, inv);
  if (p.signedOn && p.startedOn)
    add(p.startedOn, 'signToStart', 1, 0, daysBetweenDays(p.signedOn, p.startedOn));
  if (p.startedOn && p.producingOn)
    add(p.producingOn, 'startToProduction', 1, 0, daysBetweenDays(p.startedOn, p.producingOn));
  if (p.signedOn && p.producingOn)
    add(p.producingOn, 'signToProduction', 1, 0, daysBetweenDays(p.signedOn, p.producingOn));
  for (const f of p.funds) add(f.receivedOn, 'funds', 1, f.amountFen);
  for (const pr of p.promises) {
    if (pr.status === 'cancelled') continue;
    add(pr.dueOn, 'promiseDue', 1);
    if (pr.status === 'fulfilled') add(pr.dueOn, 'promiseFulfilled', 1);
  }
  if (p.status === 'signed' && p.signedOn) add(p.signedOn, 'stalledSignedSince', 1);
  if (p.status === 'started' && p.startedOn) add(p.startedOn, 'stalledStartedSince', 1);
  if (p.status !== 'terminated' && p.openNeedDueOn) add(p.openNeedDueOn, 'blockedSince', 1);
  if (p.status !== 'terminated')
    for (const pr of p.promises) if (pr.status === 'pending') add(pr.dueOn, 'promisePendingSince', 1);
  return [...cells.values()].filter((c) => c.n !== 0 || c.fen !== 0 || c.days !== 0);
}
