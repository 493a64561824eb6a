import { AUDIT_ACTIONS, AUDIT_ENTITIES, MODULES, ORG_KINDS, ROLES } from '@yingshang/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { enUS } from './en-US';
import { isMessageKey, loadLocale, translate } from './messages';
import { zhCN } from './zh-CN';

const tables = { 'zh-CN': zhCN as Record<string, string>, 'en-US': enUS as Record<string, string> };

describe('message tables', () => {
  beforeAll(async () => {
    await Promise.all([loadLocale('zh-CN'), loadLocale('en-US')]);
  });

  it('have exactly the same keys', () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('have no empty string', () => {
    for (const [locale, table] of Object.entries(tables)) {
      for (const [key, text] of Object.entries(table)) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zhCN)) {
      expect(names(tables['en-US'][key]), key).toEqual(names(tables['zh-CN'][key]));
    }
  });

  it('translate every role, org kind and module', () => {
    for (const table of Object.values(tables)) {
      for (const role of ROLES) expect(table[`role.${role}`]).toBeTruthy();
      for (const kind of ORG_KINDS) expect(table[`orgKind.${kind}`]).toBeTruthy();
      for (const e of AUDIT_ENTITIES) expect(table[`audit.entity.${e}`], e).toBeTruthy();
      for (const a of AUDIT_ACTIONS) expect(table[`audit.action.${a}`], a).toBeTruthy();
      for (const m of MODULES) {
        expect(table[`module.${m.key}.name`]).toBeTruthy();
        expect(table[`module.${m.key}.desc`]).toBeTruthy();
      }
    }
  });

  it('keeps the English table in English', () => {
    // a Chinese character in en-US is allowed only in the product name and the language switch
    const allowed = new Set(['app.name', 'lang.zh-CN', 'lang.short.zh-CN']);
    for (const [key, text] of Object.entries(enUS)) {
      if (allowed.has(key)) continue;
      expect(/[\u4e00-\u9fff]/.test(text), key).toBe(false);
    }
  });

  it("load each language on its own, with antd's locale of that language", async () => {
    const [zh, en] = await Promise.all([loadLocale('zh-CN'), loadLocale('en-US')]);
    expect(zh.messages).toBe(zhCN);
    expect(en.messages).toBe(enUS);
    expect(zh.antd.locale).toBe('zh-cn');
    expect(en.antd.locale).toBe('en');
    expect(await loadLocale('zh-CN')).toBe(zh);
  });

  it('fills placeholders', () => {
    expect(translate('zh-CN', 'common.total', { total: '1,234' })).toBe('共 1,234 条');
    expect(translate('en-US', 'home.welcome', { name: 'Li' })).toBe('Hello, Li');
    expect(isMessageKey('home.welcome')).toBe(true);
    expect(isMessageKey('home.nope')).toBe(false);
  });
});
