/**
 * Working days on the official calendar: Monday to Friday, minus the State Council's public
 * holidays, plus the weekend days it declares working days (调休上班). Each year's schedule is data
 * (a year's notice arrives around November); a day in a year without a schedule is counted as if
 * only weekends were off, and every result says so (`unscheduled`) so that nobody is misled.
 */

/** One year's schedule as published: the days off and the weekend days worked instead. */
export interface YearSchedule {
  year: number;
  /** YYYY-MM-DD days off (holidays, including the weekend days inside a holiday block). */
  holidays: readonly string[];
  /** YYYY-MM-DD weekend days declared working days (调休上班). */
  workdays: readonly string[];
}

export interface WorkCalendar {
  /** Years that have a schedule. */
  years: ReadonlySet<number>;
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

/** A calendar from year schedules; a later schedule for the same year replaces an earlier one. */
export function buildCalendar(...layers: readonly (readonly YearSchedule[])[]): WorkCalendar {
  const byYear = new Map<number, YearSchedule>();
  for (const layer of layers) for (const s of layer) byYear.set(s.year, s);
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const s of byYear.values()) {
    for (const d of s.holidays) holidays.add(d);
    for (const d of s.workdays) workdays.add(d);
  }
  return { years: new Set(byYear.keys()), holidays, workdays };
}

const DAY_MS = 86400_000;
const parse = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: string): number => new Date(parse(day)).getUTCDay();
export const plusDays = (day: string, n: number): string => fmt(parse(day) + n * DAY_MS);

export const isScheduled = (cal: WorkCalendar, day: string): boolean =>
  cal.years.has(Number(day.slice(0, 4)));

/** Whether `day` is a working day (weekends only, for a year without a schedule). */
export function isWorkingDay(cal: WorkCalendar, day: string): boolean {
  if (cal.holidays.has(day)) return false;
  if (cal.workdays.has(day)) return true;
  const w = weekday(day);
  return w !== 0 && w !== 6;
}

export interface WorkingDayResult {
  day: string;
  /** Some day counted lies in a year with no schedule loaded: the result may be wrong. */
  unscheduled: boolean;
}

/**
 * The day on which `n` working days after `start` have passed: the start day itself does not count
 * (a matter received on Friday with one working day to answer is due on the next working day).
 * n = 0 gives `start` itself.
 */
export function addWorkingDays(cal: WorkCalendar, start: string, n: number): WorkingDayResult {
  let day = start;
  let unscheduled = !isScheduled(cal, start) && n === 0;
  let left = Math.max(0, Math.trunc(n));
  while (left > 0) {
    day = plusDays(day, 1);
    if (!isScheduled(cal, day)) unscheduled = true;
    if (isWorkingDay(cal, day)) left--;
  }
  return { day, unscheduled };
}

/**
 * Working days from `from` to `to`: those in (from, to], negative when `to` comes first.
 * The time taken from receipt on `from` to an answer on `to`, or (from today to a due day) the
 * working days left.
 */
export function workingDaysBetween(
  cal: WorkCalendar,
  from: string,
  to: string,
): { days: number; unscheduled: boolean } {
  const [a, b, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let days = 0;
  let unscheduled = !isScheduled(cal, to);
  for (let d = plusDays(a, 1); d <= b; d = plusDays(d, 1)) {
    if (!isScheduled(cal, d)) unscheduled = true;
    if (isWorkingDay(cal, d)) days++;
  }
  return { days: sign * days, unscheduled };
}

export const countWorkingDays = (cal: WorkCalendar, from: string, to: string): number =>
  workingDaysBetween(cal, from, to).days;

/** Service-level state of a due date as seen today: 正常 / 临期 / 逾期. */
export type SlaState = 'normal' | 'warning' | 'overdue';

/** Overdue once today is past the due day; a warning when at most `warnDays` working days remain. */
export function slaState(cal: WorkCalendar, today: string, dueOn: string, warnDays = 1): SlaState {
  if (today > dueOn) return 'overdue';
  return countWorkingDays(cal, today, dueOn) <= warnDays ? 'warning' : 'normal';
}

export type ScheduleProblem =
  | 'YEAR_INVALID'
  | 'DAY_INVALID'
  | 'DAY_OUTSIDE_YEAR'
  | 'DAY_DUPLICATE'
  | 'DAY_IN_BOTH'
  | 'WORKDAY_NOT_WEEKEND'
  | 'HOLIDAYS_EMPTY';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const realDay = (s: string) => DAY_RE.test(s) && !Number.isNaN(parse(s)) && fmt(parse(s)) === s;

/**
 * What is wrong with a schedule an administrator entered: every day a real day of that year, none
 * listed twice or in both lists, adjusted working days only on Saturdays or Sundays (a weekday is a
 * working day anyway), at least one holiday. An empty list means the schedule is fine.
 */
export function scheduleProblems(s: YearSchedule): { path: string; message: ScheduleProblem }[] {
  const out: { path: string; message: ScheduleProblem }[] = [];
  if (!Number.isInteger(s.year) || s.year < 2000 || s.year > 2100)
    out.push({ path: 'year', message: 'YEAR_INVALID' });
  if (s.holidays.length === 0) out.push({ path: 'holidays', message: 'HOLIDAYS_EMPTY' });
  const seen = new Set<string>();
  const check = (list: readonly string[], key: 'holidays' | 'workdays') => {
    for (const [i, d] of list.entries()) {
      const problem = dayProblem(d, key);
      if (problem) out.push({ path: `${key}.${i}`, message: problem });
    }
  };
  const dayProblem = (d: string, key: 'holidays' | 'workdays'): ScheduleProblem | null => {
    if (!realDay(d)) return 'DAY_INVALID';
    if (Number(d.slice(0, 4)) !== s.year) return 'DAY_OUTSIDE_YEAR';
    if (seen.has(`${key}:${d}`)) return 'DAY_DUPLICATE';
    seen.add(`${key}:${d}`);
    if (key === 'workdays') {
      if (seen.has(`holidays:${d}`)) return 'DAY_IN_BOTH';
      const w = weekday(d);
      if (w !== 0 && w !== 6) return 'WORKDAY_NOT_WEEKEND';
    }
    return null;
  };
  check(s.holidays, 'holidays');
  check(s.workdays, 'workdays');
  return out;
}
