import type { Kysely } from 'kysely';

/**
 * The day an appeal step happened when it is entered later (补录, an office moving its register in):
 * null when it happened on the day it was entered (created_at).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('appeal_events').addColumn('occurred_on', 'text').execute();
}
