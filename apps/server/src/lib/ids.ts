import crypto from 'node:crypto';
import { uuidv7 } from 'uuidv7';

/** Time-ordered text ids (UUID v7): index-friendly on both databases. */
export const newId = (): string => uuidv7();

export const randomToken = (bytes = 32): string => crypto.randomBytes(bytes).toString('base64url');

export const sha256 = (s: string): string => crypto.createHash('sha256').update(s).digest('hex');

export const now = (): string => new Date().toISOString();

/** The Asia/Shanghai calendar day (YYYY-MM-DD) of an ISO timestamp. */
export const beijingDay = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
