import { buildCalendar, type WorkCalendar, type YearSchedule } from '@yingshang/rules';
import { packagedSchedules } from '@yingshang/rules/holiday-data';
import type { Executor } from '../db/database.js';

/**
 * The working-day calendar: the chinese-days package's schedules, overridden year by year by the
 * schedules administrators entered (each year's State Council notice arrives around November).
 * Read per command: a handful of rows, and every server process sees a change at once.
 */
export async function loadCalendar(db: Executor): Promise<WorkCalendar> {
  return buildCalendar(packagedSchedules(), await adminSchedules(db));
}

async function adminSchedules(db: Executor): Promise<YearSchedule[]> {
  const rows = await db.selectFrom('holidaySchedules').select(['year', 'holidays', 'workdays']).execute();
  return rows.map((r) => ({
    year: Number(r.year),
    holidays: JSON.parse(r.holidays),
    workdays: JSON.parse(r.workdays),
  }));
}
