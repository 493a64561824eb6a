import { describe, expect, it } from 'vitest';
import { packagedSchedules } from './holiday-data.js';
import {
  addWorkingDays,
  buildCalendar,
  countWorkingDays,
  isWorkingDay,
  scheduleProblems,
  slaState,
  type YearSchedule,
} from './working-days.js';

/**
 * 国务院办公厅关于2026年部分节假日安排的通知 (as published in November 2025), typed in by hand:
 * the package's data must agree with it, and the arithmetic is tested against it.
 */
const NOTICE_2026: YearSchedule = {
  year: 2026,
  holidays: [
    '2026-01-01',
    '2026-01-02',
    '2026-01-03',
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
    '2026-02-23',
    '2026-04-04',
    '2026-04-05',
    '2026-04-06',
    '2026-05-01',
    '2026-05-02',
    '2026-05-03',
    '2026-05-04',
    '2026-05-05',
    '2026-06-19',
    '2026-06-20',
    '2026-06-21',
    '2026-09-25',
    '2026-09-26',
    '2026-09-27',
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};
const cal = buildCalendar([NOTICE_2026]);

describe('the packaged schedule', () => {
  it('agrees with the 2026 notice day for day', () => {
    const y2026 = packagedSchedules().find((s) => s.year === 2026);
    expect(y2026?.holidays).toEqual(NOTICE_2026.holidays);
    expect(y2026?.workdays).toEqual(NOTICE_2026.workdays);
  });
  it('covers the years up to 2026 and nothing later', () => {
    const years = packagedSchedules().map((s) => s.year);
    expect(years).toContain(2024);
    expect(years).toContain(2025);
    expect(Math.max(...years)).toBe(2026);
  });
});

describe('working days in 2026', () => {
  it.each([
    ['2026-02-13', true, 'Friday before the Spring Festival'],
    ['2026-02-14', true, 'Saturday worked instead (调休上班)'],
    ['2026-02-15', false, 'Spring Festival (Sunday)'],
    ['2026-02-18', false, 'Spring Festival (Wednesday)'],
    ['2026-02-23', false, 'Spring Festival, last day (Monday)'],
    ['2026-02-24', true, 'first working day after'],
    ['2026-02-28', true, 'Saturday worked instead (调休上班)'],
    ['2026-03-01', false, 'an ordinary Sunday'],
    ['2026-09-20', true, 'Sunday worked before National Day'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'National Day, last day (Wednesday)'],
    ['2026-10-08', true, 'Thursday after'],
    ['2026-10-10', true, 'Saturday worked after National Day'],
    ['2026-10-11', false, 'an ordinary Sunday'],
  ])('%s working: %s (%s)', (day, working) => {
    expect(isWorkingDay(cal, day)).toBe(working);
  });

  it.each([
    // start, n, due: the start day does not count
    ['2026-02-12', 1, '2026-02-13', 'Thursday + 1 → Friday'],
    ['2026-02-13', 1, '2026-02-14', 'Friday + 1 → the worked Saturday'],
    ['2026-02-13', 2, '2026-02-24', 'across the whole Spring Festival'],
    ['2026-02-12', 5, '2026-02-26', 'five working days across the Spring Festival'],
    ['2026-02-14', 1, '2026-02-24', 'from the worked Saturday'],
    ['2026-02-20', 1, '2026-02-24', 'received during the holiday'],
    ['2026-02-24', 5, '2026-03-02', 'a week with the worked Saturday 2-28'],
    ['2026-02-10', 15, '2026-03-09', 'fifteen working days across the holiday'],
    ['2026-09-18', 1, '2026-09-20', 'Friday + 1 → the worked Sunday'],
    ['2026-09-30', 1, '2026-10-08', 'across National Day'],
    ['2026-09-30', 3, '2026-10-10', 'onto the worked Saturday 10-10'],
    ['2026-09-29', 5, '2026-10-12', 'five across National Day'],
    ['2026-09-24', 1, '2026-09-28', 'across Mid-Autumn'],
    ['2026-05-08', 1, '2026-05-09', 'onto the worked Saturday after Labour Day'],
    ['2026-05-29', 0, '2026-05-29', 'zero days'],
  ])('%s + %i working days → %s (%s)', (start, n, due) => {
    expect(addWorkingDays(cal, start, n)).toEqual({ day: due, unscheduled: false });
  });

  it.each([
    ['2026-02-12', '2026-02-26', 5],
    ['2026-02-26', '2026-02-12', -5],
    ['2026-09-30', '2026-10-08', 1],
    ['2026-10-08', '2026-10-08', 0],
    ['2026-01-01', '2026-12-31', 248],
  ])('from %s to %s: %i working days', (from, to, n) => {
    expect(countWorkingDays(cal, from, to)).toBe(n);
  });

  it('names the SLA state: 正常 / 临期 / 逾期', () => {
    expect(slaState(cal, '2026-02-12', '2026-02-26')).toBe('normal');
    // Due on the first day after the festival: one working day left on the Friday before it.
    expect(slaState(cal, '2026-02-13', '2026-02-14')).toBe('warning');
    expect(slaState(cal, '2026-02-13', '2026-02-24')).toBe('normal');
    expect(slaState(cal, '2026-02-20', '2026-02-24')).toBe('warning');
    expect(slaState(cal, '2026-02-24', '2026-02-24')).toBe('warning');
    expect(slaState(cal, '2026-02-25', '2026-02-24')).toBe('overdue');
  });
});

describe('a year without a schedule', () => {
  it('counts weekends only and says so', () => {
    expect(addWorkingDays(cal, '2026-12-30', 3)).toEqual({ day: '2027-01-04', unscheduled: true });
    expect(addWorkingDays(cal, '2026-12-21', 3)).toEqual({ day: '2026-12-24', unscheduled: false });
  });
  it('an administrator’s schedule overrides the package for its year', () => {
    const fixed = buildCalendar(packagedSchedules(), [
      { year: 2027, holidays: ['2027-01-01'], workdays: [] },
    ]);
    expect(addWorkingDays(fixed, '2026-12-31', 1)).toEqual({ day: '2027-01-04', unscheduled: false });
    const replaced = buildCalendar([NOTICE_2026], [{ year: 2026, holidays: ['2026-01-01'], workdays: [] }]);
    expect(isWorkingDay(replaced, '2026-02-16')).toBe(true);
  });
});

describe('schedule check', () => {
  it('accepts the notice', () => {
    expect(scheduleProblems(NOTICE_2026)).toEqual([]);
  });
  it.each([
    [{ year: 2027, holidays: [], workdays: [] }, 'holidays', 'HOLIDAYS_EMPTY'],
    [{ year: 1990, holidays: ['1990-01-01'], workdays: [] }, 'year', 'YEAR_INVALID'],
    [{ year: 2027, holidays: ['2027-02-30'], workdays: [] }, 'holidays.0', 'DAY_INVALID'],
    [{ year: 2027, holidays: ['2027-1-1'], workdays: [] }, 'holidays.0', 'DAY_INVALID'],
    [{ year: 2027, holidays: ['2026-12-31'], workdays: [] }, 'holidays.0', 'DAY_OUTSIDE_YEAR'],
    [{ year: 2027, holidays: ['2027-01-01', '2027-01-01'], workdays: [] }, 'holidays.1', 'DAY_DUPLICATE'],
    [{ year: 2027, holidays: ['2027-01-02'], workdays: ['2027-01-02'] }, 'workdays.0', 'DAY_IN_BOTH'],
    [{ year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-05'] }, 'workdays.0', 'WORKDAY_NOT_WEEKEND'],
  ])('%j → %s %s', (s, path, message) => {
    expect(scheduleProblems(s)).toContainEqual({ path, message });
  });
});
