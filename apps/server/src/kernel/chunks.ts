/**
 * Reads and writes in chunks below the databases' bound-parameter caps (SQLite: 32 766 variables
 * per statement, PostgreSQL: 65 535). A `where id in (…)` of 500 ids, or an insert of a few hundred
 * rows of ~20 columns, stays well below both.
 */
export const CHUNK_SIZE = 500;

/** `list` cut into consecutive slices of at most `size` items. */
export function chunks<T>(list: readonly T[], size = CHUNK_SIZE): T[][] {
  if (!(size >= 1)) throw new RangeError(`chunk size must be at least 1, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Runs `read` once per chunk of `keys` (duplicates dropped, order kept) and concatenates the rows:
 * `readInChunks(ids, (c) => db.selectFrom('t').selectAll().where('id', 'in', c).execute())`.
 * No statement for an empty list.
 */
export async function readInChunks<K, R>(
  keys: readonly K[],
  read: (chunk: K[]) => Promise<readonly R[]>,
  size = CHUNK_SIZE,
): Promise<R[]> {
  const out: R[] = [];
  for (const c of chunks([...new Set(keys)], size)) out.push(...(await read(c)));
  return out;
}

/**
 * Runs `write` once per chunk of `rows` (a bulk insert or upsert), one after the other so a
 * transaction's connection is never used twice at once. Pick `size` from the row's width: about
 * 30 000 / columns for SQLite.
 */
export async function writeInChunks<R>(
  rows: readonly R[],
  write: (chunk: R[]) => Promise<unknown>,
  size = CHUNK_SIZE,
): Promise<void> {
  for (const c of chunks(rows, size)) await write(c);
}
