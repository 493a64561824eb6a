import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';
import { pathIndex } from './0001-foundation.js';

/**
 * Enterprise appeals: categories and SLA rules (data), administrators' holiday schedules, appeals
 * with their timeline, government–enterprise meetings. Categories and default deadlines are seeded
 * here so that every database starts with them; administrators change them as data afterwards.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('appeal_categories')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('appeal_sla_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** null = any channel / category / urgency; the most specific matching rule applies. */
    .addColumn('channel', 'text')
    .addColumn('category', 'text')
    .addColumn('urgency', 'text')
    .addColumn('accept_days', 'integer', (c) => c.notNull())
    .addColumn('sign_days', 'integer', (c) => c.notNull())
    .addColumn('answer_days', 'integer', (c) => c.notNull())
    .addColumn('escalate_after_days', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('holiday_schedules')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    /** JSON arrays of YYYY-MM-DD days. */
    .addColumn('holidays', 'text', (c) => c.notNull())
    .addColumn('workdays', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('appeal_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('host_leader', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await pathIndex(db, dialect, 'appeal_meetings_region_path', 'appeal_meetings', 'region_path');
  await db.schema
    .createIndex('appeal_meetings_series')
    .on('appeal_meetings')
    .columns(['series', 'region_id', 'held_on'])
    .execute();
  await db.schema
    .createTable('appeal_meeting_enterprises')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('appeal_meetings.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('appeal_meeting_enterprises_pk', ['meeting_id', 'enterprise_id'])
    .execute();

  await db.schema
    .createTable('appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().references('appeal_categories.code'))
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('express', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('enterprise_name', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('project_id', 'text', (c) => c.references('projects.id'))
    .addColumn('meeting_id', 'text', (c) => c.references('appeal_meetings.id'))
    /** The accepting office (受理单位): its subtree sees the appeal. */
    .addColumn('region_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.references('org_units.id'))
    /** Where supervision (督办) sits now: the office, or a level above after escalation. */
    .addColumn('supervising_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalated_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('accepted_on', 'text')
    .addColumn('assigned_on', 'text')
    .addColumn('signed_on', 'text')
    .addColumn('answered_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('accept_due_on', 'text')
    .addColumn('sign_due_on', 'text')
    .addColumn('answer_due_on', 'text')
    /** The deadline running now (accept, sign or answer), null once answered. */
    .addColumn('due_on', 'text')
    .addColumn('due_stage', 'text')
    .addColumn('due_unscheduled', 'integer', (c) => c.notNull().defaultTo(0))
    /** The day the current deadline was found passed (by the sweep). */
    .addColumn('overdue_since', 'text')
    /** The next day the sweep must look at this appeal (null: nothing to watch). */
    .addColumn('next_sweep_on', 'text')
    .addColumn('sla_accept_days', 'integer', (c) => c.notNull())
    .addColumn('sla_sign_days', 'integer', (c) => c.notNull())
    .addColumn('sla_answer_days', 'integer', (c) => c.notNull())
    .addColumn('sla_escalate_days', 'integer', (c) => c.notNull())
    .addColumn('answer', 'text')
    /** Working days from acceptance to the first answer; whether the latest answer met its deadline. */
    .addColumn('answer_working_days', 'integer')
    .addColumn('answered_on_time', 'integer')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating', 'text')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_via', 'text')
    .addColumn('open_question', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reject_reason', 'text')
    .addColumn('duplicate_of_id', 'text')
    .addColumn('merged_into_id', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('locked_until', 'text')
    .addColumn('lock_owner', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await pathIndex(db, dialect, 'appeals_region_path', 'appeals', 'region_path');
  await db.schema
    .createIndex('appeals_department')
    .on('appeals')
    .columns(['department_id', 'status'])
    .execute();
  await db.schema
    .createIndex('appeals_enterprise')
    .on('appeals')
    .columns(['enterprise_id', 'status'])
    .execute();
  await db.schema.createIndex('appeals_sweep').on('appeals').columns(['next_sweep_on']).execute();
  await db.schema.createIndex('appeals_filed').on('appeals').columns(['filed_on']).execute();
  await db.schema.createIndex('appeals_updated').on('appeals').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('appeals_meeting').on('appeals').column('meeting_id').execute();

  await db.schema
    .createTable('appeal_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeals.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('note', 'text')
    .addColumn('rating', 'text')
    .addColumn('department_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text')
    .addColumn('actor_unit_id', 'text', (c) => c.references('org_units.id'))
    /** The acting user belongs to the enterprise (hidden from a department when anonymous). */
    .addColumn('by_enterprise', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('appeal_events_appeal')
    .on('appeal_events')
    .columns(['appeal_id', 'created_at'])
    .execute();

  const at = new Date().toISOString();
  const categories: [string, string, string][] = [
    ['land', '用地', 'Land'],
    ['water', '用水', 'Water'],
    ['power', '用电', 'Electricity'],
    ['gas', '用气', 'Gas'],
    ['approval', '审批', 'Approvals'],
    ['finance', '融资', 'Financing'],
    ['labour', '用工/人才', 'Labour and talent'],
    ['policy', '政策兑现', 'Policy delivery'],
    ['arrears', '账款拖欠', 'Unpaid accounts'],
    ['inspection', '执法检查', 'Law enforcement inspections'],
    ['other', '其他', 'Other'],
  ];
  await db
    .insertInto('appeal_categories' as never)
    .values(
      categories.map(([code, zh, en], i) => ({
        code,
        name_zh: zh,
        name_en: en,
        sort: i,
        active: 1,
      })) as never,
    )
    .execute();
  // Defaults from published practice (DOMAIN-NOTES): verify within 1 working day, sign within 1,
  // ordinary matters answered within 15, urgent within 5; 项目直通车 within 3 and escalated after 1.
  const rules = [
    { id: 'default', channel: null, category: null, urgency: null, a: 1, s: 1, r: 15, e: 3 },
    { id: 'urgent', channel: null, category: null, urgency: 'urgent', a: 1, s: 1, r: 5, e: 2 },
    { id: 'express', channel: 'express', category: null, urgency: null, a: 1, s: 1, r: 3, e: 1 },
  ];
  await db
    .insertInto('appeal_sla_rules' as never)
    .values(
      rules.map((r) => ({
        id: r.id,
        channel: r.channel,
        category: r.category,
        urgency: r.urgency,
        accept_days: r.a,
        sign_days: r.s,
        answer_days: r.r,
        escalate_after_days: r.e,
        created_at: at,
        updated_at: at,
        version: 1,
      })) as never,
    )
    .execute();
}
