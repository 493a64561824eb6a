import type { Arrear, ArrearListQuery } from '@yingshang/contracts';
import type { z } from 'zod';
import { ledgerWorkbook, readAllPages, sheetDay, sheetWan } from '../../kernel/xlsx.js';
import type { Actor } from '../../lib/actor.js';
import { beijingToday } from '../../lib/days.js';
import type { ArrearService } from './arrears.service.js';

const STATUS: Record<Arrear['status'], string> = {
  outstanding: '未偿还',
  partly_repaid: '部分偿还',
  cleared: '已清偿',
};

/** 清欠台账: the filtered arrears of the caller's area as one sheet, read through the list itself. */
export async function exportArrears(
  arrears: ArrearService,
  actor: Actor,
  q: Omit<z.infer<typeof ArrearListQuery>, 'page' | 'pageSize'>,
) {
  const rows = await readAllPages((page, pageSize) => arrears.list(actor, { ...q, page, pageSize }));
  const today = beijingToday();
  const body = await ledgerWorkbook({
    sheet: '清欠台账',
    title: `国有企业拖欠中小企业账款清欠台账（导出日期 ${today}，共 ${rows.length} 笔）`,
    columns: [
      { header: '编号', key: 'code', width: 20 },
      { header: '欠款国有企业', key: 'debtor', width: 30 },
      { header: '国企统一社会信用代码', key: 'debtorCode', width: 22 },
      { header: '被欠款中小企业', key: 'creditor', width: 30 },
      { header: '统一社会信用代码', key: 'creditorCode', width: 22 },
      { header: '合同', key: 'contract', width: 28 },
      { header: '所在地区', key: 'region', width: 14 },
      { header: '应付日期', key: 'dueOn', width: 12, format: 'day' },
      { header: '欠款金额（万元）', key: 'amount', width: 16, format: 'wan' },
      { header: '已还（万元）', key: 'repaid', width: 14, format: 'wan' },
      { header: '未清偿（万元）', key: 'outstanding', width: 16, format: 'wan' },
      { header: '状态', key: 'status', width: 10 },
      { header: '逾期', key: 'overdue', width: 8 },
      { header: '清偿日期', key: 'clearedOn', width: 12, format: 'day' },
      { header: '备注', key: 'notes', width: 30 },
    ],
    rows: rows.map((a) => ({
      code: a.code,
      debtor: a.debtorName,
      debtorCode: a.debtorCreditCode,
      creditor: a.creditorName,
      creditorCode: a.creditorCreditCode,
      contract: a.contract,
      region: a.regionName,
      dueOn: sheetDay(a.dueOn),
      amount: sheetWan(a.amountFen),
      repaid: sheetWan(a.repaidFen),
      outstanding: sheetWan(a.outstandingFen),
      status: STATUS[a.status],
      overdue: a.overdue ? '是' : null,
      clearedOn: sheetDay(a.clearedOn),
      notes: a.notes,
    })),
  });
  return { fileName: `清欠台账-${today.replaceAll('-', '')}.xlsx`, body, rows: rows.length };
}
