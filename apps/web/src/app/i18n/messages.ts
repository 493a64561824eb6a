import type { Locale } from '@yingshang/contracts';
import { enUS } from './en-US';
import { type MessageKey, zhCN } from './zh-CN';

export type { MessageKey };
export type Vars = Record<string, string | number>;

export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

/** Looks a key up and fills {placeholders}. Unknown placeholders are left as written. */
export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const text = MESSAGES[locale][key] ?? MESSAGES['zh-CN'][key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

const STORAGE_KEY = 'yingshang.locale';

export function storedLocale(): Locale | null {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === 'zh-CN' || v === 'en-US' ? v : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** First visit: the browser's language decides, Chinese unless it asks for English. */
export function initialLocale(): Locale {
  const stored = storedLocale();
  if (stored) return stored;
  const nav = globalThis.navigator?.language ?? 'zh-CN';
  return nav.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}
