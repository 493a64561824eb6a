import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';
import { pathIndex } from './0001-foundation.js';

/**
 * Investment-promotion activities: the officials register, activities with their leading officials,
 * enterprises met and projects signed there; projects.source_activity_id (from 0002) gets its index.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const money = dialect.types.bigint;

  await db.schema
    .createTable('officials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('post', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('main', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('pinyin', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await pathIndex(db, dialect, 'officials_org_path', 'officials', 'org_path');

  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('end_on', 'text', (c) => c.notNull())
    /** Calendar days from start to end, both included. */
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('province', 'text')
    .addColumn('city', 'text')
    .addColumn('venue', 'text')
    .addColumn('organiser_id', 'text', (c) => c.notNull().references('org_units.id'))
    /** The organiser's region (a department's parent region): the activity's data scope. */
    .addColumn('region_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('attendance', 'integer')
    .addColumn('summary', 'text')
    .addColumn('official_names', 'text', (c) => c.notNull())
    /** Lower-case haystack: title, pinyin, place, officials, enterprises met. */
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await pathIndex(db, dialect, 'activities_region_path', 'activities', 'region_path');
  await db.schema.createIndex('activities_start').on('activities').columns(['start_on', 'id']).execute();

  await db.schema
    .createTable('activity_officials')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('official_id', 'text', (c) => c.notNull().references('officials.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_officials_pk', ['activity_id', 'official_id'])
    .execute();
  await db.schema
    .createIndex('activity_officials_official')
    .on('activity_officials')
    .column('official_id')
    .execute();

  await db.schema
    .createTable('activity_investors')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('investor_id', 'text', (c) => c.notNull().references('investors.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_investors_pk', ['activity_id', 'investor_id'])
    .execute();
  await db.schema
    .createIndex('activity_investors_investor')
    .on('activity_investors')
    .column('investor_id')
    .execute();

  /** Projects signed at an activity: a project is signed once, so at one activity at most. */
  await db.schema
    .createTable('activity_signings')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) =>
      c.notNull().unique().references('projects.id').onDelete('cascade'),
    )
    .addColumn('amount_fen', money, (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_signings_pk', ['activity_id', 'project_id'])
    .execute();

  await db.schema
    .createIndex('projects_source_activity')
    .on('projects')
    .column('source_activity_id')
    .execute();
}
