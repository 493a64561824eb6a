/**
 * Cells of a ledger as offices write them, shared by every ledger import (projects, rectification
 * tasks): text without full-width or spacing differences, plain values out of exceljs's cell
 * representations, and days in the forms a clerk types.
 */

/** NFKC (全角 → 半角), no whitespace at all, no required-field markers. */
export function compact(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/^[*★※]+|[*★※]+$/g, '');
}

/** What a cell holds once Excel's representations are taken apart. */
export type CellValue = string | number | boolean | Date | null;

/** exceljs cell values (rich text, formulas, hyperlinks, errors, shared strings) to plain values. */
export function plainCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return plainCell(o.richText.map((r: { text?: string }) => r.text ?? '').join(''));
    if ('result' in o) return plainCell(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if ('text' in o) return plainCell(o.text);
    if ('error' in o) return null;
  }
  return String(v);
}

/** A cell as text: numbers without float noise or exponents, dates as YYYY-MM-DD. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v.toISOString().slice(0, 10);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const bad = (message: string): Parsed<never> => ({ ok: false, message });

const isRealDay = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/**
 * A day (YYYY-MM-DD) from a real Excel date, a date serial number, or text such as 2026-05-31,
 * 2026/5/31, 2026.5.31, 2026年5月31日 or 20260531 (a time after the day is ignored).
 */
export function parseDay(v: CellValue, label: string): Parsed<string> {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return bad(`${label}不是有效日期`);
    // exceljs reads Excel days as UTC midnights (plus the time of day, if any).
    return ok(v.toISOString().slice(0, 10));
  }
  if (typeof v === 'number') {
    // A date serial (1900 system) in a cell without a date format: 1 = 1900-01-01, 25569 = 1970-01-01.
    if (v < 1 || v > 2958465) return bad(`${label}「${v}」不是有效日期（例如 2026-05-31）`);
    return ok(new Date(Math.round((v - 25569) * 86400_000)).toISOString().slice(0, 10));
  }
  const text = cellText(v).normalize('NFKC').trim();
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m || !isRealDay(Number(m[1]), Number(m[2]), Number(m[3])))
    return bad(`${label}「${text}」不是有效日期（例如 2026-05-31）`);
  return ok(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`);
}

/** A county as offices write it, without its suffix (曲沃 = 曲沃县, 尧都 = 尧都区); '' for other units. */
export function bareCountyName(unit: { kind: string; name: string }): string {
  const bare = unit.kind === 'county' ? unit.name.replace(/(自治县|县|区|市)$/, '') : '';
  return bare.length >= 2 ? bare : '';
}

/** Units by every name a ledger may write for them: the name, the short name, the bare county name. */
export function unitsByName<T extends { kind: string; name: string; shortName: string | null }>(units: T[]) {
  const byName = new Map<string, T[]>();
  for (const u of units)
    for (const n of new Set([u.name, u.shortName, bareCountyName(u)].filter((x): x is string => !!x)))
      byName.set(n, [...(byName.get(n) ?? []), u]);
  return byName;
}
