import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';
import { pathIndex } from './0001-foundation.js';

/** The project pipeline: investors, projects, stage events, factor needs, promises, funds; import jobs; attachments. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const money = dialect.types.bigint;

  await db.schema
    .createTable('investors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_norm', 'text', (c) => c.notNull())
    .addColumn('credit_code', 'text', (c) => c.unique())
    .addColumn('foreign_reg_no', 'text')
    .addColumn('country', 'text')
    .addColumn('province_code', 'text')
    .addColumn('origin_group', 'text', (c) => c.notNull())
    .addColumn('legal_rep', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('pinyin', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('investors_name_norm').on('investors').column('name_norm').execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('industry_code', 'text', (c) => c.notNull())
    .addColumn('industry_section', 'text', (c) => c.notNull())
    .addColumn('total_investment_fen', money, (c) => c.notNull())
    .addColumn('foreign_capital_usd_cents', money, (c) => c.notNull().defaultTo(0))
    .addColumn('funds_in_place_fen', money, (c) => c.notNull().defaultTo(0))
    .addColumn('project_type', 'text', (c) => c.notNull())
    .addColumn('origin_group', 'text', (c) => c.notNull())
    .addColumn('investor_names', 'text', (c) => c.notNull())
    /** Lower-case haystack for search: name, investors, credit codes, pinyin keys. */
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('leader_name', 'text')
    .addColumn('service_officer_id', 'text', (c) => c.references('users.id'))
    .addColumn('task_force', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('source_activity_id', 'text')
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('negotiating_on', 'text')
    .addColumn('signed_on', 'text')
    .addColumn('started_on', 'text')
    .addColumn('producing_on', 'text')
    .addColumn('terminated_on', 'text')
    .addColumn('termination_reason', 'text')
    .addColumn('last_event_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await pathIndex(db, dialect, 'projects_region_path', 'projects', 'region_path');
  await db.schema.createIndex('projects_updated').on('projects').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('projects_status').on('projects').columns(['status', 'region_path']).execute();
  await db.schema.createIndex('projects_signed').on('projects').column('signed_on').execute();
  await db.schema.createIndex('projects_industry').on('projects').column('industry_code').execute();

  await db.schema
    .createTable('project_investors')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('investor_id', 'text', (c) => c.notNull().references('investors.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_investors_pk', ['project_id', 'investor_id'])
    .execute();
  await db.schema
    .createIndex('project_investors_investor')
    .on('project_investors')
    .column('investor_id')
    .execute();

  await db.schema
    .createTable('project_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('event_on', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('reason', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('project_events_project')
    .on('project_events')
    .columns(['project_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('factor_needs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('quantity', 'text')
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('responsible_org_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('due_on', 'text')
    .addColumn('met_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('factor_needs_project').on('factor_needs').column('project_id').execute();
  await db.schema
    .createIndex('factor_needs_open')
    .on('factor_needs')
    .columns(['status', 'due_on', 'project_id'])
    .execute();

  await db.schema
    .createTable('project_promises')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('responsible_org_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('fulfilled_on', 'text')
    .addColumn('evidence', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('project_promises_project')
    .on('project_promises')
    .column('project_id')
    .execute();
  await db.schema
    .createIndex('project_promises_due')
    .on('project_promises')
    .columns(['status', 'due_on'])
    .execute();

  await db.schema
    .createTable('project_funds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount', money, (c) => c.notNull())
    /** CNY equivalent in fen, at the reference rate of the day of entry (USD). */
    .addColumn('amount_fen', money, (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('project_funds_project')
    .on('project_funds')
    .columns(['project_id', 'received_on'])
    .execute();

  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_checked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_written', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errors_json', 'text', (c) => c.notNull())
    .addColumn('cancel_requested', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attachments_owner')
    .on('attachments')
    .columns(['owner_type', 'owner_id'])
    .execute();
}
