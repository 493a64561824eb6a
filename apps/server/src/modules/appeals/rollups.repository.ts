import type { AppealChannel, AppealDashboard, AppealPeriod } from '@yingshang/contracts';
import {
  APPEAL_METRIC_PREFIX,
  APPEAL_ROLLUP_METRICS,
  type AppealRollupMetric,
  appealCells,
  parseAppealDeptMetric,
  type RollupAppeal,
} from '@yingshang/rules';
import type { Executor } from '../../db/database.js';
import { chunks } from '../../kernel/chunks.js';
import {
  daySums,
  daySumsByPath,
  idsOf,
  type MetricPick,
  type MetricSums,
  type RollupSource,
  rollupSums,
} from '../../kernel/rollups.js';
import { parentPath } from '../../lib/actor.js';
import { rankDepartments, rate } from './figures.repository.js';

async function load(db: Executor, ids: readonly string[]) {
  const out = new Map<string, RollupAppeal>();
  for (const chunk of chunks([...new Set(ids)])) {
    const rows = await db
      .selectFrom('appeals as a')
      .leftJoin('orgUnits as d', 'd.id', 'a.departmentId')
      .select([
        'a.id',
        'a.regionPath',
        'a.filedOn',
        'a.status',
        'a.channel',
        'a.category',
        'a.departmentId',
        'd.path as departmentPath',
        'a.acceptedOn',
        'a.answeredOn',
        'a.answeredOnTime',
        'a.answerWorkingDays',
        'a.rating',
        'a.reopenCount',
        'a.dueOn',
      ])
      .where('a.id', 'in', chunk)
      .execute();
    for (const { id, answeredOnTime, answerWorkingDays, reopenCount, departmentPath, ...r } of rows)
      out.set(id, {
        ...r,
        // '/…/region/department/' → '/…/region/'
        departmentRegionPath: departmentPath ? parentPath(departmentPath) : null,
        answeredOnTime: Number(answeredOnTime) === 1,
        answerWorkingDays: answerWorkingDays === null ? null : Number(answerWorkingDays),
        reopenCount: Number(reopenCount),
      });
  }
  return out;
}

/**
 * Appeals in the roll-ups (packages/rules: appealCells): the cohort of each month of filing in the
 * region and every ancestor, and what is open on each due day.
 */
export const appealRollups: RollupSource<RollupAppeal> = {
  name: 'appeals',
  load,
  cells: appealCells,
  ids: idsOf('appeals'),
};

// ---------------------------------------------------------------- the dashboard's section

type Months = { from: string; to: string };

/** The exact median of a histogram of whole days (value → count), as lib/days.ts `median` gives it. */
export function histogramMedian(buckets: readonly { value: number; count: number }[]): number | null {
  const sorted = buckets.filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((s, b) => s + b.count, 0);
  if (total === 0) return null;
  const nth = (k: number) => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.count;
      if (k < seen) return b.value;
    }
    return sorted[sorted.length - 1].value;
  };
  const mid = total >> 1;
  return total % 2 ? nth(mid) : (nth(mid - 1) + nth(mid)) / 2;
}

/** The metrics of one family ('category:', …) with a count in the months, by the rest of their name. */
function family(sums: Map<string, MetricSums>, prefix: string) {
  const out: { key: string; count: number }[] = [];
  for (const [metric, s] of sums)
    if (metric.startsWith(prefix) && s.inN > 0) out.push({ key: metric.slice(prefix.length), count: s.inN });
  // Most first, then by code as the databases order text (byte order).
  return out.sort((x, y) => y.count - x.count || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

function period(sums: Map<string, MetricSums>, answerDays: Map<string, MetricSums>): AppealPeriod {
  const n = (m: AppealRollupMetric) => sums.get(m)?.inN ?? 0;
  const accepted = n('accepted');
  const rejected = n('rejected');
  const answered = n('answered');
  return {
    received: n('received'),
    accepted,
    rejected,
    answered,
    closed: n('closed'),
    acceptRate: rate(accepted, accepted + rejected),
    onTimeRate: rate(n('onTime'), answered),
    satisfactionRate: rate(n('satisfied'), n('rated')),
    reopenRate: rate(n('reopened'), answered),
    medianAnswerWorkingDays: histogramMedian(
      family(answerDays, APPEAL_METRIC_PREFIX.answerDays).map((b) => ({
        value: Number(b.key),
        count: b.count,
      })),
    ),
  };
}

/**
 * The appeals section of the leaders' dashboard, from the roll-ups alone: the figures of appeals
 * filed in the months shown and in the same months a year earlier (as appealFigures gives them for
 * those days), what is overdue now, the region's own departments (as appealFigures ranks them), the
 * channels and categories of the months shown,
 * and per child region its appeals, on-time and satisfaction rates and overdue now.
 */
export async function appealDashboard(
  db: Executor,
  q: {
    path: string;
    children: readonly { id: string; path: string }[];
    current: Months;
    lastYear: Months;
    today: string;
  },
): Promise<AppealDashboard> {
  const childPaths = q.children.map((c) => c.path);
  // One read per family of metrics: SQLite (3.53) scans every row of the region for a filter that
  // joins several ranges (or names and a range) with OR, but seeks in the key for one of them.
  const at = async (picks: readonly MetricPick[], windows: readonly Months[]) =>
    (await rollupSums(db, 'appeals', [q.path], picks, windows)).map((w) => w.get(q.path) ?? new Map());
  const { answerDays, category, channel, dept, deptDue } = APPEAL_METRIC_PREFIX;
  const [
    [totals, lastTotals],
    [days, lastDays],
    [categories],
    [channels],
    [depts],
    [children],
    overdue,
    deptOverdue,
  ] = await Promise.all([
    at(APPEAL_ROLLUP_METRICS, [q.current, q.lastYear]),
    at([{ prefix: answerDays }], [q.current, q.lastYear]),
    at([{ prefix: category }], [q.current]),
    at([{ prefix: channel }], [q.current]),
    at([{ prefix: dept }], [q.current]),
    rollupSums(
      db,
      'appeals',
      childPaths,
      ['received', 'answered', 'onTime', 'rated', 'satisfied'],
      [q.current],
    ),
    daySums(db, 'appeals', q.path, ['openDue'], q.today),
    daySums(db, 'appeals', q.path, [{ prefix: deptDue }], q.today),
  ]);
  const childOverdue = await daySumsByPath(db, 'appeals', childPaths, ['openDue'], q.today);

  const byDept = new Map<string, Record<string, number>>();
  for (const [metric, s] of depts) {
    const m = parseAppealDeptMetric(metric);
    if (!m) continue;
    const d = byDept.get(m.departmentId) ?? {};
    d[m.metric] = s.inN;
    byDept.set(m.departmentId, d);
  }
  const ids = [...byDept].filter(([, d]) => (d.assigned ?? 0) > 0).map(([id]) => id);
  const names = new Map(
    ids.length
      ? (await db.selectFrom('orgUnits').select(['id', 'name']).where('id', 'in', ids).execute()).map((u) => [
          u.id,
          u.name,
        ])
      : [],
  );

  return {
    current: period(totals, days),
    lastYear: period(lastTotals, lastDays),
    overdueNow: overdue.get('openDue') ?? 0,
    departments: ids
      .filter((id) => names.has(id))
      .map((id) => {
        const d = byDept.get(id)!;
        const answered = d.answered ?? 0;
        return {
          departmentId: id,
          departmentName: names.get(id)!,
          assigned: d.assigned ?? 0,
          answered,
          onTimeRate: rate(d.onTime ?? 0, answered),
          satisfactionRate: rate(d.satisfied ?? 0, d.rated ?? 0),
          overdueNow: deptOverdue.get(`${deptDue}${id}`) ?? 0,
        };
      })
      .sort(rankDepartments),
    channels: family(channels, channel).map((c) => ({
      channel: c.key as AppealChannel,
      count: c.count,
    })),
    categories: family(categories, category)
      .slice(0, 10)
      .map((c) => ({ category: c.key, count: c.count })),
    byRegion: q.children.map((c) => {
      const s = children.get(c.path);
      const n = (m: AppealRollupMetric) => s?.get(m)?.inN ?? 0;
      return {
        id: c.id,
        received: n('received'),
        onTimeRate: rate(n('onTime'), n('answered')),
        satisfactionRate: rate(n('satisfied'), n('rated')),
        overdueNow: childOverdue.get(c.path)?.get('openDue') ?? 0,
      };
    }),
  };
}
