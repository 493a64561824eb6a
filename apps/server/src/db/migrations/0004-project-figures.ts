import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * The pipeline figures of a city for a year read index entries only, and no child row per project
 * (bench/probe.ts: the joins from 90,000 projects to their funds, promises and factor needs cost a
 * quarter of a second each on SQLite at 1M projects):
 * - funds and promises carry their project's region path (kept by the project service), so each is
 *   summed from its own index;
 * - a project carries the due date of its earliest unmet factor need, so "blocked" (an unmet need
 *   past its due date) is a comparison instead of a lookup, in the figures and in the list alike;
 * - one covering index holds every column the figures read from projects. It starts with the
 *   region path, so it replaces the path index of 0002.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable('projects').addColumn('open_need_due_on', 'text').execute();
  await db.schema.alterTable('project_funds').addColumn('region_path', 'text').execute();
  await db.schema.alterTable('project_promises').addColumn('region_path', 'text').execute();

  await sql`update projects set open_need_due_on = (
      select min(f.due_on) from factor_needs f
      where f.project_id = projects.id and f.status <> 'met' and f.due_on is not null)
    where exists (select 1 from factor_needs f where f.project_id = projects.id)`.execute(db);
  for (const table of ['project_funds', 'project_promises']) {
    await sql`update ${sql.table(table)} set region_path = (
        select p.region_path from projects p where p.id = ${sql.ref(`${table}.project_id`)})`.execute(db);
  }

  await pathPrefixIndex(db, dialect, 'projects_figures', 'projects', [
    'region_path',
    'created_on',
    'negotiating_on',
    'signed_on',
    'started_on',
    'producing_on',
    'terminated_on',
    'total_investment_fen',
    'open_need_due_on',
    'status',
  ]);
  await db.schema.dropIndex('projects_region_path').execute();
  await pathPrefixIndex(db, dialect, 'project_funds_region', 'project_funds', [
    'region_path',
    'received_on',
    'amount_fen',
  ]);
  await pathPrefixIndex(db, dialect, 'project_promises_region', 'project_promises', [
    'region_path',
    'due_on',
    'status',
  ]);
}

/** A multi-column index led by a materialised path that serves prefix matches (see dialect.under). */
async function pathPrefixIndex(
  db: Kysely<unknown>,
  dialect: Dialect,
  name: string,
  table: string,
  columns: [string, ...string[]],
): Promise<void> {
  const [path, ...rest] = columns;
  const list = [
    dialect.name === 'postgres' ? sql`${sql.id(path)} text_pattern_ops` : sql.id(path),
    ...rest.map((c) => sql.id(c)),
  ];
  await sql`create index ${sql.id(name)} on ${sql.table(table)} (${sql.join(list)})`.execute(db);
}
