import path from 'node:path';
import type { Role } from '@yingshang/contracts';
import { type BackdateLimit, parseBackdateLimits } from './lib/backdate.js';

export interface Config {
  port: number;
  host: string;
  /** postgres://… switches to PostgreSQL; otherwise SQLite at sqlitePath. */
  databaseUrl: string | null;
  sqlitePath: string;
  dataDir: string;
  demoPassword: string | null;
  /** Generated demo projects loaded with the demo accounts on a first start (0: none). */
  demoProjects: number;
  logLevel: string;
  /** Absolute session lifetime and idle timeout. */
  sessionTtlHours: number;
  sessionIdleMinutes: number;
  /** How long a request may reuse a session read by an earlier one (kernel/session-cache.ts); 0: off. */
  sessionCacheMs: number;
  cookieSecure: boolean;
  /** Failed sign-ins before a temporary lock, and how long it lasts. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Sign-in attempts per IP per minute. */
  loginRateLimit: number;
  /** 'fast' lowers argon2 cost: tests only. */
  passwordHashing: 'standard' | 'fast';
  webDist: string | null;
  /**
   * USD→CNY rate for CNY equivalents of foreign funds until the exchange-rate table of the
   * incentive module exists: a decision, not a fact; set it to the current PBOC central parity.
   */
  usdCnyRate: string;
  /** A signed project not started after this many days, or started and not producing after the other, is stalled. */
  stallSignedDays: number;
  stallStartedDays: number;
  /** How far back each role may enter what happened (BACKDATE_LIMITS, lib/backdate.ts). */
  backdateLimits: Record<Role, BackdateLimit>;
}

const root = path.resolve(import.meta.dirname, '../../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(root, 'data'));
  const databaseUrl = env.DATABASE_URL?.startsWith('postgres') ? env.DATABASE_URL : null;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    sqlitePath: env.SQLITE_PATH ?? path.join(dataDir, 'yingshang.sqlite'),
    dataDir,
    demoPassword: env.DEMO_PASSWORD || null,
    demoProjects: Number(env.DEMO_PROJECTS ?? 3000),
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 12),
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 120),
    sessionCacheMs: Number(env.SESSION_CACHE_MS ?? 5000),
    cookieSecure: env.COOKIE_SECURE === 'true',
    lockoutThreshold: Number(env.LOCKOUT_THRESHOLD ?? 5),
    lockoutMinutes: Number(env.LOCKOUT_MINUTES ?? 15),
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 30),
    passwordHashing: env.PASSWORD_HASHING === 'fast' ? 'fast' : 'standard',
    usdCnyRate: env.USD_CNY_RATE ?? '7.1',
    stallSignedDays: Number(env.STALL_SIGNED_DAYS ?? 180),
    stallStartedDays: Number(env.STALL_STARTED_DAYS ?? 365),
    backdateLimits: parseBackdateLimits(env.BACKDATE_LIMITS),
    webDist: env.WEB_DIST === '' ? null : path.resolve(env.WEB_DIST ?? path.join(root, 'apps/web/dist')),
  };
}
