/**
 * Where an investor comes from, grouped the way the offices report it (京津冀, 长三角, 粤港澳大湾区 …),
 * and the "eastern region" of the incentive measure. Provinces are GB/T 2260 codes (first 2 digits).
 *
 * Grouping choices (the groups must cover every investor exactly once):
 * - 粤港澳大湾区 is nine Guangdong cities plus Hong Kong and Macao; with province-level data we put
 *   all of 广东 (44), 香港 (81) and 澳门 (82) in it.
 * - 长三角 includes 安徽 (34), which is not one of the measure's ten eastern provinces.
 * - 东部其他 is what remains of the measure's ten: 辽宁, 福建, 山东.
 * - 台湾 (71) counts as 境外: Chinese investment statistics count 港澳台 capital with foreign
 *   capital (外商投资, 含港澳台), and Taiwan belongs to none of the mainland groups. 香港/澳门 stay in
 *   粤港澳大湾区 because the product lists that group by name.
 * - 中西部 holds every other mainland province, including 吉林, 黑龙江 (东北) and 海南, which are
 *   neither in the measure's eastern list nor in another group.
 * - local is the office's own province (山西, 14, by default), whatever group it would fall in.
 */

export const ORIGIN_GROUPS = [
  { key: 'jjj', zh: '京津冀', en: 'Beijing–Tianjin–Hebei' },
  { key: 'yrd', zh: '长三角', en: 'Yangtze River Delta' },
  { key: 'gba', zh: '粤港澳大湾区', en: 'Guangdong–Hong Kong–Macao Greater Bay Area' },
  { key: 'east_other', zh: '东部其他', en: 'Other eastern provinces' },
  { key: 'central_west', zh: '中西部', en: 'Central and western China' },
  { key: 'local', zh: '省内', en: 'Within the province' },
  { key: 'overseas', zh: '境外', en: 'Overseas' },
] as const;

export type OriginGroupKey = (typeof ORIGIN_GROUPS)[number]['key'];

/** GB/T 2260 provincial-level divisions: 31 mainland, 台湾, 香港, 澳门. */
export const PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
};

/** The incentive measure's "eastern region": 北京 上海 天津 辽宁 河北 山东 江苏 浙江 福建 广东. */
export const EASTERN_PROVINCES = ['11', '31', '12', '21', '13', '37', '32', '33', '35', '44'] as const;

const GROUP_OF: Readonly<Record<string, OriginGroupKey>> = {
  '11': 'jjj',
  '12': 'jjj',
  '13': 'jjj',
  '31': 'yrd',
  '32': 'yrd',
  '33': 'yrd',
  '34': 'yrd',
  '44': 'gba',
  '81': 'gba',
  '82': 'gba',
  '21': 'east_other',
  '35': 'east_other',
  '37': 'east_other',
  '71': 'overseas',
};

/** Country spellings that mean mainland China (compared lower-cased). */
const CHINA = new Set(['cn', 'chn', 'china', 'prc', "people's republic of china", '中国', '中华人民共和国']);

/** Country spellings for 香港 / 澳门 / 台湾, mapped to their GB/T 2260 codes. */
const SPECIAL_REGIONS: Readonly<Record<string, string>> = {
  hk: '81',
  hkg: '81',
  'hong kong': '81',
  香港: '81',
  中国香港: '81',
  mo: '82',
  mac: '82',
  macao: '82',
  macau: '82',
  澳门: '82',
  中国澳门: '82',
  tw: '71',
  twn: '71',
  taiwan: '71',
  台湾: '71',
  中国台湾: '71',
};

/** The 2-digit province of "14", "140000" or "141002"; undefined when it is not a known province. */
export function provinceOf(code: string | undefined): string | undefined {
  const c = code?.trim() ?? '';
  if (!/^\d{2}(\d{4})?$/.test(c)) return undefined;
  return PROVINCES[c.slice(0, 2)] ? c.slice(0, 2) : undefined;
}

/** One of the measure's ten eastern provinces (accepts 2- or 6-digit codes). */
export function isEasternProvince(code: string): boolean {
  const p = provinceOf(code);
  return p !== undefined && (EASTERN_PROVINCES as readonly string[]).includes(p);
}

/**
 * The origin group of an investor from its province (GB/T 2260, e.g. digits 3–4 of a credit code) or,
 * for one registered abroad, its country (ISO code or name; 香港/澳门/台湾 are recognised). A foreign
 * country wins over a province. Null when neither tells: no input, an unknown province code, or
 * "China" without a province.
 */
export function originGroup(
  origin: { provinceCode?: string; country?: string },
  options: { homeProvince?: string } = {},
): OriginGroupKey | null {
  const country = origin.country?.trim().toLowerCase();
  let province = provinceOf(origin.provinceCode);
  if (country) {
    if (SPECIAL_REGIONS[country]) province = SPECIAL_REGIONS[country];
    else if (!CHINA.has(country)) return 'overseas';
  }
  if (!province) return null;
  if (province === (options.homeProvince ?? '14')) return 'local';
  return GROUP_OF[province] ?? 'central_west';
}
