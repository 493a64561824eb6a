import { describe, expect, it } from 'vitest';
import {
  bigMinorToWan,
  matchHeader,
  normaliseProjectName,
  parseAmount,
  parseDay,
  parseProjectType,
  parseStage,
  wanValue,
} from './projects.ledger.js';

describe('ledger headers', () => {
  it.each([
    ['总投资（万元）', { key: 'total', scale: 6 }],
    ['总投资(万元)', { key: 'total', scale: 6 }],
    ['总 投 资\n（亿元）', { key: 'total', scale: 10 }],
    ['总投资/亿元', { key: 'total', scale: 10 }],
    ['计划总投资', { key: 'total', scale: 6 }],
    ['*项目名称', { key: 'name' }],
    ['其中：外资(万美元)', { key: 'foreign', scale: 6 }],
    ['外资（美元）', { key: 'foreign', scale: 2 }],
    ['到位资金（万元）', { key: 'funds', scale: 6 }],
    ['国别（地区）', { key: 'country' }],
    ['投资方统一社会信用代码', { key: 'creditCode' }],
    ['签约时间', { key: 'signedOn' }],
    ['总投资（美元）', { key: 'total', badUnit: '美元' }],
  ])('%s', (header, expected) => {
    expect(matchHeader(header)).toEqual(expected);
  });
  it('ignores other text', () => {
    expect(matchHeader('临汾市招商项目台账')).toBeUndefined();
    expect(matchHeader('')).toBeUndefined();
  });
});

describe('ledger amounts (exact, in minor units)', () => {
  it.each([
    [52000, 6, 52_000_000_000],
    [12000.5, 6, 12_000_500_000],
    [0.000001, 6, 1],
    [1.1 * 3, 6, 3_300_000], // 3.3000000000000003: a formula's float noise
    ['12,000.5', 6, 12_000_500_000],
    ['８０００', 6, 8_000_000_000],
    ['2.5亿元', 10, 25_000_000_000],
    [2.5, 10, 25_000_000_000],
    ['1,000,000', 2, 100_000_000],
    ['0', 6, 0],
    ['-0', 6, 0],
  ])('%s × 10^%i', (v, scale, minor) => {
    expect(parseAmount(v, scale, '总投资')).toEqual({ ok: true, value: minor });
  });
  it.each([
    [-5, '总投资不能为负数'],
    ['abc', '总投资「abc」不是有效的金额'],
    ['1.0000001', '总投资「1.0000001」的小数位过多（最多精确到分）'],
    ['1e21', '总投资「1e21」不是有效的金额'],
  ])('refuses %s', (v, message) => {
    expect(parseAmount(v, 6, '总投资')).toEqual({ ok: false, message });
  });
  it('formats 万元 exactly, also past 2^53 fen', () => {
    expect(wanValue(202_700_000_000)).toBe(202700);
    expect(wanValue(1)).toBe(0.000001);
    expect(bigMinorToWan(12_345_678_901_234_567_891n)).toBe('12345678901234.567891');
  });
});

describe('ledger dates', () => {
  it.each([
    [new Date('2026-05-31T00:00:00Z'), '2026-05-31'],
    [46173, '2026-05-31'],
    ['2026-05-31', '2026-05-31'],
    ['2026/5/31', '2026-05-31'],
    ['2026.5.31', '2026-05-31'],
    ['2026年5月31日', '2026-05-31'],
    ['２０２６年５月３１日', '2026-05-31'],
    ['20260531', '2026-05-31'],
    ['2026-05-31 00:00:00', '2026-05-31'],
  ])('%s', (v, day) => {
    expect(parseDay(v, '签约日期')).toEqual({ ok: true, value: day });
  });
  it.each(['2026-02-30', '31/05/2026', '明年', '2026-13-01'])('refuses %s', (v) => {
    expect(parseDay(v, '签约日期').ok).toBe(false);
  });
});

describe('ledger words', () => {
  it('reads stages and project types as clerks write them', () => {
    expect(
      ['线索', '在谈', '洽谈', '已签约', '开工', '在建', '投产', '终止', ' 签 约 '].map(parseStage),
    ).toEqual([
      'lead',
      'negotiating',
      'negotiating',
      'signed',
      'started',
      'started',
      'producing',
      'terminated',
      'signed',
    ]);
    expect(parseStage('施工')).toBeUndefined();
    expect(['新建', '扩建', '改扩建', '东部转移', 'relocation'].map(parseProjectType)).toEqual([
      'new',
      'expansion',
      'expansion',
      'relocation',
      'relocation',
    ]);
  });
  it('compares project names without spacing, width and punctuation', () => {
    expect(normaliseProjectName('晋鑫 年产170万吨（一期）焦化项目')).toBe(
      normaliseProjectName('晋鑫年产170万吨(一期)焦化项目'),
    );
  });
});
