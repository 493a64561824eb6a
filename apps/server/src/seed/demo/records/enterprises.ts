import { creditCodeCheckChar } from '@yingshang/rules';
import { pinyinKey } from '../../../lib/pinyin.js';
import { officeMoment, orgCodeCheck, uuid7, weighted } from '../generate-projects.js';
import * as V from '../vocabulary.js';
import type { RecordsContext } from './context.js';

export interface Enterprise {
  id: string;
  name: string;
  /** Index of its county or zone in ctx.places. */
  place: number;
  path: string;
}

/** The enterprises the appeals and incentive applications come from, and which of them are in each place. */
export interface EnterprisePool {
  enterprises: Enterprise[];
  /** Per place (index in ctx.places), indexes into `enterprises`. */
  enterprisesOfPlace: number[][];
}

/** Where the demo accounts' enterprises stand in the pool: early, so they file a good share of the appeals. */
const DEMO_POSITION = 10;

/**
 * A pool of P/20 enterprises (at least 50; org units of kind `enterprise` under the counties and
 * zones, with valid 统一社会信用代码), written at once; the demo accounts' enterprises (accounts.ts,
 * when seeded) join it, so the enterprise account and the zone's account have appeals to follow.
 */
export async function generateEnterprises(ctx: RecordsContext): Promise<EnterprisePool> {
  const { rng, batch, at, places, placeIndex, pickPlace, shortOf, regionOf, firstN, nowMs } = ctx;
  const enterpriseCount = Math.max(50, Math.round(ctx.projects.ids.length / 20));
  const enterprises: Enterprise[] = [];
  const pickForm = weighted(V.ORG_FORMS, (f) => f[1]);
  for (let i = 0; i < enterpriseCount; i++) {
    const place = pickPlace(rng);
    const p = placeIndex.get(place.id)!;
    const name = `${shortOf(place)}${rng.pick(V.BRAND_FIRST)}${rng.pick(V.BRAND_SECOND)}${rng.pick(V.INVESTOR_TRADES)}${pickForm(rng)[0]}`;
    const ms = officeMoment(rng, firstN - rng.int(30, 400), nowMs);
    const id = uuid7(rng, ms);
    let org = '';
    for (let k = 0; k < 8; k++) org += String(rng.int(0, 9));
    const regionCode = regionOf(place).code.replace(/^Z/, '').slice(0, 6);
    const first17 = `91${regionCode}${org}${orgCodeCheck(org)}`;
    const path = `${place.path}${id}/`;
    batch.org_units.push([
      id,
      `E-G${String(i + 1).padStart(7, '0')}`,
      name,
      null,
      'enterprise',
      place.id,
      path,
      place.depth + 1,
      null,
      `${first17}${creditCodeCheckChar(first17)}`,
      pinyinKey(name),
      1,
      0,
      at(ms),
      at(ms),
      1,
    ]);
    enterprises.push({ id, name, place: p, path });
  }
  await ctx.flush(true);
  const demo = await ctx.db
    .selectFrom('orgUnits')
    .select(['id', 'name', 'path', 'parentId'])
    .where('kind', '=', 'enterprise')
    .where('code', 'not like', 'E-G%')
    .orderBy('code')
    .execute();
  const demoHere = demo.flatMap((e) => {
    const p = e.parentId ? placeIndex.get(e.parentId) : undefined;
    return p === undefined ? [] : [{ id: e.id, name: e.name, place: p, path: e.path }];
  });
  enterprises.splice(Math.min(DEMO_POSITION, enterprises.length), 0, ...demoHere);
  const enterprisesOfPlace = places.map(() => [] as number[]);
  for (const [i, e] of enterprises.entries()) enterprisesOfPlace[e.place].push(i);
  return { enterprises, enterprisesOfPlace };
}
