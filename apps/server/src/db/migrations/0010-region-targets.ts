import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * Annual targets per region (年度目标), entered by administrators: what the monthly report
 * (招商引资月报) measures 完成年度目标% against.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('region_targets')
    .addColumn('region_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('signed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('signed_investment_fen', dialect.types.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('funds_fen', dialect.types.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('region_targets_pk', ['region_id', 'year'])
    .execute();
}
