import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';

/**
 * An uploaded ledger as offices keep them, made ready for the streaming .xlsx reader: a .csv saved by
 * Excel on Chinese Windows (GBK) or as UTF-8 becomes a one-sheet workbook; an old .xls is named as
 * such (no well-kept library reads it here); a .xlsx tells which sheets and columns are hidden, so
 * that the reader skips them as the clerk does on screen.
 */

/** Every .xlsx is a ZIP archive: its first bytes are a local file header. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** An .xls (BIFF in an OLE compound file). */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export type UploadKind = 'xlsx' | 'csv' | 'xls';

export interface SheetLayout {
  hidden: boolean;
  /** 1-based numbers of hidden columns. */
  hiddenCols: Set<number>;
}
/** Per sheet name; null when the archive could not be read for it (nothing is known hidden). */
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

/** The entries of a .xlsx (a ZIP archive) by name: where each one's data is and how it is packed. */
function zipEntries(zip: Buffer) {
  const entries = new Map<string, { method: number; offset: number; size: number }>();
  // the end-of-central-directory record: in the last 64 KB (after a comment of up to 65,535 bytes)
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) return null;
    const offset = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entries.set(name, { method, offset, size });
  }
  return entries;
}

/**
 * An entry's text, or its beginning up to `until` (a sheet's <cols> come before its rows: only the
 * first block of a 20,000-row sheet is inflated).
 */
function entryText(zip: Buffer, e: { method: number; offset: number; size: number }, until?: string) {
  const data = zip.subarray(e.offset, e.offset + e.size);
  if (e.method === 0) return data.toString('utf8');
  if (e.method !== 8) throw new Error(`zip method ${e.method}`);
  if (until) {
    const head = zlib
      .inflateRawSync(data.subarray(0, 64 * 1024), { finishFlush: zlib.constants.Z_SYNC_FLUSH })
      .toString('utf8');
    if (head.includes(until)) return head;
  }
  return zlib.inflateRawSync(data).toString('utf8');
}

const attr = (tag: string, name: string) => {
  const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return m
    ? m[1]
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(Number.parseInt(h, 16)))
        .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
        .replace(/&amp;/g, '&')
    : null;
};

/**
 * Hidden sheets and columns of a workbook, from its workbook.xml, its relationships and the
 * <cols> at the head of each sheet — without reading the rows (opening a 20,000-row workbook
 * whole with exceljs took longer than reading its rows, all in one stretch of the event loop).
 * Null when the archive cannot be read so (the streaming reader then says what is wrong).
 */
export async function workbookLayout(xlsx: Buffer): Promise<WorkbookLayout> {
  try {
    const entries = zipEntries(xlsx);
    const book = entries?.get('xl/workbook.xml');
    const rels = entries?.get('xl/_rels/workbook.xml.rels');
    if (!entries || !book || !rels) return null;
    const targets = new Map<string, string>();
    for (const [tag] of entryText(xlsx, rels).matchAll(/<Relationship\b[^>]*>/g)) {
      const id = attr(tag, 'Id');
      const target = attr(tag, 'Target');
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
    const layout = new Map<string, SheetLayout>();
    for (const [tag] of entryText(xlsx, book).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const name = attr(tag, 'name');
      if (name === null) continue;
      const state = attr(tag, 'state') ?? 'visible';
      const hiddenCols = new Set<number>();
      const target = targets.get(attr(tag, 'r:id') ?? '');
      const sheet = target ? entries.get(target) : undefined;
      if (sheet) {
        const head = entryText(xlsx, sheet, '<sheetData');
        const rowsAt = head.indexOf('<sheetData');
        const cols = (rowsAt < 0 ? head : head.slice(0, rowsAt)).match(/<cols>[\s\S]*?<\/cols>/)?.[0] ?? '';
        for (const [col] of cols.matchAll(/<col\b[^>]*>/g)) {
          const hidden = attr(col, 'hidden');
          if (hidden !== '1' && hidden !== 'true') continue;
          const min = Number(attr(col, 'min'));
          const max = Math.min(Number(attr(col, 'max')), 16_384);
          for (let c = min; c <= max; c++) hiddenCols.add(c);
        }
      }
      layout.set(name, { hidden: state !== 'visible', hiddenCols });
    }
    return layout;
  } catch {
    return null;
  }
}
