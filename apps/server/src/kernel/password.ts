import crypto from 'node:crypto';
import { isWeakPassword } from '@yingshang/contracts';
import argon2, { type HashOptions } from 'argon2';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** argon2id; the 'fast' cost exists for tests only (config PASSWORD_HASHING=fast). */
export function createPasswordHasher(mode: 'standard' | 'fast'): PasswordHasher {
  const options: HashOptions =
    mode === 'fast'
      ? { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 }
      : { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
  return {
    hash: (password) => argon2.hash(password, options),
    verify: async (hash, password) => {
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false;
      }
    },
  };
}

/**
 * A temporary password that meets the rule (letters and digits, ≥ 10 characters, not holding the
 * username: a short username such as `x2` turns up in a random one now and then, so draw again).
 */
export function generatePassword(username?: string): string {
  const letters = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const pick = (set: string) => set[crypto.randomInt(set.length)];
  for (;;) {
    const chars = [pick(letters), pick(digits), ...Array.from({ length: 10 }, () => pick(letters + digits))];
    const password = chars.sort(() => crypto.randomInt(3) - 1).join('');
    if (!isWeakPassword(password, username)) return password;
  }
}
