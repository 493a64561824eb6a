import type { AppealStatus, SlaState } from '@yingshang/contracts';

export const APPEAL_STATUS_COLORS: Record<AppealStatus, string> = {
  submitted: 'orange',
  accepted: 'gold',
  assigned: 'blue',
  handling: 'processing',
  answered: 'cyan',
  closed: 'green',
  rejected: 'default',
  merged: 'default',
};

/** 正常 / 临期 / 逾期: green, gold, red — always with the words. */
export const SLA_COLORS: Record<SlaState, string> = { normal: 'green', warning: 'gold', overdue: 'red' };

export const RATING_COLORS = { satisfied: 'green', basically_satisfied: 'lime', unsatisfied: 'red' } as const;

export const isOneOf = <T extends string>(list: readonly T[], v: string | null | undefined): v is T =>
  v != null && (list as readonly string[]).includes(v);

export { beijingToday } from '../../kit';

/** Splits a typed list of days (lines, commas, spaces) into trimmed non-empty entries. */
export function parseDays(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** 0.875 → "87.5%"; null → "—". */
export function formatRate(v: number | null): string {
  return v === null ? '—' : `${(v * 100).toFixed(1)}%`;
}
