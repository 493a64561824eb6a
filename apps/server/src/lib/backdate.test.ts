import { describe, expect, it } from 'vitest';
import { earliestBackdate, isBackdated, parseBackdateLimits } from './backdate.js';

describe('back-date limits (补录期限)', () => {
  const limits = parseBackdateLimits('county_staff=year, city_bureau=400d');

  it('reads role=none|year|<N>d over the defaults, and refuses anything else by name', () => {
    expect(limits).toMatchObject({
      county_staff: 'year',
      city_bureau: { days: 400 },
      province_admin: 'none',
    });
    expect(() => parseBackdateLimits('county=year')).toThrow(/"county=year"/);
    expect(() => parseBackdateLimits('county_staff=2y')).toThrow(/role=none\|year/);
  });

  it('gives the earliest day of the most generous role, or null without limit', () => {
    expect(earliestBackdate({ roles: ['county_staff'] }, limits, '2026-12-07')).toBe('2026-01-01');
    expect(earliestBackdate({ roles: ['city_bureau'] }, limits, '2026-12-07')).toBe('2025-11-02');
    expect(earliestBackdate({ roles: ['county_staff', 'city_bureau'] }, limits, '2026-12-07')).toBe(
      '2025-11-02',
    );
    expect(earliestBackdate({ roles: ['county_staff', 'province_admin'] }, limits, '2026-12-07')).toBeNull();
    expect(earliestBackdate({ roles: ['enterprise'] }, limits, '2026-12-07')).toBe('2026-11-07');
  });

  it('calls an entry back-dated when it happened before the Beijing day it was entered', () => {
    // 2026-12-06T17:00Z is already 7 December in Beijing
    expect(isBackdated('2026-12-06', '2026-12-06T17:00:00.000Z')).toBe(true);
    expect(isBackdated('2026-12-07', '2026-12-06T17:00:00.000Z')).toBe(false);
  });
});
