import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FileUnreadable, readLedger } from './projects-import.reader.js';

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['本表由招商系统导出']);
  const ws = wb.addWorksheet('台账');
  ws.addRow(['临汾市招商项目台账']);
  ws.mergeCells(1, 1, 1, 6);
  ws.addRow(['项目名称', '所在地', '行业代码', '总投资（万元）', '投资方', '投资方统一社会信用代码']);
  ws.addRow(['甲项目', '尧都区', '2521', 100, '某公司', '91110108MA01A2B3CF']);
  ws.addRow([]);
  ws.addRow(['乙项目', '侯马市', '3825', 200.5, '另一公司', '91320500MA1MX8K9P0']);
  ws.addRow(['合计', null, null, { formula: 'SUM(D3:D5)', result: 300.5 }]);
  ws.addRow(['注：金额单位为万元']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('ledger reader', () => {
  it('finds the header under the title, skips blank, 合计 and footnote rows', async () => {
    const { header, rows, problems } = await readLedger(await workbook(), () => {});
    expect(problems).toEqual([]);
    expect(header).toMatchObject({ row: 2, sheet: '台账' });
    expect(rows.map((r) => [r.row, r.cells.name, r.cells.total])).toEqual([
      [3, '甲项目', 100],
      [5, '乙项目', 200.5],
    ]);
  });

  it('never loses the last part of the archive (exceljs#3064: xl/workbook.xml, written last)', async () => {
    const file = await workbook();
    for (let i = 0; i < 200; i++) {
      const { header, rows } = await readLedger(file, () => {});
      // The sheet's name comes from xl/workbook.xml: without it the reader says "Sheet2".
      expect(header?.sheet).toBe('台账');
      expect(rows).toHaveLength(2);
    }
  });

  it.each([
    ['shared strings', true, 3000],
    ['inline strings', false, 10000],
  ])('keeps Chinese text whole across compressed chunks (%s)', async (_label, sharedStrings, count) => {
    const names = Array.from({ length: count }, (_, i) => `临汾市尧都区第${i}号智能制造产业园项目`);
    const chunks: Buffer[] = [];
    const out = new PassThrough();
    out.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: sharedStrings });
    const ws = wb.addWorksheet('台账');
    ws.addRow([
      '项目名称',
      '所在地',
      '行业代码',
      '总投资（万元）',
      '投资方',
      '投资方统一社会信用代码',
    ]).commit();
    for (const name of names) ws.addRow([name, '尧都区', '2521', 1, '山西某某投资有限公司', 'x']).commit();
    ws.commit();
    await wb.commit();
    const { rows } = await readLedger(Buffer.concat(chunks), () => {});
    expect(rows.map((r) => r.cells.name)).toEqual(names);
    expect(rows.every((r) => r.cells.investor === '山西某某投资有限公司')).toBe(true);
  });

  it('refuses what is not a workbook', async () => {
    await expect(readLedger(Buffer.from('PK\u0003\u0004 nothing else'), () => {})).rejects.toBeInstanceOf(
      FileUnreadable,
    );
  });

  it('passes on what the row callback throws (cancellation)', async () => {
    const stop = new Error('cancelled');
    await expect(
      readLedger(await workbook(), () => {
        throw stop;
      }),
    ).rejects.toBe(stop);
  });
});
