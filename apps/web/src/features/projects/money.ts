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
