import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/**
 * A read model whose answers are cached (a row of cache_versions each). 'dashboard': the leaders'
 * dashboard and the period figures, made stale by every roll-up write and by the writes to the
 * units, campaigns and arrears the dashboard also reads.
 */
export type ReadModel = 'dashboard';

/**
 * Marks a read model's cached answers stale: call it inside the transaction of every write its
 * answers are computed from. The version moves when the write commits, on every process at once
 * (each reads it from the database), and not at all if the write rolls back.
 */
export async function readModelChanged(db: Executor, model: ReadModel): Promise<void> {
  await db
    .updateTable('cacheVersions')
    .set({ version: sql`version + 1` })
    .where('name', '=', model)
    .execute();
}

const versionOf = async (db: Executor, model: ReadModel) =>
  Number(
    (await db.selectFrom('cacheVersions').select('version').where('name', '=', model).executeTakeFirst())
      ?.version ?? 0,
  );

/**
 * Answers of a read model per key, each valid while the model's version is the one read before it
 * was computed: a hit costs one primary-key read. A write that commits while an answer is computed
 * moves the version past it, so the next read computes again. The least recently used of more
 * than `maxEntries` answers is dropped. Answers are shared between callers: never mutate one.
 */
export function readCache<T>(db: Executor, model: ReadModel, maxEntries = 1000) {
  const entries = new Map<string, { version: number; value: T }>();
  return {
    async get(key: string, compute: () => Promise<T>): Promise<T> {
      const version = await versionOf(db, model);
      const hit = entries.get(key);
      entries.delete(key);
      if (hit && hit.version === version) {
        entries.set(key, hit);
        return hit.value;
      }
      const value = await compute();
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, { version, value });
      return value;
    },
  };
}
