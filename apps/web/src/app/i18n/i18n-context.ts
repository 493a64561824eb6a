import type { Locale } from '@yingshang/contracts';
import { createContext, useContext } from 'react';
import type { MessageKey, Vars } from './messages';

export interface I18nValue {
  locale: Locale;
  /** Switches the interface language (stored in this browser). */
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  /** Translation of a key built at run time (e.g. an audit action), or the fallback when the table lacks it. */
  tMaybe: (key: string, fallback: string) => string;
  formatNumber: (value: number, fractionDigits?: number) => string;
}

export const I18nContext = createContext<I18nValue | null>(null);

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
