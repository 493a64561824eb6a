import { industrySectionName } from '@yingshang/rules';
import { describe, expect, it } from 'vitest';
import { dashboardEnUS } from './i18n.en-US';
import { dashboardZhCN } from './i18n.zh-CN';

describe('dashboard message tables', () => {
  it('name the 20 industry sections as @yingshang/rules does (the dashboard does not load the whole standard)', () => {
    const codes = 'ABCDEFGHIJKLMNOPQRST'.split('');
    const zh = dashboardZhCN as Record<string, string>;
    const en = dashboardEnUS as Record<string, string>;
    for (const c of codes) {
      expect(zh[`dash.industry.${c}`], c).toBe(industrySectionName(c, 'zh-CN'));
      expect(en[`dash.industry.${c}`], c).toBe(industrySectionName(c, 'en-US'));
    }
    expect(Object.keys(zh).filter((k) => k.startsWith('dash.industry.'))).toHaveLength(codes.length);
  });
});
