import { ROLES, type Role } from '@yingshang/contracts';
import type { Actor } from './actor.js';
import { fail } from './app-error.js';
import { addDays, beijingToday } from './days.js';

/**
 * How far back a role may enter what happened (补录): `none` without limit, `year` within the
 * current calendar year, `Nd` within the last N days. A setting (BACKDATE_LIMITS), because it is
 * the province's decision when ledgers are closed, not a fact.
 */
export type BackdateLimit = 'none' | 'year' | { days: number };

export const DEFAULT_BACKDATE_LIMITS: Record<Role, BackdateLimit> = {
  province_admin: 'none',
  city_bureau: 'year',
  county_staff: 'year',
  dept_handler: 'year',
  leader: 'year',
  inspector: 'year',
  enterprise: { days: 30 },
};

/** `county_staff=year,city_bureau=400d,province_admin=none` over the defaults; a bad entry throws. */
export function parseBackdateLimits(text: string | undefined): Record<Role, BackdateLimit> {
  const limits = { ...DEFAULT_BACKDATE_LIMITS };
  for (const entry of (text ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [role, value] = entry.split('=').map((s) => s.trim());
    const days = /^(\d{1,5})d$/.exec(value ?? '');
    if (!ROLES.includes(role as Role) || !(value === 'none' || value === 'year' || days))
      throw new Error(`BACKDATE_LIMITS: "${entry}" is not role=none|year|<days>d`);
    limits[role as Role] = days ? { days: Number(days[1]) } : (value as 'none' | 'year');
  }
  return limits;
}

/** The earliest day the actor may enter (the most generous of their roles), or null: no limit. */
export function earliestBackdate(
  actor: Pick<Actor, 'roles'>,
  limits: Record<Role, BackdateLimit>,
  today = beijingToday(),
): string | null {
  let earliest: string | null = today;
  for (const role of actor.roles) {
    const limit = limits[role];
    if (limit === 'none') return null;
    const day = limit === 'year' ? `${today.slice(0, 4)}-01-01` : addDays(today, -limit.days);
    if (earliest === null || day < earliest) earliest = day;
  }
  return earliest;
}

/** Refuses (400 BACKDATE_LIMIT, naming the field and the earliest day) a date before the actor's limit. */
export function checkBackdate(
  actor: Pick<Actor, 'roles'>,
  limits: Record<Role, BackdateLimit>,
  fields: readonly { path: string; date: string | null | undefined }[],
): void {
  const earliest = earliestBackdate(actor, limits);
  if (earliest === null) return;
  const late = fields.filter((f) => f.date && f.date < earliest);
  if (late.length > 0)
    fail(
      'BACKDATE_LIMIT',
      late.map((f) => ({ path: f.path, message: 'BACKDATE_LIMIT', earliest })),
    );
}

/** 补录: the day it happened is before the day it was entered (createdAt, an ISO timestamp). */
export const isBackdated = (day: string, createdAt: string) => day < beijingToday(Date.parse(createdAt));

/**
 * What an audit row carries when the entry happened before the day it is entered: the audit log
 * shows it as 补录 with that day (contracts AuditEntry.backdatedTo).
 */
export const backdatedTo = (day: string | null | undefined, today = beijingToday()) =>
  day && day < today ? { backdatedTo: day } : {};
