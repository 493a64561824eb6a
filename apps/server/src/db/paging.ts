import { type SelectQueryBuilder, sql } from 'kysely';

/**
 * One page of a filtered query and the total it came from: counts the filtered rows, then selects
 * a page of them. `select` adds the columns and the order; `map` turns rows into API shapes.
 */
export async function fetchPage<
  // biome-ignore lint/suspicious/noExplicitAny: any table set and selection
  Q extends SelectQueryBuilder<any, any, any>,
  Row,
  Item,
>(
  base: Q,
  page: { page: number; pageSize: number },
  // biome-ignore lint/suspicious/noExplicitAny: the selection decides the row type
  select: (q: Q) => SelectQueryBuilder<any, any, Row>,
  map: (row: Row) => Item,
) {
  const counted = await base
    .clearSelect()
    .select(sql<number>`count(*)`.as('total'))
    .executeTakeFirstOrThrow();
  const rows = await select(base)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { items: rows.map(map), total: Number(counted.total), page: page.page, pageSize: page.pageSize };
}
