import { RightOutlined } from '@ant-design/icons';
import { Card, Flex, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { api, type Page } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { useI18n } from '../../../app/i18n/i18n-context';
import { type Queue, queueLink } from '../queues';

const TONE_COLOR = { warning: '#ad6800', danger: '#cf1322' } as const;

/** One work queue: how many records wait, opening the list of them. */
export function QueueCard({ queue }: { queue: Queue }) {
  const { t, formatNumber } = useI18n();
  const { data, error } = useRequest(
    () => api.get<Page<unknown>>(queue.endpoint, { ...queue.query, page: 1, pageSize: 1 }),
    [queue.key],
  );
  const count = data?.total;
  const color = count && queue.tone ? TONE_COLOR[queue.tone] : undefined;
  return (
    <Link to={queueLink(queue)} data-testid={`home-queue-${queue.key}`} className="home-queue">
      <Card size="small" hoverable style={{ height: '100%' }}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Typography.Text type="secondary">{t(queue.label)}</Typography.Text>
          <RightOutlined aria-hidden style={{ color: '#1668dc', fontSize: 12, marginTop: 4 }} />
        </Flex>
        {error ? (
          <Typography.Text type="danger">{t('home.q.failed')}</Typography.Text>
        ) : count === undefined ? (
          <Skeleton.Button active size="small" style={{ marginTop: 6 }} />
        ) : (
          <div className="home-queue-count" style={{ color }} data-testid={`home-queue-${queue.key}-count`}>
            {formatNumber(count)}
          </div>
        )}
      </Card>
    </Link>
  );
}
