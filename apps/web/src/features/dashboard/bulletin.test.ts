import type { Dashboard, PipelinePeriod } from '@yingshang/contracts';
import { describe, expect, it } from 'vitest';
import { bulletin, periodName, yoy, yuanEn, yuanZh } from './bulletin';

const period = (over: Partial<PipelinePeriod>): PipelinePeriod => ({
  byStatus: [
    { status: 'lead', count: 20, investmentFen: 0 },
    { status: 'negotiating', count: 146, investmentFen: 0 },
    { status: 'signed', count: 60, investmentFen: 0 },
    { status: 'started', count: 30, investmentFen: 0 },
    { status: 'producing', count: 10, investmentFen: 0 },
    { status: 'terminated', count: 2, investmentFen: 0 },
  ],
  newlySigned: { count: 41, investmentFen: 15_849_000_000_00 },
  newlyStarted: { count: 12, investmentFen: 0 },
  newlyProducing: { count: 5, investmentFen: 0 },
  signedTotal: 100,
  startedTotal: 40,
  producingTotal: 10,
  startRate: 0.4,
  productionRate: 0.1,
  contractedFen: 86_300_000_000_00,
  fundsInPlaceFen: 0,
  fundsInPlaceRate: 0.2567,
  fundsInPeriodFen: 0,
  promisesDue: 0,
  promisesFulfilled: 0,
  fulfilmentRate: null,
  averageDays: { signToStart: null, startToProduction: null, signToProduction: null },
  ...over,
});

const dashboard = (over: Partial<PipelinePeriod> = {}, lastYearFen = 12_000_000_000_00): Dashboard => ({
  region: { id: 'x', name: '临汾市', kind: 'city', code: '141000', parentId: null },
  period: { from: '2026-01', to: '2026-05' },
  lastYear: { from: '2025-01', to: '2025-05' },
  pipeline: {
    current: period(over),
    lastYear: period({ newlySigned: { count: 30, investmentFen: lastYearFen } }),
    now: { stalled: 3, blocked: 2, promisesOverdue: 0, asOf: '2026-06-02' },
    trend: [],
    byRegion: [],
    byIndustry: [],
    byOrigin: [],
  },
  activities: null,
  appeals: null,
  incentives: null,
  rectification: null,
});

describe('bulletin paragraph', () => {
  it('writes the journal’s sentence with Chinese units and the year-on-year change', () => {
    expect(bulletin(dashboard(), 'zh-CN', '2026-06-02')).toBe(
      '今年1-5月份，全市新签约项目41个，总投资158.49亿元，同比增长32.1%；新开工项目12个，新投产项目5个。' +
        '截至5月底，在谈项目146个，累计签约项目100个，开工率40.0%，投产率10.0%，资金到位率25.7%。' +
        '目前停滞项目3个，因要素保障受阻项目2个。',
    );
  });

  it('says so when there is nothing to compare, and writes the same in English', () => {
    const d = dashboard({}, 0);
    expect(bulletin(d, 'zh-CN', '2026-06-02')).toContain('总投资158.49亿元，上年同期无可比数据；');
    expect(bulletin(dashboard(), 'en-US', '2026-06-02')).toBe(
      'In January–May 2026, 临汾市 signed 41 new investment projects with a total investment of CNY 15.85 billion, ' +
        'up 32.1% year on year; 12 projects started construction and 5 went into production. At the end of the ' +
        'period 146 projects were under negotiation and 100 had been signed in all, with a construction start rate ' +
        'of 40.0%, a production rate of 10.0%, a funds-in-place rate of 25.7%. 3 projects are stalled and 2 are ' +
        'held up by unmet factor needs.',
    );
  });

  it('adds the main leaders’ trips and the signings at activities when the activities’ figures are given', () => {
    const activities = {
      current: { mainLeaderTrips: 294, signings: 41, signedFen: 15_800_000_000_00 },
    } as Dashboard['activities'];
    const withTrips = { ...dashboard(), activities };
    expect(bulletin(withTrips, 'zh-CN', '2026-06-02')).toMatch(
      /因要素保障受阻项目2个。各级主要领导外出招商294次，在招商活动上签约项目41个，签约额158亿元。$/,
    );
    expect(bulletin(withTrips, 'en-US', '2026-06-02')).toMatch(
      /Main leaders made 294 outbound investment-promotion trips; 41 projects worth CNY 15.8 billion were signed at promotion activities\.$/,
    );
  });

  it('formats amounts, periods and changes', () => {
    const table: [number, string, string][] = [
      [15_849_000_000_00, '158.49亿元', 'CNY 15.85 billion'],
      [86_300_000_000_00, '863亿元', 'CNY 86.3 billion'],
      [8_600_000_00, '860万元', 'CNY 8.6 million'],
      [12_345_678_00, '1,234.6万元', 'CNY 12.3 million'],
      [0, '0万元', 'CNY 0 million'],
    ];
    for (const [fen, zh, en] of table) expect([yuanZh(fen), yuanEn(fen)], String(fen)).toEqual([zh, en]);
    expect(periodName('2026-05', '2026-05', 'zh-CN', '2026-06-02')).toBe('今年5月份');
    expect(periodName('2025-01', '2025-12', 'zh-CN', '2026-06-02')).toBe('2025年1-12月份');
    expect(periodName('2025-11', '2026-02', 'zh-CN', '2026-06-02')).toBe('2025年11月至2026年2月');
    expect(periodName('2025-11', '2026-02', 'en-US', '2026-06-02')).toBe('November 2025 – February 2026');
    expect([yoy(132, 100), yoy(5, 0), yoy(0, 4)]).toEqual([0.32, null, -1]);
  });
});
