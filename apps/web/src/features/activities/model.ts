import type { ActivitySummary, Official } from '@yingshang/contracts';

/**
 * The activity vocabulary, mirrored from packages/contracts/src/activities.ts (importing its constants
 * would pull zod into the bundle); the type checks fail the build when the contract changes.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export type ActivityType = ActivitySummary['type'];
export type OfficialLevel = Official['level'];
export type ActivityResults = ActivitySummary['results'];

export const ACTIVITY_TYPES = [
  'outbound',
  'conference',
  'signing',
  'reception',
  'hometown',
  'online',
] as const;
export const OFFICIAL_LEVELS = ['province', 'city', 'county', 'zone'] as const;
export const ACTIVITY_SORTS = ['startOn', 'signed', 'fundsInPlace', 'title'] as const;
export type ActivitySort = (typeof ACTIVITY_SORTS)[number];

const checks: [
  Same<(typeof ACTIVITY_TYPES)[number], ActivityType>,
  Same<(typeof OFFICIAL_LEVELS)[number], OfficialLevel>,
] = [true, true];
void checks;

/** Type tag colours (always shown with the type's name). */
export const TYPE_COLORS: Record<ActivityType, string> = {
  outbound: 'blue',
  conference: 'purple',
  signing: 'green',
  reception: 'cyan',
  hometown: 'gold',
  online: 'geekblue',
};

/** The place of an activity in one line: 中国 广东省 深圳市 · venue (the country only when abroad). */
export function placeOf(a: Pick<ActivitySummary, 'country' | 'province' | 'city' | 'venue'>): string {
  const parts = [a.country === '中国' ? null : a.country, a.province, a.city].filter(Boolean).join(' ');
  return [parts || a.country, a.venue].filter(Boolean).join(' · ');
}

/** Days of [from, to] as YYYY-MM-DD strings, at most `limit`. */
export function daysIn(from: string, to: string, limit = 62): string[] {
  const out: string[] = [];
  let t = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  while (t <= end && out.length < limit) {
    out.push(new Date(t).toISOString().slice(0, 10));
    t += 86400_000;
  }
  return out;
}
