/**
 * Incentive policies as code, the OpenFisca way: a policy is versioned data (identifier, title,
 * issuer, document number, validity) plus pure functions; every parameter carries its own validity
 * dates, so a change of rate or cap is a new dated value, never an edit of the old one.
 */

/** One dated value of a parameter: valid from `from` through `to` (inclusive; null = open). */
export interface ParameterValue<T> {
  from: string;
  to: string | null;
  value: T;
}

export interface Parameter<T> {
  key: string;
  /** Why this value: the text it comes from, or the decision taken where the text is silent. */
  basis: string;
  values: readonly ParameterValue<T>[];
}

export interface ParameterUse {
  key: string;
  value: string | number | boolean;
  from: string;
  to: string | null;
  /** The date the value was looked up for. */
  on: string;
  basis: string;
}

/** The value of a parameter on a day, or undefined when none is valid then. */
export function valueOn<T>(p: Parameter<T>, day: string): ParameterValue<T> | undefined {
  return p.values.find((v) => v.from <= day && (v.to === null || day <= v.to));
}

/** Looks a parameter up and records the use (each parameter once per day looked up). */
export function useParameter<T extends string | number | boolean>(
  uses: ParameterUse[],
  p: Parameter<T>,
  day: string,
): T | undefined {
  const v = valueOn(p, day);
  if (!v) return undefined;
  if (!uses.some((u) => u.key === p.key && u.from === v.from))
    uses.push({ key: p.key, value: v.value, from: v.from, to: v.to, on: day, basis: p.basis });
  return v.value;
}

/** Round half up of a non-negative rational n / d, in integers. */
export function roundHalfUp(n: bigint, d: bigint): bigint {
  return (n * 2n + d) / (d * 2n);
}

/** A USD→CNY rate as a decimal string ("7.1186") → [numerator, denominator]. */
export function parseRate(rate: string): [bigint, bigint] {
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(rate.trim());
  if (!m || /^0+(\.0+)?$/.test(rate.trim())) throw new Error(`not a rate: ${rate}`);
  const decimals = m[2] ?? '';
  return [BigInt(m[1] + decimals), 10n ** BigInt(decimals.length)];
}

/** USD cents → CNY fen at a rate (CNY per USD), rounded half up to the fen. */
export function centsToFen(cents: number, rate: string): number {
  const [n, d] = parseRate(rate);
  return Number(roundHalfUp(BigInt(cents) * n, d));
}

/** CNY fen → USD cents at a rate, rounded half up to the cent. */
export function fenToCents(fen: number, rate: string): number {
  const [n, d] = parseRate(rate);
  return Number(roundHalfUp(BigInt(fen) * d, n));
}
