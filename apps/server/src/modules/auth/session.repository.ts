import type { Locale, OrgKind, Role } from '@yingshang/contracts';
import type { Executor } from '../../db/database.js';
import { sessionsChanged } from '../../kernel/session-cache.js';

export interface SessionWithUser {
  sessionId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  locale: Locale;
  mustChangePassword: boolean;
  disabled: boolean;
  orgUnit: { id: string; code: string; name: string; kind: OrgKind; path: string };
}

export async function findSession(db: Executor, id: string): Promise<SessionWithUser | undefined> {
  const r = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .innerJoin('orgUnits as o', 'o.id', 'u.orgUnitId')
    .select([
      's.id as sessionId',
      's.csrfToken',
      's.createdAt',
      's.lastSeenAt',
      's.expiresAt',
      'u.id as userId',
      'u.username',
      'u.displayName',
      'u.roles',
      'u.locale',
      'u.mustChangePassword',
      'u.disabled',
      'o.id as orgId',
      'o.code as orgCode',
      'o.name as orgName',
      'o.kind as orgKind',
      'o.path as orgPath',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    sessionId: r.sessionId,
    csrfToken: r.csrfToken,
    createdAt: r.createdAt,
    lastSeenAt: r.lastSeenAt,
    expiresAt: r.expiresAt,
    userId: r.userId,
    username: r.username,
    displayName: r.displayName,
    roles: JSON.parse(r.roles),
    locale: r.locale as Locale,
    mustChangePassword: r.mustChangePassword === 1,
    disabled: r.disabled === 1,
    orgUnit: { id: r.orgId, code: r.orgCode, name: r.orgName, kind: r.orgKind, path: r.orgPath },
  };
}

export async function insertSession(
  db: Executor,
  s: {
    id: string;
    userId: string;
    csrfToken: string;
    now: string;
    expiresAt: string;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      userId: s.userId,
      csrfToken: s.csrfToken,
      createdAt: s.now,
      lastSeenAt: s.now,
      expiresAt: s.expiresAt,
      ip: s.ip,
      userAgent: s.userAgent,
    })
    .execute();
}

export async function touchSession(db: Executor, id: string, lastSeenAt: string, expiresAt: string) {
  await db.updateTable('sessions').set({ lastSeenAt, expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Executor, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
  await sessionsChanged(db, { sessionId: id });
}

/** Ends a user's sessions, optionally keeping one (the one that changed the password). */
export async function deleteUserSessions(db: Executor, userId: string, keep?: string) {
  let q = db.deleteFrom('sessions').where('userId', '=', userId);
  if (keep) q = q.where('id', '!=', keep);
  await q.execute();
  await sessionsChanged(db, { userId });
}

export async function deleteExpiredSessions(db: Executor, now: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expiresAt', '<', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
