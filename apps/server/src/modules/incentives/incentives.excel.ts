import type { ApplicationExportQuery, IncentiveApplicationSummary } from '@yingshang/contracts';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Actor } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { beijingToday } from '../../lib/days.js';
import type { IncentiveService } from './incentives.service.js';

type Query = z.infer<typeof ApplicationExportQuery>;

/** Rows read per page while building the workbook, and the most one workbook holds. */
const PAGE = 1000;
const MAX_ROWS = 50_000;

const KIND_LABELS: Record<IncentiveApplicationSummary['kind'], string> = {
  capital_arrival: '到资奖励',
  regional_hq: '地区总部奖励',
};
const STATUS_LABELS: Record<IncentiveApplicationSummary['status'], string> = {
  county_review: '县区/开发区审核中',
  city_review: '市商务局审核中',
  province_review: '省商务厅审定中',
  returned: '退回补充材料',
  approved: '已审定待兑付',
  partly_paid: '部分兑付',
  paid: '已兑付',
  rejected: '未予通过',
};
const SLA_LABELS = { normal: '正常', warning: '临期', overdue: '逾期' } as const;

/** 分 → 万元 as a number the sheet formats with two decimals. */
const wan = (fen: number | null) => (fen === null ? null : fen / 1_000_000);
const day = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

/** 惠企政策兑现申请台账: the filtered applications of the caller's scope as one sheet. */
export function createIncentiveExcel(deps: { incentives: IncentiveService }) {
  const { incentives } = deps;
  return {
    async exportApplications(
      actor: Actor,
      q: Query,
    ): Promise<{ fileName: string; body: Buffer; rows: number }> {
      const rows: IncentiveApplicationSummary[] = [];
      for (let page = 1; ; page++) {
        const chunk = await incentives.list(actor, { ...q, page, pageSize: PAGE });
        if (chunk.total > MAX_ROWS)
          fail('VALIDATION_FAILED', [
            { path: 'q', message: `more than ${MAX_ROWS} rows: narrow the filters` },
          ]);
        rows.push(...chunk.items);
        if (rows.length >= chunk.total || chunk.items.length === 0) break;
      }
      const today = beijingToday();
      const wb = new ExcelJS.Workbook();
      wb.creator = '营商通';
      const ws = wb.addWorksheet('兑现申请', { views: [{ state: 'frozen', ySplit: 2 }] });
      ws.columns = [
        { header: '申请编号', key: 'code', width: 18 },
        { header: '奖励类别', key: 'kind', width: 14 },
        { header: '申请企业', key: 'enterprise', width: 32 },
        { header: '受理地区', key: 'region', width: 16 },
        { header: '提交日期', key: 'submittedOn', width: 12, style: { numFmt: 'yyyy-mm-dd' } },
        { header: '状态', key: 'status', width: 18 },
        { header: '本环节时限', key: 'stageDueOn', width: 12, style: { numFmt: 'yyyy-mm-dd' } },
        { header: '时限状态', key: 'sla', width: 10 },
        { header: '测算金额（万元）', key: 'provisional', width: 16, style: { numFmt: '#,##0.00' } },
        { header: '审定金额（万元）', key: 'approved', width: 16, style: { numFmt: '#,##0.00' } },
        { header: '已兑付（万元）', key: 'paid', width: 16, style: { numFmt: '#,##0.00' } },
      ];
      ws.spliceRows(1, 0, [`惠企政策兑现申请台账（导出日期 ${today}，共 ${rows.length} 条）`]);
      ws.mergeCells(1, 1, 1, ws.columns.length);
      ws.getRow(1).font = { bold: true, size: 13 };
      ws.getRow(2).font = { bold: true };
      for (const a of rows) {
        ws.addRow({
          code: a.code,
          kind: KIND_LABELS[a.kind],
          enterprise: a.enterpriseName,
          region: a.regionName,
          submittedOn: day(a.submittedOn),
          status: STATUS_LABELS[a.status],
          stageDueOn: day(a.stageDueOn),
          sla: a.sla ? SLA_LABELS[a.sla] : null,
          provisional: wan(a.provisionalFen),
          approved: wan(a.approvedFen),
          paid: wan(a.paidFen),
        });
      }
      const body = Buffer.from(await wb.xlsx.writeBuffer());
      return { fileName: `惠企政策兑现申请台账-${today.replaceAll('-', '')}.xlsx`, body, rows: rows.length };
    },
  };
}

export type IncentiveExcel = ReturnType<typeof createIncentiveExcel>;
