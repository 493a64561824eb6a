import type { ApplicationExportQuery, IncentiveApplicationSummary } from '@yingshang/contracts';
import type { z } from 'zod';
import { ledgerWorkbook, readAllPages, sheetDay, sheetWan } from '../../kernel/xlsx.js';
import type { Actor } from '../../lib/actor.js';
import { beijingToday } from '../../lib/days.js';
import type { IncentiveService } from './incentives.service.js';

type Query = z.infer<typeof ApplicationExportQuery>;

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

/** 惠企政策兑现申请台账: the filtered applications of the caller's scope as one sheet. */
export function createIncentiveExcel(deps: { incentives: IncentiveService }) {
  const { incentives } = deps;
  return {
    async exportApplications(
      actor: Actor,
      q: Query,
    ): Promise<{ fileName: string; body: Buffer; rows: number }> {
      const rows = await readAllPages((page, pageSize) => incentives.list(actor, { ...q, page, pageSize }));
      const today = beijingToday();
      const body = await ledgerWorkbook({
        sheet: '兑现申请',
        title: `惠企政策兑现申请台账（导出日期 ${today}，共 ${rows.length} 条）`,
        columns: [
          { header: '申请编号', key: 'code', width: 18 },
          { header: '奖励类别', key: 'kind', width: 14 },
          { header: '申请企业', key: 'enterprise', width: 32 },
          { header: '受理地区', key: 'region', width: 16 },
          { header: '提交日期', key: 'submittedOn', width: 12, format: 'day' },
          { header: '状态', key: 'status', width: 18 },
          { header: '本环节时限', key: 'stageDueOn', width: 12, format: 'day' },
          { header: '时限状态', key: 'sla', width: 10 },
          { header: '测算金额（万元）', key: 'provisional', width: 16, format: 'wan' },
          { header: '审定金额（万元）', key: 'approved', width: 16, format: 'wan' },
          { header: '已兑付（万元）', key: 'paid', width: 16, format: 'wan' },
        ],
        rows: rows.map((a) => ({
          code: a.code,
          kind: KIND_LABELS[a.kind],
          enterprise: a.enterpriseName,
          region: a.regionName,
          submittedOn: sheetDay(a.submittedOn),
          status: STATUS_LABELS[a.status],
          stageDueOn: sheetDay(a.stageDueOn),
          sla: a.sla ? SLA_LABELS[a.sla] : null,
          provisional: sheetWan(a.provisionalFen),
          approved: sheetWan(a.approvedFen),
          paid: sheetWan(a.paidFen),
        })),
      });
      return { fileName: `惠企政策兑现申请台账-${today.replaceAll('-', '')}.xlsx`, body, rows: rows.length };
    },
  };
}

export type IncentiveExcel = ReturnType<typeof createIncentiveExcel>;
