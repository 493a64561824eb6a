import { isWeakPassword, type Locale, type Me, permissionsOf } from '@yingshang/contracts';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../../kernel/audit.js';
import type { PasswordHasher } from '../../kernel/password.js';
import type { Actor } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { earliestBackdate } from '../../lib/backdate.js';
import { now, randomToken, sha256 } from '../../lib/ids.js';
import type { Ports } from '../../ports.js';
import { deleteSession, deleteUserSessions, findSession, insertSession } from './session.repository.js';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export function createAuthService(deps: {
  db: Db;
  config: Config;
  hasher: PasswordHasher;
  ports: Pick<Ports, 'findUserByUsername' | 'setLoginState' | 'toUser'>;
}) {
  const { db, config, hasher } = deps;
  const { findUserByUsername, setLoginState, toUser } = deps.ports;
  // Verifying against a real hash for unknown usernames keeps timing from revealing who exists.
  const dummyHash = hasher.hash(randomToken());

  /** The signed-in user as the client sees it, from the request's actor or a fresh session. */
  function meOf(s: Omit<Actor, 'permissions' | 'requestId' | 'ip' | 'sessionId'>): Me {
    return {
      user: {
        id: s.userId,
        username: s.username,
        displayName: s.displayName,
        roles: s.roles,
        locale: s.locale,
        mustChangePassword: s.mustChangePassword,
        orgUnit: s.orgUnit,
      },
      permissions: permissionsOf(s.roles),
      backdateFrom: earliestBackdate(s, config.backdateLimits),
      csrfToken: s.csrfToken,
    };
  }

  return {
    me: (actor: Actor) => meOf(actor),

    /** Checks the password, applies lockout, and opens a fresh session (never reuses one). */
    async login(input: { username: string; password: string }, client: ClientInfo, previousToken?: string) {
      const user = await findUserByUsername(db, input.username.toLowerCase());
      const at = now();
      if (!user) {
        await hasher.verify(await dummyHash, input.password);
        fail('LOGIN_FAILED');
      }
      if (user.lockedUntil && user.lockedUntil > at) fail('ACCOUNT_LOCKED', { until: user.lockedUntil });
      const ok = await hasher.verify(user.passwordHash, input.password);
      if (!ok) {
        const failed = user.failedLogins + 1;
        const lock = failed >= config.lockoutThreshold;
        await db.transaction().execute(async (trx) => {
          await setLoginState(trx, user.id, {
            failedLogins: lock ? 0 : failed,
            lockedUntil: lock
              ? new Date(Date.now() + config.lockoutMinutes * 60_000).toISOString()
              : user.lockedUntil,
          });
          if (lock) {
            await recordAudit(trx, null, {
              action: 'lock',
              entity: 'user',
              entityId: user.id,
              scopePath: user.orgUnitPath,
              summary: `${user.username}: ${config.lockoutThreshold} failed sign-ins from ${client.ip ?? '?'}`,
            });
          }
        });
        fail(lock ? 'ACCOUNT_LOCKED' : 'LOGIN_FAILED');
      }
      if (user.disabled) fail('ACCOUNT_DISABLED');
      const token = randomToken();
      const sessionId = sha256(token);
      await db.transaction().execute(async (trx) => {
        if (previousToken) await deleteSession(trx, sha256(previousToken));
        await insertSession(trx, {
          id: sessionId,
          userId: user.id,
          csrfToken: randomToken(24),
          now: at,
          expiresAt: new Date(
            Math.min(
              Date.now() + config.sessionIdleMinutes * 60_000,
              Date.now() + config.sessionTtlHours * 3600_000,
            ),
          ).toISOString(),
          ip: client.ip,
          userAgent: client.userAgent?.slice(0, 300) ?? null,
        });
        await setLoginState(trx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: at });
      });
      const session = await findSession(db, sessionId);
      if (!session) fail('UNAUTHENTICATED');
      return { token, me: meOf(session) };
    },

    async logout(actor: Actor) {
      await deleteSession(db, actor.sessionId);
    },

    async changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }) {
      const user = await findUserByUsername(db, actor.username);
      if (!user || !(await hasher.verify(user.passwordHash, input.currentPassword))) {
        fail('PASSWORD_WRONG', [{ path: 'currentPassword', message: 'PASSWORD_WRONG' }]);
      }
      if (isWeakPassword(input.newPassword, user.username) || input.newPassword === input.currentPassword) {
        fail('PASSWORD_WEAK', [{ path: 'newPassword', message: 'PASSWORD_WEAK' }]);
      }
      const passwordHash = await hasher.hash(input.newPassword);
      await db.transaction().execute(async (trx) => {
        await setLoginState(trx, user.id, { passwordHash, mustChangePassword: 0, updatedAt: now() });
        // Other sessions (another browser, a stolen cookie) end; this one stays.
        await deleteUserSessions(trx, user.id, actor.sessionId);
        await recordAudit(trx, actor, {
          action: 'change_password',
          entity: 'user',
          entityId: user.id,
          scopePath: user.orgUnitPath,
          summary: `${toUser(user).displayName} (${user.username})`,
        });
      });
    },

    async setLocale(actor: Actor, locale: Locale) {
      await setLoginState(db, actor.userId, { locale });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
