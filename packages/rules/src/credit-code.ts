/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 * 18 characters from a 31-symbol alphabet (no I, O, S, V, Z); the last is a check character
 * computed from the first 17 with weights 3^i mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null when they are not in the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export type CreditCodeProblem = 'LENGTH' | 'CHARACTERS' | 'CHECK_DIGIT';

/** Why a code is invalid, or null when it is valid. Input is compared upper-cased. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  const c = code.trim().toUpperCase();
  if (c.length !== 18) return 'LENGTH';
  if (![...c].every((ch) => ALPHABET.includes(ch)) || !/^\d{6}$/.test(c.slice(2, 8))) return 'CHARACTERS';
  return creditCodeCheckChar(c.slice(0, 17)) === c[17] ? null : 'CHECK_DIGIT';
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}
