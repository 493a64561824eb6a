import { ToolOutlined } from '@ant-design/icons';
import type { ModuleKey } from '@yingshang/contracts';
import { Button, Card, Result, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n/i18n-context';
import { MODULE_NAV } from '../../../app/layout/nav-items';

/** Stand-in for a business module not built yet: its name, what it will do, and a way back. */
export function ModulePlaceholderPage({ module }: { module: ModuleKey }) {
  const { t } = useI18n();
  const nav = MODULE_NAV[module];
  return (
    <Card data-testid={`placeholder-${module}`}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        <span style={{ marginInlineEnd: 8 }}>{nav.icon}</span>
        {t(nav.label)}
      </Typography.Title>
      {nav.desc ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 15, maxWidth: 880 }}>
          {t(nav.desc)}
        </Typography.Paragraph>
      ) : null}
      <Result
        icon={<ToolOutlined style={{ color: '#1677ff' }} />}
        title={t('placeholder.title')}
        subTitle={t('placeholder.desc')}
        extra={
          <Link to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        }
      />
    </Card>
  );
}
