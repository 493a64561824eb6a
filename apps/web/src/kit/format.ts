import type { Locale } from '@yingshang/contracts';
import dayjs from 'dayjs';

/* One format module: money (万元 / 亿元 / 万美元), dates, numbers, percentages, quantities, codes. */

/**
 * Money in the UI: the API counts integer fen (CNY) and cents (USD); people read and type 万元 /
 * 万美元. 1 万 = 10,000 units = 1,000,000 fen (or cents), so a 万 amount with up to six decimals maps
 * exactly onto the integer: the conversions below work on the decimal digits, never on floats.
 */
export const MINOR_PER_WAN = 1_000_000;
/** The largest amount the API accepts (1e15 fen = 10 万亿元), in 万. */
export const MAX_WAN_DIGITS = 9;

const DECIMAL = /^(\d{1,12})(?:\.(\d{0,6}))?$/;

/** Strips thousands separators (ASCII or full-width commas) and spaces. */
const clean = (text: string) => text.replace(/[,，\s]/g, '');

/**
 * "1,234.5" (万) → 1,234,500,000 (fen or cents); null when the text is not a non-negative decimal
 * with at most six decimals.
 */
export function wanToMinor(text: string | null | undefined): number | null {
  if (text == null) return null;
  const m = DECIMAL.exec(clean(text));
  if (!m) return null;
  const whole = Number(m[1]);
  const frac = Number((m[2] ?? '').padEnd(6, '0'));
  const value = whole * MINOR_PER_WAN + frac;
  return Number.isSafeInteger(value) ? value : null;
}

/** Adds thousands separators to a string of digits. */
export function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * fen (or cents) → 万 with thousands separators. `digits` fixes the number of decimals (rounded half
 * up, exactly); without it every significant decimal is kept (up to six: the exact value).
 */
export function formatWan(minor: number, digits?: number): string {
  const negative = minor < 0;
  let abs = Math.abs(Math.trunc(minor));
  let places = 6;
  if (digits !== undefined && digits < 6) {
    const step = 10 ** (6 - digits);
    const q = Math.floor(abs / step);
    abs = (abs - q * step) * 2 >= step ? (q + 1) * step : q * step;
    places = digits;
  }
  const whole = Math.floor(abs / MINOR_PER_WAN);
  let frac = String(abs - whole * MINOR_PER_WAN)
    .padStart(6, '0')
    .slice(0, places);
  if (digits === undefined) frac = frac.replace(/0+$/, '');
  return `${negative ? '-' : ''}${groupDigits(String(whole))}${frac ? `.${frac}` : ''}`;
}

/** Exact 万 amount with at least two decimals ("82,000.25", "560,000.00"): ledgers line up. */
export function formatAmount(minor: number): string {
  const exact = formatWan(minor);
  const dot = exact.indexOf('.');
  if (dot < 0) return `${exact}.00`;
  return exact.length - dot - 1 < 2 ? `${exact}0` : exact;
}

/** The value a 万 input shows for an amount: exact, grouped ("12,345.6"). */
export const minorToWanInput = (minor: number | null | undefined): string =>
  minor == null ? '' : formatWan(minor);

/** Re-groups what the user typed, when it is a valid amount (on blur); otherwise leaves it alone. */
export function normaliseWanInput(text: string): string {
  const minor = wanToMinor(text);
  return minor === null ? text : formatWan(minor);
}

/** A ratio (0.8125) → "81.3%"; null → "—". */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio == null || !Number.isFinite(ratio)) return '—';
  return `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}

/** part ÷ whole as a ratio, or null when the whole is zero. */
export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

// ---------------------------------------------------------------- dates and numbers

/** 2026-05-31 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD') : value;
}

/** 2026-05-31 08:00 */
export function formatDateTime(value: string | null | undefined, seconds = false): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format(seconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm') : value;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** 1,234,567 (thousands separators in both languages). */
export function formatNumber(value: number, locale: Locale = 'zh-CN', fractionDigits = 0): string {
  const key = `${locale}:${fractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    numberFormats.set(key, f);
  }
  return f.format(value);
}

// ---------------------------------------------------------------- larger units, headers, changes

/** 1 亿 = 10,000 万 = 10,000,000,000 fen. */
export const MINOR_PER_YI = 10_000 * MINOR_PER_WAN;

/** fen → 亿元 with thousands separators and `digits` decimals (default two): "1.25". */
export function formatYi(minor: number, digits = 2): string {
  // 亿 = 万 / 10,000: round on the 万 value shifted by four places, exactly on integers
  const negative = minor < 0;
  const abs = Math.abs(Math.trunc(minor));
  const step = MINOR_PER_YI / 10 ** digits;
  const q = Math.floor(abs / step);
  const rounded = (abs - q * step) * 2 >= step ? q + 1 : q;
  const whole = Math.floor(rounded / 10 ** digits);
  const frac = digits > 0 ? String(rounded - whole * 10 ** digits).padStart(digits, '0') : '';
  return `${negative && rounded > 0 ? '-' : ''}${groupDigits(String(whole))}${frac ? `.${frac}` : ''}`;
}

/** USD cents → 万美元 (the same arithmetic as 万元: 1 万美元 = 1,000,000 cents). */
export const formatWanUsd = (cents: number, digits = 2): string => formatWan(cents, digits);

export type MoneyUnit = 'wanYuan' | 'yiYuan' | 'wanUsd';

/** A column header with its unit, once: 「总投资（万元）」 / "Total investment (CNY 10k)". */
export function withUnit(label: string, unit: string, locale: Locale = 'zh-CN'): string {
  if (!unit) return label;
  return locale === 'zh-CN' ? `${label}（${unit}）` : `${label} (${unit})`;
}

/** The amount in the unit a header names (万元 / 亿元 / 万美元), two decimals. */
export function formatMoneyIn(minor: number | null | undefined, unit: MoneyUnit, digits = 2): string {
  if (minor == null) return '—';
  return unit === 'yiYuan' ? formatYi(minor, digits) : formatWan(minor, digits);
}

/** A percentage with one decimal from a number already in percent (12.345 → "12.3%"). */
export function formatPct(percent: number | null | undefined): string {
  if (percent == null || !Number.isFinite(percent)) return '—';
  return `${(Math.round(percent * 10) / 10).toFixed(1)}%`;
}

export type ChangeDirection = 'up' | 'down' | 'flat' | 'none';

/**
 * A change against last year as words and a direction: rounds to one decimal first, so a change
 * that shows as 0.0 % is 持平 (flat), never a green 「↑ 0.0%」. null (no last-year value) → 'none'.
 */
export function describeChange(change: number | null | undefined): {
  direction: ChangeDirection;
  pct: string;
} {
  if (change == null || !Number.isFinite(change)) return { direction: 'none', pct: '' };
  const tenths = Math.round(Math.abs(change) * 1000);
  if (tenths === 0) return { direction: 'flat', pct: '0.0' };
  return { direction: change > 0 ? 'up' : 'down', pct: (tenths / 10).toFixed(1) };
}

/** current ÷ lastYear − 1, or null when last year is zero (no basis to compare). */
export const changeRatio = (current: number, lastYear: number): number | null =>
  lastYear > 0 ? current / lastYear - 1 : null;

// ---------------------------------------------------------------- quantities and codes

/**
 * A quantity with its unit, once: 「20 亩」 whether the record holds "20" or already "20亩"; digits
 * grouped ("1,200 千伏安"); "—" when there is no quantity.
 */
export function formatQuantity(quantity: string | number | null | undefined, unit?: string | null): string {
  if (quantity == null) return '—';
  let text = String(quantity).trim();
  if (!text) return '—';
  const u = unit?.trim() ?? '';
  if (u && text.endsWith(u)) text = text.slice(0, -u.length).trim();
  const m = /^(\d+)(\.\d+)?$/.exec(text);
  const shown = m ? `${groupDigits(m[1])}${m[2] ?? ''}` : text;
  return u ? `${shown} ${u}` : shown;
}

/**
 * A unified social credit code as it should read: upper-case, and never a "null" / "undefined"
 * left by string concatenation (91141002MA0YS0003null → 91141002MA0YS0003); "—" when empty.
 */
export function formatCreditCode(code: string | null | undefined): string {
  if (code == null) return '—';
  const cleaned = code
    .replace(/null|undefined/gi, '')
    .trim()
    .toUpperCase();
  return cleaned || '—';
}

/** An investor's identifying code: the credit code, or country and foreign registration number. */
export function investorCode(i: {
  creditCode?: string | null;
  foreignRegNo?: string | null;
  country?: string | null;
}): string {
  if (i.creditCode && formatCreditCode(i.creditCode) !== '—') return formatCreditCode(i.creditCode);
  const parts = [i.country, i.foreignRegNo].filter(
    (s): s is string => !!s && s.trim() !== '' && !/^(null|undefined)$/i.test(s.trim()),
  );
  return parts.join(' ');
}
