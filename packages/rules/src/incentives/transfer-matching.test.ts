import { describe, expect, it } from 'vitest';
import { CITY_ORIENTATION, rankCities, traitsOfIndustry } from './transfer-matching.js';

describe('industry-transfer matching', () => {
  it('covers all eleven cities once', () => {
    expect(CITY_ORIENTATION.map((o) => o.city).sort()).toEqual([
      '140100',
      '140200',
      '140300',
      '140400',
      '140500',
      '140600',
      '140700',
      '140800',
      '140900',
      '141000',
      '141100',
    ]);
  });

  it.each([
    ['garments (18) go to 运城 and 临汾 first', '1810', [], ['140800', '141000']],
    [
      'food processing (13) to the old revolutionary areas',
      '1310',
      [],
      ['140300', '140600', '140900', '141100'],
    ],
    [
      'pharmaceuticals (27): the national-zone cities (technology-intensive, broad), then 太原',
      '2710',
      [],
      ['140200', '140400', '140500', '140700'],
    ],
    ['a high-tech project by trait: 太原', null, ['high_tech'], ['140100']],
    [
      'a green, technology-intensive project: the four national-zone cities',
      null,
      ['green_low_carbon', 'technology_intensive'],
      ['140200', '140400', '140500', '140700'],
    ],
    ['logistics by trait: 太原', null, ['logistics'], ['140100']],
  ] as const)('%s', (_name, code, traits, top) => {
    const ranked = rankCities(code, traits);
    const best = ranked[0].score;
    expect(
      ranked
        .filter((r) => r.score === best)
        .map((r) => r.city)
        .sort(),
    ).toEqual([...top].sort());
    expect(ranked[0].reasons.length).toBeGreaterThan(0);
  });

  it('reads traits from a division or a class code', () => {
    expect(traitsOfIndustry('C3216')).toEqual(traitsOfIndustry('32'));
    expect(traitsOfIndustry('99')).toEqual([]);
    expect(traitsOfIndustry(null)).toEqual([]);
  });
});
