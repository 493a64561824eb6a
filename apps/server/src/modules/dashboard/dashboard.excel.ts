import { type Dashboard, type Locale, type PipelinePeriod, PROJECT_STATUSES } from '@yingshang/contracts';
import ExcelJS from 'exceljs';

const YI = 10_000_000_000; // fen in 1 亿元
const yi = (fen: number) => Math.round((fen / YI) * 10000) / 10000;
const change = (cur: number | null, last: number | null) =>
  cur === null || last === null || last === 0 ? null : (cur - last) / last;

const LABELS = {
  'zh-CN': {
    sheets: ['概览', '各阶段', '逐月', '地区排名'],
    title: (d: Dashboard) => `${d.region.name}招商引资情况（${d.period.from} 至 ${d.period.to}）`,
    overview: ['指标', '本期', '上年同期', '同比'],
    stages: ['阶段', '项目数（期末）', '总投资（亿元）', '上年同期项目数', '上年同期总投资（亿元）'],
    trend: [
      '月份',
      '新签约项目（个）',
      '签约投资（亿元）',
      '上年同月签约（个）',
      '新开工（个）',
      '新投产（个）',
      '到位资金（亿元）',
    ],
    ranking: [
      '名次',
      '地区',
      '新签约（个）',
      '签约投资（亿元）',
      '上年同期签约投资（亿元）',
      '开工率',
      '投产率',
      '资金到位率',
    ],
    status: {
      lead: '线索',
      negotiating: '在谈',
      signed: '签约',
      started: '开工',
      producing: '投产',
      terminated: '终止',
    },
    rows: {
      newlySigned: '新签约项目（个）',
      newlySignedFen: '新签约总投资（亿元）',
      newlyStarted: '新开工项目（个）',
      newlyProducing: '新投产项目（个）',
      negotiating: '在谈项目（期末，个）',
      signedTotal: '累计签约项目（个）',
      startRate: '开工率',
      productionRate: '投产率',
      fundsInPlaceRate: '资金到位率',
      fulfilmentRate: '承诺兑现率',
      signToStart: '平均签约至开工（天）',
      signToProduction: '平均签约至投产（天）',
      stalled: '停滞项目（当前，个）',
      blocked: '要素受阻项目（当前，个）',
    },
  },
  'en-US': {
    sheets: ['Overview', 'Stages', 'Months', 'Regions'],
    title: (d: Dashboard) => `Investment promotion · ${d.region.name} · ${d.period.from} to ${d.period.to}`,
    overview: ['Figure', 'This period', 'Same months last year', 'Change'],
    stages: [
      'Stage',
      'Projects (end)',
      'Investment (100M CNY)',
      'Projects last year',
      'Investment last year',
    ],
    trend: [
      'Month',
      'New signings',
      'Investment signed (100M CNY)',
      'Signings same month last year',
      'Starts',
      'Into production',
      'Funds arrived (100M CNY)',
    ],
    ranking: [
      'Rank',
      'Region',
      'New signings',
      'Investment signed (100M CNY)',
      'Last year (100M CNY)',
      'Start rate',
      'Production rate',
      'Funds in place',
    ],
    status: {
      lead: 'Lead',
      negotiating: 'Negotiating',
      signed: 'Signed',
      started: 'Started',
      producing: 'Producing',
      terminated: 'Terminated',
    },
    rows: {
      newlySigned: 'New signings',
      newlySignedFen: 'Investment signed (100M CNY)',
      newlyStarted: 'Construction starts',
      newlyProducing: 'Into production',
      negotiating: 'Under negotiation (end)',
      signedTotal: 'Signed in all',
      startRate: 'Start rate',
      productionRate: 'Production rate',
      fundsInPlaceRate: 'Funds in place',
      fulfilmentRate: 'Promises kept',
      signToStart: 'Mean days signing → start',
      signToProduction: 'Mean days signing → production',
      stalled: 'Stalled now',
      blocked: 'Blocked now',
    },
  },
} as const;

/** The dashboard as a workbook, one sheet per section, in the reader's language. */
export async function dashboardWorkbook(d: Dashboard, locale: Locale): Promise<Buffer> {
  const L = LABELS[locale];
  const wb = new ExcelJS.Workbook();
  wb.creator = '营商通';
  const header = (ws: ExcelJS.Worksheet, titles: readonly string[], widths: number[]) => {
    ws.addRow([L.title(d)]).font = { bold: true, size: 13 };
    ws.addRow([]);
    const row = ws.addRow([...titles]);
    row.font = { bold: true };
    row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F5FF' } };
    widths.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
  };
  const percent = (ws: ExcelJS.Worksheet, cols: number[]) => {
    for (const c of cols) ws.getColumn(c).numFmt = '0.0%';
  };

  const cur = d.pipeline.current;
  const ly = d.pipeline.lastYear;
  const stage = (p: PipelinePeriod, s: string) =>
    p.byStatus.find((b) => b.status === s) ?? { count: 0, investmentFen: 0 };

  const overview = wb.addWorksheet(L.sheets[0]);
  header(overview, L.overview, [30, 16, 16, 12]);
  const line = (label: string, a: number | null, b: number | null, format?: string) => {
    const row = overview.addRow([label, a, b, change(a, b)]);
    if (format) {
      row.getCell(2).numFmt = format;
      row.getCell(3).numFmt = format;
    }
    row.getCell(4).numFmt = '+0.0%;-0.0%;0.0%';
  };
  line(L.rows.newlySigned, cur.newlySigned.count, ly.newlySigned.count);
  line(
    L.rows.newlySignedFen,
    yi(cur.newlySigned.investmentFen),
    yi(ly.newlySigned.investmentFen),
    '#,##0.00',
  );
  line(L.rows.newlyStarted, cur.newlyStarted.count, ly.newlyStarted.count);
  line(L.rows.newlyProducing, cur.newlyProducing.count, ly.newlyProducing.count);
  line(L.rows.negotiating, stage(cur, 'negotiating').count, stage(ly, 'negotiating').count);
  line(L.rows.signedTotal, cur.signedTotal, ly.signedTotal);
  line(L.rows.startRate, cur.startRate, ly.startRate, '0.0%');
  line(L.rows.productionRate, cur.productionRate, ly.productionRate, '0.0%');
  line(L.rows.fundsInPlaceRate, cur.fundsInPlaceRate, ly.fundsInPlaceRate, '0.0%');
  line(L.rows.fulfilmentRate, cur.fulfilmentRate, ly.fulfilmentRate, '0.0%');
  line(L.rows.signToStart, cur.averageDays.signToStart, ly.averageDays.signToStart);
  line(L.rows.signToProduction, cur.averageDays.signToProduction, ly.averageDays.signToProduction);
  overview.addRow([L.rows.stalled, d.pipeline.now.stalled]);
  overview.addRow([L.rows.blocked, d.pipeline.now.blocked]);

  const stages = wb.addWorksheet(L.sheets[1]);
  header(stages, L.stages, [14, 16, 18, 18, 22]);
  for (const s of PROJECT_STATUSES) {
    const [a, b] = [stage(cur, s), stage(ly, s)];
    stages.addRow([L.status[s], a.count, yi(a.investmentFen), b.count, yi(b.investmentFen)]);
  }
  for (const c of [3, 5]) stages.getColumn(c).numFmt = '#,##0.00';

  const trend = wb.addWorksheet(L.sheets[2]);
  header(trend, L.trend, [12, 16, 18, 18, 14, 14, 18]);
  for (const m of d.pipeline.trend)
    trend.addRow([
      m.month,
      m.signed.count,
      yi(m.signed.investmentFen),
      m.lastYearSigned.count,
      m.started,
      m.producing,
      yi(m.fundsFen),
    ]);
  for (const c of [3, 7]) trend.getColumn(c).numFmt = '#,##0.00';

  const regions = wb.addWorksheet(L.sheets[3]);
  header(regions, L.ranking, [8, 20, 14, 18, 22, 12, 12, 14]);
  const ranked = [...d.pipeline.byRegion].sort(
    (a, b) => b.current.newlySigned.investmentFen - a.current.newlySigned.investmentFen,
  );
  for (const [i, r] of ranked.entries())
    regions.addRow([
      i + 1,
      r.name,
      r.current.newlySigned.count,
      yi(r.current.newlySigned.investmentFen),
      yi(r.lastYearSigned.investmentFen),
      r.current.startRate,
      r.current.productionRate,
      r.current.fundsInPlaceRate,
    ]);
  for (const c of [4, 5]) regions.getColumn(c).numFmt = '#,##0.00';
  percent(regions, [6, 7, 8]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
