import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * Indexed free-text search over projects.search_text (issue 21: the list's `q` was a LIKE '%…%'
 * scan, 0.26–1.1 s at 1M projects). The semantics stay those of the scan — a case-insensitive
 * substring of search_text — because the list still tests the LIKE on every candidate the index
 * gives (dialect.ts, textSearch): an index only has to give a superset of the matches.
 *
 * SQLite: `project_search`, a contentless FTS5 table with the trigram tokenizer (detail=none: the
 * rowids of the projects holding each trigram, no positions — a third of the size of detail=full;
 * a query of 3+ characters is the AND of its trigrams, and the LIKE check removes the rare false
 * hits), rowid = projects.rowid, kept by triggers in the transaction of every insert, delete and
 * change of search_text (contentless_delete: a delete needs only the rowid). Each row is indexed as
 * search_text + two spaces, so that every 1- or 2-character substring of search_text begins some
 * trigram: a 2-character query is the OR of the trigrams that begin with it, read from the
 * `project_search_terms` vocabulary (fts5vocab), which is a range read of the term index.
 *
 * PostgreSQL: pg_trgm (a trusted extension) with a GIN index on search_text, which ILIKE uses for
 * queries of 3+ characters; pg_trgm draws no trigram from a 2-character pattern, so a second GIN
 * index holds the set of 2-character substrings of each row (project_search_bigrams) for those:
 * the pairs at even and at odd offsets, by two regexp_matches passes (a substr per offset costs
 * O(n) each on UTF-8, 10× slower to build; GIN drops the repeated keys itself). Both are ordinary
 * indexes, updated with the row.
 *
 * Queries of 1 character use neither and scan, as before (they match a large share of all rows).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect.name === 'postgres') {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index projects_search_trgm on projects using gin (search_text gin_trgm_ops)`.execute(db);
    await sql`
      create function project_search_bigrams(t text) returns text[]
      language sql immutable strict parallel safe
      as $$
        select array(
          select m[1] from regexp_matches(lower(t), '(..)', 'g') m
          union all
          select m[1] from regexp_matches(substr(lower(t), 2), '(..)', 'g') m
        )
      $$`.execute(db);
    await sql`create index projects_search_bigrams on projects using gin (project_search_bigrams(search_text))`.execute(
      db,
    );
    return;
  }
  await sql`
    create virtual table project_search using fts5(
      body, tokenize = 'trigram', content = '', contentless_delete = 1, detail = none
    )`.execute(db);
  await sql`create virtual table project_search_terms using fts5vocab(project_search, 'row')`.execute(db);
  await sql`
    create trigger project_search_insert after insert on projects begin
      insert into project_search (rowid, body) values (new.rowid, new.search_text || '  ');
    end`.execute(db);
  await sql`
    create trigger project_search_delete after delete on projects begin
      delete from project_search where rowid = old.rowid;
    end`.execute(db);
  await sql`
    create trigger project_search_update after update of search_text on projects begin
      delete from project_search where rowid = old.rowid;
      insert into project_search (rowid, body) values (new.rowid, new.search_text || '  ');
    end`.execute(db);
  await sql`insert into project_search (rowid, body) select rowid, search_text || '  ' from projects`.execute(
    db,
  );
}
