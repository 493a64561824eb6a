import crypto from 'node:crypto';
import { type Permission, permissionsOf, type Role, type RouteGuard } from '@yingshang/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { listenForSessionChanges, sessionCache } from '../kernel/session-cache.js';
import type { Actor } from '../lib/actor.js';
import { AppError } from '../lib/app-error.js';
import { sha256 } from '../lib/ids.js';
import {
  deleteSession,
  findSession,
  type SessionWithUser,
  touchSession,
} from '../modules/auth/session.repository.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares who may call it; the guard refuses routes that don't. */
    permission?: RouteGuard;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionExpired: boolean;
  }
}

export const SESSION_COOKIE = 'ys_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes a user who must change the initial password may still call. */
const PASSWORD_CHANGE_ALLOWED = /^\/api\/v1\/auth\//;

/** The permission set of a combination of roles, built once (a handful of combinations exist). */
const permissionSets = new Map<string, ReadonlySet<Permission>>();
function permissionSet(roles: readonly Role[]): ReadonlySet<Permission> {
  const key = roles.join(',');
  let set = permissionSets.get(key);
  if (!set) {
    set = new Set(permissionsOf(roles));
    permissionSets.set(key, set);
  }
  return set;
}

export function sessionExpiry(createdAt: string, seenAt: Date, config: Config): string {
  const absolute = Date.parse(createdAt) + config.sessionTtlHours * 3600_000;
  const idle = seenAt.getTime() + config.sessionIdleMinutes * 60_000;
  return new Date(Math.min(absolute, idle)).toISOString();
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * Server-side sessions (shared by every process through the database), the route guard and
 * CSRF: a cookie-authenticated write must echo the session's CSRF token in `x-csrf-token`.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db; config: Config }) => {
  const { db, config } = opts;
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionExpired', false);
  const sessions = sessionCache<SessionWithUser>(config.sessionCacheMs);
  if (config.databaseUrl && config.sessionCacheMs > 0) {
    const listener = listenForSessionChanges(config.databaseUrl, (err) =>
      app.log.warn({ err }, 'session cache: change listener lost, cache off until it reconnects'),
    );
    app.addHook('onReady', () => listener.ready);
    app.addHook('onClose', listener.stop);
  }

  // Who is calling, then whether they may: both before the body is even parsed.
  app.addHook('onRequest', async (req) => {
    await resolveActor(req);
    guard(req);
  });

  async function resolveActor(req: FastifyRequest) {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const id = sha256(token);
    const load = () => findSession(db, id);
    let s = await sessions.get(id, load);
    if (!s) return;
    const nowDate = new Date();
    // A cached expiry may have been pushed back since by a request on another process: ask the database.
    if (s.expiresAt <= nowDate.toISOString() && !s.disabled) s = await load();
    if (!s) return;
    if (s.expiresAt <= nowDate.toISOString() || s.disabled) {
      await deleteSession(db, id);
      req.sessionExpired = true;
      return;
    }
    // Sliding idle timeout, written at most once a minute.
    if (nowDate.getTime() - Date.parse(s.lastSeenAt) > 60_000) {
      s.lastSeenAt = nowDate.toISOString();
      s.expiresAt = sessionExpiry(s.createdAt, nowDate, config);
      await touchSession(db, id, s.lastSeenAt, s.expiresAt);
    }
    req.actor = {
      userId: s.userId,
      username: s.username,
      displayName: s.displayName,
      roles: s.roles,
      permissions: permissionSet(s.roles),
      orgUnit: s.orgUnit,
      locale: s.locale,
      mustChangePassword: s.mustChangePassword,
      sessionId: id,
      csrfToken: s.csrfToken,
      requestId: req.id,
      ip: req.ip,
    };
  }

  function guard(req: FastifyRequest) {
    if (req.is404) return;
    const permission = req.routeOptions.config.permission;
    if (!permission) throw new AppError('FORBIDDEN', { reason: 'route declares no permission' });
    if (permission === 'public') return;
    const actor = req.actor;
    if (!actor) throw new AppError(req.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, actor.csrfToken)) throw new AppError('CSRF_INVALID');
    }
    if (actor.mustChangePassword && !PASSWORD_CHANGE_ALLOWED.test(req.url)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    if (permission !== 'authenticated' && !actor.permissions.has(permission)) throw new AppError('FORBIDDEN');
  }
});

/** The acting user of a guarded route. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}
