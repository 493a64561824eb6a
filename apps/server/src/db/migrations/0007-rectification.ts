import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';
import { pathIndex } from './0001-foundation.js';

/**
 * Rectification campaigns (整改提升行动): problems, tasks with their units, progress reports,
 * verifications and events; the SOE-arrears ledger (清欠台账) with repayments; and the reminder
 * keys that make the deadline sweep idempotent across processes.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const money = dialect.types.bigint;

  await db.schema
    .createTable('rectification_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issuing_body', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('owner_path', 'text', (c) => c.notNull())
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('deadline_on', 'text', (c) => c.notNull())
    /** JSON array of the org unit ids (regions or zones) the campaign covers. */
    .addColumn('scope_org_ids', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await pathIndex(db, dialect, 'rectification_campaigns_owner', 'rectification_campaigns', 'owner_path');

  await db.schema
    .createTable('rectification_problems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) =>
      c.notNull().references('rectification_campaigns.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('rectification_problems_seq', ['campaign_id', 'seq'])
    .execute();

  await db.schema
    .createTable('rectification_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('rectification_campaigns.id'))
    .addColumn('problem_id', 'text', (c) => c.notNull().references('rectification_problems.id'))
    .addColumn('issue', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('lead_org_id', 'text', (c) => c.notNull().references('org_units.id'))
    /** Path of the first zone: the record's home for the audit trail. */
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('deadline_on', 'text', (c) => c.notNull())
    /** JSON array of { title, dueOn }. */
    .addColumn('milestones', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    /** The record it came from (a promise, an appeal); unique per source: one task per record. */
    .addColumn('source_ref', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_report_on', 'text')
    /** Result of the latest verification: passed / failed / null. */
    .addColumn('verification', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('rectification_tasks_campaign')
    .on('rectification_tasks')
    .columns(['campaign_id', 'status', 'deadline_on'])
    .execute();
  await db.schema
    .createIndex('rectification_tasks_source')
    .on('rectification_tasks')
    .columns(['source', 'source_ref'])
    .unique()
    .execute();

  await db.schema
    .createTable('rectification_task_units')
    .addColumn('task_id', 'text', (c) => c.notNull().references('rectification_tasks.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    /** lead / coop (配合单位) / zone. */
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rectification_task_units_pk', ['task_id', 'role', 'org_id'])
    .execute();
  await pathIndex(db, dialect, 'rectification_task_units_path', 'rectification_task_units', 'org_path');

  await db.schema
    .createTable('rectification_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('rectification_tasks.id').onDelete('cascade'))
    /** progress (the lead unit) / contribution (a cooperating unit). */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('org_name', 'text', (c) => c.notNull())
    .addColumn('percent', 'integer')
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    /** JSON array of attachment ids of the task (evidence). */
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rectification_reports_task')
    .on('rectification_reports')
    .columns(['task_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('rectification_verifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('rectification_tasks.id').onDelete('cascade'))
    /** self_inspection (自查) / field_survey (实地调研). */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('verified_on', 'text', (c) => c.notNull())
    .addColumn('org_name', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rectification_verifications_task')
    .on('rectification_verifications')
    .columns(['task_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('rectification_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('rectification_tasks.id').onDelete('cascade'))
    /** create / update / close / reopen / return. */
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rectification_events_task')
    .on('rectification_events')
    .columns(['task_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('rectification_arrears')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('debtor_name', 'text', (c) => c.notNull())
    .addColumn('debtor_credit_code', 'text')
    .addColumn('creditor_name', 'text', (c) => c.notNull())
    .addColumn('creditor_credit_code', 'text', (c) => c.notNull())
    .addColumn('contract', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('amount_fen', money, (c) => c.notNull())
    .addColumn('repaid_fen', money, (c) => c.notNull().defaultTo(0))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cleared_on', 'text')
    .addColumn('notes', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await pathIndex(db, dialect, 'rectification_arrears_region', 'rectification_arrears', 'region_path');

  await db.schema
    .createTable('rectification_repayments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('arrear_id', 'text', (c) =>
      c.notNull().references('rectification_arrears.id').onDelete('cascade'),
    )
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('amount_fen', money, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rectification_repayments_arrear')
    .on('rectification_repayments')
    .columns(['arrear_id', 'paid_on'])
    .execute();

  /** One reminder per task, kind and day: the sweep inserts the key first, so two processes send once. */
  await db.schema
    .createTable('rectification_reminders')
    .addColumn('task_id', 'text', (c) => c.notNull().references('rectification_tasks.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rectification_reminders_pk', ['task_id', 'kind', 'day'])
    .execute();
}
