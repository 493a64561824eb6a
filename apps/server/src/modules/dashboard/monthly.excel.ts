import type { MonthlyReport } from '@yingshang/contracts';
import { ledgerWorkbook, sheetWan } from '../../kernel/xlsx.js';
import { beijingToday } from '../../lib/days.js';

/** An ISO timestamp as Beijing time, minutes (YYYY-MM-DD HH:mm). */
const beijingTime = (at: string) =>
  new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

const FIGURE = {
  signedCount: '签约（个）',
  signedInvestmentFen: '签约额（万元）',
  startedCount: '开工（个）',
  fundsFen: '到位资金（万元）',
} as const;

/** done / target as a ratio the sheet shows as a percentage; empty without a target. */
const share = (done: number, target: number | undefined) => (target ? done / target : null);
/** The change against last year as a ratio; empty when last year had nothing. */
const change = (cur: number, last: number) => (last === 0 ? null : (cur - last) / last);

/**
 * 招商引资月报 as a workbook: the region's 合计 row first, then its cities (or counties and zones);
 * the month, the year to date with 同比, and the annual target's completion — the page's table.
 */
export async function monthlyWorkbook(report: MonthlyReport) {
  const region = report.rows[0]?.name ?? '';
  const revised = report.revisions.length > 0 ? `，结账后修订 ${report.revisions.length} 处` : '';
  const body = await ledgerWorkbook({
    sheet: '月报',
    title: `${region}招商引资月报（${report.month}，导出日期 ${beijingToday()}${revised}）`,
    notes: report.revisions.map(
      (r) =>
        `修订：${beijingTime(r.at)} ${r.actorName} ${r.summary} ${FIGURE[r.figure]} ${
          r.figure.endsWith('Fen') ? `${r.old / 1_000_000} → ${r.new / 1_000_000}` : `${r.old} → ${r.new}`
        }`,
    ),
    columns: [
      { header: '地区', key: 'name', width: 18 },
      { header: '本月签约（个）', key: 'mSigned', width: 14 },
      { header: '本月签约额（万元）', key: 'mInvestment', width: 18, format: 'wan' },
      { header: '本月开工（个）', key: 'mStarted', width: 14 },
      { header: '本月到位资金（万元）', key: 'mFunds', width: 20, format: 'wan' },
      { header: '累计签约（个）', key: 'ySigned', width: 14 },
      { header: '累计签约额（万元）', key: 'yInvestment', width: 18, format: 'wan' },
      { header: '签约额同比', key: 'yoy', width: 12, format: 'percent' },
      { header: '累计到位资金（万元）', key: 'yFunds', width: 20, format: 'wan' },
      { header: '目标签约额（万元）', key: 'tInvestment', width: 18, format: 'wan' },
      { header: '签约额完成', key: 'cInvestment', width: 12, format: 'percent' },
      { header: '项目数完成', key: 'cCount', width: 12, format: 'percent' },
      { header: '到位资金完成', key: 'cFunds', width: 12, format: 'percent' },
    ],
    rows: report.rows.map((r, i) => ({
      name: i === 0 ? `${r.name}（合计）` : r.name,
      mSigned: r.month.signedCount,
      mInvestment: sheetWan(r.month.signedInvestmentFen),
      mStarted: r.month.startedCount,
      mFunds: sheetWan(r.month.fundsFen),
      ySigned: r.yearToDate.signedCount,
      yInvestment: sheetWan(r.yearToDate.signedInvestmentFen),
      yoy: change(r.yearToDate.signedInvestmentFen, r.lastYearToDate.signedInvestmentFen),
      yFunds: sheetWan(r.yearToDate.fundsFen),
      tInvestment: r.target ? sheetWan(r.target.signedInvestmentFen) : null,
      cInvestment: share(r.yearToDate.signedInvestmentFen, r.target?.signedInvestmentFen),
      cCount: share(r.yearToDate.signedCount, r.target?.signedCount),
      cFunds: share(r.yearToDate.fundsFen, r.target?.fundsFen),
    })),
  });
  return { fileName: `${region}招商引资月报-${report.month}.xlsx`, body };
}
