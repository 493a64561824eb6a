import type { Locale } from '@yingshang/contracts';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { formatNumber } from '../../kit';
import { setApiLocale } from '../api/client';
import { I18nContext, type I18nValue } from './i18n-context';
import { initialLocale, isMessageKey, storeLocale, translate } from './messages';

function applyLocale(locale: Locale) {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  setApiLocale(locale, translate(locale, 'error.network'));
  document.documentElement.lang = locale;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = initialLocale();
    applyLocale(l);
    return l;
  });

  const setLocale = useCallback((next: Locale) => {
    applyLocale(next);
    storeLocale(next);
    setLocaleState(next);
  }, []);

  useEffect(() => {
    document.title = translate(locale, 'app.name');
  }, [locale]);

  const value = useMemo<I18nValue>(
    () => ({
      locale,
      setLocale,
      t: (key, vars) => translate(locale, key, vars),
      tMaybe: (key, fallback) => (isMessageKey(key) ? translate(locale, key) : fallback),
      formatNumber: (n, digits) => formatNumber(n, locale, digits),
    }),
    [locale, setLocale],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
