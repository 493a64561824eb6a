import { z } from 'zod';

/** Text ids (UUID v7). */
export const Id = z.string().min(1).max(64);
export const IdParams = z.object({ id: Id }).strict();

/** ISO timestamp as stored (UTC, e.g. 2026-05-31T08:00:00.000Z). */
export const Timestamp = z.string();

export const Paging = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

export const Ok = z.object({ ok: z.literal(true) });

/** Free-text search box: trimmed, bounded. */
export const SearchText = z.string().trim().max(100);

/**
 * Every update carries the version the client read; a stale one is refused with 409. At most
 * 2^31 − 2: the column is a 32-bit integer on PostgreSQL, and an update writes version + 1
 * (a larger value was a 500 there, found by security/fuzz.api.test.ts).
 */
export const Version = z.number().int().min(1).max(2_147_483_646);

/** A calendar day, YYYY-MM-DD, that exists (no 2026-02-30). */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date: YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'date: no such day');
