import { deptCode } from '../../modules/orgs/seed.js';
import * as V from './vocabulary.js';

/** The columns of an org unit the demo generators read. */
export interface TreeUnit {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  path: string;
  parentId: string | null;
  category: string | null;
}

/**
 * What both demo generators read off the seeded organisation tree, in the order `units` is given
 * (the order decides the seeded draws): lookups by id and code, a unit's city and region, the
 * department serving a unit, and each county's or zone's share of its city's weight.
 */
export function orgLookups<U extends TreeUnit>(units: readonly U[]) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const byCode = new Map(units.map((u) => [u.code, u]));
  const province = units.find((u) => u.kind === 'province');
  const places = units.filter((u) => u.kind === 'county' || u.kind === 'zone');
  if (!province || places.length === 0) throw new Error('no counties or zones: run seed first');
  const cityOf = (u: U): U => byId.get(u.path.split('/')[2]) ?? province;
  /** The region whose departments serve a unit: itself, or a zone's region. */
  const regionOf = (u: U): U => (u.kind === 'zone' ? regionOf(byId.get(u.parentId!)!) : u);
  /** The department `key` serving a unit: its region's, else its city's. */
  const department = (unit: U, key: string): U | undefined =>
    byCode.get(deptCode(regionOf(unit).code, key)) ?? byCode.get(deptCode(cityOf(unit).code, key));
  const unitWeight = (u: U) =>
    u.kind === 'zone'
      ? u.category === 'national'
        ? V.UNIT_WEIGHTS.nationalZone
        : V.UNIT_WEIGHTS.provincialZone
      : u.name.endsWith('区')
        ? V.UNIT_WEIGHTS.district
        : V.UNIT_WEIGHTS.county;
  const cityTotals = new Map<string, number>();
  for (const u of places)
    cityTotals.set(cityOf(u).code, (cityTotals.get(cityOf(u).code) ?? 0) + unitWeight(u));
  /** A county's or zone's draw weight: its city's weight shared by the city's places. */
  const placeWeight = (u: U) =>
    ((V.CITY_WEIGHTS[cityOf(u).code] ?? 5) * unitWeight(u)) / cityTotals.get(cityOf(u).code)!;
  return { province, byId, byCode, places, cityOf, regionOf, department, placeWeight };
}
