import type { ACTIVITY_SORTS, ActivitySummary, Official } from '@yingshang/contracts';

/** The activity vocabulary, defined once in the contracts. */
export { ACTIVITY_SORTS, ACTIVITY_TYPES, OFFICIAL_LEVELS } from '@yingshang/contracts';

export type ActivityType = ActivitySummary['type'];
export type OfficialLevel = Official['level'];
export type ActivityResults = ActivitySummary['results'];
export type ActivitySort = (typeof ACTIVITY_SORTS)[number];

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
