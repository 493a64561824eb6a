import { Card, Col, Row } from 'antd';
import { useMe } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { queuesFor } from '../queues';
import { QueueCard } from './QueueCard';

/** 待办: the counts of what waits for this user, each opening its list. */
export function QueueGrid() {
  const me = useMe();
  const { t } = useI18n();
  const queues = queuesFor(me);
  if (queues.length === 0) return null;
  return (
    <Card title={t('home.queuesTitle')} data-testid="home-queues">
      <Row gutter={[12, 12]}>
        {queues.map((q) => (
          <Col key={q.key} xs={12} md={8} xl={6}>
            <QueueCard queue={q} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
