import { APPEAL_OPEN_STATUSES } from '@yingshang/contracts';
import { type SelectQueryBuilder, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import { median } from '../../lib/days.js';
import type { AppealReader } from './appeals.repository.js';

type Q = SelectQueryBuilder<Database & { a: Database['appeals'] }, 'a', object>;

/** A rate to three decimals (null when nothing to divide by): the figures' and the dashboard's. */
export const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 1000 : null);

/**
 * Departments ranked by on-time rate, then satisfaction, then appeals assigned, then name (and id,
 * so that two units of one name keep one order whatever order they were read in).
 */
export const rankDepartments = <
  T extends {
    departmentId: string;
    departmentName: string;
    assigned: number;
    onTimeRate: number | null;
    satisfactionRate: number | null;
  },
>(
  x: T,
  y: T,
) =>
  (y.onTimeRate ?? -1) - (x.onTimeRate ?? -1) ||
  (y.satisfactionRate ?? -1) - (x.satisfactionRate ?? -1) ||
  y.assigned - x.assigned ||
  x.departmentName.localeCompare(y.departmentName, 'zh-CN') ||
  (x.departmentId < y.departmentId ? -1 : x.departmentId > y.departmentId ? 1 : 0);
const num = (v: unknown) => Number(v ?? 0);

/**
 * Appeal figures for appeals filed in a period, inside an area (or of one department):
 * 受理率 = accepted ÷ (accepted + not accepted); 按时办结率 = answered within the running answer
 * deadline ÷ answered; 满意率 = 满意 + 基本满意 ÷ rated; 重办率 = reopened ÷ answered;
 * median working days from acceptance to the first answer; overdue now (whenever filed);
 * departments ranked by on-time rate, then satisfaction; the most frequent categories and channels.
 */
export async function appealFigures(
  db: Executor,
  dialect: Dialect,
  f: {
    reader: AppealReader;
    regionPath?: string;
    departmentId?: string;
    from: string;
    to: string;
    today: string;
  },
) {
  const scoped = (q: Q): Q => {
    let s = q;
    const r = f.reader;
    if (r.kind === 'region') s = s.where(({ ref }) => dialect.under(ref('a.regionPath'), r.path));
    else if (r.kind === 'department') s = s.where('a.departmentId', '=', r.unitId);
    else s = s.where('a.enterpriseId', '=', r.unitId);
    if (f.regionPath) s = s.where(({ ref }) => dialect.under(ref('a.regionPath'), f.regionPath!));
    if (f.departmentId) s = s.where('a.departmentId', '=', f.departmentId);
    return s;
  };
  const period = (q: Q): Q => scoped(q).where('a.filedOn', '>=', f.from).where('a.filedOn', '<=', f.to);
  const all = () => db.selectFrom('appeals as a') as unknown as Q;
  const flag = (cond: ReturnType<typeof sql>) => sql<number>`sum(case when ${cond} then 1 else 0 end)`;

  const totals = await period(all())
    .select([
      sql<number>`count(*)`.as('received'),
      flag(sql`a.accepted_on is not null`).as('accepted'),
      flag(sql`a.status = 'rejected'`).as('rejected'),
      flag(sql`a.answered_on is not null`).as('answered'),
      flag(sql`a.status = 'closed'`).as('closed'),
      flag(sql`a.answered_on_time = 1`).as('onTime'),
      flag(sql`a.rating is not null`).as('rated'),
      flag(sql`a.rating in ('satisfied', 'basically_satisfied')`).as('satisfied'),
      flag(sql`a.reopen_count > 0 and a.answered_on is not null`).as('reopened'),
    ])
    .executeTakeFirstOrThrow();
  const t = totals as unknown as Record<string, unknown>;
  const days = await period(all())
    .select('a.answerWorkingDays as d')
    .where('a.answerWorkingDays', 'is not', null)
    .execute();
  const overdue = await scoped(all())
    .select(sql<number>`count(*)`.as('n'))
    .where('a.status', 'in', APPEAL_OPEN_STATUSES)
    .where('a.dueOn', '<', f.today)
    .executeTakeFirstOrThrow();

  const depts = await period(all())
    .innerJoin('orgUnits as d', 'd.id', 'a.departmentId')
    .select([
      'a.departmentId as departmentId',
      'd.name as departmentName',
      sql<number>`count(*)`.as('assigned'),
      flag(sql`a.answered_on is not null`).as('answered'),
      flag(sql`a.answered_on_time = 1`).as('onTime'),
      flag(sql`a.rating is not null`).as('rated'),
      flag(sql`a.rating in ('satisfied', 'basically_satisfied')`).as('satisfied'),
    ])
    .groupBy(['a.departmentId', 'd.name'])
    .execute();
  const deptOverdue = await scoped(all())
    .select(['a.departmentId as departmentId', sql<number>`count(*)`.as('n')])
    .where('a.departmentId', 'is not', null)
    .where('a.status', 'in', APPEAL_OPEN_STATUSES)
    .where('a.dueOn', '<', f.today)
    .groupBy('a.departmentId')
    .execute();
  const overdueBy = new Map(deptOverdue.map((r) => [r.departmentId as string, num(r.n)]));
  const categories = await period(all())
    .select(['a.category as category', sql<number>`count(*)`.as('count')])
    .groupBy('a.category')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('a.category')
    .limit(10)
    .execute();
  const channels = await period(all())
    .select(['a.channel as channel', sql<number>`count(*)`.as('count')])
    .groupBy('a.channel')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('a.channel')
    .execute();

  const accepted = num(t.accepted);
  const rejected = num(t.rejected);
  const answered = num(t.answered);
  return {
    from: f.from,
    to: f.to,
    received: num(t.received),
    accepted,
    rejected,
    answered,
    closed: num(t.closed),
    acceptRate: rate(accepted, accepted + rejected),
    onTimeRate: rate(num(t.onTime), answered),
    satisfactionRate: rate(num(t.satisfied), num(t.rated)),
    reopenRate: rate(num(t.reopened), answered),
    medianAnswerWorkingDays: median(days.map((r) => num(r.d))),
    overdueNow: num(overdue.n),
    departments: depts
      .map((d) => ({
        departmentId: d.departmentId as string,
        departmentName: d.departmentName,
        assigned: num(d.assigned),
        answered: num(d.answered),
        onTimeRate: rate(num(d.onTime), num(d.answered)),
        satisfactionRate: rate(num(d.satisfied), num(d.rated)),
        overdueNow: overdueBy.get(d.departmentId as string) ?? 0,
      }))
      .sort(rankDepartments),
    categories: categories.map((c) => ({ category: c.category, count: num(c.count) })),
    channels: channels.map((c) => ({ channel: c.channel as never, count: num(c.count) })),
  };
}
