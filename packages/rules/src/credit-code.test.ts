import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem, isValidCreditCode } from './credit-code.js';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each([
    // Published codes of well-known companies.
    ['91350100M000100Y43', null],
    ['91110000802100433B', null],
    ['911100001000079554', null],
    ['91350100M000100Y42', 'CHECK_DIGIT'],
    ['91350100M000100Y4', 'LENGTH'],
    ['91350100M000100YI3', 'CHARACTERS'],
    ['9135A100M000100Y43', 'CHARACTERS'],
  ])('%s → %s', (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
  });

  it('accepts lower case input', () => {
    expect(isValidCreditCode('91350100m000100y43')).toBe(true);
  });

  it('computes a check character that makes the code valid', () => {
    const first17 = '91141000MA0K000AB';
    const check = creditCodeCheckChar(first17);
    expect(check).toMatch(/^[0-9A-HJ-NPQRTUWXY]$/);
    expect(isValidCreditCode(first17 + check)).toBe(true);
  });
});
