/**
 * Money conversions in integers only. The USD→CNY rate is a decimal string (e.g. the PBOC central
 * parity "7.1186"); amounts are integer cents (USD) and fen (CNY), so 1 cent × rate = fen.
 */
export function usdCentsToFen(cents: number, rate: string): number {
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(rate.trim());
  if (!m) throw new Error(`not a rate: ${rate}`);
  const decimals = m[2] ?? '';
  const scale = 10n ** BigInt(decimals.length);
  const scaled = BigInt(cents) * BigInt(m[1] + decimals);
  // round half up
  return Number((scaled * 2n + scale) / (scale * 2n));
}

/** 万元 as a decimal string ("12.5") → fen, exactly. */
export function wanToFen(wan: string): number {
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(wan.trim());
  if (!m) throw new Error(`not an amount: ${wan}`);
  return Number(BigInt(m[1]) * 1_000_000n + BigInt((m[2] ?? '').padEnd(6, '0')));
}

/** fen → 万元 with up to 6 decimals, trailing zeros trimmed ("12.5"). */
export function fenToWan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = BigInt(Math.abs(fen));
  const frac = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${sign}${abs / 1_000_000n}${frac ? `.${frac}` : ''}`;
}
