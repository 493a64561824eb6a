import type { Locale } from '@yingshang/contracts';
import dayjs from 'dayjs';

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
