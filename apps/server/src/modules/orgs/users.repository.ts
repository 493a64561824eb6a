import type { OrgKind, Role } from '@yingshang/contracts';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { fetchPage } from '../../db/paging.js';
import type { NewUser, UserRow, UserUpdate } from '../../db/schema.js';
import { sessionsChanged } from '../../kernel/session-cache.js';
import { updateVersioned } from '../../kernel/versioned.js';

type UserWithUnit = UserRow & { orgUnitName: string; orgUnitPath: string; orgUnitKind: OrgKind };

export function toUser(r: UserWithUnit, at = new Date().toISOString()) {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    roles: JSON.parse(r.roles) as Role[],
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName,
    orgUnitKind: r.orgUnitKind,
    phone: r.phone,
    email: r.email,
    disabled: r.disabled === 1,
    locked: r.lockedUntil !== null && r.lockedUntil > at,
    mustChangePassword: r.mustChangePassword === 1,
    lastLoginAt: r.lastLoginAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}
export type UserDto = ReturnType<typeof toUser>;

function withUnit(db: Executor) {
  return db
    .selectFrom('users as u')
    .innerJoin('orgUnits as o', 'o.id', 'u.orgUnitId')
    .selectAll('u')
    .select(['o.name as orgUnitName', 'o.path as orgUnitPath', 'o.kind as orgUnitKind']);
}

export const findUser = (db: Executor, id: string) => withUnit(db).where('u.id', '=', id).executeTakeFirst();

export const findUserByUsername = (db: Executor, username: string) =>
  withUnit(db).where('u.username', '=', username).executeTakeFirst();

export async function insertUser(db: Executor, row: NewUser) {
  await db.insertInto('users').values(row).execute();
}

export interface UserFilter {
  scope: string;
  unitPath?: string;
  role?: Role;
  status?: 'active' | 'disabled' | 'locked';
  q?: string;
  page: number;
  pageSize: number;
}

export async function listUsers(db: Executor, dialect: Dialect, f: UserFilter) {
  let q = db
    .selectFrom('users as u')
    .innerJoin('orgUnits as o', 'o.id', 'u.orgUnitId')
    .where(({ ref }) => dialect.under(ref('o.path'), f.unitPath ?? f.scope));
  if (f.role) q = q.where('u.roles', 'like', `%"${f.role}"%`);
  const at = new Date().toISOString();
  if (f.status === 'disabled') q = q.where('u.disabled', '=', 1);
  if (f.status === 'locked') q = q.where('u.lockedUntil', '>', at);
  if (f.status === 'active') {
    q = q
      .where('u.disabled', '=', 0)
      .where((eb) => eb.or([eb('u.lockedUntil', 'is', null), eb('u.lockedUntil', '<=', at)]));
  }
  if (f.q) {
    const text = f.q;
    q = q.where(({ or, ref }) =>
      or([
        dialect.contains(ref('u.username'), text),
        dialect.contains(ref('u.displayName'), text),
        dialect.wordPrefix(ref('u.pinyin'), text.toLowerCase()),
      ]),
    );
  }
  return fetchPage(
    q,
    f,
    (q) =>
      q
        .selectAll('u')
        .select(['o.name as orgUnitName', 'o.path as orgUnitPath', 'o.kind as orgUnitKind'])
        .orderBy('o.path')
        .orderBy('u.username'),
    (r) => toUser(r, at),
  );
}

/** Optimistic update: throws VERSION_CONFLICT (409) when the version is stale. */
export async function updateUser(db: Executor, id: string, version: number, patch: UserUpdate, at: string) {
  await updateVersioned(db, 'users', { id, version }, { ...patch, updatedAt: at });
  await sessionsChanged(db, { userId: id });
}

/** Updates that are not user edits (sign-in bookkeeping) and so don't bump the version. */
/** Sign-in bookkeeping that signed-in sessions do not carry: changing it leaves them cached. */
const BOOKKEEPING = new Set(['failedLogins', 'lockedUntil', 'lastLoginAt', 'passwordHash', 'updatedAt']);

export async function setLoginState(db: Executor, id: string, patch: UserUpdate) {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
  if (Object.keys(patch).some((k) => !BOOKKEEPING.has(k))) await sessionsChanged(db, { userId: id });
}

/** Ids of all users of a unit, disabled ones included (files they uploaded stay theirs). */
export const userIdsOfUnit = async (db: Executor, orgUnitId: string) =>
  (await db.selectFrom('users').select('id').where('orgUnitId', '=', orgUnitId).execute()).map((u) => u.id);

/** Active users of a unit, optionally with one of these roles (for notices). */
export async function usersOf(db: Executor, unitId: string | null, roles?: readonly Role[]) {
  if (!unitId) return [];
  const rows = await db
    .selectFrom('users')
    .select(['id', 'roles'])
    .where('orgUnitId', '=', unitId)
    .where('disabled', '=', 0)
    .execute();
  return rows
    .filter((u) => !roles || (JSON.parse(u.roles) as Role[]).some((r) => roles.includes(r)))
    .map((u) => u.id);
}
