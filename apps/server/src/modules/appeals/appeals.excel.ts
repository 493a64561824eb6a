import type { AppealExportQuery, AppealSummary } from '@yingshang/contracts';
import type { z } from 'zod';
import { ledgerWorkbook, readAllPages, sheetDay } from '../../kernel/xlsx.js';
import type { Actor } from '../../lib/actor.js';
import { beijingToday } from '../../lib/days.js';
import type { AppealService } from './appeals.service.js';

type Query = z.infer<typeof AppealExportQuery>;

const STATUS: Record<AppealSummary['status'], string> = {
  submitted: '待受理',
  accepted: '待派单',
  assigned: '待签收',
  handling: '办理中',
  answered: '待评价',
  closed: '已办结',
  rejected: '不予受理',
  merged: '已合并',
};
const CHANNEL: Record<AppealSummary['channel'], string> = {
  window: '办不成事窗口',
  hotline: '投诉举报专线',
  portal: '网上诉求',
  meeting: '政企活动',
  express: '项目直通车',
  transfer_12345: '12345 转办',
};
const URGENCY: Record<AppealSummary['urgency'], string> = { normal: '一般', urgent: '紧急' };
const SLA: Record<NonNullable<AppealSummary['sla']>, string> = {
  normal: '正常',
  warning: '临期',
  overdue: '逾期',
};
const DUE: Record<NonNullable<AppealSummary['dueStage']>, string> = {
  accept: '受理',
  sign: '签收',
  answer: '答复',
};
const RATING: Record<NonNullable<AppealSummary['rating']>, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

/**
 * 诉求台账: the filtered appeals of the caller's scope as one sheet, read through the list itself,
 * so a department's export hides an anonymous appeal's enterprise exactly as its queue does.
 */
export function createAppealExcel(deps: { appeals: AppealService }) {
  const { appeals } = deps;
  return {
    async exportAppeals(actor: Actor, q: Query) {
      const rows = await readAllPages((page, pageSize) => appeals.list(actor, { ...q, page, pageSize }));
      const categories = new Map((await appeals.categories()).map((c) => [c.code, c.nameZh]));
      const today = beijingToday();
      const body = await ledgerWorkbook({
        sheet: '诉求台账',
        title: `企业诉求台账（导出日期 ${today}，共 ${rows.length} 条）`,
        columns: [
          { header: '诉求编号', key: 'code', width: 24 },
          { header: '诉求标题', key: 'title', width: 36 },
          { header: '诉求企业', key: 'enterprise', width: 30 },
          { header: '类别', key: 'category', width: 12 },
          { header: '渠道', key: 'channel', width: 14 },
          { header: '紧急程度', key: 'urgency', width: 10 },
          { header: '受理地区', key: 'region', width: 16 },
          { header: '承办部门', key: 'department', width: 22 },
          { header: '登记日期', key: 'filedOn', width: 12, format: 'day' },
          { header: '状态', key: 'status', width: 10 },
          { header: '当前时限', key: 'dueStage', width: 10 },
          { header: '期限', key: 'dueOn', width: 12, format: 'day' },
          { header: '时限状态', key: 'sla', width: 10 },
          { header: '剩余工作日', key: 'daysLeft', width: 12 },
          { header: '督办', key: 'supervised', width: 16 },
          { header: '重办次数', key: 'reopens', width: 10 },
          { header: '评价', key: 'rating', width: 10 },
        ],
        rows: rows.map((a) => ({
          code: a.code,
          title: a.title,
          enterprise: a.enterpriseName ?? (a.anonymous ? '（匿名）' : null),
          category: categories.get(a.category) ?? a.category,
          channel: CHANNEL[a.channel],
          urgency: URGENCY[a.urgency],
          region: a.regionName,
          department: a.departmentName,
          filedOn: sheetDay(a.filedOn),
          status: STATUS[a.status],
          dueStage: a.dueStage ? DUE[a.dueStage] : null,
          dueOn: sheetDay(a.dueOn),
          sla: a.sla ? SLA[a.sla] : null,
          daysLeft: a.workingDaysLeft,
          supervised: a.express
            ? '项目直通车'
            : a.escalationLevel > 0
              ? (a.supervisingUnitName ?? '已督办')
              : null,
          reopens: a.reopenCount || null,
          rating: a.rating ? RATING[a.rating] : null,
        })),
      });
      return { fileName: `企业诉求台账-${today.replaceAll('-', '')}.xlsx`, body, rows: rows.length };
    },
  };
}
