import type { AppealCategory } from '@yingshang/contracts';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { appealApi } from '../api';

let cache: Promise<AppealCategory[]> | null = null;

/** The appeal categories (data, not code) and their names in the reader's language. */
export function useCategories() {
  const { locale } = useI18n();
  const [items, setItems] = useState<AppealCategory[]>([]);
  useEffect(() => {
    let alive = true;
    cache ??= appealApi.categories().catch((e) => {
      cache = null;
      throw e;
    });
    cache.then((c) => alive && setItems(c)).catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);
  const nameOf = (code: string) => {
    const c = items.find((i) => i.code === code);
    return c ? (locale === 'en-US' ? c.nameEn : c.nameZh) : code;
  };
  const options = items.filter((c) => c.active).map((c) => ({ value: c.code, label: nameOf(c.code) }));
  return { items, nameOf, options };
}
