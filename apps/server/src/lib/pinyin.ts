import { customPinyin, pinyin } from 'pinyin-pro';

// Place-name readings that differ from the common one (都 is dū in 尧都, 成都).
customPinyin({ 尧都: 'yáo dū', 首都: 'shǒu dū' });

/**
 * Search key for a Chinese name: initials and full pinyin, lower case, e.g. 临汾市 → "lfs linfenshi".
 * Stored beside the name so "lf" or "linfen" find it with a plain substring match.
 */
export function pinyinKey(name: string): string {
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase();
  const full = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();
  return `${initials} ${full}`.replace(/\s+/g, ' ').trim();
}
