import type { Kysely } from 'kysely';

/**
 * The column mapping a unit corrected in the import dialog (导入列对应): a header as its ledger
 * writes it → the ledger column it means ('' = not imported), used for that unit's next files.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_mappings')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('header', 'text', (c) => c.notNull())
    .addColumn('column_key', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_mappings_pk', ['unit_id', 'kind', 'header'])
    .execute();
}
