import type { OrgKind } from '@yingshang/contracts';
import type { Db } from '../../db/database.js';
import type { NewOrgUnit } from '../../db/schema.js';
import { newId, now } from '../../lib/ids.js';
import { pinyinKey } from '../../lib/pinyin.js';
import { findOrgByCode, insertOrgs } from './orgs.repository.js';
import departments from './seed-data/departments.json' with { type: 'json' };
import regions from './seed-data/regions.json' with { type: 'json' };
import zones from './seed-data/zones.json' with { type: 'json' };

interface Region {
  code: string;
  name: string;
  kind: 'province' | 'city' | 'county';
  parentCode: string | null;
}
interface Zone {
  code: string;
  name: string;
  shortName: string;
  level: 'national' | 'provincial';
  parentCode: string;
}
interface DepartmentTemplate {
  key: string;
  no: string;
  category: string;
  province: string | null;
  city: string | null;
  county: string | null;
}

const departmentNo = new Map((departments as DepartmentTemplate[]).map((d) => [d.key, d.no]));

/**
 * The code of a region's functional department: `D`, the region's division code and the
 * department's two-digit number (seed-data/departments.README.md), e.g. D14100007 for 临汾市自然资源局.
 */
export function deptCode(regionCode: string, key: string): string {
  const no = departmentNo.get(key);
  if (!no) throw new Error(`no department template "${key}"`);
  return `D${regionCode}${no}`;
}

/** Renders a department name template (see seed-data/departments.README.md). */
export function departmentName(template: string, region: Region, city: Region | undefined): string {
  const short = region.name.length > 2 ? region.name.replace(/[区县市]$/, '') : region.name;
  const qualified = region.name.endsWith('区') && city ? `${city.name}${region.name}` : region.name;
  return template
    .replaceAll('{name}', region.name)
    .replaceAll('{city}', city?.name ?? '')
    .replaceAll('{short}', short)
    .replaceAll('{qualified}', qualified);
}

/**
 * The organisation tree: regions from the division codes, development zones, and the functional
 * departments of every region. Idempotent: does nothing when the province is already there.
 */
export async function seedOrganisations(db: Db): Promise<number> {
  const regionList = regions as Region[];
  if (await findOrgByCode(db, regionList[0].code)) return 0;
  const at = now();
  const rows: NewOrgUnit[] = [];
  const byCode = new Map<string, NewOrgUnit>();
  const add = (
    r: {
      code: string;
      name: string;
      kind: OrgKind;
      shortName?: string | null;
      category?: string | null;
      creditCode?: string | null;
    },
    parentCode: string | null,
    sort: number,
  ) => {
    const parent = parentCode ? byCode.get(parentCode) : undefined;
    if (parentCode && !parent) throw new Error(`seed: parent ${parentCode} of ${r.code} is missing`);
    const id = newId();
    const row: NewOrgUnit = {
      id,
      code: r.code,
      name: r.name,
      shortName: r.shortName ?? null,
      kind: r.kind,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: (parent?.depth ?? -1) + 1,
      category: r.category ?? null,
      creditCode: r.creditCode ?? null,
      pinyin: pinyinKey(r.shortName ? `${r.name} ${r.shortName}` : r.name),
      sort,
      createdAt: at,
      updatedAt: at,
    };
    rows.push(row);
    byCode.set(r.code, row);
  };
  for (const [i, r] of regionList.entries()) add(r, r.parentCode, i);
  for (const [i, z] of (zones as Zone[]).entries()) {
    add({ ...z, kind: 'zone', category: z.level }, z.parentCode, 1000 + i);
  }
  const regionByCode = new Map(regionList.map((r) => [r.code, r]));
  for (const region of regionList) {
    const city = region.kind === 'county' ? regionByCode.get(region.parentCode!) : undefined;
    (departments as DepartmentTemplate[]).forEach((d, i) => {
      const template = d[region.kind];
      if (!template) return;
      add(
        {
          code: deptCode(region.code, d.key),
          name: departmentName(template, region, city),
          kind: 'department',
          category: d.category,
        },
        region.code,
        2000 + i,
      );
    });
  }
  await db.transaction().execute((trx) => insertOrgs(trx, rows));
  return rows.length;
}
