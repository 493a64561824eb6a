import type { TaskSummary } from '@yingshang/contracts';
import { Space, Tag } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';

const STATUS_COLOR = { open: 'processing', verified: 'cyan', closed: 'success' } as const;

/** Status and deadline light as colour plus words (正常 / 临期 / 逾期). */
export function TaskTags({
  task,
}: {
  task: Pick<TaskSummary, 'status' | 'timing' | 'daysOverdue' | 'verification'>;
}) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOR[task.status]}>{t(`rect.status.${task.status}`)}</Tag>
      {task.status !== 'closed' && (
        <Tag color={task.timing === 'overdue' ? 'red' : task.timing === 'due_soon' ? 'gold' : 'green'}>
          {t(`rect.timing.${task.timing}`, { days: task.daysOverdue })}
        </Tag>
      )}
      {task.status === 'open' && task.verification === 'failed' && (
        <Tag color="volcano">{t('rect.returned')}</Tag>
      )}
    </Space>
  );
}
