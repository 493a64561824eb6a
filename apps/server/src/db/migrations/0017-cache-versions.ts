import type { Kysely } from 'kysely';

/**
 * Versions of the cached read models (kernel/read-cache.ts): a write that changes what a cached
 * answer was computed from bumps its row in the write's own transaction, so that every process sees
 * the new version exactly when it sees the write.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cache_versions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('cache_versions' as never)
    .values({ name: 'dashboard', version: 0 } as never)
    .execute();
}
