import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Client, createTestApp, describeApi, type TestApp, unitId } from '../../../test/harness.js';

/**
 * 企业诉求台账 (.xlsx): the export holds exactly the rows the caller's filtered list holds, and
 * hides from a department what its queue hides (an anonymous filer).
 */
describeApi('appeal ledger export', () => {
  let t: TestApp;
  let yaodu: Client;
  let dept: Client;
  let enterprise: Client;
  let admin: Client;

  /** The sheet's data rows as { header: text } records (the title row and the header row skipped). */
  async function exported(c: Client, q: Record<string, string> = {}) {
    const res = await c.get(`/api/v1/appeals/export.xlsx?${new URLSearchParams(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(1).getCell(1).value)).toMatch(/^企业诉求台账（导出日期 .*，共 \d+ 条）$/);
    const header = (ws.getRow(2).values as unknown[]).slice(1).map(String);
    const rows: Record<string, unknown>[] = [];
    ws.eachRow((row, n) => {
      if (n <= 2) return;
      const values = (row.values as unknown[]).slice(1);
      rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
    });
    return rows;
  }
  const listed = async (c: Client, q: Record<string, string> = {}) => {
    const res = await c.get(`/api/v1/appeals?${new URLSearchParams({ pageSize: '100', ...q })}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; items: { code: string }[] };
  };
  const codes = (rows: { code?: unknown; 诉求编号?: unknown }[]) =>
    rows.map((r) => String(r.code ?? r.诉求编号)).sort();

  beforeAll(async () => {
    t = await createTestApp();
    yaodu = await t.login('yaodu');
    dept = await t.login('linfen_zrzy');
    enterprise = await t.login('enterprise');
    admin = await t.login('admin');
    // the enterprise's own appeal
    const own = await enterprise.post('/api/v1/appeals', {
      channel: 'portal',
      category: 'land',
      title: '园区道路未通车影响项目施工',
      description: '项目所在园区的道路至今未通车，施工车辆无法进场。',
    });
    expect(own.statusCode, own.body).toBe(201);
    // an anonymous hotline appeal of a 尧都区 enterprise, assigned to the city's 自然资源局
    const filed = await yaodu.post('/api/v1/appeals', {
      channel: 'hotline',
      category: 'inspection',
      enterpriseId: await unitId(t, 'E-YDYS'),
      title: '执法检查过于频繁',
      description: '一个月内被检查五次。',
      anonymous: true,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    let a = filed.json();
    for (const [action, body] of [
      ['accept', {}],
      ['assign', { departmentId: await unitId(t, 'D14100007') }],
    ] as const) {
      const res = await yaodu.post(`/api/v1/appeals/${a.id}/${action}`, { version: a.version, ...body });
      expect(res.statusCode, res.body).toBe(200);
      a = res.json();
    }
  });
  afterAll(async () => t?.close());

  it('holds the rows of the filtered list, for an office, a department and an enterprise', async () => {
    for (const [c, q] of [
      [admin, {}],
      [admin, { open: 'true', sort: 'due' }],
      [yaodu, {}],
      [yaodu, { channel: 'hotline' }],
      [dept, {}],
      [enterprise, {}],
    ] as const) {
      const list = await listed(c, q);
      expect(list.total).toBeGreaterThan(0);
      const rows = await exported(c, q);
      expect(rows.length).toBe(list.total);
      expect(codes(rows)).toEqual(codes(list.items));
    }
  });

  it('speaks the ledger’s words: statuses, channels, categories and deadlines in Chinese, days as dates', async () => {
    const rows = await exported(yaodu, { channel: 'hotline', q: '执法检查过于频繁' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      诉求标题: '执法检查过于频繁',
      诉求企业: '尧都云商产业园运营有限公司',
      渠道: '投诉举报专线',
      状态: '待签收',
      当前时限: '签收',
    });
    const item = (await listed(yaodu, { channel: 'hotline', q: '执法检查过于频繁' })).items[0] as unknown as {
      sla: string;
      workingDaysLeft: number;
    };
    expect(rows[0]!.时限状态).toBe({ normal: '正常', warning: '临期', overdue: '逾期' }[item.sla]);
    expect(rows[0]!.剩余工作日).toBe(item.workingDaysLeft);
    expect(rows[0]!.类别).not.toBe('inspection');
    expect(rows[0]!.登记日期).toBeInstanceOf(Date);
    expect(rows[0]!.期限).toBeInstanceOf(Date);
  });

  it('hides an anonymous filer from the department, as its queue does', async () => {
    const rows = await exported(dept, { q: '执法检查过于频繁' });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.诉求企业).toBe('（匿名）');
    const all = JSON.stringify(await exported(dept));
    expect(all).not.toContain('尧都云商');
  });

  it('refuses what the list refuses: a region outside the scope, a malformed day', async () => {
    const outside = await unitId(t, '140100');
    const list = await yaodu.get(`/api/v1/appeals?regionId=${outside}`);
    const res = await yaodu.get(`/api/v1/appeals/export.xlsx?regionId=${outside}`);
    expect(res.statusCode).toBe(list.statusCode);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect((await admin.get('/api/v1/appeals/export.xlsx?from=2025-02-30')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/appeals/export.xlsx?page=2')).statusCode).toBe(400);
  });
});
