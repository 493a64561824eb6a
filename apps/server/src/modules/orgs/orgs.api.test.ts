import { isValidCreditCode } from '@yingshang/rules';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeApi, type TestApp, tableCounts, unitId } from '../../../test/harness.js';
import { up as departmentCodes } from '../../db/migrations/0012-department-codes.js';

describeApi('org units API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('gives the province the whole region tree: 11 cities, 117 counties and the zones', async () => {
    const admin = await t.login('admin');
    const tree = (await admin.get('/api/v1/org-units/tree')).json();
    expect(tree).toHaveLength(1);
    expect(tree[0]).toMatchObject({ code: '140000', name: '山西省' });
    const cities = tree[0].children;
    expect(cities.map((c: { code: string }) => c.code)).toEqual([
      '140100',
      '140200',
      '140300',
      '140400',
      '140500',
      '140600',
      '140700',
      '140800',
      '140900',
      '141000',
      '141100',
    ]);
    const counties = cities.flatMap((c: { children: { kind: string }[] }) =>
      c.children.filter((n) => n.kind === 'county'),
    );
    expect(counties).toHaveLength(117);
    const linfen = cities.find((c: { code: string }) => c.code === '141000');
    expect(linfen.children.filter((n: { kind: string }) => n.kind === 'county')).toHaveLength(17);
    expect(linfen.children.map((n: { name: string }) => n.name)).toContain('临汾经济开发区');
  });

  it('seeds enterprises whose 统一社会信用代码 pass the check digit', async () => {
    const rows = await t.database.db
      .selectFrom('orgUnits')
      .select(['name', 'creditCode'])
      .where('kind', '=', 'enterprise')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows)
      expect(isValidCreditCode(r.creditCode ?? ''), `${r.name} ${r.creditCode}`).toBe(true);
  });

  it('codes the seeded tree in digits (regions, zones) and D + division code + number (departments)', async () => {
    const rows = await t.database.db
      .selectFrom('orgUnits')
      .select(['code', 'name', 'kind'])
      .where('kind', '!=', 'enterprise')
      .execute();
    expect(rows.length).toBeGreaterThan(1000);
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    const bad = rows.filter((r) => !/^(\d{6}|Z\d{8}|D\d{8})$/.test(r.code)).map((r) => `${r.name} ${r.code}`);
    expect(bad).toEqual([]);
    const departments = rows.filter((r) => r.kind === 'department');
    expect(departments.length).toBeGreaterThan(400);
    for (const d of departments) expect(d.code, d.name).toMatch(/^D\d{8}$/);
    expect(rows.find((r) => r.code === 'D14100007')?.name).toBe('临汾市自然资源局');
  });

  it('migrates the old slug codes of departments (141000-natural-resources) and no other code', async () => {
    const { db, dialect } = t.database;
    const id = await unitId(t, 'D14100007');
    const before = await db.selectFrom('orgUnits').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await db.updateTable('orgUnits').set({ code: '141000-natural-resources' }).where('id', '=', id).execute();
    // a department an administrator coded by hand keeps its code, like every region
    const other = await unitId(t, 'D14100201');
    await db.updateTable('orgUnits').set({ code: 'YD-SWJ' }).where('id', '=', other).execute();
    await departmentCodes(db as unknown as Kysely<unknown>, dialect);
    const after = await db.selectFrom('orgUnits').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect([after.code, after.version]).toEqual(['D14100007', before.version + 1]);
    expect(
      (await db.selectFrom('orgUnits').select('code').where('id', '=', other).executeTakeFirstOrThrow()).code,
    ).toBe('YD-SWJ');
    expect(await unitId(t, '141000')).toBeTruthy();
    await db.updateTable('orgUnits').set({ code: 'D14100201' }).where('id', '=', other).execute();
  });

  it('gives a city only its own subtree', async () => {
    const linfen = await t.login('linfen');
    const tree = (await linfen.get('/api/v1/org-units/tree?kinds=city,county,zone,department')).json();
    expect(tree.map((n: { code: string }) => n.code)).toEqual(['141000']);
    const taiyuan = await unitId(t, '140100');
    expect((await linfen.get(`/api/v1/org-units/${taiyuan}`)).statusCode).toBe(404);
    expect((await linfen.get(`/api/v1/org-units?parentId=${taiyuan}`)).statusCode).toBe(404);
  });

  it('finds units by name, code and pinyin initials', async () => {
    const admin = await t.login('admin');
    const byPinyin = (await admin.get('/api/v1/org-units?q=ydq&kind=county')).json();
    expect(byPinyin.items.map((u: { name: string }) => u.name)).toEqual(['尧都区']);
    // Initials match from the start of a word: "lf" finds 临汾…, never 杏花岭分局.
    const lf = (await admin.get('/api/v1/org-units?q=lf&pageSize=200')).json();
    expect(lf.items.map((u: { name: string }) => u.name)).toContain('临汾市');
    expect(lf.items.map((u: { name: string }) => u.name)).not.toContain('太原市生态环境局杏花岭分局');
    const linfen = (await admin.get('/api/v1/org-units?q=linfen&kind=city')).json();
    expect(linfen.items.map((u: { name: string }) => u.name)).toEqual(['临汾市']);
    const byCode = (await admin.get('/api/v1/org-units?q=141081')).json();
    expect(byCode.items[0].name).toBe('侯马市');
    const byName = (
      await admin.get(`/api/v1/org-units?q=自然资源&parentId=${await unitId(t, '141000')}`)
    ).json();
    expect(byName.items.map((u: { name: string }) => u.name)).toEqual(['临汾市自然资源局']);
    expect(byName.total).toBe(1);
  });

  it('pages results with a total', async () => {
    const admin = await t.login('admin');
    const page = (await admin.get('/api/v1/org-units?kind=county&page=2&pageSize=50')).json();
    expect(page).toMatchObject({ total: 117, page: 2, pageSize: 50 });
    expect(page.items).toHaveLength(50);
  });

  it('lets a city bureau add a zone and an enterprise below it, audited', async () => {
    const linfen = await t.login('linfen');
    const parentId = await unitId(t, '141023');
    const zone = await linfen.post('/api/v1/org-units', {
      code: 'Z14102301',
      name: '襄汾经济开发区',
      kind: 'zone',
      parentId,
      category: 'provincial',
    });
    expect(zone.statusCode).toBe(201);
    expect(zone.json()).toMatchObject({
      kind: 'zone',
      depth: 3,
      version: 1,
      pinyin: expect.stringContaining('xfjjkfq'),
    });
    const ent = await linfen.post('/api/v1/org-units', {
      code: 'E-TEST-1',
      name: '襄汾示例新材料有限公司',
      kind: 'enterprise',
      parentId: zone.json().id,
      creditCode: '91350100M000100Y43',
    });
    expect(ent.statusCode).toBe(201);
    const audit = (await linfen.get(`/api/v1/audit?entity=org_unit&entityId=${zone.json().id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'create', after: { code: 'Z14102301' } });
  });

  it('refuses bad units with clear errors and writes nothing', async () => {
    const linfen = await t.login('linfen');
    const before = await tableCounts(t);
    const county = await unitId(t, '141023');
    const dept = await unitId(t, 'D14100001');
    const taiyuan = await unitId(t, '140100');
    const cases: [unknown, number, string][] = [
      [{ code: 'Z', name: 'x', kind: 'zone', parentId: county }, 400, 'VALIDATION_FAILED'],
      [{ code: 'Z-OK-2', name: '某园区', kind: 'zone', parentId: dept }, 400, 'ORG_PARENT_INVALID'],
      [{ code: 'Z-OK-3', name: '某园区', kind: 'zone', parentId: taiyuan }, 400, 'ORG_PARENT_INVALID'],
      [{ code: '141023', name: '重复', kind: 'zone', parentId: county }, 409, 'ORG_CODE_TAKEN'],
      [
        {
          code: 'E-BAD',
          name: '某公司',
          kind: 'enterprise',
          parentId: county,
          creditCode: '91350100M000100Y42',
        },
        400,
        'VALIDATION_FAILED',
      ],
      [{ code: 'C-NEW', name: '新城市', kind: 'city', parentId: county }, 400, 'VALIDATION_FAILED'],
      [
        { code: 'Z-OK-4', name: '某园区', kind: 'zone', parentId: county, extra: 1 },
        400,
        'VALIDATION_FAILED',
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await linfen.post('/api/v1/org-units', body);
      expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const creditErr = await linfen.post('/api/v1/org-units', cases[4][0]);
    expect(creditErr.json().error.details).toEqual([
      { path: 'creditCode', message: 'CREDIT_CODE_CHECK_DIGIT' },
    ]);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('updates with the version read and refuses a stale one with 409', async () => {
    const admin = await t.login('admin');
    const id = await unitId(t, 'Z14100001');
    const unit = (await admin.get(`/api/v1/org-units/${id}`)).json();
    const first = await admin.patch(`/api/v1/org-units/${id}`, {
      version: unit.version,
      shortName: '临汾经开区',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(unit.version + 1);
    const stale = await admin.patch(`/api/v1/org-units/${id}`, { version: unit.version, shortName: '别名' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await admin.get(`/api/v1/org-units/${id}`)).json().shortName).toBe('临汾经开区');
  });

  it('will not deactivate a unit that still has active users or sub-units', async () => {
    const admin = await t.login('admin');
    const id = await unitId(t, '141002');
    const unit = (await admin.get(`/api/v1/org-units/${id}`)).json();
    const res = await admin.patch(`/api/v1/org-units/${id}`, { version: unit.version, active: false });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ORG_HAS_CHILDREN');
  });

  it('does not let a bureau rename its own unit or read without permission', async () => {
    const linfen = await t.login('linfen');
    const own = await unitId(t, '141000');
    const unit = (await linfen.get(`/api/v1/org-units/${own}`)).json();
    expect(
      (await linfen.patch(`/api/v1/org-units/${own}`, { version: unit.version, name: '临汾' })).statusCode,
    ).toBe(403);
    const ent = await t.login('enterprise');
    expect((await ent.get('/api/v1/org-units/tree')).statusCode).toBe(403);
  });
});
