import { isWeakPassword } from '@yingshang/contracts';
import { describe, expect, it } from 'vitest';
import { generatePassword } from './password.js';

describe('generatePassword', () => {
  it('always meets the password rule, and never holds a short username', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const p = generatePassword('x2');
      expect(isWeakPassword(p, 'x2'), p).toBe(false);
      expect(p).toMatch(/^[A-Za-z2-9]{12}$/);
      seen.add(p);
    }
    expect(seen.size).toBe(2000);
  });
});
