/**
 * 整改任务台账 as an .xlsx in the layout offices file upward (序号, 问题类别, 具体问题, 整改措施,
 * 牵头单位, 配合单位, 完成时限, 进展情况, 是否销号), and the import of a task list from the same
 * layout (plus 所在开发区) with row-by-row validation: any bad row and nothing is written.
 */
import type { LedgerImportReport, TaskListQuery } from '@yingshang/contracts';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { compact, parseDay, unitsByName } from '../../kernel/ledger-cells.js';
import {
  type LedgerRow,
  type LedgerSpec,
  ledgerMapping,
  type RowOutcome,
  readLedgerSheet,
  runLedgerImport,
  type Upload,
} from '../../kernel/ledger-import.js';
import { type Actor, scopePath } from '../../lib/actor.js';
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
const TASK_FIELDS = [
  { key: 'seq', label: '序号', words: ['序号'] },
  { key: 'problem', label: '问题类别', words: ['问题类型', '问题分类', '突出问题类别'], required: true },
  {
    key: 'issue',
    label: '具体问题',
    words: ['问题描述', '存在问题', '问题表现', '具体问题表现'],
    required: true,
  },
  { key: 'measures', label: '整改措施', words: ['整改举措', '整改措施及目标'], required: true },
  { key: 'lead', label: '牵头单位', words: ['责任单位', '牵头部门', '责任部门'], required: true },
  { key: 'coop', label: '配合单位', words: ['配合部门', '协办单位'] },
  { key: 'deadline', label: '完成时限', words: ['整改时限', '完成时间', '整改期限'], required: true },
  {
    key: 'zones',
    label: '所在开发区',
    words: ['开发区', '涉及开发区', '所属开发区', '所在园区'],
    required: true,
  },
] as const;
type TaskKey = (typeof TASK_FIELDS)[number]['key'];
export const TASK_LEDGER: LedgerSpec<TaskKey> = {
  kind: 'rectification_tasks',
  fields: TASK_FIELDS,
  anchor: ['problem', 'issue'],
};

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
      ws.columns = TASK_FIELDS.map((f) => ({
        header: f.label,
        width: f.key === 'issue' || f.key === 'measures' ? 40 : 18,
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
      help.addRow([
        '导入规则',
        '导入前先检查并逐行列出错误；可全部导入（任一行有错误则不导入）或只导入无误的行；同一任务（同一问题、同一牵头单位）再次导入不会重复创建',
      ]);
      help.addRow([]);
      help.addRow(['序号', '问题类别（填写名称或序号）']);
      for (const p of campaign.problems) help.addRow([p.seq, p.name]);
      return {
        fileName: `整改任务导入模板-${campaign.title}.xlsx`,
        body: Buffer.from(await wb.xlsx.writeBuffer()),
      };
    },

    mapping: ledgerMapping(db, TASK_LEDGER),

    /**
     * Checks a task list (problem of the campaign, units and zones by name in the caller's area,
     * deadline in the period) and creates its tasks, all or the valid ones, in one transaction;
     * a task already in the campaign (same issue, same lead unit) is not created again.
     */
    async importTasks(
      actor: Actor,
      campaignId: string,
      upload: Upload,
      q: { mode: LedgerImportReport['mode']; sheet?: string } = { mode: 'commit' },
    ) {
      const campaign = await rectification.getCampaign(actor, campaignId);
      const sheet = await readLedgerSheet(db, actor, TASK_LEDGER, upload, q.sheet);
      const orgs = await db
        .selectFrom('orgUnits')
        .select(['id', 'name', 'shortName', 'path', 'kind'])
        .where(({ ref }) => dialect.under(ref('path'), scopePath(actor)))
        .where('kind', '!=', 'enterprise')
        .execute();
      // by name, short name, and a county without its suffix (曲沃 = 曲沃县)
      const byName = unitsByName(orgs);
      type Input = Parameters<RectificationService['create']>[1];
      const parse = async (row: LedgerRow<TaskKey>): Promise<RowOutcome<Input>> => {
        const errors: { key: TaskKey; code: string; value?: string }[] = [];
        const unit = (key: TaskKey, name: string) => {
          const hits = byName.get(name) ?? [];
          if (hits.length === 1) return hits[0].id;
          errors.push({ key, code: hits.length ? 'UNIT_AMBIGUOUS' : 'UNIT_UNKNOWN', value: name });
          return '';
        };
        const problemName = compact(row.text('problem'));
        const problem = campaign.problems.find(
          (p) =>
            p.name === problemName ||
            (problemName && p.name.includes(problemName)) ||
            `${p.seq}` === problemName,
        );
        if (!problem) errors.push({ key: 'problem', code: problemName ? 'PROBLEM_INVALID' : 'REQUIRED' });
        const issue = row.text('issue');
        const measures = row.text('measures');
        if (!issue) errors.push({ key: 'issue', code: 'REQUIRED' });
        else if (issue.length > 1000) errors.push({ key: 'issue', code: 'TOO_LONG' });
        if (!measures) errors.push({ key: 'measures', code: 'REQUIRED' });
        else if (measures.length > 2000) errors.push({ key: 'measures', code: 'TOO_LONG' });
        const lead = row.text('lead') ? unit('lead', row.text('lead')) : '';
        if (!row.text('lead')) errors.push({ key: 'lead', code: 'REQUIRED' });
        const coops = splitNames(row.text('coop')).map((n) => unit('coop', n));
        const zones = splitNames(row.text('zones')).map((n) => unit('zones', n));
        if (zones.length === 0) errors.push({ key: 'zones', code: 'REQUIRED' });
        // 2026-05-31, 2026/5/31, 2026.5.31, 2026年5月31日 or a real Excel date
        const deadline = parseDay(row.cell('deadline'), '完成时限');
        if (!row.text('deadline')) errors.push({ key: 'deadline', code: 'REQUIRED' });
        else if (!deadline.ok) errors.push({ key: 'deadline', code: 'DATE_INVALID' });
        else if (deadline.value < campaign.startOn || deadline.value > campaign.deadlineOn)
          errors.push({ key: 'deadline', code: 'DEADLINE_OUTSIDE_CAMPAIGN' });
        if (errors.length > 0 || !problem || !deadline.ok) return { errors };
        return {
          key: `${lead}|${compact(issue)}`,
          input: {
            campaignId,
            problemId: problem.id,
            issue,
            measures,
            leadOrgId: lead,
            coopOrgIds: coops,
            zoneIds: zones,
            deadlineOn: deadline.value,
            milestones: [],
            source: 'self_inspection',
          },
        };
      };
      return runLedgerImport({
        spec: TASK_LEDGER,
        sheet,
        mode: q.mode,
        parse,
        async existing(keys) {
          const leads = [...new Set(keys.map((k) => k.split('|')[0]))];
          const rows = await db
            .selectFrom('rectificationTasks')
            .select(['leadOrgId', 'issue'])
            .where('campaignId', '=', campaignId)
            .where('leadOrgId', 'in', leads)
            .execute();
          const there = new Set(rows.map((r) => `${r.leadOrgId}|${compact(r.issue)}`));
          return new Set(keys.filter((k) => there.has(k)));
        },
        // the service checks each row again (scope of the units, the campaign's zones) in one transaction
        write: (rows) => rectification.createMany(actor, rows),
      });
    },
  };
}
export type RectificationExcel = ReturnType<typeof createRectificationExcel>;
