import type { Dashboard, Locale } from '@yingshang/contracts';

/**
 * The bulletin paragraph in the journal's style ("今年1-5月份，全市在谈项目146个 …"), generated from the
 * dashboard's figures in either language: counts with 个, money in 亿元 (万元 below one 亿), rates
 * with one decimal, every comparison with the same months of last year.
 */

const FEN_PER_YI = 10_000_000_000; // 1 亿元 = 10^8 元 = 10^10 fen
const FEN_PER_WAN = 1_000_000;

const round = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};
const pct = (r: number | null) => (r === null ? null : `${round(r * 100, 1).toFixed(1)}%`);

/** ¥ in Chinese units: 158.49亿元, 8,600万元. */
export function yuanZh(fen: number): string {
  if (Math.abs(fen) >= FEN_PER_YI) return `${round(fen / FEN_PER_YI, 2).toLocaleString('zh-CN')}亿元`;
  return `${round(fen / FEN_PER_WAN, fen % FEN_PER_WAN === 0 ? 0 : 1).toLocaleString('zh-CN')}万元`;
}

/** CNY in English: CNY 15.85 billion, CNY 86 million. */
export function yuanEn(fen: number): string {
  const yuan = fen / 100;
  if (Math.abs(yuan) >= 1e9) return `CNY ${round(yuan / 1e9, 2).toLocaleString('en-US')} billion`;
  return `CNY ${round(yuan / 1e6, 1).toLocaleString('en-US')} million`;
}

/** Year-on-year change as a ratio, or null without last year's figure. */
export const yoy = (current: number, lastYear: number) =>
  lastYear > 0 ? (current - lastYear) / lastYear : null;

const monthNum = (m: string) => Number(m.slice(5));

/** 今年1-5月份 / 2026年5月 / 2025年11月至2026年2月 (and the English equivalents). */
export function periodName(from: string, to: string, locale: Locale, today: string): string {
  const [fy, ty] = [from.slice(0, 4), to.slice(0, 4)];
  const thisYear = today.slice(0, 4);
  const en = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' });
  const enMonth = (m: string) => en.format(new Date(`${m}-01T00:00:00Z`));
  if (locale === 'en-US') {
    if (from === to) return `${enMonth(from)} ${fy}`;
    if (fy === ty) return `${enMonth(from)}–${enMonth(to)} ${fy}`;
    return `${enMonth(from)} ${fy} – ${enMonth(to)} ${ty}`;
  }
  if (fy === ty) {
    const year = fy === thisYear ? '今年' : `${fy}年`;
    if (from === to) return `${year}${monthNum(from)}月份`;
    return `${year}${monthNum(from)}-${monthNum(to)}月份`;
  }
  return `${fy}年${monthNum(from)}月至${ty}年${monthNum(to)}月`;
}

/** 全省 / 全市 for a province or city (as the journal writes of its own city); a county or zone by name. */
function regionWord(region: Dashboard['region'], locale: Locale) {
  if (locale === 'en-US') return region.name;
  if (region.kind === 'province') return '全省';
  if (region.kind === 'city') return '全市';
  return region.name;
}

function changeZh(r: number | null) {
  if (r === null) return '上年同期无可比数据';
  if (Math.abs(r) < 0.0005) return '与上年同期持平';
  return `同比${r > 0 ? '增长' : '下降'}${round(Math.abs(r) * 100, 1).toFixed(1)}%`;
}
function changeEn(r: number | null) {
  if (r === null) return 'with nothing to compare in the same months of last year';
  if (Math.abs(r) < 0.0005) return 'level with the same months of last year';
  return `${r > 0 ? 'up' : 'down'} ${round(Math.abs(r) * 100, 1).toFixed(1)}% year on year`;
}

/**
 * The paragraph; with the activities' section (for a user who may read activities) it also says how
 * often the main leaders went out to attract investment and what was signed at the activities.
 */
export function bulletin(d: Dashboard, locale: Locale, today: string): string {
  const activities = d.activities?.current;
  const p = d.pipeline;
  const cur = p.current;
  const count = (s: string) => cur.byStatus.find((b) => b.status === s)?.count ?? 0;
  const negotiating = count('negotiating');
  const signedChange = yoy(cur.newlySigned.investmentFen, p.lastYear.newlySigned.investmentFen);
  const period = periodName(d.period.from, d.period.to, locale, today);
  const where = regionWord(d.region, locale);
  const endMonth = monthNum(d.period.to);
  if (locale === 'en-US') {
    const rates = [
      ['construction start rate', pct(cur.startRate)],
      ['production rate', pct(cur.productionRate)],
      ['funds-in-place rate', pct(cur.fundsInPlaceRate)],
    ]
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `a ${k} of ${v}`);
    const trips = activities
      ? ` Main leaders made ${activities.mainLeaderTrips} outbound investment-promotion trips; ` +
        `${activities.signings} projects worth ${yuanEn(activities.signedFen)} were signed at ` +
        `promotion activities.`
      : '';
    return (
      `In ${period}, ${where} signed ${cur.newlySigned.count} new investment projects with a total investment of ` +
      `${yuanEn(cur.newlySigned.investmentFen)}, ${changeEn(signedChange)}; ${cur.newlyStarted.count} projects ` +
      `started construction and ${cur.newlyProducing.count} went into production. At the end of the period ` +
      `${negotiating} projects were under negotiation and ${cur.signedTotal} had been signed in all, with ` +
      `${rates.length ? rates.join(', ') : 'no rates yet'}. ` +
      `${p.now.stalled} projects are stalled and ${p.now.blocked} are held up by unmet factor needs.${trips}`
    );
  }
  const rates = [
    ['开工率', pct(cur.startRate)],
    ['投产率', pct(cur.productionRate)],
    ['资金到位率', pct(cur.fundsInPlaceRate)],
  ]
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}${v}`);
  return (
    `${period}，${where}新签约项目${cur.newlySigned.count}个，总投资${yuanZh(cur.newlySigned.investmentFen)}，` +
    `${changeZh(signedChange)}；新开工项目${cur.newlyStarted.count}个，新投产项目${cur.newlyProducing.count}个。` +
    `截至${endMonth}月底，在谈项目${negotiating}个，累计签约项目${cur.signedTotal}个` +
    `${rates.length ? `，${rates.join('，')}` : ''}。` +
    `目前停滞项目${p.now.stalled}个，因要素保障受阻项目${p.now.blocked}个。` +
    (activities
      ? `各级主要领导外出招商${activities.mainLeaderTrips}次，在招商活动上签约项目${activities.signings}个，` +
        `签约额${yuanZh(activities.signedFen)}。`
      : '')
  );
}
