import { describe, expect, it } from 'vitest';
import {
  describeChange,
  formatCreditCode,
  formatDate,
  formatDateTime,
  formatMoneyIn,
  formatNumber,
  formatPct,
  formatPercent,
  formatQuantity,
  formatWanUsd,
  formatYi,
  investorCode,
  withUnit,
} from './format';

describe('money in 万元 / 亿元 / 万美元', () => {
  it('formats 亿元 exactly, rounding half up', () => {
    expect(formatYi(1_234_567_890_000)).toBe('123.46');
    expect(formatYi(10_000_000_000)).toBe('1.00');
    expect(formatYi(0)).toBe('0.00');
    expect(formatYi(123_456_789_012_345, 1)).toBe('12,345.7');
    expect(formatYi(-5_000_000_000)).toBe('-0.50');
  });

  it('formats 万美元 from cents and money in the unit a header names', () => {
    expect(formatWanUsd(123_456_789)).toBe('123.46');
    expect(formatMoneyIn(560_000_000_000, 'wanYuan')).toBe('560,000.00');
    expect(formatMoneyIn(560_000_000_000, 'yiYuan')).toBe('56.00');
    expect(formatMoneyIn(null, 'yiYuan')).toBe('—');
  });

  it('puts the unit in the header once, in each language', () => {
    expect(withUnit('总投资', '万元')).toBe('总投资（万元）');
    expect(withUnit('Total investment', '10k CNY', 'en-US')).toBe('Total investment (10k CNY)');
    expect(withUnit('阶段', '')).toBe('阶段');
  });
});

describe('numbers, dates, percentages', () => {
  it('groups thousands in both languages', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(1234.5, 'en-US', 1)).toBe('1,234.5');
  });

  it('writes days as 2026-05-31', () => {
    expect(formatDate('2026-05-31')).toBe('2026-05-31');
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime('2026-05-31T08:05:00')).toBe('2026-05-31 08:05');
  });

  it('writes percentages with one decimal', () => {
    expect(formatPct(12.345)).toBe('12.3%');
    expect(formatPct(null)).toBe('—');
    expect(formatPercent(0.8125)).toBe('81.3%');
  });
});

describe('changes against last year', () => {
  it('says 持平 for a change that shows as 0.0 %', () => {
    expect(describeChange(0)).toEqual({ direction: 'flat', pct: '0.0' });
    expect(describeChange(0.0004)).toEqual({ direction: 'flat', pct: '0.0' });
    expect(describeChange(-0.0004)).toEqual({ direction: 'flat', pct: '0.0' });
  });

  it('says up and down with one decimal, and none without last year', () => {
    expect(describeChange(0.32)).toEqual({ direction: 'up', pct: '32.0' });
    expect(describeChange(-0.1256)).toEqual({ direction: 'down', pct: '12.6' });
    expect(describeChange(null)).toEqual({ direction: 'none', pct: '' });
  });
});

describe('quantities and codes', () => {
  it('shows a quantity with its unit once', () => {
    expect(formatQuantity('20', '亩')).toBe('20 亩');
    expect(formatQuantity('20亩', '亩')).toBe('20 亩');
    expect(formatQuantity('20 亩', '亩')).toBe('20 亩');
    expect(formatQuantity('1200', '千伏安')).toBe('1,200 千伏安');
    expect(formatQuantity('12.5', '')).toBe('12.5');
    expect(formatQuantity(null, '亩')).toBe('—');
    expect(formatQuantity('  ', '亩')).toBe('—');
  });

  it('never renders null pieces of a credit code', () => {
    expect(formatCreditCode('91141002MA0YS0003null')).toBe('91141002MA0YS0003');
    expect(formatCreditCode('91110000802100433b')).toBe('91110000802100433B');
    expect(formatCreditCode(null)).toBe('—');
    expect(investorCode({ creditCode: null, country: '德国', foreignRegNo: 'HRB 1234' })).toBe(
      '德国 HRB 1234',
    );
    expect(investorCode({ creditCode: null, country: '德国', foreignRegNo: null })).toBe('德国');
    expect(investorCode({ creditCode: '91110000802100433B' })).toBe('91110000802100433B');
  });
});
