/**
 * 招商项目台账 as an .xlsx: the project list's filters and scope, laid out the way offices keep it
 * (merged title, subtitle with date and filters, header with units, one row per project, 合计).
 * Written with exceljs's streaming writer into a buffer: memory stays at one page of rows plus the
 * compressed file, and a failure still answers with a JSON error instead of half a file.
 */
import { PassThrough } from 'node:stream';
import type { ProjectExportQuery } from '@yingshang/contracts';
import { industryByCode } from '@yingshang/rules';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { visibleOr404 } from '../../kernel/scope.js';
import { type Actor, scopePath } from '../../lib/actor.js';
import type { Ports } from '../../ports.js';
import {
  EXPORT_COLUMNS,
  type LedgerKey,
  ORIGIN_LABELS,
  PROJECT_TYPE_LABELS,
  STAGE_LABELS,
  wanValue,
} from './projects.ledger.js';
import type { ProjectService } from './projects.service.js';
import { investorsOfProjects, ledgerPage } from './projects-ledger.repository.js';

type Query = z.infer<typeof ProjectExportQuery>;

/** Rows read per query. */
const PAGE = 2000;

const MONEY_FORMAT = '#,##0.00';
const DATE_FORMAT = 'yyyy-mm-dd';
const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A ledger day as the Excel date of that day (exceljs writes dates as UTC). */
const excelDay = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987). */

export function createProjectExcelService(deps: {
  db: Db;
  dialect: Dialect;
  projects: ProjectService;
  ports: Pick<Ports, 'findOrg'>;
}) {
  const { db, dialect, projects } = deps;
  const { findOrg } = deps.ports;

  /** The filters as a reader of the printed sheet understands them. */
  function describeFilters(q: Query, regionName: string | null): string {
    const parts: string[] = [];
    if (regionName) parts.push(`所在地：${regionName}`);
    if (q.status) parts.push(`阶段：${STAGE_LABELS[q.status]}`);
    if (q.industry) {
      const name = industryByCode(q.industry)?.name;
      parts.push(`行业：${q.industry}${name ? ` ${name}` : ''}`);
    }
    if (q.origin) parts.push(`来源地区：${ORIGIN_LABELS[q.origin] ?? q.origin}`);
    if (q.minInvestmentFen !== undefined) parts.push(`总投资 ≥ ${wanText(q.minInvestmentFen)} 万元`);
    if (q.maxInvestmentFen !== undefined) parts.push(`总投资 ≤ ${wanText(q.maxInvestmentFen)} 万元`);
    if (q.leader) parts.push(`责任领导：${q.leader}`);
    if (q.q) parts.push(`关键词：${q.q}`);
    if (q.blocked) parts.push(q.blocked === 'true' ? '受阻项目' : '未受阻项目');
    if (q.stalled) parts.push(q.stalled === 'true' ? '停滞项目' : '未停滞项目');
    return parts.length ? parts.join('；') : '全部项目';
  }

  return {
    /** The workbook and its file name (招商项目台账-YYYYMMDD.xlsx, Beijing date). */
    async exportLedger(actor: Actor, q: Query): Promise<{ fileName: string; body: Buffer; rows: number }> {
      const { regionId, ...filter } = q;
      let regionPath: string | undefined;
      let regionName: string | null = null;
      if (regionId) {
        const unit = visibleOr404(actor, await findOrg(db, regionId), (r) => r.path, 'ORG_NOT_FOUND');
        regionPath = unit.path;
        regionName = unit.name;
      }
      const clock = projects.clock();
      const today = clock.today;

      const out = new PassThrough();
      const parts: Buffer[] = [];
      out.on('data', (b: Buffer) => parts.push(b));
      const ended = new Promise<void>((resolve, reject) => {
        out.on('end', resolve);
        out.on('error', reject);
      });
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: out,
        useStyles: true,
        useSharedStrings: true,
      });
      wb.creator = '营商通';
      wb.created = new Date();
      const last = EXPORT_COLUMNS.length;
      const ws = wb.addWorksheet('招商项目台账', {
        views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }],
        pageSetup: {
          paperSize: 9,
          orientation: 'landscape',
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
          printTitlesRow: '3:3',
        },
      });
      ws.columns = EXPORT_COLUMNS.map((c) => ({ key: c.key, width: c.width }));

      const title = ws.getRow(1);
      title.getCell(1).value = `${actor.orgUnit.name}招商项目台账`;
      title.getCell(1).font = { name: '宋体', size: 16, bold: true };
      title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
      title.height = 30;
      ws.mergeCells(1, 1, 1, last);
      title.commit();

      const subtitle = ws.getRow(2);
      subtitle.getCell(1).value = `导出日期：${today}　　筛选条件：${describeFilters(q, regionName)}`;
      subtitle.getCell(1).font = { size: 10, color: { argb: 'FF595959' } };
      subtitle.getCell(1).alignment = { horizontal: 'left', vertical: 'middle' };
      subtitle.height = 20;
      ws.mergeCells(2, 1, 2, last);
      subtitle.commit();

      const header = ws.getRow(3);
      EXPORT_COLUMNS.forEach((c, i) => {
        const cell = header.getCell(i + 1);
        cell.value = c.header;
        cell.font = { bold: true };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
        cell.border = BORDER;
      });
      header.height = 32;
      header.commit();
      ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: last } };

      const sums = { total: 0n, foreign: 0n, funds: 0n };
      let n = 0;
      const f = { ...filter, scope: scopePath(actor), regionPath };
      // One snapshot for all pages (REPEATABLE READ on PostgreSQL; SQLite reads one WAL snapshot).
      let trx = db.transaction();
      if (dialect.name === 'postgres') trx = trx.setIsolationLevel('repeatable read');
      await trx.execute(async (tx) => {
        for (let offset = 0; ; offset += PAGE) {
          const rows = await ledgerPage(tx, dialect, f, clock, { offset, limit: PAGE });
          if (rows.length === 0) break;
          const investors = await investorsOfProjects(
            tx,
            rows.map((r) => r.id),
          );
          for (const r of rows) {
            n += 1;
            const inv = investors.get(r.id) ?? [];
            const total = Number(r.totalInvestmentFen);
            const foreign = Number(r.foreignCapitalUsdCents);
            const funds = Number(r.fundsInPlaceFen);
            sums.total += BigInt(total);
            sums.foreign += BigInt(foreign);
            sums.funds += BigInt(funds);
            const values: Record<LedgerKey, unknown> = {
              seq: n,
              name: r.name,
              code: r.code,
              region: r.regionName,
              industryCode: r.industryCode,
              industryName: industryByCode(r.industryCode)?.name ?? '',
              total: wanValue(total),
              foreign: wanValue(foreign),
              investor: inv.map((i) => i.name).join('、') || r.investorNames,
              creditCode: inv.map((i) => i.creditCode ?? '').join('、'),
              foreignRegNo: null,
              country: null,
              origin: ORIGIN_LABELS[r.originGroup] ?? r.originGroup,
              projectType:
                PROJECT_TYPE_LABELS[r.projectType as keyof typeof PROJECT_TYPE_LABELS] ?? r.projectType,
              stage: STAGE_LABELS[r.status as keyof typeof STAGE_LABELS] ?? r.status,
              negotiatingOn: null,
              signedOn: excelDay(r.signedOn),
              startedOn: excelDay(r.startedOn),
              producingOn: excelDay(r.producingOn),
              leader: r.leaderName,
              funds: wanValue(funds),
              blocked: Number(r.blocked) === 1 ? '是' : '否',
              notes: r.notes,
            };
            const row = ws.getRow(3 + n);
            EXPORT_COLUMNS.forEach((c, i) => {
              const cell = row.getCell(i + 1);
              const v = values[c.key];
              cell.value = (v === '' ? null : v) as ExcelJS.CellValue;
              cell.border = BORDER;
              if (c.money) cell.numFmt = MONEY_FORMAT;
              else if (c.key.endsWith('On')) cell.numFmt = DATE_FORMAT;
            });
            row.commit();
          }
          if (rows.length < PAGE) break;
        }
      });

      const totals = ws.getRow(4 + n);
      const sumCell = (key: LedgerKey, sum: bigint) => {
        const col = EXPORT_COLUMNS.findIndex((c) => c.key === key) + 1;
        const letter = ws.getColumn(col).letter;
        const cell = totals.getCell(col);
        cell.value = n === 0 ? 0 : { formula: `SUM(${letter}4:${letter}${3 + n})`, result: wanValue(sum) };
        cell.numFmt = MONEY_FORMAT;
      };
      totals.getCell(1).value = '合计';
      totals.getCell(2).value = `${n} 个项目`;
      sumCell('total', sums.total);
      sumCell('foreign', sums.foreign);
      sumCell('funds', sums.funds);
      for (let i = 1; i <= last; i++) {
        const cell = totals.getCell(i);
        cell.font = { bold: true };
        cell.border = BORDER;
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      }
      totals.commit();
      ws.commit();
      await wb.commit();
      await ended;
      return {
        fileName: `招商项目台账-${today.replaceAll('-', '')}.xlsx`,
        body: Buffer.concat(parts),
        rows: n,
      };
    },
  };
}
export type ProjectExcelService = ReturnType<typeof createProjectExcelService>;

function wanText(fen: number): string {
  return wanValue(fen).toLocaleString('zh-CN', { maximumFractionDigits: 6 });
}
