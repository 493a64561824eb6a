import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  DB_KIND,
  describeApi,
  multipart,
  type TestApp,
  tableCounts,
  unitId,
  userId,
} from '../../../test/harness.js';
import { verifyRollups } from '../../kernel/rollups.js';
import { addDays, beijingToday } from '../../lib/days.js';
import { projectRollups } from './rollups.repository.js';

const today = beijingToday();
const tomorrow = addDays(today, 1);
const FIXTURE = path.resolve(import.meta.dirname, '../../../test/fixtures/ledger-libreoffice.xlsx');

/** Valid credit codes (GB 32100 check characters) from several provinces. */
const CODE = {
  beijing: '91110108MA01A2B3CF',
  jiangsu: '91320500MA1MX8K9P0',
  guangdong: '91440300MA5F3TQ2XE',
  shanxi: '91141000MA0LF00015',
  existing: '91350100M000100Y43',
};

const HEADERS = [
  '序号',
  '项目名称',
  '项目编号',
  '所在地',
  '行业代码',
  '总投资（万元）',
  '其中外资（万美元）',
  '投资方',
  '投资方统一社会信用代码',
  '项目类型',
  '阶段',
  '签约日期',
  '开工日期',
  '投产日期',
  '责任领导',
  '备注',
];
type Row = Record<string, unknown>;

/** A ledger as offices send it: two merged title rows, the header on row 3, data from row 4. */
async function ledger(rows: Row[], headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['临汾市招商项目台账（测试）']);
  ws.mergeCells(1, 1, 1, headers.length);
  ws.addRow([`填报日期：${today}`]);
  ws.mergeCells(2, 1, 2, headers.length);
  ws.addRow(headers);
  rows.forEach((r, i) => {
    ws.addRow(headers.map((h) => (h === '序号' ? i + 1 : (r[h] ?? null))));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const project = (name: string, patch: Row = {}): Row => ({
  项目名称: name,
  所在地: '尧都区',
  行业代码: '2521',
  '总投资（万元）': 10000,
  投资方: '北京晋能科技有限公司',
  投资方统一社会信用代码: CODE.beijing,
  项目类型: '新建',
  阶段: '线索',
  ...patch,
});

async function readXlsx(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0];
}
const cellValue = (v: ExcelJS.CellValue) =>
  v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v;

interface Job {
  id: string;
  fileName: string;
  status: string;
  phase: string;
  total: number | null;
  rowsRead: number;
  rowsChecked: number;
  rowsWritten: number;
  created: number;
  updated: number;
  skipped: number;
  errors: { row: number; column: string | null; message: string }[];
  errorCount: number;
  code: string | null;
  message: string | null;
}

describeApi('project ledger: Excel export and import', () => {
  let t: TestApp;
  let linfen: Client;
  let yaodu: string;

  async function start(c: Client, file: Buffer, mode: string, name = 'ledger.xlsx') {
    const res = await c.request({
      method: 'POST',
      url: `/api/v1/projects/import?mode=${mode}`,
      ...multipart(name, file),
    });
    expect(res.statusCode, res.body).toBe(202);
    return res.json().id as string;
  }
  async function job(c: Client, id: string): Promise<Job> {
    const res = await c.get(`/api/v1/projects/import/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }
  async function settle(c: Client, id: string): Promise<Job> {
    for (let i = 0; i < 2000; i++) {
      const j = await job(c, id);
      if (j.status !== 'running') return j;
      await sleep(20);
    }
    throw new Error(`import ${id} did not finish`);
  }
  const runImport = async (c: Client, file: Buffer, mode: string) => settle(c, await start(c, file, mode));
  const projectsNamed = async (prefix: string) =>
    t.database.db
      .selectFrom('projects')
      .selectAll()
      .where('name', 'like', `${prefix}%`)
      .orderBy('name')
      .execute();

  beforeAll(async () => {
    // the ledgers carry earlier years' history: the city may enter it here (the limit has its own test)
    t = await createTestApp({ BACKDATE_LIMITS: 'city_bureau=none' });
    linfen = await t.login('linfen');
    yaodu = await unitId(t, '141002');
    const inv = await linfen.post('/api/v1/investors', {
      name: '成都大陆希望集团有限公司',
      creditCode: CODE.existing,
    });
    expect(inv.statusCode, inv.body).toBe(201);
    const foreign = await linfen.post('/api/v1/investors', {
      name: 'Acme Holdings Ltd.',
      foreignRegNo: 'HK-1234567',
      country: '中国香港',
    });
    const make = async (c: Client, body: Row) => {
      const res = await c.post('/api/v1/projects', {
        industryCode: '39',
        projectType: 'new',
        investorIds: [inv.json().id],
        ...body,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    // Linfen: a signed project with foreign capital (and a foreign co-investor), a blocked lead, a terminated one.
    let signed = await make(linfen, {
      name: '台账导出签约项目',
      regionId: yaodu,
      totalInvestmentFen: 2_027_000_000_00,
      foreignCapitalUsdCents: 1_000_000_00,
      investorIds: [inv.json().id, foreign.json().id],
      leaderName: '安泽县县长',
      notes: '重点项目',
    });
    for (const [to, date] of [
      ['negotiating', addDays(today, -60)],
      ['signed', addDays(today, -30)],
    ]) {
      signed = (
        await linfen.post(`/api/v1/projects/${signed.id}/stage`, {
          version: signed.version,
          action: 'advance',
          to,
          date,
        })
      ).json();
    }
    await linfen.post(`/api/v1/projects/${signed.id}/funds`, {
      receivedOn: addDays(today, -5),
      currency: 'CNY',
      amount: 123_456_78,
    });
    const lead = await make(linfen, {
      name: '台账导出受阻项目',
      regionId: await unitId(t, 'Z14100001'),
      totalInvestmentFen: 1,
      projectType: 'expansion',
    });
    await linfen.post(`/api/v1/projects/${lead.id}/factor-needs`, {
      kind: 'land',
      dueOn: addDays(today, -3),
      responsibleOrgId: yaodu,
    });
    const closed = await make(linfen, {
      name: '台账导出终止项目',
      regionId: yaodu,
      totalInvestmentFen: 5_000_000_00,
    });
    await linfen.post(`/api/v1/projects/${closed.id}/stage`, {
      version: closed.version,
      action: 'terminate',
      date: today,
      reason: '企业战略调整',
    });
    // Taiyuan: must never appear in Linfen's ledger.
    const taiyuan = await t.login('taiyuan');
    await make(taiyuan, {
      name: '太原不可见项目',
      regionId: await unitId(t, '140105'),
      totalInvestmentFen: 7_00,
    });
  });
  afterAll(() => t.close());

  it('exports the filtered list as the office ledger: title, units, rows, totals, scope', async () => {
    const res = await linfen.get('/api/v1/projects/export.xlsx?sort=name&order=asc');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const stamp = today.replaceAll('-', '');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`招商项目台账-${stamp}.xlsx`)}`,
    );
    const ws = await readXlsx(res.rawPayload);
    expect(ws.getCell('A1').value).toBe('临汾市招商项目台账');
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(
      expect.arrayContaining(['A1:T1', 'A2:T2']),
    );
    expect(String(ws.getCell('A2').value)).toContain(`导出日期：${today}`);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual([
      '序号',
      '项目名称',
      '项目编号',
      '所在地',
      '行业代码',
      '行业名称',
      '总投资（万元）',
      '其中外资（万美元）',
      '投资方',
      '投资方统一社会信用代码',
      '来源地区',
      '项目类型',
      '阶段',
      '签约日期',
      '开工日期',
      '投产日期',
      '责任领导',
      '到位资金（万元）',
      '是否受阻',
      '备注',
    ]);
    const list = (await linfen.get('/api/v1/projects?pageSize=200&sort=name&order=asc')).json();
    const data: unknown[][] = [];
    for (let r = 4; r <= ws.rowCount; r++) data.push((ws.getRow(r).values as unknown[]).slice(1));
    const totals = data.pop()!;
    expect(data).toHaveLength(list.total);
    expect(data.map((r) => r[1])).toEqual(list.items.map((i: { name: string }) => i.name));
    expect(data.flat().join('|')).not.toContain('太原');

    const signed = data.find((r) => r[1] === '台账导出签约项目')!;
    expect(signed.slice(3, 13)).toEqual([
      '尧都区',
      '39',
      '计算机、通信和其他电子设备制造业',
      202700,
      100,
      '成都大陆希望集团有限公司、Acme Holdings Ltd.',
      `${CODE.existing}、`,
      '东部其他',
      '新建',
      '签约',
    ]);
    expect(signed[13]).toEqual(new Date(`${addDays(today, -30)}T00:00:00Z`));
    expect(signed.slice(16)).toEqual(['安泽县县长', 12.345678, '否', '重点项目']);
    const blocked = data.find((r) => r[1] === '台账导出受阻项目')!;
    expect([blocked[3], blocked[6], blocked[11], blocked[18]]).toEqual([
      '临汾经济开发区',
      0.000001,
      '扩建',
      '是',
    ]);
    expect(data.find((r) => r[1] === '台账导出终止项目')![12]).toBe('终止');

    expect(totals[0]).toBe('合计');
    const sum = (col: number) => data.reduce((s, r) => s + Math.round(Number(r[col] ?? 0) * 1e6), 0) / 1e6;
    expect(cellValue(totals[6] as ExcelJS.CellValue)).toBeCloseTo(sum(6), 6);
    expect(cellValue(totals[6] as ExcelJS.CellValue)).toBeCloseTo(203200.000001, 6);
    expect(cellValue(totals[7] as ExcelJS.CellValue)).toBe(sum(7));
    expect(cellValue(totals[17] as ExcelJS.CellValue)).toBe(12.345678);
    expect(ws.getCell(`G${4 + data.length}`).numFmt).toBe('#,##0.00');

    // Filters: the same as the list's, named in the subtitle.
    const filtered = await linfen.get('/api/v1/projects/export.xlsx?status=signed');
    const fws = await readXlsx(filtered.rawPayload);
    expect(String(fws.getCell('A2').value)).toContain('阶段：签约');
    expect(fws.rowCount - 4).toBe((await linfen.get('/api/v1/projects?status=signed')).json().total);
    const leader = await t.login('linfen_leader');
    expect((await leader.get('/api/v1/projects/export.xlsx')).statusCode).toBe(200);
    const out = await linfen.get(`/api/v1/projects/export.xlsx?regionId=${await unitId(t, '140105')}`);
    expect([out.statusCode, out.json().error.code]).toEqual([404, 'ORG_NOT_FOUND']);
    const paging = await linfen.get('/api/v1/projects/export.xlsx?page=2');
    expect(paging.statusCode).toBe(400);
    const ent = await t.login('enterprise');
    expect((await ent.get('/api/v1/projects/export.xlsx')).statusCode).toBe(403);
  });

  it('checks a file row by row and reports every problem, writing nothing', async () => {
    const file = await ledger([
      project('检查-正确项目'),
      project('检查-信用代码错', { 投资方统一社会信用代码: '91110108MA01A2B3CG' }),
      project('检查-负数金额', { '总投资（万元）': -5 }),
      project('检查-外资超总投资', { '总投资（万元）': 100, '其中外资（万美元）': 100 }),
      project('检查-未知地区', { 所在地: '火星县' }),
      project('检查-越权地区', { 所在地: '小店区' }),
      project('检查-日期倒序', { 阶段: '开工', 签约日期: '2025-06-01', 开工日期: '2025/5/1' }),
      project('检查-未来日期', { 阶段: '签约', 签约日期: tomorrow }),
      project('检查-未知阶段', { 阶段: '施工' }),
      project('检查-未知行业', { 行业代码: '9999', '总投资（万元）': 'abc' }),
    ]);
    const before = await tableCounts(t);
    const j = await runImport(linfen, file, 'check');
    expect(j).toMatchObject({
      status: 'done',
      phase: 'done',
      total: 10,
      rowsRead: 10,
      rowsChecked: 10,
      code: null,
    });
    expect(j).toMatchObject({ created: 0, updated: 0, rowsWritten: 0 });
    const byRow = j.errors.map((e) => [e.row, e.column, e.message]);
    const expected: [number, string, string][] = [
      [5, '投资方统一社会信用代码', '校验位不正确'],
      [6, '总投资（万元）', '不能为负数'],
      [7, '其中外资（万美元）', '超过了总投资'],
      [8, '所在地', '不是已知的县（市、区）或开发区'],
      [9, '所在地', '不在您的管辖范围（临汾市）内'],
      [10, '开工日期', '不能早于签约日期'],
      [11, '签约日期', `不能晚于今天（${today}）`],
      [12, '阶段', '无法识别'],
      [13, '行业代码', '不在《国民经济行业分类》'],
      [13, '总投资（万元）', '不是有效的金额'],
    ];
    expect(byRow).toHaveLength(expected.length);
    expected.forEach(([row, column, text], i) => {
      expect(byRow[i].slice(0, 2)).toEqual([row, column]);
      expect(byRow[i][2]).toContain(text);
    });
    expect(j.errorCount).toBe(expected.length);
    expect(await tableCounts(t)).toEqual(before);

    // commit: the same file imports nothing at all.
    const commit = await runImport(linfen, file, 'commit');
    expect(commit).toMatchObject({
      status: 'done',
      code: 'IMPORT_INVALID',
      created: 0,
      updated: 0,
      skipped: 10,
    });
    expect(commit.message).toContain('未导入任何数据');
    expect(commit.errors).toHaveLength(expected.length);
    expect(await tableCounts(t)).toEqual(before);

    // commit-valid: only the good row.
    const valid = await runImport(linfen, file, 'commit-valid');
    expect(valid).toMatchObject({ status: 'done', code: null, created: 1, updated: 0, skipped: 9 });
    expect((await projectsNamed('检查-')).map((p) => p.name)).toEqual(['检查-正确项目']);
  });

  it('commits a clean file in one go: projects, investors, stage events, audit', async () => {
    const before = await tableCounts(t);
    const file = await ledger([
      project('导入-焦化项目', {
        行业代码: 'C2521',
        '总投资（万元）': 52000,
        项目类型: '扩建',
        阶段: '开工',
        签约日期: '2025/3/15',
        开工日期: new Date('2025-06-01T00:00:00Z'),
        责任领导: '王副市长',
        备注: '一期已完成环评',
      }),
      project('导入-光伏项目', {
        所在地: '临汾经开区',
        行业代码: '3825',
        '总投资（万元）': '12,000.5',
        '其中外资（万美元）': 500,
        投资方: '成都大陆希望集团有限公司',
        投资方统一社会信用代码: CODE.existing,
        阶段: '签约',
        签约日期: '2025年9月20日',
      }),
      project('导入-照明项目', {
        所在地: '侯马市',
        行业代码: 3874,
        投资方: '苏州明光照明有限公司',
        投资方统一社会信用代码: CODE.jiangsu,
        项目类型: '东部转移',
        阶段: '在谈',
      }),
      project('导入-稻谷项目', {
        所在地: '141002',
        行业代码: '1311',
        '总投资（万元）': 3500.000001,
        投资方: '临汾粮丰农业有限公司',
        投资方统一社会信用代码: CODE.shanxi,
        阶段: '投产',
        签约日期: '2024-04-02',
        开工日期: '2024.7.18',
        投产日期: '20250530',
      }),
    ]);
    const j = await runImport(linfen, file, 'commit');
    expect(j, JSON.stringify(j.errors)).toMatchObject({
      status: 'done',
      code: null,
      created: 4,
      updated: 0,
      skipped: 0,
      rowsWritten: 4,
      errors: [],
    });
    const after = await tableCounts(t);
    expect(after.projects - before.projects).toBe(4);
    // 明光 and 粮丰 are new; 晋能 came with the commit-valid import above, 大陆希望 existed.
    expect(after.investors - before.investors).toBe(2);
    expect(after.project_events - before.project_events).toBe(3 + 2 + 1 + 4);
    expect(after.audit_log - before.audit_log).toBe(4 + 2);

    const rows = await projectsNamed('导入-');
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName['导入-焦化项目']).toMatchObject({
      industryCode: '2521',
      industrySection: 'C',
      projectType: 'expansion',
      status: 'started',
      negotiatingOn: '2025-03-15',
      signedOn: '2025-03-15',
      startedOn: '2025-06-01',
      lastEventOn: '2025-06-01',
      leaderName: '王副市长',
      notes: '一期已完成环评',
      originGroup: 'jjj',
      investorNames: '北京晋能科技有限公司',
    });
    expect(Number(byName['导入-焦化项目'].totalInvestmentFen)).toBe(52000_000000);
    expect(Number(byName['导入-光伏项目'].totalInvestmentFen)).toBe(12000_500000);
    expect(Number(byName['导入-光伏项目'].foreignCapitalUsdCents)).toBe(500_000000);
    expect(byName['导入-光伏项目']).toMatchObject({ status: 'signed', originGroup: 'east_other' });
    expect(byName['导入-照明项目']).toMatchObject({
      status: 'negotiating',
      negotiatingOn: today,
      projectType: 'relocation',
      industryCode: '3874',
    });
    expect(Number(byName['导入-稻谷项目'].totalInvestmentFen)).toBe(3500_000001);
    expect(byName['导入-稻谷项目']).toMatchObject({
      status: 'producing',
      producingOn: '2025-05-30',
      originGroup: 'local',
    });

    const detail = (await linfen.get(`/api/v1/projects/${byName['导入-焦化项目'].id}`)).json();
    expect(
      detail.events.map((e: { fromStatus: string; toStatus: string; date: string }) => [
        e.fromStatus,
        e.toStatus,
        e.date,
      ]),
    ).toEqual([
      ['lead', 'negotiating', '2025-03-15'],
      ['negotiating', 'signed', '2025-03-15'],
      ['signed', 'started', '2025-06-01'],
    ]);
    expect(detail.events[0].actorName).toBe('临汾市投促局业务员');
    expect(detail.code).toMatch(/^XM\d{8}-[0-9A-F]{12}$/);
    const audit = (await linfen.get(`/api/v1/audit?entity=project&entityId=${detail.id}`)).json();
    expect(audit.items).toHaveLength(1);
    // Written in bulk, yet the same row recordAudit writes (here: the investor the API created).
    const byApi = await t.database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entity', '=', 'investor')
      .where('action', '=', 'create')
      .executeTakeFirstOrThrow();
    const byImport = await t.database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityId', '=', detail.id)
      .executeTakeFirstOrThrow();
    const shape = (r: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? 'null' : typeof v]));
    expect(shape(byImport)).toEqual({ ...shape(byApi), beforeJson: 'null' });
    expect([byImport.actorId, byImport.actorName, byImport.ip]).toEqual([
      byApi.actorId,
      byApi.actorName,
      byApi.ip,
    ]);
    expect(byImport.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(audit.items[0]).toMatchObject({
      action: 'import',
      after: { import: { row: 4, file: 'ledger.xlsx' } },
    });
    // Searchable like any project (pinyin initials of the name, the investor's credit code).
    expect((await linfen.get(`/api/v1/projects?q=${CODE.jiangsu}`)).json().items[0].name).toBe(
      '导入-照明项目',
    );

    // Re-importing the same file changes nothing and duplicates nothing.
    const again = await runImport(linfen, file, 'commit');
    expect(again).toMatchObject({ status: 'done', created: 0, updated: 0, skipped: 4, errors: [] });
    expect(await tableCounts(t)).toEqual(after);

    // A changed amount updates that project only (found by name + region; no 项目编号 in the sheet).
    const changed = await ledger([
      project('导入-焦化项目', {
        行业代码: '2521',
        '总投资（万元）': 60000,
        项目类型: '扩建',
        阶段: '投产',
        签约日期: '2025-03-15',
        开工日期: '2025-06-01',
        投产日期: '2025-10-01',
        责任领导: '王副市长',
        备注: '一期已完成环评',
      }),
    ]);
    const upd = await runImport(linfen, changed, 'commit');
    expect(upd).toMatchObject({ status: 'done', created: 0, updated: 1, skipped: 0 });
    const [coke] = await projectsNamed('导入-焦化');
    expect([Number(coke.totalInvestmentFen), coke.status, coke.producingOn, coke.version]).toEqual([
      60000_000000,
      'producing',
      '2025-10-01',
      2,
    ]);
    const trail = (await linfen.get(`/api/v1/audit?entity=project&entityId=${coke.id}`)).json().items;
    expect(trail[0]).toMatchObject({
      action: 'import',
      before: { totalInvestmentFen: 52000_000000, status: 'started' },
      after: { totalInvestmentFen: 60000_000000, status: 'producing' },
    });
    expect((await tableCounts(t)).projects).toBe(after.projects);

    // Going back a stage, or changing a recorded date, is a correction: refused with a reason.
    const backwards = await ledger([project('导入-焦化项目', { 阶段: '签约', 签约日期: '2025-03-16' })]);
    const refused = await runImport(linfen, backwards, 'check');
    expect(refused.errors.map((e) => [e.row, e.column])).toEqual([[4, '阶段']]);
    expect(refused.errors[0].message).toContain('不能从「投产」退回「签约」');
  });

  it('re-imports its own export without duplicates (matched by 项目编号)', async () => {
    const exported = await linfen.get('/api/v1/projects/export.xlsx');
    const before = await tableCounts(t);
    const total = (await linfen.get('/api/v1/projects')).json().total;
    const j = await runImport(linfen, exported.rawPayload, 'commit');
    expect(j, JSON.stringify(j.errors)).toMatchObject({
      status: 'done',
      total,
      created: 0,
      updated: 0,
      skipped: total,
      errors: [],
    });
    expect(await tableCounts(t)).toEqual(before);
  });

  it('imports a ledger saved by LibreOffice (merged titles, full-width headers, a foreign investor)', async () => {
    const file = fs.readFileSync(FIXTURE);
    const check = await runImport(linfen, file, 'check');
    expect(check, JSON.stringify(check.errors)).toMatchObject({ status: 'done', total: 6, errors: [] });
    const j = await runImport(linfen, file, 'commit');
    expect(j, JSON.stringify(j.errors)).toMatchObject({ status: 'done', created: 6, skipped: 0 });
    const rows = await t.database.db
      .selectFrom('projects')
      .selectAll()
      .where('name', 'in', [
        '晋鑫年产60万吨焦化升级项目',
        '光伏组件智能制造项目',
        '智能照明器具产业园',
        '优质稻谷加工项目',
      ])
      .orderBy('name')
      .execute();
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName.晋鑫年产60万吨焦化升级项目).toMatchObject({
      status: 'started',
      signedOn: '2025-03-15',
      startedOn: '2025-06-01',
      leaderName: '王副市长',
      projectType: 'expansion',
    });
    expect(byName.光伏组件智能制造项目).toMatchObject({
      status: 'signed',
      originGroup: 'gba',
      signedOn: '2025-09-20',
    });
    expect(Number(byName.光伏组件智能制造项目.foreignCapitalUsdCents)).toBe(500_000000);
    expect(Number(byName.智能照明器具产业园.totalInvestmentFen)).toBe(8000_000000);
    expect(byName.优质稻谷加工项目).toMatchObject({ status: 'producing', producingOn: '2025-05-30' });
    const foreign = await t.database.db
      .selectFrom('investors')
      .selectAll()
      .where('foreignRegNo', '=', 'HK-2045817')
      .executeTakeFirstOrThrow();
    expect(foreign).toMatchObject({
      name: 'Sunrise Solar Holdings Ltd.',
      country: '中国香港',
      creditCode: null,
    });
    expect(await runImport(linfen, file, 'commit')).toMatchObject({ status: 'done', created: 0, skipped: 6 });
  });

  it('reads header variants: half-width brackets, spaces, 亿元, 美元, text and serial dates', async () => {
    const headers = [
      '项目 名称',
      '所在地',
      '行业代码',
      '总投资(亿元)',
      '外资 （美元）',
      '投资方',
      '统一社会信用代码',
      '阶段',
      '签约时间',
    ];
    const file = await ledger(
      [
        {
          '项目 名称': '变体-亿元项目',
          所在地: '临汾市尧都区',
          行业代码: '2521',
          '总投资(亿元)': 2.5,
          '外资 （美元）': '1,000,000',
          投资方: '广州新材料有限公司',
          统一社会信用代码: CODE.guangdong,
          阶段: '已签约',
          签约时间: 45809, // an Excel serial without a date format: 2025-06-01
        },
      ],
      headers,
    );
    const j = await runImport(linfen, file, 'commit');
    expect(j, JSON.stringify(j.errors)).toMatchObject({ status: 'done', created: 1 });
    const [p] = await projectsNamed('变体-');
    expect([Number(p.totalInvestmentFen), Number(p.foreignCapitalUsdCents), p.status, p.signedOn]).toEqual([
      25_000_000_000,
      100_000_000,
      'signed',
      '2025-06-01',
    ]);

    const missing = await ledger(
      [{ 项目名称: '缺列项目', 所在地: '尧都区', 投资方: '某公司' }],
      ['项目名称', '所在地', '投资方', '总投资(美元)'],
    );
    const m = await runImport(linfen, missing, 'check');
    expect(m.errors.map((e) => e.message)).toEqual([
      '无法识别「总投资(美元)」的单位「美元」，应为元、万元或亿元',
      '缺少必填列「行业代码」',
      '缺少「投资方统一社会信用代码」列（境外投资方可用「境外注册号」和「国别」两列）',
    ]);
    expect(m.errors.every((e) => e.row === 3)).toBe(true);
    const noHeader = await ledger([{ a: 1 }], ['甲', '乙']);
    const n = await runImport(linfen, noHeader, 'commit');
    expect(n).toMatchObject({ status: 'done', code: 'IMPORT_INVALID', errors: [{ row: 0, column: null }] });
    expect(n.errors[0].message).toContain('未找到表头');
  });

  it('refuses what is not an .xlsx or a .csv, or too large; an old .xls is told how to save it', async () => {
    const post = (name: string, data: Buffer) =>
      linfen.request({ method: 'POST', url: '/api/v1/projects/import?mode=check', ...multipart(name, data) });
    const txt = await post('ledger.txt', Buffer.from('项目名称,所在地\n'));
    expect([txt.statusCode, txt.json().error.code]).toEqual([400, 'FILE_INVALID']);
    const xls = await post(
      '台账.xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
    );
    expect([xls.statusCode, xls.json().error.code]).toEqual([400, 'FILE_XLS']);
    expect(xls.json().error.message).toContain('另存为');
    const fake = await post('ledger.xlsx', Buffer.from('not a workbook'));
    expect([fake.statusCode, fake.json().error.code]).toEqual([400, 'FILE_INVALID']);
    const json = await linfen.post('/api/v1/projects/import?mode=check', { file: 'x' });
    expect([json.statusCode, json.json().error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const huge = Buffer.alloc(20 * 1024 * 1024 + 10);
    huge.write('PK\u0003\u0004', 'latin1');
    const big = await post('huge.xlsx', huge);
    expect([big.statusCode, big.json().error.code]).toEqual([413, 'FILE_TOO_LARGE']);
    const mode = await linfen.request({
      method: 'POST',
      url: '/api/v1/projects/import?mode=later',
      ...multipart('ledger.xlsx', await ledger([])),
    });
    expect(mode.statusCode).toBe(400);
    const good = await ledger([project('损坏文件项目')]);
    const broken = await runImport(linfen, good.subarray(0, 200), 'check');
    expect(broken).toMatchObject({ status: 'failed', code: 'FILE_INVALID', errors: [{ row: 0 }] });
    expect(broken.message).toBe('文件格式不正确或已损坏');
    const leader = await t.login('linfen_leader');
    const ro = await leader.request({
      method: 'POST',
      url: '/api/v1/projects/import',
      ...multipart('a.xlsx', good),
    });
    expect(ro.statusCode).toBe(403);
  });

  it('shows moving progress, and a job only to the user who started it', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => project(`进度-${String(i).padStart(5, '0')}`));
    const file = await ledger(rows);
    const id = await start(linfen, file, 'check', '进度台账.xlsx');
    const seen: Job[] = [];
    for (;;) {
      const j = await job(linfen, id);
      seen.push(j);
      if (j.status !== 'running') break;
      await sleep(5);
    }
    const last = seen.at(-1)!;
    expect(last).toMatchObject({
      status: 'done',
      total: 5000,
      rowsRead: 5000,
      rowsChecked: 5000,
      errors: [],
    });
    const partial = seen.filter((j) => j.status === 'running');
    const read = new Set(partial.map((j) => j.rowsRead).filter((n) => n > 0 && n < 5000));
    const checked = new Set(partial.map((j) => j.rowsChecked).filter((n) => n > 0 && n < 5000));
    expect(
      read.size + checked.size,
      JSON.stringify(partial.map((j) => [j.phase, j.rowsRead, j.rowsChecked])),
    ).toBeGreaterThan(1);
    expect(partial.filter((j) => j.phase === 'reading').every((j) => j.total === null)).toBe(true);
    expect((await job(linfen, id)).id).toBe(id);
    expect(
      (
        await t.database.db
          .selectFrom('importJobs')
          .select('fileName')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).fileName,
    ).toBe('进度台账.xlsx');

    for (const other of ['yaodu', 'admin']) {
      const c = await t.login(other);
      const read = await c.get(`/api/v1/projects/import/${id}`);
      expect([read.statusCode, read.json().error.code]).toEqual([404, 'IMPORT_NOT_FOUND']);
      const cancel = await c.post(`/api/v1/projects/import/${id}/cancel`);
      expect(cancel.statusCode).toBe(404);
    }
    expect((await linfen.get('/api/v1/projects/import/nope')).statusCode).toBe(404);
  });

  it('marks a job failed when its process died (no progress for an hour)', async () => {
    const actorId = await userId(t, 'linfen');
    const row = (id: string, hoursAgo: number) => {
      const at = new Date(Date.now() - hoursAgo * 3600_000).toISOString();
      return {
        id,
        kind: 'projects',
        mode: 'commit',
        status: 'running',
        phase: 'writing',
        actorId,
        fileName: 'old.xlsx',
        fileSha256: '0',
        total: 10,
        rowsRead: 10,
        rowsChecked: 10,
        errorsJson: JSON.stringify({ code: null, errorCount: 0, errors: [] }),
        createdAt: at,
        updatedAt: at,
      };
    };
    await t.database.db
      .insertInto('importJobs')
      .values([row('dead-job', 2), row('busy-job', 0.5)])
      .execute();
    expect(await job(linfen, 'dead-job')).toMatchObject({
      status: 'failed',
      code: 'INTERNAL',
      total: 10,
      created: 0,
    });
    // Half an hour without progress may still be another process at work.
    expect(await job(linfen, 'busy-job')).toMatchObject({ status: 'running', phase: 'writing' });
  });

  it('cancels a large import: everything is rolled back', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => project(`取消-${String(i).padStart(5, '0')}`));
    const file = await ledger(rows);
    const before = await tableCounts(t);

    // While checking (both databases).
    const id = await start(linfen, file, 'commit');
    for (;;) {
      const j = await job(linfen, id);
      if (j.status !== 'running' || j.rowsChecked >= 400) break;
      await sleep(5);
    }
    const cancelled = await linfen.post(`/api/v1/projects/import/${id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const end = await settle(linfen, id);
    expect(end).toMatchObject({ status: 'cancelled', created: 0, updated: 0, rowsWritten: 0 });
    expect(await tableCounts(t)).toEqual(before);
    expect(await projectsNamed('取消-')).toHaveLength(0);

    // While writing: the open transaction is rolled back. (On SQLite the write transaction holds the
    // only connection, so a request can only arrive between phases; PostgreSQL serves it meanwhile.)
    if (DB_KIND === 'postgres') {
      const id2 = await start(linfen, file, 'commit');
      let seenWriting = false;
      for (;;) {
        const j = await job(linfen, id2);
        if (j.status !== 'running') break;
        if (j.phase === 'writing' && j.rowsWritten > 0) {
          seenWriting = true;
          break;
        }
        await sleep(5);
      }
      expect(seenWriting).toBe(true);
      expect((await linfen.post(`/api/v1/projects/import/${id2}/cancel`)).statusCode).toBe(200);
      const end2 = await settle(linfen, id2);
      expect(end2).toMatchObject({ status: 'cancelled', created: 0, rowsWritten: 0 });
      expect(await tableCounts(t)).toEqual(before);
    }
  });

  it('keeps the monthly roll-ups equal to a full recount through every write above', async () => {
    const { rows, differences } = await verifyRollups(t.database.db, projectRollups);
    expect(rows).toBeGreaterThan(0);
    expect(differences).toEqual([]);
  });
});
