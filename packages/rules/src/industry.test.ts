import { describe, expect, it } from 'vitest';
import {
  INDUSTRIES,
  industryByCode,
  industryChildren,
  industryPath,
  industrySectionName,
  isManufacturing,
  searchIndustries,
} from './industry.js';

describe('GB/T 4754-2017 data', () => {
  it.each([
    [1, 20],
    [2, 97],
    [3, 473],
    [4, 1381],
  ])('level %i has %i classes', (level, count) => {
    expect(INDUSTRIES.filter((i) => i.level === level)).toHaveLength(count);
  });

  it('has unique codes of the right shape, each parent listed before its children', () => {
    const seen = new Set<string>();
    for (const i of INDUSTRIES) {
      expect(seen.has(i.code)).toBe(false);
      expect(i.code).toMatch([/^[A-T]$/, /^\d{2}$/, /^\d{3}$/, /^\d{4}$/][i.level - 1]);
      if (i.level === 1) expect(i.parent).toBeUndefined();
      else expect(seen.has(i.parent!)).toBe(true);
      if (i.level > 2) expect(i.code.startsWith(i.parent!)).toBe(true);
      expect(i.name).toMatch(/^\S+$/);
      seen.add(i.code);
    }
  });

  it('lists the 门类 A–T in order, manufacturing being 大类 13–43', () => {
    expect(industryChildren().map((i) => i.code)).toEqual([...'ABCDEFGHIJKLMNOPQRST']);
    const c = industryChildren('C').map((i) => Number(i.code));
    expect(c).toEqual(Array.from({ length: 31 }, (_, k) => 13 + k));
  });

  it('gives an undivided 中类 its single 小类 with the same name', () => {
    expect(industryByCode('022')).toEqual({ code: '022', name: '造林和更新', level: 3, parent: '02' });
    expect(industryChildren('022')).toEqual([{ code: '0220', name: '造林和更新', level: 4, parent: '022' }]);
  });
});

describe('industryByCode', () => {
  it.each([
    ['A', '农、林、牧、渔业', undefined],
    ['C', '制造业', undefined],
    ['13', '农副食品加工业', 'C'],
    ['131', '谷物磨制', '13'],
    ['1311', '稻谷加工', '131'],
    ['31', '黑色金属冶炼和压延加工业', 'C'],
    ['39', '计算机、通信和其他电子设备制造业', 'C'],
    ['3973', '集成电路制造', '397'],
    ['3491', '工业机器人制造', '349'],
    ['44', '电力、热力生产和供应业', 'D'],
    ['6520', '集成电路设计', '652'],
    ['7224', '供应链管理服务', '722'],
    ['97', '国际组织', 'T'],
  ])('%s is %s under %s', (code, name, parent) => {
    const found = industryByCode(code);
    expect(found?.name).toBe(name);
    expect(found?.parent).toBe(parent);
  });

  it.each(['C3491', 'c3491', ' 3491 '])('reads %j as 3491', (code) => {
    expect(industryByCode(code)?.code).toBe('3491');
  });

  it.each(['', 'U', '98', '999', '3490', 'D3491', '03491', 'C34911'])('does not know %j', (code) => {
    expect(industryByCode(code)).toBeUndefined();
  });
});

describe('industryPath', () => {
  it.each([
    ['C', ['C']],
    ['39', ['C', '39']],
    ['397', ['C', '39', '397']],
    ['3973', ['C', '39', '397', '3973']],
    ['0220', ['A', '02', '022', '0220']],
    ['C3973', ['C', '39', '397', '3973']],
    ['9999', []],
  ])('%s → %j', (code, path) => {
    expect(industryPath(code).map((i) => i.code)).toEqual(path);
  });
});

describe('isManufacturing', () => {
  it.each([
    ['C', true],
    ['12', false],
    ['1200', false],
    ['13', true],
    ['1311', true],
    ['39', true],
    ['43', true],
    ['4390', true],
    ['44', false],
    ['4411', false],
    ['B', false],
    ['7224', false],
    ['nonsense', false],
  ])('%s → %s', (code, expected) => {
    expect(isManufacturing(code)).toBe(expected);
  });
});

describe('searchIndustries', () => {
  it('finds by code prefix first, in the standard order', () => {
    expect(searchIndustries('397').map((i) => i.code)).toEqual([
      '397',
      '3971',
      '3972',
      '3973',
      '3974',
      '3975',
      '3976',
      '3979',
    ]);
  });

  it('reads a 门类 letter and the C39 form', () => {
    expect(searchIndustries('c')[0].code).toBe('C');
    expect(searchIndustries('C39', 3).map((i) => i.code)).toEqual(['39', '391', '3911']);
    expect(searchIndustries('A39')).toEqual([]);
  });

  it('finds by name substring', () => {
    const codes = searchIndustries('机器人').map((i) => i.code);
    expect(codes).toEqual(['3491', '3492', '3964']);
    expect(searchIndustries('集成电路').map((i) => i.name)).toEqual([
      '集成电路制造',
      '集成电路设计',
      '集成电路设计',
    ]);
  });

  it('limits the results and ignores blank queries', () => {
    expect(searchIndustries('制造', 5)).toHaveLength(5);
    expect(searchIndustries('  ')).toEqual([]);
  });
});

describe('industrySectionName', () => {
  it('names every section of the standard in both languages', () => {
    const sections = INDUSTRIES.filter((i) => i.level === 1).map((i) => i.code);
    expect(sections).toHaveLength(20);
    for (const code of sections) {
      expect(industrySectionName(code, 'zh-CN')).toBe(industryByCode(code)?.name);
      expect(industrySectionName(code, 'en-US')).toMatch(/^[A-Z][a-z]/);
    }
    expect(industrySectionName('C', 'en-US')).toBe('Manufacturing');
    expect(industrySectionName('Z', 'zh-CN')).toBe('Z');
  });
});
