import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';
import { type ActivityType, TYPE_COLORS } from '../model';

/** The activity's type as colour plus words. */
export function ActivityTypeTag({ type, testId }: { type: ActivityType; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={TYPE_COLORS[type]} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {t(`activity.type.${type}`)}
    </Tag>
  );
}
