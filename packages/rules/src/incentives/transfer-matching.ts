/**
 * Industry-transfer matching: the city orientation of the measure 《关于承接东部地区外商制造业产业转移的
 * 若干措施》 as data, and a pure ranking of cities (and their zones) for a project's industry and traits.
 *
 * The measure's text: 太原市、山西综改示范区、太忻一体化经济区 (the centre) 主动承接高新技术产业、先进制造业、
 * 商贸物流中心和专业服务中心; 大同、晋中、长治、晋城 发挥国家级开发区作用，全面承接东部地区，积极承接技术密集、
 * 绿色低碳产业; 运城、临汾 (黄河金三角承接产业转移示范区) 发挥劳动力资源优势，重点承接劳动密集型产业;
 * 朔州、忻州、阳泉、吕梁 (革命老区) 重点承接农副产品深加工产业和当地优势产业的上下游配套产业.
 */
export const TRAITS = [
  'high_tech',
  'advanced_manufacturing',
  'logistics',
  'professional_services',
  'technology_intensive',
  'green_low_carbon',
  'labour_intensive',
  'agricultural_processing',
  'local_supply_chain',
] as const;
export type Trait = (typeof TRAITS)[number];

export interface CityOrientation {
  /** GB/T 2260 city code. */
  city: string;
  group: 'centre' | 'national_zones' | 'yellow_river' | 'old_revolutionary';
  traits: readonly Trait[];
  /** Takes any transfer (全面承接东部地区). */
  broad: boolean;
}

const group = (cities: string[], g: CityOrientation['group'], traits: Trait[], broad = false) =>
  cities.map((city) => ({ city, group: g, traits, broad }));

export const CITY_ORIENTATION: readonly CityOrientation[] = [
  // 太原 (山西综改示范区 lies within; 太忻一体化经济区 spans 太原 and 忻州)
  ...group(['140100'], 'centre', [
    'high_tech',
    'advanced_manufacturing',
    'logistics',
    'professional_services',
  ]),
  ...group(
    ['140200', '140700', '140400', '140500'],
    'national_zones',
    ['technology_intensive', 'green_low_carbon'],
    true,
  ),
  ...group(['140800', '141000'], 'yellow_river', ['labour_intensive']),
  ...group(['140600', '140900', '140300', '141100'], 'old_revolutionary', [
    'agricultural_processing',
    'local_supply_chain',
  ]),
];

/**
 * Traits a GB/T 4754-2017 division implies (大类, 2 digits), as commonly classified: labour-intensive
 * light industry, agricultural processing, technology-intensive and high-tech manufacturing.
 */
const DIVISION_TRAITS: Record<string, Trait[]> = {
  '13': ['agricultural_processing'],
  '14': ['agricultural_processing'],
  '15': ['agricultural_processing'],
  '17': ['labour_intensive'],
  '18': ['labour_intensive'],
  '19': ['labour_intensive'],
  '20': ['labour_intensive'],
  '21': ['labour_intensive'],
  '24': ['labour_intensive'],
  '27': ['high_tech', 'technology_intensive'],
  '32': ['advanced_manufacturing', 'local_supply_chain'],
  '33': ['labour_intensive', 'local_supply_chain'],
  '34': ['advanced_manufacturing', 'technology_intensive'],
  '35': ['advanced_manufacturing', 'technology_intensive'],
  '36': ['advanced_manufacturing', 'technology_intensive', 'green_low_carbon'],
  '37': ['advanced_manufacturing', 'technology_intensive'],
  '38': ['advanced_manufacturing', 'technology_intensive', 'green_low_carbon'],
  '39': ['high_tech', 'technology_intensive', 'labour_intensive'],
  '40': ['high_tech', 'technology_intensive'],
  '54': ['logistics'],
  '58': ['logistics'],
  '59': ['logistics'],
  '72': ['professional_services'],
  '73': ['high_tech', 'professional_services'],
};

export function traitsOfIndustry(code: string | null | undefined): Trait[] {
  if (!code) return [];
  const division = /^[A-T]?(\d{2})/.exec(code)?.[1];
  return division ? (DIVISION_TRAITS[division] ?? []) : [];
}

export interface CityMatch {
  city: string;
  score: number;
  /** 'trait:<key>' for each trait matched; 'broad' for a city that takes any transfer. */
  reasons: string[];
}

/** Cities ranked by how many of the project's traits their orientation names (ties by code). */
export function rankCities(industryCode: string | null, traits: readonly Trait[]): CityMatch[] {
  const wanted = new Set<Trait>([...traits, ...traitsOfIndustry(industryCode)]);
  return CITY_ORIENTATION.map((o) => {
    const matched = o.traits.filter((t) => wanted.has(t));
    const reasons = matched.map((t) => `trait:${t}`);
    let score = matched.length * 2;
    if (o.broad) {
      score += 1;
      reasons.push('broad');
    }
    return { city: o.city, score, reasons };
  }).sort((a, b) => b.score - a.score || a.city.localeCompare(b.city));
}
