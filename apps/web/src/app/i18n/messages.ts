import type { Locale } from '@yingshang/contracts';
import type { Locale as AntdLocale } from 'antd/es/locale';
import type { MessageKey } from './zh-CN';

export type { MessageKey };
export type Vars = Record<string, string | number>;

export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

/** What one language brings: its message table and antd's locale pack (dayjs's locale is registered on load). */
export interface LocalePack {
  messages: Record<MessageKey, string>;
  antd: AntdLocale;
}

/**
 * Each language is its own chunk (locale.zh-CN.ts / locale.en-US.ts: the message table, antd's and
 * dayjs's locale), fetched when first needed: a page loads only the language it shows.
 */
const LOADERS: Record<Locale, () => Promise<LocalePack>> = {
  'zh-CN': () => import('./locale.zh-CN').then((m) => m.pack),
  'en-US': () => import('./locale.en-US').then((m) => m.pack),
};

const packs: Partial<Record<Locale, LocalePack>> = {};
const pending: Partial<Record<Locale, Promise<LocalePack>>> = {};

/** The language's pack, fetched once (a failed fetch is retried on the next call). */
export function loadLocale(locale: Locale): Promise<LocalePack> {
  const done = packs[locale];
  if (done) return Promise.resolve(done);
  let p = pending[locale];
  if (!p) {
    p = LOADERS[locale]().then(
      (pack) => {
        packs[locale] = pack;
        delete pending[locale];
        return pack;
      },
      (e: unknown) => {
        delete pending[locale];
        throw e;
      },
    );
    pending[locale] = p;
  }
  return p;
}

/** The pack of a language already loaded (loadLocale first), or undefined. */
export function loadedLocale(locale: Locale): LocalePack | undefined {
  return packs[locale];
}

function table(locale: Locale): Record<string, string> | undefined {
  return (packs[locale] ?? packs['zh-CN'] ?? packs['en-US'])?.messages;
}

/** Whether a key built at run time is in the tables (both carry the same keys; one must be loaded). */
export function isMessageKey(key: string): key is MessageKey {
  const t = table('zh-CN');
  return !!t && Object.hasOwn(t, key);
}

/** Looks a key up in a loaded table and fills {placeholders}. Unknown placeholders are left as written. */
export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const text = packs[locale]?.messages[key] ?? packs['zh-CN']?.messages[key] ?? key;
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
