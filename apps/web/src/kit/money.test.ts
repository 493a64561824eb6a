import { describe, expect, it } from 'vitest';
import { formatAmount, formatPercent, formatWan, normaliseWanInput, wanToMinor } from './format';

describe('万元 ⇄ fen', () => {
  it.each([
    ['0', 0],
    ['1', 1_000_000],
    ['12.5', 12_500_000],
    ['0.01', 10_000],
    ['0.000001', 1],
    ['1,234.56', 1_234_560_000],
    [' 100 ', 100_000_000],
    ['1000000000', 1e15],
    ['0.1', 100_000],
    ['0.3', 300_000],
    ['12345.', 12_345_000_000],
  ])('%s 万 → %d', (text, minor) => {
    expect(wanToMinor(text)).toBe(minor);
  });

  it.each(['', '-1', 'abc', '1.2345678', '1e5', '.5', '1.2.3'])('refuses %j', (text) => {
    expect(wanToMinor(text)).toBeNull();
  });

  it('formats exactly, with separators', () => {
    expect(formatWan(0)).toBe('0');
    expect(formatWan(1_234_560_000)).toBe('1,234.56');
    expect(formatWan(1)).toBe('0.000001');
    expect(formatWan(1e15)).toBe('1,000,000,000');
    expect(formatWan(300_000)).toBe('0.3');
  });

  it('rounds half up to fixed decimals without float drift', () => {
    expect(formatWan(1_234_565_000, 2)).toBe('1,234.57');
    expect(formatWan(1_234_564_999, 2)).toBe('1,234.56');
    expect(formatWan(999_995_000, 2)).toBe('1,000.00');
    expect(formatWan(50_000_000_000, 2)).toBe('50,000.00');
    expect(formatWan(1_500_000, 0)).toBe('2');
  });

  it('round-trips every input', () => {
    for (const text of ['0.1', '0.2', '0.3', '1.1', '99999.999999', '123456789.123456']) {
      const minor = wanToMinor(text);
      expect(minor).not.toBeNull();
      expect(formatWan(minor as number).replace(/,/g, '')).toBe(text);
    }
  });

  it('formats ledger amounts with at least two decimals, exactly', () => {
    expect(formatAmount(560_000_000_000)).toBe('560,000.00');
    expect(formatAmount(82_000_250_000)).toBe('82,000.25');
    expect(formatAmount(12_500_000)).toBe('12.50');
    expect(formatAmount(1)).toBe('0.000001');
  });

  it('normalises what was typed', () => {
    expect(normaliseWanInput('12345.50')).toBe('12,345.5');
    expect(normaliseWanInput('abc')).toBe('abc');
  });

  it('formats ratios as percentages with one decimal', () => {
    expect(formatPercent(0.8125)).toBe('81.3%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(null)).toBe('—');
  });
});
