import type { Selectable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { fail } from '../lib/app-error.js';

/** Tables with an `id` key and an optimistic `version` counter. */
export type VersionedTable = {
  [T in keyof Database]: Database[T] extends { id: unknown; version: unknown } ? T : never;
}[keyof Database];

/**
 * The stale-version check written once: sets `changes` plus `version + 1` on the row whose id and
 * version both match, and throws `VERSION_CONFLICT` (HTTP 409) when none did (stale or gone).
 * Returns the updated row.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Executor,
  table: T,
  key: { id: string; version: number },
  changes: Record<string, unknown>,
): Promise<Selectable<Database[T]>> {
  const row = await (db as unknown as Executor)
    .updateTable(table as 'projects')
    .set({ ...changes, version: key.version + 1 } as never)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .returningAll()
    .executeTakeFirst();
  if (!row) fail('VERSION_CONFLICT');
  return row as unknown as Selectable<Database[T]>;
}
