import { Flex, Layout, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { ForcedPasswordChangePage } from '../../features/auth/pages/ForcedPasswordChangePage';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';
import { useMe } from '../auth/auth-context';
import { useI18n } from '../i18n/i18n-context';
import { Breadcrumbs } from './Breadcrumbs';
import { ErrorBoundary } from './ErrorBoundary';
import { LanguageSwitch } from './LanguageSwitch';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

const COLLAPSE_KEY = 'yingshang.siderCollapsed';

function readCollapsed(): boolean {
  try {
    return localStorage.getItem(COLLAPSE_KEY) === '1';
  } catch {
    return false;
  }
}

/** The signed-in shell: side menu, header (breadcrumbs, bell, language, user), page. */
export function AppLayout() {
  const me = useMe();
  const { t } = useI18n();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(readCollapsed);

  if (me.user.mustChangePassword) return <ForcedPasswordChangePage />;

  const toggle = (next: boolean) => {
    setCollapsed(next);
    try {
      localStorage.setItem(COLLAPSE_KEY, next ? '1' : '0');
    } catch {
      // not remembered
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={toggle}
        width={216}
        collapsedWidth={64}
        className="app-sider"
        data-testid="sider"
      >
        <Link to="/" className="app-logo" aria-label={t('app.name')}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {collapsed ? null : <span>{t('app.name')}</span>}
        </Link>
        <SideMenu collapsed={collapsed} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Breadcrumbs />
          <Flex align="center" gap={12}>
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu />
          </Flex>
        </Layout.Header>
        <Layout.Content className="app-content">
          <ErrorBoundary
            resetKey={location.pathname}
            title={t('error.crash.title')}
            description={t('error.crash.desc')}
            retryLabel={t('common.retry')}
          >
            <Suspense
              fallback={
                <Flex justify="center" style={{ padding: 48 }}>
                  <Spin />
                </Flex>
              }
            >
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
