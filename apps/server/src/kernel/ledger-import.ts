/**
 * The import of a small ledger (诉求台账, 整改任务清单) in the layout an office keeps it, read and written
 * in one request: the file (.xlsx, or .csv in UTF-8 or GBK) is opened whole; the header is found
 * under title and 填报单位 rows, on one or two rows (a merged group label above its columns), on the
 * chosen or the first visible sheet that has it; hidden columns, blank, 合计 and footnote rows are
 * skipped; each header cell is taken for a field by the unit's saved mapping first, then by the
 * field's header words. The module parses each row into its own input; this runs the check, the
 * skips of what is already there, and the write of all rows or of the valid ones, in one transaction.
 */
import type {
  LEDGER_SKIPS,
  LedgerImportError,
  LedgerImportReport,
  LedgerMappingBody,
} from '@yingshang/contracts';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Db, Executor } from '../db/database.js';
import type { Actor } from '../lib/actor.js';
import { fail } from '../lib/app-error.js';
import { now } from '../lib/ids.js';
import { recordAudit } from './audit.js';
import { type CellValue, cellText, compact, plainCell } from './ledger-cells.js';
import { csvToXlsx, uploadKind } from './ledger-upload.js';
import { ledgerWorkbook } from './xlsx.js';

/** A column the import knows: the name its template uses and the words offices write for it. */
export interface LedgerField<K extends string = string> {
  key: K;
  label: string;
  words: readonly string[];
  required?: boolean;
}

export interface LedgerSpec<K extends string = string> {
  /** The mapping's kind in import_mappings (one saved mapping per unit and kind). */
  kind: string;
  fields: readonly LedgerField<K>[];
  /** A row naming all of these is the header. */
  anchor: readonly K[];
}

export interface LedgerRow<K extends string = string> {
  /** Excel row number. */
  row: number;
  cell(key: K): CellValue;
  /** The cell as text, trimmed ('' when empty or when the file has no such column). */
  text(key: K): string;
}

export interface LedgerSheet<K extends string = string> {
  sheet: string;
  sheets: string[];
  headerRow: number;
  columns: { col: number; header: string; key: K | null }[];
  rows: LedgerRow<K>[];
  /** The header as written for each field the file has. */
  headerOf(key: K): string;
}

/** What the module makes of one row. */
export type RowOutcome<P> =
  | { input: P; key: string }
  | { errors: { key: string; code: string; value?: string | null }[] }
  | { skip: (typeof LEDGER_SKIPS)[number]; value?: string | null };

export type Upload = { fileName: string; data: Buffer };

/** How far down a sheet the header may be. */
const HEADER_SCAN_ROWS = 20;
const TOTAL_ROW = /^(合计|总计|小计|累计)/;
const FOOTNOTE_ROW = /^(注|说明|填报|制表|审核|单位负责人|联系人：|联系电话：)/;

/** A header's words: compacted, a unit or remark in brackets aside (登记日期（年月日） = 登记日期). */
const headerWords = (text: string) => compact(text).replace(/[（(【[].*[)）】\]]$/, '');

const textsOf = (ws: ExcelJS.Worksheet, r: number) => {
  const row = ws.getRow(r);
  const texts: string[] = [];
  for (let c = 1; c <= ws.columnCount; c++)
    texts[c] = ws.getColumn(c).hidden ? '' : cellText(plainCell(row.getCell(c).value));
  return texts;
};

/** The unit's saved mapping of one ledger kind: compacted header → field key ('' = not imported). */
export async function savedMapping(db: Executor, unitId: string, kind: string) {
  const rows = await db
    .selectFrom('importMappings')
    .select(['header', 'columnKey'])
    .where('unitId', '=', unitId)
    .where('kind', '=', kind)
    .orderBy('header')
    .execute();
  return new Map(rows.map((r) => [r.header, r.columnKey]));
}

/**
 * Saves (replaces) the mapping of these headers for the actor's unit, audited; `label` names a
 * field's key in the audit's summary.
 */
export async function saveMapping(
  db: Db,
  actor: Actor,
  kind: string,
  columns: readonly { header: string; key: string | null }[],
  label: (key: string) => string = (k) => k,
) {
  await db.transaction().execute(async (trx) => {
    const row = { unitId: actor.orgUnit.id, kind, updatedBy: actor.displayName, updatedAt: now() };
    for (const c of columns) {
      const columnKey = c.key ?? '';
      await trx
        .insertInto('importMappings')
        .values({ ...row, header: compact(c.header), columnKey })
        .onConflict((oc) =>
          oc
            .columns(['unitId', 'kind', 'header'])
            .doUpdateSet({ columnKey, updatedBy: row.updatedBy, updatedAt: row.updatedAt }),
        )
        .execute();
    }
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'system',
      entityId: `import_mapping:${kind}:${actor.orgUnit.id}`,
      scopePath: actor.orgUnit.path,
      summary: `${actor.orgUnit.name} 台账导入列对应：${columns
        .map((c) => `${c.header} → ${c.key ? label(c.key) : '不导入'}`)
        .join('，')}`,
    });
  });
}

/** A ledger's mapping routes: the saved mapping, and saving a corrected one (fields checked). */
export function ledgerMapping(db: Db, spec: LedgerSpec) {
  const labelOf = (key: string) => spec.fields.find((f) => f.key === key)?.label ?? key;
  return {
    async get(actor: Actor) {
      const saved = await savedMapping(db, actor.orgUnit.id, spec.kind);
      return { columns: [...saved].map(([header, key]) => ({ header, key: key || null })) };
    },
    async save(actor: Actor, body: z.infer<typeof LedgerMappingBody>) {
      const unknown = body.columns.findIndex((c) => c.key && !spec.fields.some((f) => f.key === c.key));
      if (unknown >= 0)
        fail('VALIDATION_FAILED', [{ path: `columns.${unknown}.key`, message: 'LEDGER_FIELD_UNKNOWN' }]);
      await saveMapping(db, actor, spec.kind, body.columns, labelOf);
      return this.get(actor);
    },
  };
}

/**
 * The import layout as an empty workbook: a title, the fields' names as the header (* for the
 * required ones), and the rules as 说明 lines under it (the reader skips them as footnotes).
 */
export async function ledgerTemplate(spec: LedgerSpec, title: string, rules: string[] = []) {
  const body = await ledgerWorkbook({
    sheet: title,
    title: `${title}（导入模板）`,
    columns: spec.fields.map((f) => ({
      header: f.required ? `*${f.label}` : f.label,
      key: f.key,
      width: 16,
    })),
    rows: [],
    notes: [
      '说明：带 * 的列必填；日期可写 2026-05-31、2026/5/31、2026.5.31 或 2026年5月31日；表头可用本单位台账的原有名称，导入时可在对话框中调整列的对应。',
      ...rules.map((r) => `说明：${r}`),
    ],
  });
  return { fileName: `${title}导入模板.xlsx`, body };
}

/** Opens the upload: FILE_XLS for an old .xls, FILE_INVALID for anything else unreadable. */
async function openWorkbook(upload: Upload) {
  const kind = uploadKind(upload.fileName, upload.data);
  if (kind === 'xls') fail('FILE_XLS', [{ path: 'file', message: 'FILE_XLS' }]);
  if (!kind) fail('FILE_INVALID', [{ path: 'file', message: 'an .xlsx workbook or a .csv is expected' }]);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      (kind === 'csv' ? await csvToXlsx(upload.data) : upload.data) as unknown as ArrayBuffer,
    );
  } catch {
    fail('FILE_INVALID', [{ path: 'file', message: 'not an .xlsx workbook' }]);
  }
  return wb;
}

/** Reads the ledger's sheet: its header, its columns as mapped, its data rows. */
export async function readLedgerSheet<K extends string>(
  db: Executor,
  actor: Actor,
  spec: LedgerSpec<K>,
  upload: Upload,
  sheetName?: string,
): Promise<LedgerSheet<K>> {
  const wb = await openWorkbook(upload);
  const saved = await savedMapping(db, actor.orgUnit.id, spec.kind);
  const match = (text: string): K | null => {
    if (!text) return null;
    const mapped = saved.get(compact(text));
    if (mapped !== undefined) return (spec.fields.find((f) => f.key === mapped)?.key ?? null) as K | null;
    const words = headerWords(text);
    return spec.fields.find((f) => f.label === words || f.words.includes(words))?.key ?? null;
  };
  const mapRow = (texts: string[]) => {
    const keys = new Map<K, number>();
    texts.forEach((t, c) => {
      const key = match(t);
      if (key && !keys.has(key)) keys.set(key, c);
    });
    return keys;
  };
  type Found = { ws: ExcelJS.Worksheet; row: number; texts: string[] };
  const found: Found[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, ws.rowCount); r++) {
      const texts = textsOf(ws, r);
      const keys = mapRow(texts);
      if (!spec.anchor.every((k) => keys.has(k))) continue;
      // a second header row under merged group labels (责任分工 → 责任单位 | 配合部门)
      const next = textsOf(ws, r + 1);
      const both = Array.from(
        { length: Math.max(texts.length, next.length) },
        (_, c) => next[c] || texts[c] || '',
      );
      found.push(mapRow(both).size > keys.size ? { ws, row: r + 1, texts: both } : { ws, row: r, texts });
      break;
    }
  }
  const chosen = (sheetName && found.find((f) => f.ws.name === sheetName)) || found[0];
  if (!chosen)
    fail('IMPORT_INVALID', {
      errors: [
        {
          row: 1,
          column: spec.anchor.map((k) => spec.fields.find((f) => f.key === k)!.label).join('、'),
          code: 'HEADER_NOT_FOUND',
          value: null,
        },
      ],
    });
  const { ws, row: headerRow, texts } = chosen;
  const columns: LedgerSheet<K>['columns'] = [];
  const colOf = new Map<K, number>();
  texts.forEach((header, col) => {
    if (!header) return;
    let key = match(header);
    if (key && colOf.has(key)) key = null; // a second column of the same field is not read
    if (key) colOf.set(key, col);
    columns.push({ col, header, key });
  });
  const rows: LedgerRow<K>[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cell = (key: K) => {
      const c = colOf.get(key);
      return c === undefined ? null : plainCell(row.getCell(c).value);
    };
    const values = [...colOf.values()].map((c) => cellText(plainCell(row.getCell(c).value)));
    if (values.every((v) => !v)) continue;
    // a 合计 row, or a footnote / 填报人 line under the ledger (at most one other cell filled)
    const first = compact(textsOf(ws, r).find(Boolean) ?? '');
    if (TOTAL_ROW.test(first) || (FOOTNOTE_ROW.test(first) && values.filter(Boolean).length <= 1)) continue;
    rows.push({ row: r, cell, text: (key) => cellText(cell(key)) });
  }
  return {
    sheet: ws.name,
    sheets: found.map((f) => f.ws.name),
    headerRow,
    columns,
    rows,
    headerOf: (key) =>
      columns.find((c) => c.key === key)?.header ?? spec.fields.find((f) => f.key === key)!.label,
  };
}

/**
 * Checks every row (the module's parse), skips the rows already there (`existing` answers with the
 * keys of those among these), and writes — `commit`: every valid row, refused with IMPORT_INVALID
 * when any row has an error; `commit-valid`: the valid rows — in the one transaction `write` opens.
 */
export async function runLedgerImport<K extends string, P>(opts: {
  spec: LedgerSpec<K>;
  sheet: LedgerSheet<K>;
  mode: LedgerImportReport['mode'];
  parse(row: LedgerRow<K>): Promise<RowOutcome<P>>;
  existing(keys: string[]): Promise<Set<string>>;
  write(rows: { row: number; input: P }[]): Promise<string[]>;
}): Promise<LedgerImportReport> {
  const { spec, sheet, mode } = opts;
  const errors: LedgerImportError[] = [];
  const skipped: LedgerImportReport['skipped'] = [];
  const missing = spec.fields.filter((f) => f.required && !sheet.columns.some((c) => c.key === f.key));
  for (const f of missing)
    errors.push({ row: sheet.headerRow, column: f.label, code: 'COLUMN_MISSING', value: null });
  const valid: { row: number; input: P; key: string }[] = [];
  if (missing.length === 0) {
    const keys = new Set<string>();
    for (const row of sheet.rows) {
      const out = await opts.parse(row);
      if ('skip' in out) skipped.push({ row: row.row, code: out.skip, value: out.value ?? null });
      else if ('errors' in out)
        for (const e of out.errors)
          errors.push({
            row: row.row,
            column: sheet.headerOf(e.key as K),
            code: e.code,
            value: e.value ?? (row.text(e.key as K) || null),
          });
      else if (keys.has(out.key)) skipped.push({ row: row.row, code: 'DUPLICATE_IN_FILE', value: null });
      else {
        keys.add(out.key);
        valid.push({ row: row.row, ...out });
      }
      if (errors.length > 1000) break;
    }
    if (sheet.rows.length === 0)
      errors.push({ row: sheet.headerRow + 1, column: null, code: 'NO_ROWS', value: null });
  }
  const there = valid.length ? await opts.existing(valid.map((v) => v.key)) : new Set<string>();
  const fresh = valid.filter((v) => {
    if (!there.has(v.key)) return true;
    skipped.push({ row: v.row, code: 'ALREADY_IMPORTED', value: null });
    return false;
  });
  skipped.sort((a, b) => a.row - b.row);
  const report: LedgerImportReport = {
    mode,
    sheet: sheet.sheet,
    sheets: sheet.sheets,
    headerRow: sheet.headerRow,
    fields: spec.fields.map((f) => ({ key: f.key, label: f.label, required: !!f.required })),
    columns: sheet.columns,
    rows: sheet.rows.length,
    valid: fresh.length,
    created: 0,
    ids: [],
    skipped,
    errors,
  };
  if (mode === 'check') return report;
  if (errors.length > 0 && (mode === 'commit' || missing.length > 0)) fail('IMPORT_INVALID', { errors });
  const ids = fresh.length ? await opts.write(fresh) : [];
  return { ...report, created: ids.length, ids };
}
