import type { Locale } from '@yingshang/contracts';
import dayjs from 'dayjs';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatNumber } from '../../kit/format';
import { setApiLocale } from '../api/client';
import { I18nContext, type I18nValue } from './i18n-context';
import {
  initialLocale,
  isMessageKey,
  type LocalePack,
  loadedLocale,
  loadLocale,
  storeLocale,
  translate,
} from './messages';

function applyLocale(locale: Locale) {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  setApiLocale(locale, translate(locale, 'error.network'));
  document.documentElement.lang = locale;
}

interface Active {
  locale: Locale;
  pack: LocalePack;
}

/**
 * The interface language. Only the active language's pack is fetched (messages.ts loadLocale);
 * nothing is rendered before it has arrived, so no text shows untranslated (`fallback` meanwhile),
 * and a switch shows the new language once its pack is there.
 */
export function I18nProvider({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const [active, setActive] = useState<Active | null>(() => {
    const locale = initialLocale();
    const pack = loadedLocale(locale);
    if (!pack) return null;
    applyLocale(locale);
    return { locale, pack };
  });
  // the language asked for last: a slower earlier switch must not win over it
  const wanted = useRef<Locale>(active?.locale ?? initialLocale());

  const setLocale = useCallback(async (next: Locale) => {
    wanted.current = next;
    storeLocale(next);
    try {
      const pack = await loadLocale(next);
      if (wanted.current !== next) return;
      applyLocale(next);
      setActive((cur) => (cur?.locale === next ? cur : { locale: next, pack }));
    } catch {
      // the pack could not be fetched (offline): the interface stays in the language it shows
    }
  }, []);

  // first render: fetch the initial language (main.tsx started it at start-up, so it is under way);
  // a failed fetch (a flaky network) is retried, less often each time, the fallback showing meanwhile
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once at start-up
  useEffect(() => {
    if (active) return;
    let alive = true;
    let delay = 500;
    const first = () => {
      const locale = wanted.current;
      loadLocale(locale).then(
        (pack) => {
          if (!alive || wanted.current !== locale) return;
          applyLocale(locale);
          setActive((cur) => cur ?? { locale, pack });
        },
        () => {
          if (!alive) return;
          setTimeout(first, delay);
          delay = Math.min(delay * 2, 10_000);
        },
      );
    };
    first();
    return () => {
      alive = false;
    };
  }, []);

  const locale = active?.locale;
  useEffect(() => {
    if (locale) document.title = translate(locale, 'app.name');
  }, [locale]);

  const value = useMemo<I18nValue | null>(
    () =>
      active && {
        locale: active.locale,
        antdLocale: active.pack.antd,
        setLocale,
        t: (key, vars) => translate(active.locale, key, vars),
        tMaybe: (key, fallback) => (isMessageKey(key) ? translate(active.locale, key) : fallback),
        formatNumber: (n, digits) => formatNumber(n, active.locale, digits),
      },
    [active, setLocale],
  );

  if (!value) return fallback;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
