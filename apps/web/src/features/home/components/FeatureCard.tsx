import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { NavItem } from '../../../app/layout/nav-items';

/** A module or system page: its name and what it is for, opening it. */
export function FeatureCard({ item }: { item: NavItem }) {
  const { t } = useI18n();
  return (
    <Link to={item.path} data-testid={`home-card-${item.key}`} style={{ display: 'block', height: '100%' }}>
      <Card hoverable size="small" style={{ height: '100%' }}>
        <Flex align="center" justify="space-between" style={{ marginBottom: 8 }}>
          <Flex align="center" gap={8}>
            <span style={{ fontSize: 18, color: '#1668dc' }}>{item.icon}</span>
            <Typography.Text strong style={{ fontSize: 15 }}>
              {t(item.label)}
            </Typography.Text>
          </Flex>
          <ArrowRightOutlined aria-hidden style={{ color: '#1668dc' }} />
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
