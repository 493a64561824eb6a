import { type Dashboard, type Locale, type PipelinePeriod, PROJECT_STATUSES } from '@yingshang/contracts';
import { industrySectionName, ORIGIN_GROUPS } from '@yingshang/rules';
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
      promisesOverdue: '逾期未兑现承诺（当前，项）',
    },
    mix: {
      sheet: '行业与来源',
      industry: '行业门类',
      origin: '投资方来源地',
      cols: ['新签约（个）', '签约投资（亿元）'],
    },
    activities: {
      sheet: '招商活动',
      activities: '招商活动（场）',
      trips: '主要领导外出招商（次）',
      days: '外出天数',
      signings: '活动签约项目（个）',
      signedFen: '活动签约额（亿元）',
      startedFen: '其中已开工（亿元）',
      landedFen: '其中资金到位（亿元）',
      landedRate: '签约资金到位率',
      regions: [
        '地区',
        '活动（场）',
        '主要领导外出（次）',
        '签约项目（个）',
        '签约额（亿元）',
        '到位（亿元）',
      ],
    },
    appeals: {
      sheet: '企业诉求',
      received: '收到诉求（件）',
      accepted: '受理（件）',
      answered: '答复（件）',
      closed: '办结（件）',
      acceptRate: '受理率',
      onTimeRate: '按时办结率',
      satisfactionRate: '满意率',
      reopenRate: '重办率',
      median: '答复用时中位数（工作日）',
      overdue: '当前逾期（件）',
      departments: ['本级部门', '交办（件）', '答复（件）', '按时办结率', '满意率', '当前逾期（件）'],
    },
    incentives: {
      sheet: '政策兑现',
      applications: '申请（件）',
      appliedFen: '申报金额（亿元）',
      approved: '核定（件）',
      approvedFen: '核定奖励（亿元）',
      paidFen: '已兑付（亿元）',
      median: '申请至兑付中位数（天）',
      overdueReviews: '逾期未审（件）',
      overdueRewards: '逾期未兑付奖励（件）',
    },
    rectification: {
      sheet: '整改台账',
      campaign: '整改行动',
      total: '整改任务（项）',
      completed: '已销号（项）',
      completionRate: '销号率',
      overdue: '逾期任务（项）',
      arrears: '拖欠账款余额（亿元）',
      problems: ['序号', '问题', '任务（项）', '已销号（项）', '销号率'],
      units: ['名次', '牵头单位', '任务（项）', '已销号（项）', '销号率', '逾期（项）'],
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
      promisesOverdue: 'Promises overdue now',
    },
    mix: {
      sheet: 'Industries and origins',
      industry: 'Industry section',
      origin: 'Investors from',
      cols: ['New signings', 'Investment signed (100M CNY)'],
    },
    activities: {
      sheet: 'Activities',
      activities: 'Activities',
      trips: 'Outbound trips by main leaders',
      days: 'Days away',
      signings: 'Projects signed at activities',
      signedFen: 'Signed at activities (100M CNY)',
      startedFen: 'of which started (100M CNY)',
      landedFen: 'of which funds in place (100M CNY)',
      landedRate: 'Landed rate',
      regions: [
        'Region',
        'Activities',
        'Main-leader trips',
        'Signings',
        'Signed (100M CNY)',
        'In place (100M CNY)',
      ],
    },
    appeals: {
      sheet: 'Appeals',
      received: 'Received',
      accepted: 'Accepted',
      answered: 'Answered',
      closed: 'Closed',
      acceptRate: 'Acceptance rate',
      onTimeRate: 'On-time rate',
      satisfactionRate: 'Satisfaction rate',
      reopenRate: 'Reopened rate',
      median: 'Median working days to answer',
      overdue: 'Overdue now',
      departments: ['Department', 'Assigned', 'Answered', 'On-time rate', 'Satisfaction', 'Overdue now'],
    },
    incentives: {
      sheet: 'Incentives',
      applications: 'Applications',
      appliedFen: 'Applied for (100M CNY)',
      approved: 'Approved',
      approvedFen: 'Approved (100M CNY)',
      paidFen: 'Paid (100M CNY)',
      median: 'Median days to payment',
      overdueReviews: 'Reviews overdue now',
      overdueRewards: 'Rewards overdue for payment',
    },
    rectification: {
      sheet: 'Rectification',
      campaign: 'Campaign',
      total: 'Tasks',
      completed: 'Closed',
      completionRate: 'Closure rate',
      overdue: 'Overdue tasks',
      arrears: 'Arrears outstanding (100M CNY)',
      problems: ['No.', 'Problem', 'Tasks', 'Closed', 'Closure rate'],
      units: ['Rank', 'Lead unit', 'Tasks', 'Closed', 'Closure rate', 'Overdue'],
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

  /** A sheet of figures: this period, the same months last year and the change. */
  const figures = (name: string) => {
    const ws = wb.addWorksheet(name);
    header(ws, L.overview, [34, 16, 16, 12]);
    const line = (label: string, a: number | null, b?: number | null, format?: string) => {
      const row = ws.addRow(b === undefined ? [label, a] : [label, a, b, change(a, b)]);
      if (format) {
        row.getCell(2).numFmt = format;
        row.getCell(3).numFmt = format;
      }
      row.getCell(4).numFmt = '+0.0%;-0.0%;0.0%';
    };
    /** A table under the figures. */
    const table = (
      titles: readonly string[],
      rows: (string | number | null)[][],
      formats: Record<number, string>,
    ) => {
      ws.addRow([]);
      const h = ws.addRow([...titles]);
      h.font = { bold: true };
      for (const r of rows) {
        const row = ws.addRow(r);
        for (const [c, f] of Object.entries(formats)) row.getCell(Number(c)).numFmt = f;
      }
    };
    return { ws, line, table };
  };
  const MONEY = '#,##0.00';
  const PCT = '0.0%';

  const { line } = figures(L.sheets[0]);
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
  line(L.rows.stalled, d.pipeline.now.stalled);
  line(L.rows.blocked, d.pipeline.now.blocked);
  line(L.rows.promisesOverdue, d.pipeline.now.promisesOverdue);

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

  const mix = wb.addWorksheet(L.mix.sheet);
  header(mix, [L.mix.industry, ...L.mix.cols], [40, 14, 22]);
  for (const r of d.pipeline.byIndustry)
    mix.addRow([`${r.key} ${industrySectionName(r.key, locale)}`, r.count, yi(r.investmentFen)]);
  mix.addRow([]);
  mix.addRow([L.mix.origin, ...L.mix.cols]).font = { bold: true };
  const origin = (key: string) => {
    const g = ORIGIN_GROUPS.find((o) => o.key === key);
    return g ? (locale === 'en-US' ? g.en : g.zh) : key;
  };
  for (const r of d.pipeline.byOrigin) mix.addRow([origin(r.key), r.count, yi(r.investmentFen)]);
  mix.getColumn(3).numFmt = MONEY;

  const names = new Map(d.pipeline.byRegion.map((r) => [r.id, r.name]));
  if (d.activities) {
    const A = L.activities;
    const [c, l] = [d.activities.current, d.activities.lastYear];
    const { line, table } = figures(A.sheet);
    line(A.activities, c.activities, l.activities);
    line(A.trips, c.mainLeaderTrips, l.mainLeaderTrips);
    line(A.days, c.mainLeaderDaysAway, l.mainLeaderDaysAway);
    line(A.signings, c.signings, l.signings);
    line(A.signedFen, yi(c.signedFen), yi(l.signedFen), MONEY);
    line(A.startedFen, yi(c.startedFen), yi(l.startedFen), MONEY);
    line(A.landedFen, yi(c.fundsInPlaceFen), yi(l.fundsInPlaceFen), MONEY);
    line(A.landedRate, c.landedRate, l.landedRate, PCT);
    table(
      A.regions,
      d.activities.byRegion.map((r) => [
        names.get(r.id) ?? r.id,
        r.activities,
        r.mainLeaderTrips,
        r.signings,
        yi(r.signedFen),
        yi(r.fundsInPlaceFen),
      ]),
      { 5: MONEY, 6: MONEY },
    );
  }
  if (d.appeals) {
    const P = L.appeals;
    const [c, l] = [d.appeals.current, d.appeals.lastYear];
    const { line, table } = figures(P.sheet);
    line(P.received, c.received, l.received);
    line(P.accepted, c.accepted, l.accepted);
    line(P.answered, c.answered, l.answered);
    line(P.closed, c.closed, l.closed);
    line(P.acceptRate, c.acceptRate, l.acceptRate, PCT);
    line(P.onTimeRate, c.onTimeRate, l.onTimeRate, PCT);
    line(P.satisfactionRate, c.satisfactionRate, l.satisfactionRate, PCT);
    line(P.reopenRate, c.reopenRate, l.reopenRate, PCT);
    line(P.median, c.medianAnswerWorkingDays, l.medianAnswerWorkingDays);
    line(P.overdue, d.appeals.overdueNow);
    table(
      P.departments,
      d.appeals.departments.map((x) => [
        x.departmentName,
        x.assigned,
        x.answered,
        x.onTimeRate,
        x.satisfactionRate,
        x.overdueNow,
      ]),
      { 4: PCT, 5: PCT },
    );
  }
  if (d.incentives) {
    const I = L.incentives;
    const [c, l] = [d.incentives.current, d.incentives.lastYear];
    const { line } = figures(I.sheet);
    line(I.applications, c.applications, l.applications);
    line(I.appliedFen, yi(c.appliedFen), yi(l.appliedFen), MONEY);
    line(I.approved, c.approved, l.approved);
    line(I.approvedFen, yi(c.approvedFen), yi(l.approvedFen), MONEY);
    line(I.paidFen, yi(c.paidFen), yi(l.paidFen), MONEY);
    line(I.median, c.medianDaysToPayment, l.medianDaysToPayment);
    line(I.overdueReviews, d.incentives.overdueReviews);
    line(I.overdueRewards, d.incentives.overdueRewards);
  }
  if (d.rectification) {
    const R = L.rectification;
    const f = d.rectification;
    const { ws, line, table } = figures(R.sheet);
    if (f.campaign) {
      ws.addRow([R.campaign, f.campaign.title, f.campaign.deadlineOn]);
      line(R.total, f.totals.total);
      line(R.completed, f.totals.completed);
      line(R.completionRate, f.totals.completionRate, undefined, PCT);
      line(R.overdue, f.totals.overdue);
    }
    line(R.arrears, yi(f.arrears.outstandingFen), undefined, MONEY);
    table(
      R.problems,
      f.byProblem.map((p) => [p.seq, p.name, p.total, p.completed, p.completionRate]),
      { 5: PCT },
    );
    table(
      R.units,
      f.byUnit.map((u) => [u.rank, u.name, u.total, u.completed, u.completionRate, u.overdue]),
      { 5: PCT },
    );
  }

  return Buffer.from(await wb.xlsx.writeBuffer());
}
