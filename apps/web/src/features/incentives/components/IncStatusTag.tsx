import type { IncentiveStatus } from '@yingshang/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';

export const STATUS_COLOR: Record<IncentiveStatus, string> = {
  county_review: 'processing',
  city_review: 'processing',
  province_review: 'processing',
  returned: 'gold',
  approved: 'cyan',
  partly_paid: 'gold',
  paid: 'green',
  rejected: 'red',
};
const SLA_COLOR = { normal: 'green', warning: 'gold', overdue: 'red' } as const;

/** Status as colour and words. */
export function IncStatusTag({ status }: { status: IncentiveStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="inc-status">
      {t(`inc.status.${status}`)}
    </Tag>
  );
}

/** The review step's deadline light: 正常 / 临期 / 逾期, with the day. */
export function SlaTag({
  sla,
  dueOn,
}: {
  sla: 'normal' | 'warning' | 'overdue' | null;
  dueOn: string | null;
}) {
  const { t } = useI18n();
  if (!sla || !dueOn) return <>—</>;
  return (
    <Tag color={SLA_COLOR[sla]}>
      {t(`inc.sla.${sla}`)} {dueOn}
    </Tag>
  );
}
