import type { AppealStatus } from '@yingshang/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';
import { APPEAL_STATUS_COLORS } from '../model';

/** An appeal's status as colour plus words. */
export function AppealStatusTag({ status, testId }: { status: AppealStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={APPEAL_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {t(`appeal.status.${status}`)}
    </Tag>
  );
}
