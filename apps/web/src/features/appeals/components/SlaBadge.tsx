import { WarningOutlined } from '@ant-design/icons';
import type { AppealSummary } from '@yingshang/contracts';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDate } from '../../../kit';
import { SLA_COLORS } from '../model';

type Due = Pick<AppealSummary, 'dueOn' | 'dueStage' | 'sla' | 'workingDaysLeft' | 'dueUnscheduled'>;

/**
 * The running deadline: 正常 / 临期 / 逾期 in green, gold or red with words, the due day, the working
 * days left (or over), and a warning when the day lies in a year without a holiday schedule.
 */
export function SlaBadge({
  appeal,
  showDate = true,
  testId,
}: {
  appeal: Due;
  showDate?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  if (!appeal.dueOn || !appeal.sla) return <Typography.Text type="secondary">—</Typography.Text>;
  const left = appeal.workingDaysLeft ?? 0;
  const words =
    left < 0
      ? t('appeal.sla.overdueBy', { days: -left })
      : left === 0
        ? t('appeal.sla.dueToday')
        : t('appeal.sla.left', { days: left });
  return (
    <Flex gap={4} align="center" wrap component="span" data-testid={testId}>
      <Tooltip
        title={appeal.dueStage ? `${t(`appeal.dueStage.${appeal.dueStage}`)} ${appeal.dueOn}` : undefined}
      >
        <Tag color={SLA_COLORS[appeal.sla]} style={{ marginInlineEnd: 0 }} data-testid="sla-tag">
          {t(`appeal.sla.${appeal.sla}`)}
        </Tag>
      </Tooltip>
      {showDate ? <span className="num-cell">{formatDate(appeal.dueOn)}</span> : null}
      <Typography.Text type={appeal.sla === 'overdue' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {words}
      </Typography.Text>
      {appeal.dueUnscheduled ? (
        <Tooltip title={t('appeal.unscheduled')}>
          <Tag
            icon={<WarningOutlined />}
            color="warning"
            style={{ marginInlineEnd: 0 }}
            data-testid="sla-unscheduled"
          >
            {t('appeal.unscheduledShort')}
          </Tag>
        </Tooltip>
      ) : null}
    </Flex>
  );
}
