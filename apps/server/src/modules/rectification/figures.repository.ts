import type { CampaignFigures } from '@yingshang/contracts';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { addDays, daysBetween } from '../../lib/days.js';
import { beijingDay } from '../../lib/ids.js';
import { campaignProblems, filteredTasks } from './rectification.repository.js';

interface Row {
  id: string;
  code: string;
  issue: string;
  problemId: string;
  leadOrgId: string;
  leadOrgName: string;
  status: string;
  deadlineOn: string;
  closedOn: string | null;
  createdAt: string;
}

function completion(rows: Row[], today: string) {
  const closed = rows.filter((r) => r.status === 'closed');
  const onTime = closed.filter((r) => r.closedOn! <= r.deadlineOn);
  const overdue = rows.filter((r) => r.status !== 'closed' && r.deadlineOn < today);
  return {
    total: rows.length,
    closed: closed.length,
    closedOnTime: onTime.length,
    overdue: overdue.length,
    completionRate: rows.length ? closed.length / rows.length : null,
    onTimeRate: closed.length ? onTime.length / closed.length : null,
  };
}

/** Up to this many points on the burn-down line: daily for short campaigns, coarser for long ones. */
const BURN_POINTS = 120;

/**
 * Completion of a campaign's tasks in a scope (the tasks with a unit or zone in it): by problem, lead
 * unit (ranked) and zone; overdue tasks, most overdue first; and the burn-down of open tasks from the
 * start towards the deadline against the ideal straight line.
 */
export async function campaignFigures(
  db: Executor,
  dialect: Dialect,
  f: { campaignId: string; startOn: string; deadlineOn: string; scope: string; today: string },
): Promise<CampaignFigures> {
  const rows = (await filteredTasks(db, dialect, { scope: f.scope, today: f.today, campaignId: f.campaignId })
    .innerJoin('orgUnits as lo', 'lo.id', 't.leadOrgId')
    .select([
      't.id',
      't.code',
      't.issue',
      't.problemId',
      't.leadOrgId',
      'lo.name as leadOrgName',
      't.status',
      't.deadlineOn',
      't.closedOn',
      't.createdAt',
    ])
    .execute()) as Row[];
  const zones =
    rows.length === 0
      ? []
      : await db
          .selectFrom('rectificationTaskUnits as u')
          .innerJoin('orgUnits as o', 'o.id', 'u.orgId')
          .innerJoin('rectificationTasks as t', 't.id', 'u.taskId')
          .select(['u.taskId', 'u.orgId', 'o.name'])
          .where('t.campaignId', '=', f.campaignId)
          .where('u.role', '=', 'zone')
          .where(({ ref }) => dialect.under(ref('u.orgPath'), f.scope))
          .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const problems = await campaignProblems(db, f.campaignId);

  const totals = completion(rows, f.today);
  const overdueTasks = rows
    .filter((r) => r.status !== 'closed' && r.deadlineOn < f.today)
    .map((r) => ({
      id: r.id,
      code: r.code,
      issue: r.issue,
      leadOrgName: r.leadOrgName,
      deadlineOn: r.deadlineOn,
      daysOverdue: daysBetween(r.deadlineOn, f.today),
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.code.localeCompare(b.code));

  const units = new Map<string, { name: string; rows: Row[] }>();
  for (const r of rows) {
    const u = units.get(r.leadOrgId) ?? { name: r.leadOrgName, rows: [] };
    u.rows.push(r);
    units.set(r.leadOrgId, u);
  }
  const byUnit = [...units.entries()]
    .map(([orgId, u]) => ({ orgId, name: u.name, ...completion(u.rows, f.today) }))
    .sort(
      (a, b) =>
        (b.completionRate ?? 0) - (a.completionRate ?? 0) ||
        (b.onTimeRate ?? 0) - (a.onTimeRate ?? 0) ||
        a.overdue - b.overdue ||
        a.name.localeCompare(b.name, 'zh'),
    )
    .map((u, i) => ({ ...u, rank: i + 1 }));

  const zoneMap = new Map<string, { name: string; rows: Row[] }>();
  for (const z of zones) {
    const r = byId.get(z.taskId);
    if (!r) continue;
    const e = zoneMap.get(z.orgId) ?? { name: z.name, rows: [] };
    e.rows.push(r);
    zoneMap.set(z.orgId, e);
  }
  const byZone = [...zoneMap.entries()]
    .map(([orgId, z]) => ({ orgId, name: z.name, ...completion(z.rows, f.today) }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh'));

  // Burn-down: open tasks at the end of each day from the start to min(today, deadline).
  const last = [f.today, f.deadlineOn].sort()[0];
  const span = Math.max(0, daysBetween(f.startOn, f.deadlineOn));
  const shown = Math.max(0, daysBetween(f.startOn, last));
  const step = Math.max(1, Math.ceil(shown / BURN_POINTS));
  const burnDown: CampaignFigures['burnDown'] = [];
  const created = rows.map((r) => ({ on: beijingDay(r.createdAt), closedOn: r.closedOn }));
  for (let d = 0; d <= shown; d += step) {
    const day = addDays(f.startOn, d);
    const remaining = created.filter((c) => c.on <= day && !(c.closedOn && c.closedOn <= day)).length;
    burnDown.push({ day, remaining, ideal: 0 });
  }
  if (shown >= 0 && burnDown.at(-1)?.day !== last && last >= f.startOn) {
    const remaining = created.filter((c) => c.on <= last && !(c.closedOn && c.closedOn <= last)).length;
    burnDown.push({ day: last, remaining, ideal: 0 });
  }
  // The ideal line falls from all tasks at the start to none on the deadline.
  for (const p of burnDown) {
    const left = span === 0 ? 0 : Math.max(0, daysBetween(p.day, f.deadlineOn)) / span;
    p.ideal = Math.round(rows.length * left * 10) / 10;
  }

  return {
    today: f.today,
    totals: { ...totals, daysOverdue: overdueTasks.reduce((s, t) => s + t.daysOverdue, 0) },
    byProblem: problems.map((p) => ({
      problemId: p.id,
      seq: p.seq,
      name: p.name,
      ...completion(
        rows.filter((r) => r.problemId === p.id),
        f.today,
      ),
    })),
    byUnit,
    byZone,
    overdueTasks: overdueTasks.slice(0, 50),
    burnDown,
  };
}
