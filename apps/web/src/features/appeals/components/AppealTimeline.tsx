import type { AppealEvent } from '@yingshang/contracts';
import { Flex, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDateTime } from '../../../kit';
import { RATING_COLORS } from '../model';

const COLORS: Partial<Record<AppealEvent['kind'], string>> = {
  overdue: 'red',
  escalate: 'red',
  reject: 'gray',
  return: 'orange',
  reopen: 'orange',
  instruct: 'purple',
  answer: 'green',
  close: 'green',
};

/** Every step from filing to closing: who, when, what was said. */
export function AppealTimeline({ events }: { events: AppealEvent[] }) {
  const { t } = useI18n();
  return (
    <Timeline
      data-testid="appeal-timeline"
      items={events.map((e) => ({
        key: e.id,
        color: COLORS[e.kind] ?? 'blue',
        children: (
          <div>
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>
                {t(`appeal.event.${e.kind}`)}
                {e.kind === 'assign' || e.kind === 'escalate' || e.kind === 'merge'
                  ? ` ${e.kind === 'assign' ? (e.departmentName ?? '') : (e.note ?? '')}`
                  : ''}
              </Typography.Text>
              {e.rating ? <Tag color={RATING_COLORS[e.rating]}>{t(`appeal.rating.${e.rating}`)}</Tag> : null}
              {e.internal ? <Tag>{t('appeal.event.internal')}</Tag> : null}
              {e.occurredOn ? (
                <Tag color="gold" data-testid="appeal-event-backdated">
                  {t('appeal.event.backdated', { day: e.occurredOn })}
                </Tag>
              ) : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(e.createdAt)} ·{' '}
                {[e.actorUnitName, e.actorName].filter(Boolean).join(' ') ||
                  (e.actorUnitName === null &&
                  e.actorName === null &&
                  (e.kind === 'overdue' || e.kind === 'escalate')
                    ? t('appeal.event.system')
                    : t('appeal.anonymous'))}
              </Typography.Text>
            </Flex>
            {e.note && e.kind !== 'escalate' && e.kind !== 'merge' ? (
              <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                {e.note}
              </Typography.Paragraph>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
