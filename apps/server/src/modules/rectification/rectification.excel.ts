/**
 * 整改任务台账 as an .xlsx in the layout offices file upward (序号, 问题类别, 具体问题, 整改措施,
 * 牵头单位, 配合单位, 完成时限, 进展情况, 是否销号), and the import of a task list from the same
 * layout (plus 所在开发区) with row-by-row validation: any bad row and nothing is written.
 */
import type { TaskListQuery } from '@yingshang/contracts';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { compact, parseDay, plainCell } from '../../kernel/ledger-cells.js';
import { csvToXlsx, uploadKind } from '../../kernel/ledger-upload.js';
import { type Actor, scopePath } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { beijingToday } from '../../lib/days.js';
import type { RectificationService } from './rectification.service.js';

const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** At most this many rows in one export (a campaign ledger is far smaller). */
const EXPORT_MAX = 20000;

export const LEDGER_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '问题类别', width: 22 },
  { header: '具体问题', width: 40 },
  { header: '整改措施', width: 40 },
  { header: '牵头单位', width: 20 },
  { header: '配合单位', width: 24 },
  { header: '完成时限', width: 12 },
  { header: '进展情况', width: 40 },
  { header: '是否销号', width: 10 },
] as const;

/** The import layout: the ledger's first seven columns and the zone(s), separated by 、 or ，. */
export const IMPORT_HEADERS = [
  '序号',
  '问题类别',
  '具体问题',
  '整改措施',
  '牵头单位',
  '配合单位',
  '完成时限',
  '所在开发区',
] as const;

/** Header words offices use for each column of the import layout. */
const HEADER_WORDS: Record<(typeof IMPORT_HEADERS)[number], string[]> = {
  序号: ['序号'],
  问题类别: ['问题类别', '问题类型', '问题分类', '突出问题类别'],
  具体问题: ['具体问题', '问题描述', '存在问题', '问题表现', '具体问题表现'],
  整改措施: ['整改措施', '整改举措', '整改措施及目标'],
  牵头单位: ['牵头单位', '责任单位', '牵头部门', '责任部门'],
  配合单位: ['配合单位', '配合部门', '协办单位'],
  完成时限: ['完成时限', '整改时限', '完成时间', '整改期限'],
  所在开发区: ['所在开发区', '开发区', '涉及开发区', '所属开发区', '所在园区'],
};

/** A row's cell texts, a hidden column's as empty (the clerk never sees it). */
const textsOf = (ws: ExcelJS.Worksheet, r: number) =>
  (ws.getRow(r).values as ExcelJS.CellValue[]).map((v, c) => (ws.getColumn(c).hidden ? '' : cellText(v)));

/** The import columns a header row names (full-width, spaces and line breaks aside). */
function headerColumns(texts: string[]) {
  const col = new Map<string, number>();
  texts.forEach((t, i) => {
    const h = compact(t);
    const name = (Object.keys(HEADER_WORDS) as (keyof typeof HEADER_WORDS)[]).find((k) =>
      HEADER_WORDS[k].includes(h),
    );
    if (name && !col.has(name)) col.set(name, i);
  });
  return col;
}

/** A cell's text: strings trimmed, dates as YYYY-MM-DD, numbers as written, rich text joined. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in v) return String(v.text).trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v).trim();
}
const splitNames = (s: string) =>
  s
    .split(/[、，,；;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

export function createRectificationExcel(deps: {
  db: Db;
  dialect: Dialect;
  rectification: RectificationService;
}) {
  const { db, dialect, rectification } = deps;

  return {
    async exportLedger(actor: Actor, q: Omit<z.infer<typeof TaskListQuery>, 'page' | 'pageSize'>) {
      const today = beijingToday();
      // the list's own query (its region, problem and timing filters), as one page of them all
      const page = await rectification.list(actor, { ...q, page: 1, pageSize: EXPORT_MAX });
      const campaign = q.campaignId ? await rectification.getCampaign(actor, q.campaignId) : null;
      const latest = new Map<string, string>();
      const ids = page.items.map((t) => t.id);
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await db
          .selectFrom('rectificationReports')
          .select(['taskId', 'narrative', 'reportedOn', 'createdAt'])
          .where('taskId', 'in', ids.slice(i, i + 500))
          .where('kind', '=', 'progress')
          .orderBy('createdAt')
          .execute();
        for (const r of rows) latest.set(r.taskId, `${r.reportedOn}：${r.narrative}`);
      }
      const wb = new ExcelJS.Workbook();
      wb.creator = '营商通';
      wb.created = new Date();
      const ws = wb.addWorksheet('整改任务台账', {
        views: [{ state: 'frozen', ySplit: 3 }],
        pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      });
      ws.columns = LEDGER_COLUMNS.map((c) => ({ width: c.width }));
      const last = LEDGER_COLUMNS.length;
      ws.getCell(1, 1).value = `${campaign ? campaign.title : actor.orgUnit.name}整改任务台账`;
      ws.getCell(1, 1).font = { name: '宋体', size: 16, bold: true };
      ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
      ws.getRow(1).height = 30;
      ws.mergeCells(1, 1, 1, last);
      ws.getCell(2, 1).value =
        `填报单位：${actor.orgUnit.name}　　导出日期：${today}　　任务数：${page.items.length}`;
      ws.getCell(2, 1).font = { size: 10, color: { argb: 'FF595959' } };
      ws.mergeCells(2, 1, 2, last);
      LEDGER_COLUMNS.forEach((c, i) => {
        const cell = ws.getCell(3, i + 1);
        cell.value = c.header;
        cell.font = { bold: true };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
        cell.border = BORDER;
      });
      page.items.forEach((t, i) => {
        const progress = `${t.progress}%${latest.has(t.id) ? `，${latest.get(t.id)}` : ''}${
          t.timing === 'overdue' ? `（逾期${t.daysOverdue}天）` : ''
        }`;
        const row = ws.addRow([
          i + 1,
          t.problemName,
          t.issue,
          t.measures,
          t.leadOrgName,
          t.coopOrgNames.join('、'),
          new Date(`${t.deadlineOn}T00:00:00Z`),
          progress,
          t.status === 'closed' ? `是（${t.closedOn}）` : '否',
        ]);
        row.eachCell((cell) => {
          cell.border = BORDER;
          cell.alignment = { vertical: 'top', wrapText: true };
        });
        row.getCell(7).numFmt = 'yyyy-mm-dd';
      });
      const body = Buffer.from(await wb.xlsx.writeBuffer());
      const fileName = `整改任务台账-${today.replaceAll('-', '')}.xlsx`;
      return { fileName, body, rows: page.items.length };
    },

    /** The import layout as an empty workbook, with the campaign's problem categories and the rules on a second sheet. */
    async importTemplate(actor: Actor, campaignId: string) {
      const campaign = await rectification.getCampaign(actor, campaignId);
      const wb = new ExcelJS.Workbook();
      wb.creator = '营商通';
      const ws = wb.addWorksheet('整改任务清单');
      ws.columns = IMPORT_HEADERS.map((h) => ({
        header: h,
        width: h === '具体问题' || h === '整改措施' ? 40 : 18,
      }));
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).eachCell((cell) => {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
        cell.border = BORDER;
      });
      const help = wb.addWorksheet('填写说明');
      help.columns = [{ width: 12 }, { width: 70 }];
      help.addRow(['整改行动', campaign.title]);
      help.addRow(['整改期限', `${campaign.startOn} 至 ${campaign.deadlineOn}（完成时限须在此期间内）`]);
      help.addRow([
        '单位',
        '牵头单位、配合单位、所在开发区填写单位全称或简称，多个以“、”分隔，须在本单位管辖范围内',
      ]);
      help.addRow(['导入规则', '任一行有错误则整份文件不导入，并逐行列出错误']);
      help.addRow([]);
      help.addRow(['序号', '问题类别（填写名称或序号）']);
      for (const p of campaign.problems) help.addRow([p.seq, p.name]);
      return {
        fileName: `整改任务导入模板-${campaign.title}.xlsx`,
        body: Buffer.from(await wb.xlsx.writeBuffer()),
      };
    },

    /**
     * Reads a task list and creates every task in one transaction, or none: each row is checked
     * (problem of the campaign, units and zones by name in the caller's area, deadline in the period)
     * and all row errors are reported together.
     */
    async importTasks(actor: Actor, campaignId: string, upload: { fileName: string; data: Buffer }) {
      const campaign = await rectification.getCampaign(actor, campaignId);
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
      // the first visible sheet with the header, within its first rows (under title and 填报单位 rows);
      // the header may take two rows (a merged group label above its columns); hidden columns are not read
      let found: { ws: ExcelJS.Worksheet; headerRow: number; col: Map<string, number> } | null = null;
      for (const ws of wb.worksheets) {
        if (ws.state !== 'visible') continue;
        for (let r = 1; r <= Math.min(12, ws.rowCount) && !found; r++) {
          const texts = textsOf(ws, r);
          const col = headerColumns(texts);
          if (col.has('问题类别') && col.has('具体问题')) {
            // a second header row under merged group labels (责任分工 → 责任单位, 配合部门)
            const next = textsOf(ws, r + 1);
            const both = headerColumns(
              Array.from(
                { length: Math.max(texts.length, next.length) },
                (_, c) => next[c] || texts[c] || '',
              ),
            );
            found = both.size > col.size ? { ws, headerRow: r + 1, col: both } : { ws, headerRow: r, col };
          }
        }
        if (found) break;
      }
      const col = found?.col ?? new Map<string, number>();
      const headerRow = found?.headerRow ?? 0;
      const missing = IMPORT_HEADERS.filter((h) => h !== '序号' && !col.has(h));
      if (!found || missing.length > 0)
        fail('IMPORT_INVALID', {
          errors: [{ row: headerRow || 1, column: missing.join('、'), message: 'HEADER_MISSING' }],
        });
      const ws = found.ws;

      const orgs = await db
        .selectFrom('orgUnits')
        .select(['id', 'name', 'shortName', 'path', 'kind'])
        .where(({ ref }) => dialect.under(ref('path'), scopePath(actor)))
        .where('kind', '!=', 'enterprise')
        .execute();
      const byName = new Map<string, typeof orgs>();
      // by name, short name, and a county without its suffix (曲沃 = 曲沃县)
      for (const o of orgs) {
        const bare = o.kind === 'county' ? o.name.replace(/(自治县|县|区|市)$/, '') : '';
        for (const n of new Set(
          [o.name, o.shortName, bare.length >= 2 ? bare : null].filter(Boolean) as string[],
        ))
          byName.set(n, [...(byName.get(n) ?? []), o]);
      }
      const errors: { row: number; column: string; message: string }[] = [];
      const unit = (row: number, column: string, name: string) => {
        const hits = byName.get(name) ?? [];
        if (hits.length !== 1) {
          errors.push({
            row,
            column,
            message: hits.length ? `UNIT_AMBIGUOUS: ${name}` : `UNIT_UNKNOWN: ${name}`,
          });
          return null;
        }
        return hits[0].id;
      };
      const rows: { row: number; input: Parameters<RectificationService['create']>[1] }[] = [];
      for (let r = headerRow + 1; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        const get = (h: string) => cellText(row.getCell(col.get(h) ?? 0).value);
        const values = IMPORT_HEADERS.filter((h) => h !== '序号').map(get);
        if (values.every((v) => !v)) continue;
        // a 合计 row, a footnote or 填报人 line under the ledger
        if (
          !get('具体问题') &&
          /^(合计|总计|注|说明|填报|制表|审核)/.test(compact(cellText(row.getCell(1).value)))
        )
          continue;
        const before = errors.length;
        const problemName = get('问题类别');
        const problem = campaign.problems.find(
          (p) => p.name === problemName || p.name.includes(problemName) || `${p.seq}` === problemName,
        );
        if (!problemName || !problem)
          errors.push({ row: r, column: '问题类别', message: `PROBLEM_INVALID: ${problemName}` });
        const issue = get('具体问题');
        const measures = get('整改措施');
        if (!issue || issue.length > 1000) errors.push({ row: r, column: '具体问题', message: 'REQUIRED' });
        if (!measures || measures.length > 2000)
          errors.push({ row: r, column: '整改措施', message: 'REQUIRED' });
        const lead = get('牵头单位') ? unit(r, '牵头单位', get('牵头单位')) : null;
        if (!get('牵头单位')) errors.push({ row: r, column: '牵头单位', message: 'REQUIRED' });
        const coops = splitNames(get('配合单位')).map((n) => unit(r, '配合单位', n));
        const zones = splitNames(get('所在开发区')).map((n) => unit(r, '所在开发区', n));
        if (zones.length === 0) errors.push({ row: r, column: '所在开发区', message: 'REQUIRED' });
        // 2026-05-31, 2026/5/31, 2026.5.31, 2026年5月31日 or a real Excel date
        const parsed = parseDay(plainCell(row.getCell(col.get('完成时限') ?? 0).value), '完成时限');
        const deadline = parsed.ok ? parsed.value : '';
        const deadlineOk = parsed.ok;
        if (!deadlineOk)
          errors.push({ row: r, column: '完成时限', message: `DATE_INVALID: ${get('完成时限')}` });
        else if (deadline < campaign.startOn || deadline > campaign.deadlineOn)
          errors.push({ row: r, column: '完成时限', message: 'DEADLINE_OUTSIDE_CAMPAIGN' });
        if (errors.length === before)
          rows.push({
            row: r,
            input: {
              campaignId,
              problemId: problem!.id,
              issue,
              measures,
              leadOrgId: lead!,
              coopOrgIds: coops as string[],
              zoneIds: zones as string[],
              deadlineOn: deadline,
              milestones: [],
              source: 'self_inspection',
            },
          });
        if (errors.length > 500) break;
      }
      if (errors.length === 0 && rows.length === 0)
        errors.push({ row: headerRow + 1, column: '', message: 'NO_ROWS' });
      if (errors.length > 0) fail('IMPORT_INVALID', { errors });
      // The service checks each row again (scope of the units, the campaign's zones) in one transaction.
      const created = await rectification.createMany(actor, rows);
      return { imported: created.length, taskIds: created };
    },
  };
}
export type RectificationExcel = ReturnType<typeof createRectificationExcel>;
