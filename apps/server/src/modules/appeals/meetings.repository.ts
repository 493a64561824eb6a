import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { fetchPage } from '../../db/paging.js';
import type { AppealMeetingRow, Database } from '../../db/schema.js';

export type MeetingWithRegion = AppealMeetingRow & { regionName: string };

export const findMeetingRow = (db: Executor, id: string) =>
  db.selectFrom('appealMeetings').selectAll().where('id', '=', id).executeTakeFirst();

const withRegion = (db: Executor) =>
  db
    .selectFrom('appealMeetings as m')
    .innerJoin('orgUnits as o', 'o.id', 'm.regionId')
    .selectAll('m')
    .select('o.name as regionName');

export const findMeetingWithRegion = (db: Executor, id: string) =>
  withRegion(db).where('m.id', '=', id).executeTakeFirst();

/** The meeting of the same series and region held just before this one (same day: lower id). */
export const previousMeeting = (db: Executor, row: AppealMeetingRow) =>
  withRegion(db)
    .where('m.series', '=', row.series)
    .where('m.regionId', '=', row.regionId)
    .where((eb) =>
      eb.or([
        eb('m.heldOn', '<', row.heldOn),
        eb.and([eb('m.heldOn', '=', row.heldOn), eb('m.id', '<', row.id)]),
      ]),
    )
    .orderBy('m.heldOn', 'desc')
    .orderBy('m.id', 'desc')
    .executeTakeFirst();

/** Meetings under `scope` (and under `regionPath` when given), newest first. */
export function listMeetings(
  db: Executor,
  dialect: Dialect,
  f: { scope: string; series?: string; regionPath?: string; page: number; pageSize: number },
) {
  let q = withRegion(db).where(({ ref }) => dialect.under(ref('m.regionPath'), f.scope));
  if (f.series) q = q.where('m.series', '=', f.series);
  if (f.regionPath) {
    const path = f.regionPath;
    q = q.where(({ ref }) => dialect.under(ref('m.regionPath'), path));
  }
  return fetchPage(
    q,
    f,
    (s) => s.orderBy('m.heldOn', 'desc').orderBy('m.id', 'desc'),
    (r) => r,
  );
}

/** How many enterprises attended each of these meetings (meetings with none are left out). */
export const enterpriseCounts = async (db: Executor, meetingIds: string[]) =>
  meetingIds.length
    ? await db
        .selectFrom('appealMeetingEnterprises')
        .select(['meetingId', sql<number>`count(*)`.as('n')])
        .where('meetingId', 'in', meetingIds)
        .groupBy('meetingId')
        .execute()
    : [];

/** The attending enterprises in the order they were listed. */
export const meetingEnterprises = (db: Executor, meetingId: string) =>
  db
    .selectFrom('appealMeetingEnterprises as me')
    .innerJoin('orgUnits as o', 'o.id', 'me.enterpriseId')
    .select(['o.id', 'o.name'])
    .where('me.meetingId', '=', meetingId)
    .orderBy('me.position')
    .execute();

export async function attended(db: Executor, meetingId: string, enterpriseId: string) {
  const r = await db
    .selectFrom('appealMeetingEnterprises')
    .select('enterpriseId')
    .where('meetingId', '=', meetingId)
    .where('enterpriseId', '=', enterpriseId)
    .executeTakeFirst();
  return !!r;
}

/** A new meeting and its attending enterprises, in the given order. */
export async function insertMeeting(
  db: Executor,
  values: Insertable<Database['appealMeetings']>,
  enterpriseIds: string[],
) {
  await db.insertInto('appealMeetings').values(values).execute();
  if (enterpriseIds.length)
    await db
      .insertInto('appealMeetingEnterprises')
      .values(
        enterpriseIds.map((enterpriseId, position) => ({ meetingId: values.id, enterpriseId, position })),
      )
      .execute();
}
