import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * Monthly roll-ups of the pipeline (packages/rules/src/pipeline-rollup.ts): one row per region, month
 * and metric, kept for the project's region and each of its ancestors, changed in the same
 * transaction as the project. A region's figures for a run of months read that region's rows alone.
 * An existing pipeline is counted into them at the next start (ensureRollups in boot.ts).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('project_rollups')
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('n', dialect.types.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('fen', dialect.types.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('days', dialect.types.bigint, (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('project_rollups_pk', ['region_path', 'month', 'metric'])
    .execute();
}
