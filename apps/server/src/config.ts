import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** postgres://… switches to PostgreSQL; otherwise SQLite at sqlitePath. */
  databaseUrl: string | null;
  sqlitePath: string;
  dataDir: string;
  demoPassword: string | null;
  logLevel: string;
  /** Absolute session lifetime and idle timeout. */
  sessionTtlHours: number;
  sessionIdleMinutes: number;
  cookieSecure: boolean;
  /** Failed sign-ins before a temporary lock, and how long it lasts. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Sign-in attempts per IP per minute. */
  loginRateLimit: number;
  /** 'fast' lowers argon2 cost: tests only. */
  passwordHashing: 'standard' | 'fast';
  webDist: string | null;
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
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 12),
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 120),
    cookieSecure: env.COOKIE_SECURE === 'true',
    lockoutThreshold: Number(env.LOCKOUT_THRESHOLD ?? 5),
    lockoutMinutes: Number(env.LOCKOUT_MINUTES ?? 15),
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 30),
    passwordHashing: env.PASSWORD_HASHING === 'fast' ? 'fast' : 'standard',
    webDist: env.WEB_DIST === '' ? null : path.resolve(env.WEB_DIST ?? path.join(root, 'apps/web/dist')),
  };
}
