/**
 * Roll-ups: the leaders' figures kept incrementally. Every record (a project, an appeal, an
 * activity, an incentive application, a rectification task) contributes cells — a metric in a
 * period at a region path, with a count, an amount in fen and a sum of days — as a pure function of
 * the record. A write adds `cellDelta(cells before, cells after)` in its own transaction, so the
 * roll-ups always equal the sum of every record's cells, and a region's figures for any run of
 * months are sums over the months and regions shown, whatever the number of records.
 *
 * Periods are calendar months (YYYY-MM), or days (YYYY-MM-DD) for present-state metrics that turn
 * true with the passing of time rather than with a write (overdue, stalled): summed over the days
 * before a threshold they count what is late today.
 */

/** A day as YYYY-MM-DD. */
export type RollupDay = string;

/** One cell: a metric in a period (a month, or a day), with a count, an amount in fen and a sum of days. */
export interface RollupCell<M extends string = string> {
  period: string;
  metric: M;
  n: number;
  fen: number;
  days: number;
}

/** A cell placed at one region path. */
export interface PlacedCell extends RollupCell {
  path: string;
}

export const monthOf = (day: RollupDay) => day.slice(0, 7);

export const daysBetweenDays = (a: RollupDay, b: RollupDay) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** '/a/b/c/' → '/a/', '/a/b/', '/a/b/c/': a record counts in its region and every ancestor. */
export function pathAndAncestors(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

const nonZero = (c: RollupCell) => c.n !== 0 || c.fen !== 0 || c.days !== 0;

/** Cells merged per path, period and metric as they are added; zero cells are left out. */
export class CellBag<M extends string = string> {
  private readonly map = new Map<string, PlacedCell>();

  add(paths: readonly string[], period: string, metric: M, n: number, fen = 0, days = 0): void {
    for (const path of paths) {
      const key = `${path}|${period}|${metric}`;
      const cell = this.map.get(key) ?? { path, period, metric, n: 0, fen: 0, days: 0 };
      cell.n += n;
      cell.fen += fen;
      cell.days += days;
      this.map.set(key, cell);
    }
  }

  addAll(cells: readonly PlacedCell[], sign: 1 | -1 = 1): void {
    for (const c of cells)
      this.add([c.path], c.period, c.metric as M, sign * c.n, sign * c.fen, sign * c.days);
  }

  cells(): PlacedCell[] {
    return [...this.map.values()].filter(nonZero);
  }
}

/** Places unplaced cells at each of some paths. */
export function placeCells(cells: readonly RollupCell[], paths: readonly string[]): PlacedCell[] {
  return paths.flatMap((path) => cells.map((c) => ({ ...c, path })));
}

/** What a write changes in the roll-ups: the cells after, less the cells before. */
export function cellDelta(before: readonly PlacedCell[], after: readonly PlacedCell[]): PlacedCell[] {
  const bag = new CellBag();
  bag.addAll(before, -1);
  bag.addAll(after, 1);
  return bag.cells();
}
