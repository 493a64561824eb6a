import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's filters, typed, in the URL (so a view can be shared, bookmarked and drilled into): a spec
 * names each filter's kind; parseFilters reads the search params, writeFilters writes a change back
 * (defaults are left out of the URL, changing a filter returns to page 1), useUrlFilters binds both to
 * react-router with `replace: true`.
 */

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export const isOneOf = <T extends string>(list: readonly T[], v: string | null | undefined): v is T =>
  v != null && (list as readonly string[]).includes(v);

/** A YYYY-MM-DD day that exists on the calendar (2026-02-30 is refused). */
export function isDay(v: string | null | undefined): v is string {
  if (!v || !DAY_RE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export interface DayRange {
  from?: string;
  to?: string;
}

type Params = URLSearchParams;

/** One filter: how it reads from and writes to the search params. */
export interface FilterDef<V> {
  readonly kind: string;
  readonly defaultValue: V;
  /** Paging filters are not "a filter change": setting them keeps the page. */
  readonly paging?: boolean;
  parse(params: Params, key: string): V;
  write(params: Params, key: string, value: V): void;
}

const setOrDelete = (params: Params, name: string, value: string | undefined) => {
  if (value === undefined || value === '') params.delete(name);
  else params.set(name, value);
};

/** The filter kinds. `param` renames the URL key (the spec's key is the name in `values`). */
export const filter = {
  string(opts: { param?: string; default?: string } = {}): FilterDef<string> {
    const d = opts.default ?? '';
    return {
      kind: 'string',
      defaultValue: d,
      parse: (p, key) => p.get(opts.param ?? key)?.trim() || d,
      write: (p, key, v) => setOrDelete(p, opts.param ?? key, v.trim() === d ? undefined : v.trim()),
    };
  },
  enum<T extends string>(
    values: readonly T[],
    opts: { param?: string; default?: T } = {},
  ): FilterDef<T | undefined> {
    return {
      kind: 'enum',
      defaultValue: opts.default,
      parse: (p, key) => {
        const v = p.get(opts.param ?? key);
        return isOneOf(values, v) ? v : opts.default;
      },
      write: (p, key, v) => setOrDelete(p, opts.param ?? key, v === opts.default ? undefined : v),
    };
  },
  number(
    opts: { param?: string; min?: number; max?: number; integer?: boolean } = {},
  ): FilterDef<number | undefined> {
    return {
      kind: 'number',
      defaultValue: undefined,
      parse: (p, key) => {
        const raw = p.get(opts.param ?? key);
        if (raw == null || raw.trim() === '') return undefined;
        const n = Number(raw);
        if (!Number.isFinite(n)) return undefined;
        if (opts.integer && !Number.isInteger(n)) return undefined;
        if (opts.min !== undefined && n < opts.min) return undefined;
        if (opts.max !== undefined && n > opts.max) return undefined;
        return n;
      },
      write: (p, key, v) => setOrDelete(p, opts.param ?? key, v === undefined ? undefined : String(v)),
    };
  },
  day(opts: { param?: string } = {}): FilterDef<string | undefined> {
    return {
      kind: 'day',
      defaultValue: undefined,
      parse: (p, key) => {
        const v = p.get(opts.param ?? key);
        return isDay(v) ? v : undefined;
      },
      write: (p, key, v) => setOrDelete(p, opts.param ?? key, isDay(v) ? v : undefined),
    };
  },
  /** Two URL keys, `${key}From` / `${key}To` unless named; either end may stay open. */
  dayRange(opts: { from?: string; to?: string } = {}): FilterDef<DayRange> {
    const names = (key: string) => [opts.from ?? `${key}From`, opts.to ?? `${key}To`] as const;
    return {
      kind: 'dayRange',
      defaultValue: {},
      parse: (p, key) => {
        const [f, t] = names(key);
        const from = p.get(f);
        const to = p.get(t);
        const out: DayRange = {};
        if (isDay(from)) out.from = from;
        if (isDay(to)) out.to = to;
        return out;
      },
      write: (p, key, v) => {
        const [f, t] = names(key);
        setOrDelete(p, f, isDay(v.from) ? v.from : undefined);
        setOrDelete(p, t, isDay(v.to) ? v.to : undefined);
      },
    };
  },
  /** `?key=true` when on; off is the absence of the key. */
  boolean(opts: { param?: string } = {}): FilterDef<boolean> {
    return {
      kind: 'boolean',
      defaultValue: false,
      parse: (p, key) => p.get(opts.param ?? key) === 'true',
      write: (p, key, v) => setOrDelete(p, opts.param ?? key, v ? 'true' : undefined),
    };
  },
  page(): FilterDef<number> {
    return {
      kind: 'page',
      defaultValue: 1,
      paging: true,
      parse: (p, key) => {
        const n = Number(p.get(key));
        return Number.isInteger(n) && n >= 1 ? n : 1;
      },
      write: (p, key, v) => setOrDelete(p, key, v > 1 ? String(v) : undefined),
    };
  },
  pageSize(sizes: readonly number[] = [20, 50, 100]): FilterDef<number> {
    const d = sizes[0];
    return {
      kind: 'pageSize',
      defaultValue: d,
      paging: true,
      parse: (p, key) => {
        const n = Number(p.get(key));
        return sizes.includes(n) ? n : d;
      },
      write: (p, key, v) => setOrDelete(p, key, v === d || !sizes.includes(v) ? undefined : String(v)),
    };
  },
};

// biome-ignore lint/suspicious/noExplicitAny: a spec mixes filters of every value type
export type FilterSpec = Record<string, FilterDef<any>>;
export type FilterValues<S extends FilterSpec> = { [K in keyof S]: S[K]['defaultValue'] };

/** Reads every filter of the spec from the search params (a malformed value reads as the default). */
export function parseFilters<S extends FilterSpec>(spec: S, params: Params): FilterValues<S> {
  const out = {} as FilterValues<S>;
  for (const key of Object.keys(spec) as (keyof S & string)[]) out[key] = spec[key].parse(params, key);
  return out;
}

/**
 * The search params after a change: other keys of the URL (a tab, say) are kept; a change of any
 * non-paging filter, or of the page size, returns to the first page.
 */
export function writeFilters<S extends FilterSpec>(
  spec: S,
  params: Params,
  patch: Partial<FilterValues<S>>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const current = parseFilters(spec, params);
  let resetPage = false;
  for (const key of Object.keys(patch) as (keyof S & string)[]) {
    const def = spec[key];
    if (!def) continue;
    const value = patch[key] === undefined ? def.defaultValue : patch[key];
    if (def.kind !== 'page' && JSON.stringify(value) !== JSON.stringify(current[key])) resetPage = true;
    def.write(next, key, value);
  }
  if (resetPage && !('page' in patch)) {
    for (const key of Object.keys(spec)) if (spec[key].kind === 'page') spec[key].write(next, key, 1);
  }
  return next;
}

/** The search params with every filter of the spec back at its default (other keys kept). */
export function resetFilters<S extends FilterSpec>(spec: S, params: Params): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of Object.keys(spec)) spec[key].write(next, key, spec[key].defaultValue);
  return next;
}

/** Whether any non-paging filter differs from its default (the empty state then says "loosen the filters"). */
export function isFiltered<S extends FilterSpec>(
  spec: S,
  values: FilterValues<S>,
  ignore: readonly (keyof S)[] = [],
): boolean {
  return (Object.keys(spec) as (keyof S & string)[]).some(
    (key) =>
      !spec[key].paging &&
      !ignore.includes(key) &&
      JSON.stringify(values[key]) !== JSON.stringify(spec[key].defaultValue),
  );
}

/**
 * The filters of a list page, from and to the URL. `set(patch)` writes a change (replace: true, so
 * Back leaves the list instead of stepping through each filter); `reset()` clears them all.
 * `filtered` says whether anything but paging (and the keys in `ignore`, e.g. the sort) is set.
 */
export function useUrlFilters<S extends FilterSpec>(spec: S, ignore: readonly (keyof S)[] = []) {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the params' text is their identity
  const values = useMemo(() => parseFilters(spec, params), [spec, key]);
  const set = useCallback(
    (patch: Partial<FilterValues<S>>) =>
      setParams((prev) => writeFilters(spec, prev, patch), { replace: true }),
    [spec, setParams],
  );
  const reset = useCallback(
    () => setParams((prev) => resetFilters(spec, prev), { replace: true }),
    [spec, setParams],
  );
  const filtered = isFiltered(spec, values, ignore);
  return { values, set, reset, filtered };
}

type ListFilters = { page: number; pageSize: number; sort?: string; order?: 'asc' | 'desc' };

/**
 * The ListPage props that come straight from a list's URL filters: paging, 重置, whether anything is
 * filtered, and, given the server's sort keys, the sort (a key outside them clears it).
 */
export function listPageBinding<S extends FilterSpec>(
  f: ReturnType<typeof useUrlFilters<S>>,
  sorts?: readonly string[],
) {
  const v = f.values as FilterValues<S> & ListFilters;
  const set = (patch: Partial<ListFilters>) => f.set(patch as Partial<FilterValues<S>>);
  return {
    filtered: f.filtered,
    onReset: f.reset,
    page: v.page,
    pageSize: v.pageSize,
    onPageChange: (page: number, pageSize: number) => set({ page, pageSize }),
    ...(sorts
      ? {
          sort: { key: v.sort, order: v.order },
          onSortChange: (key: string | undefined, order: 'asc' | 'desc' | undefined) => {
            const sort = sorts.find((s) => s === key);
            set(sort && order ? { sort, order } : { sort: undefined, order: undefined });
          },
        }
      : {}),
  };
}
