import type { Locale } from '@yingshang/contracts';
import type { Locale as AntdLocale } from 'antd/es/locale';
import { createContext, useContext } from 'react';
import type { MessageKey, Vars } from './messages';

export interface I18nValue {
  locale: Locale;
  /** antd's locale pack of the active language (for ConfigProvider). */
  antdLocale: AntdLocale;
  /**
   * Switches the interface language (stored in this browser): fetches its pack when not loaded yet
   * and resolves once the interface shows it (or stays, the pack unreachable).
   */
  setLocale: (locale: Locale) => Promise<void>;
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
