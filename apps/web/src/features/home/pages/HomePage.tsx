import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Empty, Flex, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { adminNavFor, businessNavFor, type NavItem, OTHER_NAV } from '../../../app/layout/nav-items';

function FeatureCard({ item }: { item: NavItem }) {
  const { t } = useI18n();
  return (
    <Link to={item.path} data-testid={`home-card-${item.key}`} style={{ display: 'block', height: '100%' }}>
      <Card hoverable size="small" style={{ height: '100%' }}>
        <Flex align="center" justify="space-between" style={{ marginBottom: 8 }}>
          <Flex align="center" gap={8}>
            <span style={{ fontSize: 18, color: '#1677ff' }}>{item.icon}</span>
            <Typography.Text strong style={{ fontSize: 15 }}>
              {t(item.label)}
            </Typography.Text>
          </Flex>
          <ArrowRightOutlined style={{ color: '#1677ff' }} />
        </Flex>
        {item.desc ? (
          <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
            {t(item.desc)}
          </Typography.Paragraph>
        ) : null}
      </Card>
    </Link>
  );
}

export function HomePage() {
  const me = useMe();
  const { t } = useI18n();
  const business = businessNavFor(me);
  const admin = adminNavFor(me);
  const notifications = OTHER_NAV.find((n) => n.key === 'notifications');

  return (
    <Flex vertical gap={16}>
      <Card>
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={14}>
            <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="home-welcome">
              {t('home.welcome', { name: me.user.displayName })}
            </Typography.Title>
            <Typography.Paragraph style={{ marginBottom: 8 }}>{t('app.intro')}</Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('app.intro2')}
            </Typography.Paragraph>
          </Col>
          <Col xs={24} lg={10}>
            <Descriptions
              title={t('home.account')}
              size="small"
              column={1}
              bordered
              items={[
                { key: 'username', label: t('home.username'), children: me.user.username },
                {
                  key: 'unit',
                  label: t('home.unit'),
                  children: (
                    <Flex gap={6} align="center" wrap>
                      {me.user.orgUnit.name}
                      <Tag>{t(`orgKind.${me.user.orgUnit.kind}`)}</Tag>
                    </Flex>
                  ),
                },
                {
                  key: 'roles',
                  label: t('home.roles'),
                  children: (
                    <Flex gap={4} wrap data-testid="home-roles">
                      {me.user.roles.map((r) => (
                        <Tag color="blue" key={r}>
                          {t(`role.${r}`)}
                        </Tag>
                      ))}
                    </Flex>
                  ),
                },
              ]}
            />
          </Col>
        </Row>
      </Card>

      <Card title={t('home.cardsTitle')}>
        {business.length + admin.length === 0 ? <Empty description={t('home.noModules')} /> : null}
        <Row gutter={[16, 16]}>
          {business.map((n) => (
            <Col key={n.key} xs={24} md={12} xl={8}>
              <FeatureCard item={n} />
            </Col>
          ))}
          {admin.map((n) => (
            <Col key={n.key} xs={24} md={12} xl={8}>
              <FeatureCard item={n} />
            </Col>
          ))}
          {notifications ? (
            <Col xs={24} md={12} xl={8}>
              <FeatureCard item={notifications} />
            </Col>
          ) : null}
        </Row>
      </Card>
    </Flex>
  );
}
