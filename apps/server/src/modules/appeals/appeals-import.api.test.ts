import fs from 'node:fs';
import path from 'node:path';
import { addWorkingDays, buildCalendar } from '@yingshang/rules';
import { packagedSchedules } from '@yingshang/rules/holiday-data';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  describeApi,
  multipart,
  type TestApp,
  tableCounts,
} from '../../../test/harness.js';
import { verifyRollups } from '../../kernel/rollups.js';
import { addDays, beijingToday } from '../../lib/days.js';
import { appealRollups } from './rollups.repository.js';

const today = beijingToday();
const cal = buildCalendar(packagedSchedules());
/** Made by LibreOffice Calc (test/fixtures/make-register-fixtures.ts), not by our code. */
const fixture = (name: string) =>
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures', name));

type Report = {
  sheet: string;
  sheets: string[];
  rows: number;
  valid: number;
  created: number;
  ids: string[];
  columns: { col: number; header: string; key: string | null }[];
  skipped: { row: number; code: string }[];
  errors: { row: number; column: string | null; code: string; value: string | null }[];
};

describeApi('appeals register import (诉求台账导入)', () => {
  let t: TestApp;
  let linfen: Client;
  let yaodu: Client;

  const send = (c: Client, name: string, data: Buffer, query = '') =>
    c.request({ method: 'POST', url: `/api/v1/appeals/import${query}`, ...multipart(name, data) });

  beforeAll(async () => {
    // the city may enter any earlier day here (the setting), the county only this year (the default)
    t = await createTestApp({ BACKDATE_LIMITS: 'city_bureau=none' });
    linfen = await t.login('linfen');
    yaodu = await t.login('yaodu');
  });
  afterAll(() => t.close());

  it('moves an office’s own register in: mapping proposed, corrected and saved; errors row by row; valid rows on their true days; a second import creates nothing', async () => {
    const file = fixture('appeals-register.xlsx');
    let before = await tableCounts(t);

    // 1. the header is found under the title rows, on the second sheet, two rows deep; the
    //    content column's own header is not known, so 诉求内容 is missing
    let res = await send(linfen, '诉求台账.xlsx', file, '?mode=check');
    expect(res.statusCode, res.body).toBe(200);
    let report: Report = res.json();
    expect([report.sheet, report.sheets]).toEqual(['在办诉求', ['在办诉求']]);
    expect(report.columns.map((c) => [c.header, c.key])).toEqual([
      ['序号', 'seq'],
      ['登记日期', 'filedOn'],
      ['企业名称', 'enterprise'],
      ['联系人', 'contactName'],
      ['联系电话', 'contactPhone'],
      ['群众反映问题', null],
      ['问题类别', 'category'],
      ['来源渠道', 'channel'],
      ['所在县区', 'region'],
      ['承办单位', 'department'],
      ['交办日期', 'assignedOn'],
      // the hidden stale 「状态」 column is not read
      ['办理状态', 'status'],
      ['备注', 'notes'],
    ]);
    expect(report.errors).toEqual([{ row: 4, column: '诉求内容', code: 'COLUMN_MISSING', value: null }]);
    expect(await tableCounts(t)).toEqual(before);

    // 2. the clerk maps the column and saves it for the unit's next files (audited)
    res = await linfen.put('/api/v1/appeals/import/mapping', {
      columns: [{ header: '群众反映问题', key: 'description' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().columns).toEqual([{ header: '群众反映问题', key: 'description' }]);
    const bad = await linfen.put('/api/v1/appeals/import/mapping', {
      columns: [{ header: '群众反映问题', key: 'nonsense' }],
    });
    expect([bad.statusCode, bad.json().error.details[0].path]).toEqual([400, 'columns.0.key']);

    before = await tableCounts(t);
    // 3. checked again: the bad row is named, the 已办结 row is not moved in, nothing is written
    report = (await send(linfen, '诉求台账.xlsx', file, '?mode=check')).json();
    expect(report.columns.find((c) => c.header === '群众反映问题')?.key).toBe('description');
    expect(report.rows).toBe(5);
    expect(report.valid).toBe(3);
    expect(report.skipped).toEqual([{ row: 8, code: 'CLOSED', value: '已办结' }]);
    expect(report.errors).toEqual([
      { row: 10, column: '登记日期', code: 'DATE_INVALID', value: '2026.13.40' },
      { row: 10, column: '企业名称', code: 'ENTERPRISE_UNKNOWN', value: '不存在的贸易有限公司' },
    ]);
    expect(await tableCounts(t)).toEqual(before);

    // 4. all or none: refused with the same report; then the valid rows, as the clerk chooses
    res = await send(linfen, '诉求台账.xlsx', file, '?mode=commit');
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'IMPORT_INVALID']);
    expect(res.json().error.details.errors).toHaveLength(2);
    expect(await tableCounts(t)).toEqual(before);
    res = await send(linfen, '诉求台账.xlsx', file, '?mode=commit-valid');
    expect(res.statusCode, res.body).toBe(201);
    report = res.json();
    expect([report.created, report.ids.length]).toEqual([3, 3]);

    // 5. each appeal is where the register says, filed (and assigned) on the register's days
    const got = await Promise.all(
      report.ids.map(async (id) => (await linfen.get(`/api/v1/appeals/${id}`)).json()),
    );
    expect(
      got.map((a) => [
        a.enterpriseName,
        a.regionName,
        a.status,
        a.departmentName,
        a.filedOn,
        a.category,
        a.channel,
      ]),
    ).toEqual([
      [
        '大陆希望(临汾)光伏科技有限公司',
        '临汾经济开发区',
        'assigned',
        '临汾市自然资源局',
        '2026-10-12',
        'land',
        'window',
      ],
      [
        '尧都云商产业园运营有限公司',
        '尧都区',
        'assigned',
        '临汾市水务局',
        '2026-11-03',
        'water',
        'transfer_12345',
      ],
      ['山西晋鑫焦化有限公司', '临汾市', 'accepted', null, '2026-11-20', 'approval', 'hotline'],
    ]);
    const [first] = got;
    expect(first.title).toBe('二期项目用地规划条件调整申请已提交两个月仍未批复，影响厂房开工');
    expect(first.description).toContain('备注：企业多次来窗口反映');
    expect(first.contactPhone).toBe('13903571111');
    // assigned on 2026-10-14: the sign deadline runs from that day
    expect(first.dueOn).toBe(addWorkingDays(cal, '2026-10-14', first.slaRule.signDays).day);
    expect(
      first.events.map((e: { kind: string; occurredOn: string | null }) => [e.kind, e.occurredOn]),
    ).toEqual([
      ['file', '2026-10-12'],
      ['accept', '2026-10-12'],
      ['assign', '2026-10-14'],
    ]);
    const audit = (await linfen.get(`/api/v1/audit?entityId=${first.id}`)).json();
    expect(audit.items.map((a: { backdatedTo: string | null }) => a.backdatedTo)).toContain('2026-10-12');

    // 6. the same file again (here its GBK .csv) creates nothing new
    res = await send(linfen, '诉求台账.csv', fixture('appeals-register-gbk.csv'), '?mode=commit-valid');
    expect(res.statusCode, res.body).toBe(201);
    report = res.json();
    expect(report.created).toBe(0);
    expect(report.skipped.map((s) => s.code)).toEqual([
      'ALREADY_IMPORTED',
      'ALREADY_IMPORTED',
      'ALREADY_IMPORTED',
      'CLOSED',
    ]);
    expect((await verifyRollups(t.database.db, appealRollups)).differences).toEqual([]);
  });

  it('holds a county to its area and its back-date limit, row by row; .xls and junk get clear refusals', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['登记日期', '企业名称', '诉求内容', '诉求类别', '承办单位', '办理状态']);
    const lastYear = `${Number(today.slice(0, 4)) - 1}-06-01`;
    ws.addRow([lastYear, '尧都云商产业园运营有限公司', '去年的诉求', '其他', null, '已受理']);
    ws.addRow([today, '大陆希望(临汾)光伏科技有限公司', '开发区企业不归尧都', '其他', null, '已受理']);
    ws.addRow([addDays(today, 3), '尧都云商产业园运营有限公司', '明天的诉求', '不知道', null, '待受理']);
    ws.addRow([today, '尧都云商产业园运营有限公司', '已交办却无承办单位', '用电', null, '办理中']);
    ws.addRow([today, '尧都云商产业园运营有限公司', '交给太原的部门', '用电', '太原市自然资源局', '已交办']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await tableCounts(t);
    const report: Report = (await send(yaodu, 'x.xlsx', data, '?mode=check')).json();
    expect(report.errors.map((e) => [e.row, e.column, e.code, e.value])).toEqual([
      [2, '登记日期', 'BACKDATE_LIMIT', `${today.slice(0, 4)}-01-01`],
      [3, '企业名称', 'ENTERPRISE_UNKNOWN', '大陆希望(临汾)光伏科技有限公司'],
      [4, '登记日期', 'DATE_FUTURE', addDays(today, 3)],
      [4, '诉求类别', 'CATEGORY_UNKNOWN', '不知道'],
      [5, '承办单位', 'REQUIRED', null],
      [6, '承办单位', 'DEPARTMENT_UNKNOWN', '太原市自然资源局'],
    ]);
    const refused = await send(yaodu, 'x.xlsx', data);
    expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'IMPORT_INVALID']);
    expect(await tableCounts(t)).toEqual(before);

    const xls = await send(yaodu, 'x.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]));
    expect([xls.statusCode, xls.json().error.code]).toEqual([400, 'FILE_XLS']);
    const junk = await send(yaodu, 'x.xlsx', Buffer.from('not a workbook'));
    expect(junk.json().error.code).toBe('FILE_INVALID');
    const noHeader = await send(yaodu, 'x.csv', Buffer.from('a,b\n1,2\n'));
    expect(noHeader.json().error.details.errors[0].code).toBe('HEADER_NOT_FOUND');

    // the template reads back as a file with the header and no rows
    const tpl = await yaodu.get('/api/v1/appeals/import-template.xlsx');
    expect(tpl.statusCode).toBe(200);
    const empty: Report = (await send(yaodu, 't.xlsx', tpl.rawPayload, '?mode=check')).json();
    expect(empty.errors.map((e) => e.code)).toEqual(['NO_ROWS']);
    // a department may not import
    const dept = await t.login('linfen_zrzy');
    expect((await send(dept, 'x.xlsx', data, '?mode=check')).statusCode).toBe(403);
  });
});
