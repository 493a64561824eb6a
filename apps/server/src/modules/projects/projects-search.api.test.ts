import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  DB_KIND,
  describeApi,
  multipart,
  type TestApp,
  unitId,
} from '../../../test/harness.js';
import { beijingToday } from '../../lib/days.js';
import { listProjects } from './projects.repository.js';

/**
 * The list's free-text search through its index (issue 21, migration 0016): by 2- and 3+-character
 * fragments of the name, the investor's name and credit code and pinyin initials, in any case,
 * after create, edit, import and delete, within the actor's region — and always the rows of the
 * plain case-insensitive LIKE it replaced.
 */
const CODE = { shanxi: '91141000MA0LF00015', beijing: '91110108MA01A2B3CF' };
const today = beijingToday();
const clock = { today, stalledSignedBefore: '2000-01-01', stalledStartedBefore: '2000-01-01' };

describeApi('project search (indexed)', () => {
  let t: TestApp;
  let linfen: Client;
  let admin: Client;
  let taiyuan: Client;
  let yaodu: string;
  const investors = { yuanlian: '', jinneng: '' };
  const ids = { gangtie: '', pingyao: '', taiyuanOwn: '' };

  const names = async (c: Client, q: string) => {
    const res = await c.get(`/api/v1/projects?q=${encodeURIComponent(q)}&pageSize=100`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(body.items.length);
    return (body.items as { name: string }[]).map((i) => i.name).sort();
  };

  async function create(c: Client, name: string, regionId: string, investorIds: string[]) {
    const res = await c.post('/api/v1/projects', {
      name,
      regionId,
      industryCode: '3311',
      totalInvestmentFen: 1_000_000_00,
      projectType: 'new',
      investorIds,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; code: string; version: number };
  }

  /** Every project the plain scan finds, by id: what the index must give. */
  const scanned = async (q: string) =>
    (
      await t.database.db
        .selectFrom('projects as p')
        .select('p.id')
        .where(({ ref }) => t.database.dialect.contains(ref('p.searchText'), q.toLowerCase()))
        .orderBy('p.id')
        .execute()
    ).map((r) => r.id);
  const indexed = async (q: string) =>
    (
      await listProjects(
        t.database.db,
        t.database.dialect,
        { scope: '/', wholeTree: true, q, sort: 'name', order: 'asc', page: 1, pageSize: 1000 },
        clock,
      )
    ).items
      .map((i) => i.id)
      .sort();

  beforeAll(async () => {
    t = await createTestApp({ BACKDATE_LIMITS: 'city_bureau=none' });
    linfen = await t.login('linfen');
    admin = await t.login('admin');
    taiyuan = await t.login('taiyuan');
    yaodu = await unitId(t, '141002');
    for (const [key, name, creditCode] of [
      ['yuanlian', '山西远联物流有限公司', CODE.shanxi],
      ['jinneng', '北京晋能科技有限公司', CODE.beijing],
    ] as const) {
      const res = await linfen.post('/api/v1/investors', { name, creditCode });
      expect(res.statusCode, res.body).toBe(201);
      investors[key] = res.json().id;
    }
    ids.gangtie = (await create(linfen, '太原钢铁深加工项目', yaodu, [investors.yuanlian])).id;
    ids.pingyao = (await create(linfen, '平遥古城文旅项目', yaodu, [investors.jinneng])).id;
    ids.taiyuanOwn = (
      await create(taiyuan, '太原智能装备项目', await unitId(t, '140105'), [investors.yuanlian])
    ).id;
  });
  afterAll(() => t.close());

  it('finds by 2- and 3+-character name fragments, investor, credit code and pinyin, in any case; scoped', async () => {
    // 2 Chinese characters: the city sees its own project only, the province both, Taiyuan its own
    expect(await names(linfen, '太原')).toEqual(['太原钢铁深加工项目']);
    expect(await names(admin, '太原')).toEqual(['太原智能装备项目', '太原钢铁深加工项目']);
    expect(await names(taiyuan, '太原')).toEqual(['太原智能装备项目']);
    expect(await names(linfen, '钢铁深加工')).toEqual(['太原钢铁深加工项目']);
    expect(await names(linfen, '平遥')).toEqual(['平遥古城文旅项目']);
    // the investor's name and credit code (any case, a fragment)
    expect(await names(linfen, '远联物流')).toEqual(['太原钢铁深加工项目']);
    expect(await names(admin, '远联物流')).toEqual(['太原智能装备项目', '太原钢铁深加工项目']);
    expect(await names(linfen, 'MA0LF')).toEqual(['太原钢铁深加工项目']);
    expect(await names(linfen, 'ma0lf000')).toEqual(['太原钢铁深加工项目']);
    expect(await names(linfen, CODE.beijing)).toEqual(['平遥古城文旅项目']);
    // pinyin initials of 2 and 4 letters, full pinyin, upper case; 1 character (a scan)
    expect(await names(linfen, 'py')).toEqual(['平遥古城文旅项目']);
    expect(await names(linfen, 'PY')).toEqual(['平遥古城文旅项目']);
    expect(await names(linfen, 'tygt')).toEqual(['太原钢铁深加工项目']);
    expect(await names(linfen, 'PingYao')).toEqual(['平遥古城文旅项目']);
    expect(await names(linfen, '遥')).toEqual(['平遥古城文旅项目']);
    // with the other filters and an unknown fragment
    const filtered = async (query: string) => (await linfen.get(`/api/v1/projects?${query}`)).json().total;
    expect(await filtered(`q=${encodeURIComponent('太原')}&status=signed`)).toBe(0);
    expect(await filtered(`q=${encodeURIComponent('太原')}&status=lead&industry=C`)).toBe(1);
    expect(await filtered(`q=${encodeURIComponent('太原')}&regionId=${yaodu}&sort=totalInvestment`)).toBe(1);
    expect(await names(admin, '太原xyz')).toEqual([]);
    expect(await names(admin, '%')).toEqual([]);
    expect(await names(admin, '"')).toEqual([]);
  });

  it('gives exactly the rows of the case-insensitive LIKE for every fragment of the texts', async () => {
    const texts = (await t.database.db.selectFrom('projects').select('searchText').execute()).map(
      (r) => r.searchText,
    );
    const fragments = new Set<string>(['a', 'Y', '项目', 'XM', ' t', '%目', '_', 'gs 9']);
    for (const text of texts) {
      const chars = [...text];
      // every fragment of 1 to 4 characters at the start, the middle and the end of each text
      for (const at of [0, 1, Math.floor(chars.length / 2), chars.length - 4, chars.length - 2])
        for (let n = 1; n <= 4; n++) {
          const f = chars.slice(Math.max(0, at), Math.max(0, at) + n).join('');
          if (f.trim()) fragments.add(f.trim());
        }
    }
    for (const f of fragments) expect([f, await indexed(f)]).toEqual([f, await scanned(f)]);
  });

  it('follows edits, investor changes, imports and deletes (no stale hits)', async () => {
    // an edit of the name
    const p = (await linfen.get(`/api/v1/projects/${ids.pingyao}`)).json();
    const renamed = await linfen.patch(`/api/v1/projects/${p.id}`, {
      version: p.version,
      name: '晋中古城文旅项目',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await names(linfen, '平遥')).toEqual([]);
    expect(await names(linfen, 'py')).toEqual([]);
    expect(await names(linfen, '晋中古城')).toEqual(['晋中古城文旅项目']);
    expect(await names(linfen, 'jzgc')).toEqual(['晋中古城文旅项目']);
    // another investor: the old one's name and code no longer find it
    const g = (await linfen.get(`/api/v1/projects/${ids.gangtie}`)).json();
    const moved = await linfen.patch(`/api/v1/projects/${g.id}`, {
      version: g.version,
      investorIds: [investors.jinneng],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await names(linfen, '远联物流')).toEqual([]);
    expect(await names(admin, '远联物流')).toEqual(['太原智能装备项目']);
    expect(await names(linfen, 'ma0lf')).toEqual([]);
    expect(await names(linfen, '晋能科技')).toEqual(['太原钢铁深加工项目', '晋中古城文旅项目']);

    // an import creates a project, a second one (by its 项目编号) renames it
    const created = await runImport(await ledger([{ 项目名称: '太原煤机再制造项目' }]));
    expect(created).toMatchObject({ status: 'done', created: 1 });
    expect(await names(linfen, '煤机再制造')).toEqual(['太原煤机再制造项目']);
    expect(await names(linfen, '太原')).toEqual(['太原煤机再制造项目', '太原钢铁深加工项目']);
    expect(await names(linfen, 'tymj')).toEqual(['太原煤机再制造项目']);
    const imported = (await linfen.get(`/api/v1/projects?q=${encodeURIComponent('煤机')}`)).json().items[0];
    const updated = await runImport(
      await ledger([{ 项目名称: '临汾煤机再制造项目', 项目编号: imported.code }]),
    );
    expect(updated).toMatchObject({ status: 'done', created: 0, updated: 1 });
    expect(await names(linfen, '太原煤机')).toEqual([]);
    expect(await names(linfen, 'tymj')).toEqual([]);
    expect(await names(linfen, '临汾煤机')).toEqual(['临汾煤机再制造项目']);
    expect(await names(linfen, 'lf')).toEqual(['临汾煤机再制造项目']);

    // a delete (no route deletes a project: straight in the database, as an administrator would)
    await t.database.db.transaction().execute(async (trx) => {
      for (const table of ['projectEvents', 'projectInvestors'] as const)
        await trx.deleteFrom(table).where('projectId', '=', imported.id).execute();
      await trx.deleteFrom('projects').where('id', '=', imported.id).execute();
    });
    expect(await names(linfen, '煤机')).toEqual([]);
    expect(await names(linfen, 'lf')).toEqual([]);
    expect(await names(admin, '太原')).toEqual(['太原智能装备项目', '太原钢铁深加工项目']);
    if (DB_KIND === 'sqlite') {
      // one index entry per project, none left behind
      const entries = await sql<{ n: number }>`select count(*) as n from project_search`.execute(
        t.database.db,
      );
      const rows = await t.database.db
        .selectFrom('projects')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(entries.rows[0].n)).toBe(Number(rows.n));
      const stale = await sql<{
        n: number;
      }>`select count(*) as n from project_search where project_search match ${'"煤机再"'}`.execute(
        t.database.db,
      );
      expect(Number(stale.rows[0].n)).toBe(0);
    }
  });

  const HEADERS = [
    '项目名称',
    '项目编号',
    '所在地',
    '行业代码',
    '总投资（万元）',
    '投资方',
    '投资方统一社会信用代码',
    '项目类型',
    '阶段',
  ];
  async function ledger(rows: Record<string, unknown>[]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(HEADERS);
    const defaults: Record<string, unknown> = {
      所在地: '尧都区',
      行业代码: '2521',
      '总投资（万元）': 10000,
      投资方: '北京晋能科技有限公司',
      投资方统一社会信用代码: CODE.beijing,
      项目类型: '新建',
      阶段: '线索',
    };
    for (const r of rows) ws.addRow(HEADERS.map((h) => r[h] ?? defaults[h] ?? null));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  async function runImport(file: Buffer) {
    const res = await linfen.request({
      method: 'POST',
      url: '/api/v1/projects/import?mode=commit',
      ...multipart('ledger.xlsx', file),
    });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id as string;
    for (let i = 0; i < 2000; i++) {
      const job = (await linfen.get(`/api/v1/projects/import/${id}`)).json();
      if (job.status !== 'running') return job;
      await sleep(20);
    }
    throw new Error(`import ${id} did not finish`);
  }
});
