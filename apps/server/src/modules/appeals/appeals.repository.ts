import { APPEAL_OPEN_STATUSES } from '@yingshang/contracts';
import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { fetchPage } from '../../db/paging.js';
import type { AppealPatch, AppealRow, Database } from '../../db/schema.js';
import { updateVersioned } from '../../kernel/versioned.js';

/** An appeal's ledger number: SQ + the Beijing day of filing + the last 12 hex digits of its id. */
export const appealCode = (id: string, day: string) =>
  `SQ${day.replaceAll('-', '')}-${id.slice(-12).toUpperCase()}`;

export const findAppealRow = (db: Executor, id: string) =>
  db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst();

export const insertAppeal = (db: Executor, values: Insertable<Database['appeals']>) =>
  db.insertInto('appeals').values(values).execute();

/** A lifecycle step's change on the version the actor read (VERSION_CONFLICT when stale). */
export const updateAppeal = (db: Executor, key: { id: string; version: number }, changes: AppealPatch) =>
  updateVersioned(db, 'appeals', key, changes);

/** One timeline entry of an appeal. */
export const insertAppealEvent = (db: Executor, values: Insertable<Database['appealEvents']>) =>
  db.insertInto('appealEvents').values(values).execute();

/** Who reads: an office's subtree, one department (current or earlier assignments), one enterprise. */
export type AppealReader =
  | { kind: 'region'; path: string }
  | { kind: 'department'; unitId: string }
  | { kind: 'enterprise'; unitId: string };

export async function wasAssignedTo(db: Executor, appealId: string, departmentId: string) {
  const r = await db
    .selectFrom('appealEvents')
    .select('id')
    .where('appealId', '=', appealId)
    .where('kind', '=', 'assign')
    .where('departmentId', '=', departmentId)
    .executeTakeFirst();
  return !!r;
}

export async function hasReturned(db: Executor, appealId: string, departmentId: string) {
  const r = await db
    .selectFrom('appealEvents')
    .select('id')
    .where('appealId', '=', appealId)
    .where('kind', '=', 'return')
    .where('departmentId', '=', departmentId)
    .executeTakeFirst();
  return !!r;
}

export interface AppealFilter {
  reader: AppealReader;
  /** Narrower region (inside the reader's area) as a path. */
  regionPath?: string;
  q?: string;
  status?: string;
  open?: 'true' | 'false';
  channel?: string;
  category?: string;
  urgency?: string;
  departmentId?: string;
  meetingId?: string;
  supervised?: 'true' | 'false';
  from?: string;
  to?: string;
  sla?: 'normal' | 'warning' | 'overdue';
  sort: 'due' | 'filed' | 'updated';
  page: number;
  pageSize: number;
}

function base(db: Executor) {
  return db
    .selectFrom('appeals as a')
    .innerJoin('orgUnits as r', 'r.id', 'a.regionId')
    .leftJoin('orgUnits as d', 'd.id', 'a.departmentId')
    .innerJoin('orgUnits as s', 's.id', 'a.supervisingUnitId');
}

export type AppealListRow = AppealRow & {
  regionName: string;
  departmentName: string | null;
  supervisingUnitName: string;
};

const listColumns = [
  'r.name as regionName',
  'd.name as departmentName',
  's.name as supervisingUnitName',
] as const;

/** `today` and `warnBefore` (the first day that is no longer 临期) place the SLA filter. */
export async function listAppeals(
  db: Executor,
  dialect: Dialect,
  f: AppealFilter,
  clock: { today: string; warnBefore: string },
) {
  let q = base(db);
  const reader = f.reader;
  if (reader.kind === 'region') q = q.where(({ ref }) => dialect.under(ref('a.regionPath'), reader.path));
  else if (reader.kind === 'enterprise') q = q.where('a.enterpriseId', '=', reader.unitId);
  else
    q = q.where((eb) =>
      eb.or([
        eb('a.departmentId', '=', reader.unitId),
        eb(
          'a.id',
          'in',
          eb
            .selectFrom('appealEvents as e')
            .select('e.appealId')
            .where('e.kind', '=', 'assign')
            .where('e.departmentId', '=', reader.unitId),
        ),
      ]),
    );
  if (f.regionPath) q = q.where(({ ref }) => dialect.under(ref('a.regionPath'), f.regionPath!));
  if (f.q) {
    const needle = f.q.toLowerCase();
    // A department never matches on the enterprise's name: anonymous appeals would give it away.
    q = q.where((eb) =>
      reader.kind === 'department'
        ? dialect.contains(eb.ref('a.searchText'), needle)
        : eb.or([
            dialect.contains(eb.ref('a.searchText'), needle),
            dialect.contains(eb.ref('a.enterpriseName'), needle),
          ]),
    );
  }
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.open === 'true') q = q.where('a.status', 'in', APPEAL_OPEN_STATUSES);
  if (f.open === 'false') q = q.where('a.status', 'not in', APPEAL_OPEN_STATUSES);
  if (f.channel) q = q.where('a.channel', '=', f.channel);
  if (f.category) q = q.where('a.category', '=', f.category);
  if (f.urgency) q = q.where('a.urgency', '=', f.urgency);
  if (f.departmentId) q = q.where('a.departmentId', '=', f.departmentId);
  if (f.meetingId) q = q.where('a.meetingId', '=', f.meetingId);
  if (f.supervised === 'true')
    q = q.where((eb) => eb.or([eb('a.escalationLevel', '>', 0), eb('a.express', '=', 1)]));
  if (f.supervised === 'false') q = q.where('a.escalationLevel', '=', 0).where('a.express', '=', 0);
  if (f.from) q = q.where('a.filedOn', '>=', f.from);
  if (f.to) q = q.where('a.filedOn', '<=', f.to);
  if (f.sla === 'overdue') q = q.where('a.dueOn', '<', clock.today);
  if (f.sla === 'warning') q = q.where('a.dueOn', '>=', clock.today).where('a.dueOn', '<', clock.warnBefore);
  if (f.sla === 'normal') q = q.where('a.dueOn', '>=', clock.warnBefore);
  return fetchPage(
    q,
    f,
    (q) => {
      const s = q.selectAll('a').select(listColumns);
      if (f.sort === 'due')
        return s
          .orderBy(sql`case when a.due_on is null then 1 else 0 end`)
          .orderBy('a.dueOn')
          .orderBy('a.id');
      if (f.sort === 'filed') return s.orderBy('a.filedOn', 'desc').orderBy('a.id', 'desc');
      return s.orderBy('a.updatedAt', 'desc').orderBy('a.id', 'desc');
    },
    (r) => r as AppealListRow,
  );
}

export const findAppealListRow = (db: Executor, id: string) =>
  base(db).selectAll('a').select(listColumns).where('a.id', '=', id).executeTakeFirst() as Promise<
    AppealListRow | undefined
  >;

export const appealsOfMeeting = (db: Executor, meetingId: string) =>
  base(db)
    .selectAll('a')
    .select(listColumns)
    .where('a.meetingId', '=', meetingId)
    .orderBy('a.filedOn')
    .orderBy('a.id')
    .execute() as Promise<AppealListRow[]>;

export async function appealEvents(db: Executor, appealId: string) {
  return db
    .selectFrom('appealEvents as e')
    .leftJoin('orgUnits as d', 'd.id', 'e.departmentId')
    .leftJoin('orgUnits as u', 'u.id', 'e.actorUnitId')
    .selectAll('e')
    .select(['d.name as departmentName', 'u.name as actorUnitName'])
    .where('e.appealId', '=', appealId)
    .orderBy('e.createdAt')
    .orderBy('e.id')
    .execute();
}

/** Open appeals of an enterprise in a category (a repeat is of the same category: isLikelyRepeat). */
export const openAppealsOf = (db: Executor, enterpriseId: string, category: string) =>
  db
    .selectFrom('appeals')
    .select(['id', 'code', 'title', 'category', 'status'])
    .where('enterpriseId', '=', enterpriseId)
    .where('category', '=', category)
    .where('status', 'in', APPEAL_OPEN_STATUSES)
    .orderBy('filedOn')
    .execute();

export const appealRef = (db: Executor, id: string | null) =>
  id
    ? db.selectFrom('appeals').select(['id', 'code', 'title']).where('id', '=', id).executeTakeFirst()
    : Promise.resolve(undefined);

/** The most specific SLA rule for a channel, category and urgency (channel > category > urgency). */
export async function slaRuleFor(db: Executor, a: { channel: string; category: string; urgency: string }) {
  const rules = await db.selectFrom('appealSlaRules').selectAll().execute();
  const fits = rules.filter(
    (r) =>
      (r.channel === null || r.channel === a.channel) &&
      (r.category === null || r.category === a.category) &&
      (r.urgency === null || r.urgency === a.urgency),
  );
  const score = (r: (typeof rules)[number]) =>
    (r.channel ? 4 : 0) + (r.category ? 2 : 0) + (r.urgency ? 1 : 0);
  fits.sort((x, y) => score(y) - score(x) || x.id.localeCompare(y.id));
  return fits[0] ?? null;
}

/** Raised, solved, open and satisfied appeals per meeting (meetings with none are left out). */
export const meetingOutcomes = (db: Executor, meetingIds: string[]) =>
  db
    .selectFrom('appeals')
    .select([
      'meetingId',
      sql<number>`count(*)`.as('raised'),
      sql<number>`sum(case when status = 'closed' then 1 else 0 end)`.as('solved'),
      sql<number>`sum(case when status in ('submitted','accepted','assigned','handling','answered') then 1 else 0 end)`.as(
        'open',
      ),
      sql<number>`sum(case when rating in ('satisfied','basically_satisfied') then 1 else 0 end)`.as(
        'satisfied',
      ),
    ])
    .where('meetingId', 'in', meetingIds)
    .groupBy('meetingId')
    .execute();

export const findCategory = (db: Executor, code: string) =>
  db.selectFrom('appealCategories').select(['code', 'active']).where('code', '=', code).executeTakeFirst();

export const listCategories = (db: Executor) =>
  db.selectFrom('appealCategories').selectAll().orderBy('sort').execute();

export const listSlaRules = (db: Executor) =>
  db.selectFrom('appealSlaRules').selectAll().orderBy('id').execute();

export const findSlaRule = (db: Executor, id: string) =>
  db.selectFrom('appealSlaRules').selectAll().where('id', '=', id).executeTakeFirst();

/** An edit of an SLA rule on the version the editor read (VERSION_CONFLICT when stale). */
export const updateSlaRule = (
  db: Executor,
  key: { id: string; version: number },
  changes: Record<string, unknown>,
) => updateVersioned(db, 'appealSlaRules', key, changes);
