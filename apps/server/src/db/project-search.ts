import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { DbHandle } from './database.js';

/**
 * The search index of projects.search_text (migration 0016) for the bulk loader and the bench:
 * SQLite's FTS5 table is kept by triggers, which a bulk load suspends and replaces by one fill at
 * the end; PostgreSQL's GIN indexes are ordinary indexes, which the bulk writer drops and re-creates
 * with the others.
 */

/** What each FTS5 entry holds: search_text and two spaces (see migration 0016). */
const FILL = `insert into project_search (rowid, body) select rowid, search_text || '  ' from projects`;

/** SQLite: drops the triggers that keep project_search; `resume` re-creates them and indexes every project. */
export function suspendProjectSearch(s: SQLite.Database): { resume(): void } {
  const triggers = s
    .prepare(
      "select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'projects' and name like 'project\\_search\\_%' escape '\\'",
    )
    .all() as { name: string; sql: string }[];
  for (const t of triggers) s.exec(`drop trigger "${t.name}"`);
  return {
    resume() {
      if (triggers.length === 0) return;
      s.transaction(() => {
        s.exec(`insert into project_search (project_search) values ('delete-all')`);
        s.exec(FILL);
        for (const t of triggers) s.exec(t.sql);
      })();
    },
  };
}

/** Rebuilds the index from the rows (SQLite: empties and refills the FTS5 table; PostgreSQL: REINDEX); seconds. */
export async function rebuildProjectSearch(database: DbHandle): Promise<number> {
  const started = performance.now();
  if (database.sqlite) {
    const s = database.sqlite;
    s.transaction(() => {
      s.exec(`insert into project_search (project_search) values ('delete-all')`);
      s.exec(FILL);
    })();
  } else {
    await sql`reindex index projects_search_trgm`.execute(database.db);
    await sql`reindex index projects_search_bigrams`.execute(database.db);
  }
  return (performance.now() - started) / 1000;
}

/** The index's size in bytes, by part (SQLite: the FTS5 shadow tables; PostgreSQL: the two GIN indexes). */
export async function projectSearchSize(database: DbHandle): Promise<Record<string, number>> {
  if (database.sqlite) {
    const rows = database.sqlite
      .prepare(
        "select name, sum(pgsize) as bytes from dbstat where name like 'project\\_search\\_%' escape '\\' group by name",
      )
      .all() as { name: string; bytes: number }[];
    return Object.fromEntries(rows.map((r) => [r.name, r.bytes]));
  }
  const { rows } = await sql<{ name: string; bytes: number }>`
    select relname as name, pg_relation_size(oid)::int8 as bytes from pg_class
    where relname in ('projects_search_trgm', 'projects_search_bigrams')`.execute(database.db);
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.bytes)]));
}
