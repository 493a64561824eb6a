/**
 * Reads a ledger .xlsx as a stream (a 20 MB upload is never expanded whole in memory): finds the
 * header row under whatever title rows sit above it, maps the columns by their Chinese headers and
 * hands back the data rows as plain cell values. Empty rows, the 合计 row and footnotes are skipped.
 */
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import type { ImportRowError } from '@yingshang/contracts';
import ExcelJS from 'exceljs';
import type { WorkbookLayout } from '../../kernel/ledger-upload.js';
import {
  type CellValue,
  cellText,
  columnDef,
  compact,
  type HeaderMatch,
  LEDGER_COLUMNS,
  type LedgerKey,
  matchHeader,
  plainCell,
} from './projects.ledger.js';

/** How far down a sheet the header row may be. */
const HEADER_SCAN_ROWS = 30;
const TOTAL_WORDS = new Set(['合计', '总计', '小计', '累计']);
const FOOTNOTE = /^(注|说明|备注|填报|制表|审核|单位负责人|联系人|联系电话)/;

export interface LedgerColumn extends HeaderMatch {
  /** The header cell's text as written (error reports name columns by it). */
  header: string;
  /** 1-based column number. */
  col: number;
}

export interface LedgerHeader {
  row: number;
  sheet: string;
  columns: Map<LedgerKey, LedgerColumn>;
  /** Every header cell as written (the lower one of a two-row header), for the mapping dialog. */
  cells: { col: number; header: string }[];
}

export interface RawRow {
  /** Excel row number. */
  row: number;
  cells: Partial<Record<LedgerKey, CellValue>>;
}

export class FileUnreadable extends Error {}

/** The header problems that make the file unusable: missing or duplicate columns, unknown units. */
export function headerProblems(
  header: LedgerHeader,
  dup: string[],
  badUnits: LedgerColumn[],
): ImportRowError[] {
  const problems: ImportRowError[] = [];
  for (const h of dup)
    problems.push({ row: header.row, column: h, message: `列「${h}」重复出现，请只保留一列` });
  for (const c of badUnits) {
    const def = columnDef(c.key);
    const allowed = def.money === 'cny' ? '元、万元或亿元' : '美元、万美元或亿美元';
    problems.push({
      row: header.row,
      column: c.header,
      message: `无法识别「${c.header}」的单位「${c.badUnit}」，应为${allowed}`,
    });
  }
  // the industry may be given in words instead of its code
  const given = (key: LedgerKey) =>
    header.columns.has(key) || (key === 'industryCode' && header.columns.has('industryName'));
  for (const def of LEDGER_COLUMNS.filter((d) => d.required && !given(d.key)))
    problems.push({ row: header.row, column: def.header, message: `缺少必填列「${def.header}」` });
  if (
    !header.columns.has('creditCode') &&
    !(header.columns.has('foreignRegNo') && header.columns.has('country'))
  )
    problems.push({
      row: header.row,
      column: '投资方统一社会信用代码',
      message: '缺少「投资方统一社会信用代码」列（境外投资方可用「境外注册号」和「国别」两列）',
    });
  return problems;
}

/**
 * exceljs's streaming reader (4.4) has flaws that lose or garble data. Two depend on the order of
 * the archive's parts (exceljs#3064):
 * - its zip parser (unzipper) emits 'end' once its input is used up, even while the last entry it
 *   parsed still waits undelivered behind a busy consumer: a small last entry is then lost (exceljs
 *   stores xl/workbook.xml last; another producer may store xl/sharedStrings.xml last);
 * - it parses a sheet as soon as shared strings and relationships are known, even when
 *   xl/workbook.xml (the sheet names) has not been read yet, and then fails.
 * A large stored entry appended after the real ones holds the parser back (entries are streamed
 * with back-pressure) until every real entry has been taken; the subclass makes a sheet wait for
 * the workbook part (exceljs then parks it in a temporary file and reads it at the end).
 */
const EOCD_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const PADDING_BYTES = 256 * 1024;

function withTrailingPadding(zip: Buffer): Buffer {
  const eocd = zip.lastIndexOf(EOCD_SIGNATURE);
  if (eocd < 0 || eocd + 22 > zip.length) throw new FileUnreadable('no end of central directory');
  const centralDirectory = zip.readUInt32LE(eocd + 16);
  if (centralDirectory > eocd) throw new FileUnreadable('central directory out of place');
  const name = Buffer.from('yingshang/padding.bin');
  const data = Buffer.alloc(PADDING_BYTES);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0); // local file header
  header.writeUInt16LE(20, 4); // version needed: 2.0
  header.writeUInt32LE(zlib.crc32(data), 14);
  header.writeUInt32LE(data.length, 18); // compressed size (stored)
  header.writeUInt32LE(data.length, 22); // uncompressed size
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([
    zip.subarray(0, centralDirectory),
    header,
    name,
    data,
    zip.subarray(centralDirectory),
  ]);
}

/**
 * A third flaw: exceljs decodes every compressed chunk of XML on its own, so a Chinese character
 * that straddles two chunks (every ~16 KB) turns into U+FFFD. The parts are handed over already
 * decoded (a StringDecoder keeps split characters whole); exceljs passes strings through.
 */
async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

interface ReaderInternals {
  model?: unknown;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}
const stock = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;

class WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  #rels: unknown;
  /** Read by exceljs to decide whether a sheet can be parsed now: not before xl/workbook.xml. */
  get workbookRels() {
    return (this as unknown as ReaderInternals).model ? this.#rels : undefined;
  }
  set workbookRels(rels: unknown) {
    this.#rels = rels;
  }
}
Object.assign(WorkbookReader.prototype, {
  _parseWorkbook(this: ReaderInternals, entry: Readable) {
    entry.setEncoding('utf8');
    return stock._parseWorkbook.call(this, entry);
  },
  _parseSharedStrings(this: ReaderInternals, entry: Readable) {
    entry.setEncoding('utf8');
    return stock._parseSharedStrings.call(this, entry);
  },
  _parseWorksheet(this: ReaderInternals, iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
    return stock._parseWorksheet.call(this, utf8Text(iterator), sheetNo);
  },
} satisfies Partial<ReaderInternals> & ThisType<ReaderInternals>);

/**
 * The rows of the ledger sheet: the one named `opts.sheet`, else the first visible sheet that has a
 * ledger header. Hidden sheets and columns (opts.layout) are skipped as the clerk never sees them.
 * `sheets` lists every visible sheet with a ledger header, for the clerk to choose from. `onRow`
 * runs for every data row read and may throw to stop (cancellation).
 */
export async function readLedger(
  file: Buffer,
  onRow: (rowsRead: number) => Promise<void> | void,
  opts: { layout?: WorkbookLayout; sheet?: string; match?: HeaderMatcher } = {},
): Promise<{ header: LedgerHeader | null; rows: RawRow[]; problems: ImportRowError[]; sheets: string[] }> {
  const reader = new WorkbookReader(Readable.from([withTrailingPadding(file)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const match = opts.match ?? matchHeader;
  let header: LedgerHeader | null = null;
  const rows: RawRow[] = [];
  let problems: ImportRowError[] = [];
  const sheets: string[] = [];
  let count = 0;
  /** What `onRow` threw (cancellation, a database error): passed on as it is. */
  let stopped: unknown = null;
  try {
    for await (const sheet of reader) {
      count += 1;
      const ws = sheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
      const name = ws.name ?? `Sheet${count}`;
      const layout = opts.layout?.get(name);
      if (layout?.hidden) {
        for await (const _ of ws); // a hidden sheet is not the ledger
        continue;
      }
      const hiddenCols = layout?.hiddenCols ?? new Set<number>();
      let found: ReturnType<typeof findHeader> = null;
      let reading = false;
      let scanned = 0;
      let previous: CellValue[] | null = null;
      let subHeaderPending = false;
      for await (const row of ws) {
        const values = (row.values as unknown[]).map((v, col) => (hiddenCols.has(col) ? null : plainCell(v)));
        if (!found) {
          if (++scanned > HEADER_SCAN_ROWS) continue;
          // a header on one row, or on two (a merged group header above its columns)
          found =
            findHeader(row.number, values, name, match) ??
            (previous ? findHeader(row.number, stacked(previous, values), name, match) : null);
          previous = values;
          if (!found) continue;
          sheets.push(name);
          subHeaderPending = true;
          if (!header && (opts.sheet === undefined || opts.sheet === name)) {
            header = found.header;
            reading = true;
          }
          continue;
        }
        if (!reading) continue;
        if (subHeaderPending) {
          subHeaderPending = false;
          const second = addSubHeader(found, values, match);
          problems = headerProblems(found.header, found.duplicates, found.badUnits);
          if (second) continue;
        }
        const raw = dataRow(found.header, row.number, values);
        if (!raw) continue;
        rows.push(raw);
        try {
          await onRow(rows.length);
        } catch (err) {
          stopped = err;
          throw err;
        }
      }
      if (reading && subHeaderPending)
        problems = headerProblems(found!.header, found!.duplicates, found!.badUnits);
    }
  } catch (err) {
    if (err === stopped || err instanceof FileUnreadable) throw err;
    throw new FileUnreadable(err instanceof Error ? err.message : String(err));
  }
  if (count === 0) throw new FileUnreadable('no worksheet');
  if (!header) {
    problems.push(
      opts.sheet !== undefined
        ? {
            row: 0,
            column: null,
            message: `工作表「${opts.sheet}」中没有找到表头${sheets.length ? `（含台账表头的工作表：${sheets.join('、')}）` : ''}`,
          }
        : {
            row: 0,
            column: null,
            message: `未找到表头：前 ${HEADER_SCAN_ROWS} 行中没有同时包含「项目名称」「所在地」「行业代码」等列名的行`,
          },
    );
  }
  return { header, rows, problems, sheets };
}

/** Two header rows read as one: a column's lower cell, or the merged cell above it. */
const stacked = (upper: CellValue[], lower: CellValue[]) =>
  Array.from({ length: Math.max(upper.length, lower.length) }, (_, i) => lower[i] ?? upper[i] ?? null);

/**
 * The row under a header, when it is the header's second row (the columns under a merged group
 * header such as 「投资情况」 → 「总投资（亿元）」「其中外资」): its column names join the header.
 * A data row has a project name, or values that are not text.
 */
function addSubHeader(
  found: NonNullable<ReturnType<typeof findHeader>>,
  values: CellValue[],
  match: HeaderMatcher,
): boolean {
  // under a header cell merged downwards the row is empty, or (as some programs save it) repeats it
  const name = found.header.columns.get('name');
  const under = name ? (values[name.col] ?? null) : null;
  if (name && under !== null && compact(cellText(under)) !== compact(name.header)) return false;
  const added: LedgerColumn[] = [];
  const lower: { col: number; header: string }[] = [];
  values.forEach((v, col) => {
    if (typeof v !== 'string') return;
    const header = v.replace(/\s+/g, ' ').trim();
    lower.push({ col, header });
    const m = match(v);
    if (!m || found.header.columns.has(m.key)) return;
    added.push({ ...m, header, col });
  });
  // a second header row names columns (known or not) and holds nothing but their names
  const filled = values.filter((v) => v !== null);
  if (lower.length === 0 || filled.some((v) => typeof v !== 'string')) return false;
  if (
    added.length === 0 &&
    lower.every((c) => found.header.cells.some((u) => u.col === c.col && u.header === c.header))
  )
    return false;
  for (const c of added) {
    // the lower row names the column: a group label above it no longer does
    for (const [key, old] of found.header.columns) if (old.col === c.col) found.header.columns.delete(key);
    found.header.columns.set(c.key, c);
    if (c.badUnit !== undefined) found.badUnits.push(c);
  }
  const byCol = new Map(found.header.cells.map((c) => [c.col, c]));
  for (const c of lower) byCol.set(c.col, c);
  found.header.cells = [...byCol.values()].sort((a, b) => a.col - b.col);
  return true;
}

/**
 * What a header cell means: a ledger column, null when the unit's saved mapping says not to import
 * it, undefined when nothing knows it. The default knows the built-in header words (matchHeader).
 */
export type HeaderMatcher = (text: string) => HeaderMatch | null | undefined;

function findHeader(rowNumber: number, values: CellValue[], sheet: string, match: HeaderMatcher) {
  const columns = new Map<LedgerKey, LedgerColumn>();
  const cells: LedgerHeader['cells'] = [];
  const duplicates: string[] = [];
  const badUnits: LedgerColumn[] = [];
  values.forEach((v, col) => {
    if (typeof v !== 'string') return;
    const header = v.replace(/\s+/g, ' ').trim();
    cells.push({ col, header });
    const m = match(v);
    if (!m) return;
    const column = { ...m, header, col };
    if (columns.has(m.key)) duplicates.push(column.header);
    else columns.set(m.key, column);
    if (m.badUnit !== undefined) badUnits.push(column);
  });
  if (!columns.has('name') || columns.size < 3) return null;
  return { header: { row: rowNumber, sheet, columns, cells }, duplicates, badUnits };
}

function dataRow(header: LedgerHeader, rowNumber: number, values: CellValue[]): RawRow | null {
  const filled = values.filter((v) => v !== null && cellText(v) !== '');
  if (filled.length === 0) return null;
  const first = compact(cellText(filled[0]));
  if (filled.length === 1 && FOOTNOTE.test(first)) return null;
  const cells: RawRow['cells'] = {};
  let any = false;
  for (const [key, c] of header.columns) {
    const v = values[c.col] ?? null;
    if (v !== null) any = true;
    cells[key] = v;
  }
  if (!any) return null;
  const label = compact(cellText(cells.seq ?? null)) || compact(cellText(cells.name ?? null));
  if (TOTAL_WORDS.has(label) || /^(合计|总计)/.test(compact(cellText(cells.seq ?? null)))) return null;
  return { row: rowNumber, cells };
}
