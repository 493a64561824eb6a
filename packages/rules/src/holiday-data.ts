/**
 * The default holiday schedules: the chinese-days package (maintained, 2004 onwards; it agrees with
 * the State Council notices for 2024–2026 on every day). Kept out of the package index so that the
 * web bundle does not carry the data. Administrators' schedules (database) override it per year.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { YearSchedule } from './working-days.js';

let cached: YearSchedule[] | null = null;

export function packagedSchedules(): YearSchedule[] {
  if (cached) return cached;
  const byYear = new Map<number, { holidays: string[]; workdays: string[] }>();
  const year = (d: string) => {
    const y = Number(d.slice(0, 4));
    const found = byYear.get(y);
    if (found) return found;
    const fresh = { holidays: [] as string[], workdays: [] as string[] };
    byYear.set(y, fresh);
    return fresh;
  };
  for (const d of Object.keys(data.holidays)) year(d).holidays.push(d);
  for (const d of Object.keys(data.workdays)) year(d).workdays.push(d);
  cached = [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([y, s]) => ({ year: y, holidays: s.holidays.sort(), workdays: s.workdays.sort() }));
  return cached;
}
