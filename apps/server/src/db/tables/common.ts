import type { ColumnType } from 'kysely';

/**
 * What every table shares. Timestamps are ISO-8601 UTC strings on both databases; booleans are
 * 0/1 integers on both, so that rows read the same whichever dialect is underneath (dialect.ts).
 */
export type Bool = number;

export interface Versioned {
  createdAt: string;
  updatedAt: string;
  version: ColumnType<number, number | undefined, number>;
}
