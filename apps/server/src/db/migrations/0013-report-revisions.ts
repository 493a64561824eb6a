import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * Revisions of closed months (报表修订): a write that changes a month already over (a signing
 * entered in December for October, a fund received back then, a correction) leaves one row per
 * region, month and figure with the change, who made it and when; the monthly report shows them
 * as the old and the new figure.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('report_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('fen', dialect.types.bigint, (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_revisions_by_region_period')
    .on('report_revisions')
    .columns(['region_path', 'period', 'created_at'])
    .execute();
}
