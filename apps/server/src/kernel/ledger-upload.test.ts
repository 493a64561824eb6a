import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type WorkbookLayout, workbookLayout } from './ledger-upload.js';

const fixtures = path.resolve(import.meta.dirname, '../../test/fixtures');

/** The layout as exceljs sees it, opening the workbook whole (what workbookLayout did before). */
async function layoutByExceljs(xlsx: Buffer): Promise<WorkbookLayout> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const layout = new Map<string, { hidden: boolean; hiddenCols: Set<number> }>();
  for (const ws of wb.worksheets) {
    const hiddenCols = new Set<number>();
    for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hiddenCols.add(c);
    layout.set(ws.name, { hidden: ws.state !== 'visible', hiddenCols });
  }
  return layout;
}

/** Hidden columns up to the sheet's last used column: exceljs looks no further. */
const upTo = (layout: WorkbookLayout, width: Map<string, number>) =>
  new Map(
    [...(layout ?? [])].map(([name, l]) => [
      name,
      { hidden: l.hidden, hiddenCols: [...l.hiddenCols].filter((c) => c <= (width.get(name) ?? 0)).sort() },
    ]),
  );

async function widths(xlsx: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  return new Map(wb.worksheets.map((ws) => [ws.name, ws.columnCount]));
}

describe('workbookLayout', () => {
  it('reads hidden sheets and columns as exceljs does, without opening the rows', async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('说明 & 填报');
    a.addRow(['填报说明']);
    const b = wb.addWorksheet('台账');
    b.addRow(['项目名称', '内部编号', '所在地', '备注', '草稿']);
    for (let i = 0; i < 3000; i++) b.addRow([`项目${i}`, i, '尧都区', null, 'x']);
    b.getColumn(2).hidden = true;
    b.getColumn(5).hidden = true;
    const c = wb.addWorksheet('旧表', { state: 'hidden' });
    c.addRow(['x']);
    wb.addWorksheet('隐藏很深', { state: 'veryHidden' }).addRow(['y']);
    const made = Buffer.from(await wb.xlsx.writeBuffer());
    const files = [
      made,
      ...[
        'ledger-own-layout.xlsx',
        'ledger-libreoffice.xlsx',
        'task-list-own-layout.xlsx',
        'appeals-register.xlsx',
      ].map((f) => fs.readFileSync(path.join(fixtures, f))),
    ];
    for (const file of files) {
      const w = await widths(file);
      expect(upTo(await workbookLayout(file), w)).toEqual(upTo(await layoutByExceljs(file), w));
    }
    const ours = (await workbookLayout(made))!;
    expect([...ours.keys()]).toEqual(['说明 & 填报', '台账', '旧表', '隐藏很深']);
    expect(ours.get('台账')).toEqual({ hidden: false, hiddenCols: new Set([2, 5]) });
    expect([ours.get('旧表')?.hidden, ours.get('隐藏很深')?.hidden]).toEqual([true, true]);
  });

  it('gives null for what is not a readable archive', async () => {
    expect(await workbookLayout(Buffer.from('not a zip at all'))).toBeNull();
    expect(await workbookLayout(Buffer.alloc(0))).toBeNull();
  });
});
