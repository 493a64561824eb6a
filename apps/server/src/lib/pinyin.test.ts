import { describe, expect, it } from 'vitest';
import { pinyinKey } from './pinyin.js';

describe('pinyinKey', () => {
  it('holds initials and full pinyin', () => {
    expect(pinyinKey('临汾市')).toBe('lfs linfenshi');
    expect(pinyinKey('尧都区')).toBe('ydq yaoduqu');
  });
  it('keeps latin text', () => {
    expect(pinyinKey('ABC科技')).toContain('abc');
  });
});
