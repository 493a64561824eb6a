import { describe, expect, it } from 'vitest';
import {
  EASTERN_PROVINCES,
  isEasternProvince,
  ORIGIN_GROUPS,
  type OriginGroupKey,
  originGroup,
  PROVINCES,
  provinceOf,
} from './origin.js';

describe('PROVINCES (GB/T 2260)', () => {
  it('has the 34 provincial-level divisions', () => {
    expect(Object.keys(PROVINCES)).toHaveLength(34);
    expect(Object.keys(PROVINCES).every((c) => /^\d{2}$/.test(c))).toBe(true);
  });

  it.each([
    ['11', '北京市'],
    ['14', '山西省'],
    ['44', '广东省'],
    ['65', '新疆维吾尔自治区'],
    ['71', '台湾省'],
    ['81', '香港特别行政区'],
    ['82', '澳门特别行政区'],
  ])('%s is %s', (code, name) => {
    expect(PROVINCES[code]).toBe(name);
  });

  it.each([
    ['14', '14'],
    ['140000', '14'],
    ['141002', '14'],
    [' 31 ', '31'],
    ['10', undefined],
    ['99', undefined],
    ['1', undefined],
    ['1410', undefined],
    [undefined, undefined],
  ])('provinceOf(%j) → %j', (code, expected) => {
    expect(provinceOf(code)).toBe(expected);
  });
});

describe('originGroup by province', () => {
  const cases: [string, OriginGroupKey][] = [
    ['11', 'jjj'],
    ['12', 'jjj'],
    ['13', 'jjj'],
    ['31', 'yrd'],
    ['32', 'yrd'],
    ['33', 'yrd'],
    ['34', 'yrd'],
    ['44', 'gba'],
    ['81', 'gba'],
    ['82', 'gba'],
    ['21', 'east_other'],
    ['35', 'east_other'],
    ['37', 'east_other'],
    ['14', 'local'],
    ['15', 'central_west'],
    ['22', 'central_west'],
    ['23', 'central_west'],
    ['41', 'central_west'],
    ['46', 'central_west'],
    ['50', 'central_west'],
    ['51', 'central_west'],
    ['61', 'central_west'],
    ['65', 'central_west'],
    ['71', 'overseas'],
  ];

  it.each(cases)('%s → %s', (provinceCode, group) => {
    expect(originGroup({ provinceCode })).toBe(group);
  });

  it('puts every province in exactly one known group', () => {
    const keys = ORIGIN_GROUPS.map((g) => g.key) as string[];
    for (const code of Object.keys(PROVINCES)) {
      const group = originGroup({ provinceCode: code });
      expect(keys, code).toContain(group);
    }
    const central = Object.keys(PROVINCES).filter((c) => originGroup({ provinceCode: c }) === 'central_west');
    expect(central).toHaveLength(34 - 3 - 4 - 3 - 3 - 1 - 1);
  });

  it('reads 6-digit region codes, e.g. from a credit code', () => {
    expect(originGroup({ provinceCode: '310115' })).toBe('yrd');
    expect(originGroup({ provinceCode: '141002' })).toBe('local');
  });

  it('makes another province local when the office is elsewhere', () => {
    expect(originGroup({ provinceCode: '41' }, { homeProvince: '41' })).toBe('local');
    expect(originGroup({ provinceCode: '31' }, { homeProvince: '31' })).toBe('local');
    expect(originGroup({ provinceCode: '14' }, { homeProvince: '41' })).toBe('central_west');
  });
});

describe('originGroup by country', () => {
  it.each([
    ['US', 'overseas'],
    ['美国', 'overseas'],
    ['DE', 'overseas'],
    ['日本', 'overseas'],
    ['Singapore', 'overseas'],
    ['HK', 'gba'],
    ['香港', 'gba'],
    ['Macau', 'gba'],
    ['中国澳门', 'gba'],
    ['TW', 'overseas'],
    ['台湾', 'overseas'],
  ] as const)('%s → %s', (country, group) => {
    expect(originGroup({ country })).toBe(group);
  });

  it('uses the province when the country is China', () => {
    expect(originGroup({ country: 'CN', provinceCode: '32' })).toBe('yrd');
    expect(originGroup({ country: '中国', provinceCode: '14' })).toBe('local');
  });

  it('lets a foreign country win over a province', () => {
    expect(originGroup({ country: 'US', provinceCode: '14' })).toBe('overseas');
  });

  it.each([
    [{}],
    [{ provinceCode: '10' }],
    [{ provinceCode: 'xx' }],
    [{ country: 'China' }],
    [{ country: '  ' }],
  ])('cannot tell %j', (origin) => {
    expect(originGroup(origin)).toBeNull();
  });
});

describe('ORIGIN_GROUPS', () => {
  it('lists the seven groups with Chinese and English labels', () => {
    expect(ORIGIN_GROUPS.map((g) => g.zh)).toEqual([
      '京津冀',
      '长三角',
      '粤港澳大湾区',
      '东部其他',
      '中西部',
      '省内',
      '境外',
    ]);
    expect(ORIGIN_GROUPS.every((g) => g.en.length > 0)).toBe(true);
  });
});

describe('isEasternProvince (the measure’s eastern region)', () => {
  it('is exactly 北京 上海 天津 辽宁 河北 山东 江苏 浙江 福建 广东', () => {
    const eastern = Object.keys(PROVINCES).filter(isEasternProvince);
    expect(eastern.map((c) => PROVINCES[c].slice(0, 2)).sort()).toEqual(
      ['北京', '上海', '天津', '辽宁', '河北', '山东', '江苏', '浙江', '福建', '广东'].sort(),
    );
    expect([...EASTERN_PROVINCES].sort()).toEqual(eastern.sort());
  });

  it.each([
    ['44', true],
    ['440300', true],
    ['21', true],
    ['34', false],
    ['46', false],
    ['14', false],
    ['81', false],
    ['71', false],
    ['', false],
  ])('%j → %s', (code, expected) => {
    expect(isEasternProvince(code)).toBe(expected);
  });
});
