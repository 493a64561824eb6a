/** The dashboard's money unit: 亿元 in Chinese, billions of yuan in English (two decimals). */
export const bigMoney = (fen: number, locale: string) =>
  (fen / (locale === 'en-US' ? 100_000_000_000 : 10_000_000_000)).toFixed(2);
