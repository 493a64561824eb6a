import { describe, expect, it } from 'vitest';
import { fenToWan, usdCentsToFen, wanToFen } from './money.js';

describe('money in integers', () => {
  it.each([
    [100, '7.1', 710],
    [1_000_000_000, '7.1186', 7_118_600_000],
    [1, '7.1186', 7],
    [3, '6.5', 20],
  ])('%i cents at %s = %i fen', (cents, rate, fen) => {
    expect(usdCentsToFen(cents, rate)).toBe(fen);
  });

  it('converts 万元 exactly both ways', () => {
    expect(wanToFen('863')).toBe(863_000_000);
    expect(wanToFen('0.01')).toBe(10_000);
    expect(wanToFen('158.49')).toBe(158_490_000);
    expect(fenToWan(158_490_000)).toBe('158.49');
    expect(fenToWan(863_000_000)).toBe('863');
    expect(fenToWan(1)).toBe('0.000001');
    expect(() => wanToFen('-1')).toThrow();
    expect(() => wanToFen('1e5')).toThrow();
  });
});
