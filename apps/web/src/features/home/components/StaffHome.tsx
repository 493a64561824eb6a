import { Card, Col, Empty, Flex, Row } from 'antd';
import { useMe } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { adminNavFor, businessNavFor, OTHER_NAV } from '../../../app/layout/nav-items';
import { FeatureCard } from './FeatureCard';
import { QueueGrid } from './QueueGrid';
import { WelcomeCard } from './WelcomeCard';

/** A clerk's, handler's or inspector's home: what waits for them, then the modules they work in. */
export function StaffHome() {
  const me = useMe();
  const { t } = useI18n();
  const pages = [
    ...businessNavFor(me),
    ...adminNavFor(me),
    ...OTHER_NAV.filter((n) => n.key === 'notifications'),
  ];
  return (
    <Flex vertical gap={16}>
      <WelcomeCard intro={t('app.intro')} />
      <QueueGrid />
      <Card title={t('home.cardsTitle')}>
        {businessNavFor(me).length + adminNavFor(me).length === 0 ? (
          <Empty description={t('home.noModules')} />
        ) : null}
        <Row gutter={[16, 16]}>
          {pages.map((n) => (
            <Col key={n.key} xs={24} md={12} xl={8}>
              <FeatureCard item={n} />
            </Col>
          ))}
        </Row>
      </Card>
    </Flex>
  );
}
