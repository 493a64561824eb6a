import { describe, expect, it } from 'vitest';
import {
  filter,
  isDay,
  isFiltered,
  listPageBinding,
  parseFilters,
  resetFilters,
  writeFilters,
} from './use-url-filters';

const STAGES = ['lead', 'signed', 'started'] as const;
const spec = {
  q: filter.string(),
  status: filter.enum(STAGES),
  min: filter.number({ min: 0 }),
  day: filter.day(),
  reached: filter.dayRange({ from: 'reachedFrom', to: 'reachedTo' }),
  filed: filter.dayRange(),
  blocked: filter.boolean(),
  sort: filter.enum(['updatedAt', 'name'] as const, { default: 'updatedAt' }),
  region: filter.string({ param: 'regionId' }),
  page: filter.page(),
  pageSize: filter.pageSize([20, 50, 100]),
};
const params = (s: string) => new URLSearchParams(s);

describe('parseFilters', () => {
  it('reads every kind from the URL', () => {
    const v = parseFilters(
      spec,
      params(
        'q=%E9%94%82&status=signed&min=12.5&day=2026-05-31&reachedFrom=2026-04-01&reachedTo=2026-06-30' +
          '&filedFrom=2026-01-01&blocked=true&sort=name&regionId=r1&page=3&pageSize=50',
      ),
    );
    expect(v).toEqual({
      q: '锂',
      status: 'signed',
      min: 12.5,
      day: '2026-05-31',
      reached: { from: '2026-04-01', to: '2026-06-30' },
      filed: { from: '2026-01-01' },
      blocked: true,
      sort: 'name',
      region: 'r1',
      page: 3,
      pageSize: 50,
    });
  });

  it('reads malformed values as the defaults', () => {
    const v = parseFilters(
      spec,
      params('status=bogus&min=-1&day=2026-02-30&reachedFrom=tomorrow&blocked=yes&sort=x&page=0&pageSize=33'),
    );
    expect(v).toEqual({
      q: '',
      status: undefined,
      min: undefined,
      day: undefined,
      reached: {},
      filed: {},
      blocked: false,
      sort: 'updatedAt',
      region: '',
      page: 1,
      pageSize: 20,
    });
  });

  it('checks days on the calendar', () => {
    expect([isDay('2026-05-31'), isDay('2026-02-29'), isDay('2028-02-29'), isDay('2026-5-1')]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });
});

describe('writeFilters', () => {
  it('writes a change, leaves defaults out of the URL and keeps other keys', () => {
    const next = writeFilters(spec, params('tab=funds&page=4'), { status: 'lead', blocked: true });
    expect(next.get('status')).toBe('lead');
    expect(next.get('blocked')).toBe('true');
    expect(next.get('tab')).toBe('funds');
    expect(next.has('page')).toBe(false); // a filter change returns to page 1
  });

  it('keeps the page when only the page changes, and resets it when the page size changes', () => {
    expect(writeFilters(spec, params('status=lead'), { page: 2 }).toString()).toBe('status=lead&page=2');
    expect(writeFilters(spec, params('page=5'), { pageSize: 50 }).toString()).toBe('pageSize=50');
  });

  it('clears a filter set to undefined and writes ranges under their own keys', () => {
    const next = writeFilters(spec, params('status=lead&regionId=r1'), {
      status: undefined,
      region: '',
      reached: { from: '2026-04-01', to: '2026-06-30' },
    });
    expect(next.toString()).toBe('reachedFrom=2026-04-01&reachedTo=2026-06-30');
  });

  it('does not reset the page when a filter is written with its current value', () => {
    expect(writeFilters(spec, params('status=lead&page=3'), { status: 'lead' }).get('page')).toBe('3');
  });

  it('resets every filter of the spec, not the other keys', () => {
    expect(resetFilters(spec, params('q=a&status=lead&page=2&tab=x')).toString()).toBe('tab=x');
  });
});

describe('isFiltered', () => {
  it('ignores paging and the keys named', () => {
    expect(isFiltered(spec, parseFilters(spec, params('page=3&pageSize=50')))).toBe(false);
    expect(isFiltered(spec, parseFilters(spec, params('sort=name')), ['sort'])).toBe(false);
    expect(isFiltered(spec, parseFilters(spec, params('blocked=true')))).toBe(true);
    expect(isFiltered(spec, parseFilters(spec, params('filedTo=2026-01-31')))).toBe(true);
  });
});

describe('listPageBinding', () => {
  // the URL-bound filters of a list, as useUrlFilters returns them, over a plain URLSearchParams
  const bound = (search: string) => {
    let p = params(search);
    const values = () => parseFilters(spec, p);
    const f = {
      values: values(),
      set: (patch: Parameters<typeof writeFilters<typeof spec>>[2]) => {
        p = writeFilters(spec, p, patch);
      },
      reset: () => {
        p = resetFilters(spec, p);
      },
      filtered: isFiltered(spec, values(), ['sort']),
    };
    return { f, url: () => p.toString() };
  };

  it('hands the page, page size, 重置 and filtered state to the list', () => {
    const { f, url } = bound('status=signed&page=3&pageSize=50');
    const b = listPageBinding(f);
    expect(b).toMatchObject({ filtered: true, page: 3, pageSize: 50 });
    expect('sort' in b).toBe(false);
    b.onPageChange(2, 50);
    expect(url()).toBe('status=signed&page=2&pageSize=50');
    b.onReset();
    expect(url()).toBe('');
  });

  it('sorts by a known key only and clears the sort otherwise', () => {
    const { f, url } = bound('page=2');
    const b = listPageBinding(f, ['name', 'updatedAt']);
    expect(b.sort).toEqual({ key: 'updatedAt', order: undefined });
    b.onSortChange?.('name', 'asc');
    expect(url()).toBe('sort=name');
    b.onSortChange?.('evil', 'asc');
    expect(url()).toBe('');
  });
});
