import { scheduleProblems, type YearSchedule } from '@yingshang/rules';
import { packagedSchedules } from '@yingshang/rules/holiday-data';
import type { Executor } from '../../db/database.js';
import { recordAudit } from '../../kernel/audit.js';
import type { Actor } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { now } from '../../lib/ids.js';

/** Every year from `from` on that has a schedule (package or administrator), and which years lack one. */
export async function holidayYears(db: Executor, from: string | number, thisYear: number) {
  const fromYear = Number(from);
  const rows = await db
    .selectFrom('holidaySchedules as h')
    .leftJoin('users as u', 'u.id', 'h.updatedBy')
    .select([
      'h.year',
      'h.holidays',
      'h.workdays',
      'h.note',
      'h.updatedAt',
      'h.version',
      'u.displayName as updatedByName',
    ])
    .where('h.year', '>=', fromYear)
    .execute();
  const byYear = new Map<number, ReturnType<typeof fromPackage>>();
  for (const s of packagedSchedules()) if (s.year >= fromYear) byYear.set(s.year, fromPackage(s));
  for (const r of rows) {
    byYear.set(Number(r.year), {
      year: Number(r.year),
      source: 'admin',
      holidays: JSON.parse(r.holidays),
      workdays: JSON.parse(r.workdays),
      note: r.note,
      updatedAt: r.updatedAt,
      updatedBy: r.updatedByName ?? null,
      version: r.version,
    });
  }
  const years = [...byYear.values()].sort((a, b) => a.year - b.year);
  const missingYears = [thisYear, thisYear + 1].filter((y) => y >= fromYear && !byYear.has(y));
  return { years, missingYears };
}

function fromPackage(s: YearSchedule) {
  return {
    year: s.year,
    source: 'package' as 'package' | 'admin',
    holidays: [...s.holidays],
    workdays: [...s.workdays],
    note: null as string | null,
    updatedAt: null as string | null,
    updatedBy: null as string | null,
    version: null as number | null,
  };
}

/** Enters or corrects one year's schedule (validated as a whole; nothing written when malformed). */
export async function putHolidayYear(
  trx: Executor,
  actor: Actor,
  year: number,
  input: { holidays: string[]; workdays: string[]; note?: string | null; version?: number | null },
) {
  const schedule = {
    year,
    holidays: [...input.holidays].sort(),
    workdays: [...input.workdays].sort(),
  };
  const problems = scheduleProblems({ ...schedule, holidays: input.holidays, workdays: input.workdays });
  if (problems.length > 0) fail('HOLIDAY_SCHEDULE_INVALID', problems);
  const existing = await trx
    .selectFrom('holidaySchedules')
    .selectAll()
    .where('year', '=', year)
    .executeTakeFirst();
  const at = now();
  const values = {
    holidays: JSON.stringify(schedule.holidays),
    workdays: JSON.stringify(schedule.workdays),
    note: input.note ?? null,
    updatedBy: actor.userId,
    updatedAt: at,
  };
  if (existing) {
    if (input.version == null || input.version !== existing.version) fail('VERSION_CONFLICT');
    const r = await trx
      .updateTable('holidaySchedules')
      .set({ ...values, version: existing.version + 1 })
      .where('year', '=', year)
      .where('version', '=', existing.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) fail('VERSION_CONFLICT');
  } else {
    if (input.version != null) fail('VERSION_CONFLICT');
    await trx
      .insertInto('holidaySchedules')
      .values({ year, ...values, createdAt: at })
      .execute();
  }
  await recordAudit(trx, actor, {
    action: existing ? 'update' : 'create',
    entity: 'holiday_schedule',
    entityId: String(year),
    scopePath: actor.orgUnit.path,
    summary: `${year}`,
    before: existing
      ? { holidays: JSON.parse(existing.holidays), workdays: JSON.parse(existing.workdays) }
      : null,
    after: { holidays: schedule.holidays, workdays: schedule.workdays, note: values.note },
  });
}
