import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * An uploaded ledger as offices keep them, made ready for the streaming .xlsx reader: a .csv saved by
 * Excel on Chinese Windows (GBK) or as UTF-8 becomes a one-sheet workbook; an old .xls is named as
 * such (no well-kept library reads it here); a .xlsx small enough to open whole tells which sheets
 * and columns are hidden, so that the reader skips them as the clerk does on screen.
 */

/** Every .xlsx is a ZIP archive: its first bytes are a local file header. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** An .xls (BIFF in an OLE compound file). */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Above this a workbook is not opened whole for its layout (the template's exports are that big). */
const LAYOUT_MAX_BYTES = 8 * 1024 * 1024;

export type UploadKind = 'xlsx' | 'csv' | 'xls';

export interface SheetLayout {
  hidden: boolean;
  /** 1-based numbers of hidden columns. */
  hiddenCols: Set<number>;
}
/** Per sheet name; null when the workbook was too big to open whole (nothing is known hidden). */
export type WorkbookLayout = Map<string, SheetLayout> | null;

/** What the upload is, by its bytes and name; null: none of these. */
export function uploadKind(fileName: string, data: Buffer): UploadKind | null {
  if (data.subarray(0, 8).equals(OLE_MAGIC)) return 'xls';
  if (data.subarray(0, 4).equals(ZIP_MAGIC)) return /\.xlsx$/i.test(fileName) ? 'xlsx' : null;
  if (/\.csv$/i.test(fileName)) return 'csv';
  return null;
}

/**
 * The text of a .csv: UTF-8 (with or without a byte-order mark) when it decodes as such, otherwise
 * GBK (GB18030, its superset), as Excel saves 「CSV（逗号分隔）」 on Chinese Windows.
 */
export function csvText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

/** A .csv as a one-sheet .xlsx (exceljs reads the values: numbers as numbers, dates as dates). */
export async function csvToXlsx(data: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.csv.read(Readable.from([csvText(data)]), { sheetName: 'CSV' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Hidden sheets and columns of a workbook small enough to open whole. */
export async function workbookLayout(xlsx: Buffer): Promise<WorkbookLayout> {
  if (xlsx.length > LAYOUT_MAX_BYTES) return null;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  } catch {
    return null; // the streaming reader then says what is wrong with the file
  }
  const layout = new Map<string, SheetLayout>();
  for (const ws of wb.worksheets) {
    const hiddenCols = new Set<number>();
    for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hiddenCols.add(c);
    layout.set(ws.name, { hidden: ws.state !== 'visible', hiddenCols });
  }
  return layout;
}
