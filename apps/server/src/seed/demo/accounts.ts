/**
 * The demo enterprises (from the seed article's Linfen story) and one demo account per role, loaded
 * with SEED_DEMO on top of the organisation tree (modules/orgs/seed.ts, which every deployment loads).
 */
import type { Role } from '@yingshang/contracts';
import { creditCodeCheckChar } from '@yingshang/rules';
import type { Db } from '../../db/database.js';
import type { PasswordHasher } from '../../kernel/password.js';
import { newId, now } from '../../lib/ids.js';
import { pinyinKey } from '../../lib/pinyin.js';
import { findOrgByCode, insertOrgs } from '../../modules/orgs/orgs.repository.js';
import { deptCode } from '../../modules/orgs/seed.js';

/** Demo enterprises from the seed article's Linfen story, plus one elsewhere for contrast. */
const DEMO_ENTERPRISES = [
  { code: 'E-JINXIN', name: '山西晋鑫焦化有限公司', parent: '141026', org: 'MA0JX0001' },
  { code: 'E-DLXW', name: '大陆希望(临汾)光伏科技有限公司', parent: 'Z14100001', org: 'MA0DL0002' },
  { code: 'E-YDYS', name: '尧都云商产业园运营有限公司', parent: '141002', org: 'MA0YD0003' },
  { code: 'E-TYZN', name: '太原综改区智能制造示范有限公司', parent: '140171', org: 'MA0TY0004' },
];

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  unit: string;
}

const DEMO_USERS: { username: string; displayName: string; role: Role; unit: string }[] = [
  { username: 'admin', displayName: '省商务厅系统管理员', role: 'province_admin', unit: '140000' },
  { username: 'taiyuan', displayName: '太原市投促局业务员', role: 'city_bureau', unit: '140100' },
  { username: 'linfen', displayName: '临汾市投促局业务员', role: 'city_bureau', unit: '141000' },
  { username: 'yaodu', displayName: '尧都区招商专员', role: 'county_staff', unit: '141002' },
  { username: 'lfkfq', displayName: '临汾经开区管委会专员', role: 'county_staff', unit: 'Z14100001' },
  {
    username: 'linfen_zrzy',
    displayName: '临汾市自然资源局经办人',
    role: 'dept_handler',
    unit: deptCode('141000', 'natural-resources'),
  },
  { username: 'linfen_leader', displayName: '临汾市政府分管领导', role: 'leader', unit: '141000' },
  { username: 'inspector', displayName: '省督查专员', role: 'inspector', unit: '140000' },
  { username: 'enterprise', displayName: '晋鑫焦化企业联系人', role: 'enterprise', unit: 'E-JINXIN' },
];

/** A valid 统一社会信用代码 of a demo enterprise (its org part uses the code's alphabet: no I, O, S, V, Z). */
function demoCreditCode(regionCode: string, org: string): string {
  const first17 = `91${regionCode.replace(/^Z/, '').slice(0, 6)}${org}`;
  const check = creditCodeCheckChar(first17);
  if (!check) throw new Error(`demo credit code ${first17}: not in the code's alphabet`);
  return first17 + check;
}

/**
 * Demo enterprises and one account per role, all with `password`. Idempotent. A generated password
 * (`opts.generated`) is printed to the console, so each account must change it at first sign-in; one
 * given through DEMO_PASSWORD was chosen by the operator and is kept.
 */
export async function seedDemo(
  db: Db,
  hasher: PasswordHasher,
  password: string,
  opts: { generated: boolean },
): Promise<DemoAccount[]> {
  if (await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst()) return [];
  const at = now();
  const passwordHash = await hasher.hash(password);
  await db.transaction().execute(async (trx) => {
    for (const e of DEMO_ENTERPRISES) {
      if (await findOrgByCode(trx, e.code)) continue;
      const parent = await findOrgByCode(trx, e.parent);
      if (!parent) throw new Error(`seed: unit ${e.parent} is missing`);
      const id = newId();
      await insertOrgs(trx, [
        {
          id,
          code: e.code,
          name: e.name,
          shortName: null,
          kind: 'enterprise',
          parentId: parent.id,
          path: `${parent.path}${id}/`,
          depth: parent.depth + 1,
          category: null,
          creditCode: demoCreditCode(parent.kind === 'zone' ? '141000' : parent.code, e.org),
          pinyin: pinyinKey(e.name),
          createdAt: at,
          updatedAt: at,
        },
      ]);
    }
    for (const u of DEMO_USERS) {
      const unit = await findOrgByCode(trx, u.unit);
      if (!unit) throw new Error(`seed: unit ${u.unit} is missing`);
      await trx
        .insertInto('users')
        .values({
          id: newId(),
          username: u.username,
          displayName: u.displayName,
          orgUnitId: unit.id,
          roles: JSON.stringify([u.role]),
          passwordHash,
          mustChangePassword: opts.generated ? 1 : 0,
          pinyin: pinyinKey(u.displayName),
          createdAt: at,
          updatedAt: at,
        })
        .execute();
    }
  });
  const units = await db
    .selectFrom('orgUnits')
    .select(['code', 'name'])
    .where(
      'code',
      'in',
      DEMO_USERS.map((u) => u.unit),
    )
    .execute();
  const unitName = new Map(units.map((u) => [u.code, u.name]));
  return DEMO_USERS.map((u) => ({
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unit: unitName.get(u.unit) ?? u.unit,
  }));
}
