import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { fail } from '../lib/app-error.js';

/** Generic pieces of an Excel download that no domain owns. */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Content-Disposition for a download named in Chinese: the real name as RFC 5987 `filename*`
 * (UTF-8, percent-encoded, with ' ( ) * encoded too), after an ASCII `fallback` for old clients
 * when one is given (a fixed name of ours; an uploaded file's own name goes in `filename*` only).
 */
export function contentDisposition(fileName: string, fallback?: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const ascii = fallback === undefined ? '' : ` filename="${fallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}";`;
  return `attachment;${ascii} filename*=UTF-8''${encoded}`;
}

/** Replies with a workbook as a download (its name in Chinese, `fallback` in ASCII). */
export function sendXlsx(reply: FastifyReply, file: { fileName: string; body: Buffer }, fallback: string) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', contentDisposition(file.fileName, fallback))
    .send(file.body);
}

/** The most rows one exported workbook holds, and the page read at a time while building it. */
export const EXPORT_MAX_ROWS = 50_000;
const EXPORT_PAGE = 1000;

/**
 * Every row of a filtered list for an export, read page by page through the list's own service
 * call (so the export sees exactly what the list shows, scope included). More than `max` rows is
 * refused with a field error on `q`: narrow the filters.
 */
export async function readAllPages<T>(
  list: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>,
  max = EXPORT_MAX_ROWS,
): Promise<T[]> {
  const rows: T[] = [];
  for (let page = 1; ; page++) {
    const chunk = await list(page, EXPORT_PAGE);
    if (chunk.total > max)
      fail('VALIDATION_FAILED', [{ path: 'q', message: `more than ${max} rows: narrow the filters` }]);
    rows.push(...chunk.items);
    if (rows.length >= chunk.total || chunk.items.length === 0) return rows;
  }
}

/** A column of a ledger sheet; `day`, `wan` and `percent` set the format of dates, 万元 and ratios. */
export type LedgerColumn = { header: string; key: string; width: number; format?: 'day' | 'wan' | 'percent' };

const FORMATS = { day: 'yyyy-mm-dd', wan: '#,##0.00', percent: '0.0%' } as const;

/**
 * A ledger (台账) as one workbook: a bold merged title row (「…（导出日期 …，共 N 条）」) over the
 * header row, both frozen, then one row per record. Dates go in as Date, 万元 as numbers, so the
 * sheet can sort and sum them.
 */
export async function ledgerWorkbook(opts: {
  sheet: string;
  title: string;
  columns: LedgerColumn[];
  rows: Record<string, unknown>[];
  /** Lines under the table after a blank row (e.g. the monthly report's revisions). */
  notes?: string[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '营商通';
  const ws = wb.addWorksheet(opts.sheet, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = opts.columns.map(({ format, ...c }) => ({
    ...c,
    ...(format ? { style: { numFmt: FORMATS[format] } } : {}),
  }));
  ws.spliceRows(1, 0, [opts.title]);
  ws.mergeCells(1, 1, 1, opts.columns.length);
  ws.getRow(1).font = { bold: true, size: 13 };
  ws.getRow(2).font = { bold: true };
  for (const r of opts.rows) ws.addRow(r);
  if (opts.notes?.length) {
    ws.addRow([]);
    for (const note of opts.notes) ws.addRow([note]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A YYYY-MM-DD day as the Date a sheet formats (midnight UTC, so no zone shifts it); null stays empty. */
export const sheetDay = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

/** 分 → 万元 as a number the sheet formats with two decimals. */
export const sheetWan = (fen: number | null) => (fen === null ? null : fen / 1_000_000);
