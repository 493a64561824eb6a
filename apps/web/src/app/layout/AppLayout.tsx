import { MenuOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Drawer, Flex, Layout, Spin, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { ForcedPasswordChangePage } from '../../features/auth/pages/ForcedPasswordChangePage';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';
import { useKeyboardScrollRegions } from '../../kit';
import { useMe } from '../auth/auth-context';
import { useI18n } from '../i18n/i18n-context';
import { Breadcrumbs } from './Breadcrumbs';
import { ErrorBoundary } from './ErrorBoundary';
import { LanguageSwitch } from './LanguageSwitch';
import { matchNav } from './nav-items';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';
import { usePhone } from './use-phone';

const COLLAPSE_KEY = 'yingshang.siderCollapsed';

function readCollapsed(): boolean {
  try {
    return localStorage.getItem(COLLAPSE_KEY) === '1';
  } catch {
    return false;
  }
}

function Logo({ collapsed = false }: { collapsed?: boolean }) {
  const { t } = useI18n();
  return (
    <Link to="/" className="app-logo" aria-label={t('app.name')}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {collapsed ? null : <span>{t('app.name')}</span>}
    </Link>
  );
}

/**
 * The signed-in shell: side menu, header (breadcrumbs, bell, language, user), page. Below 768 px
 * the menu is a drawer opened from the header's menu button, and the page takes the full width.
 * antd's App (message, modal, notification for App.useApp) wraps it here, not the whole app: the
 * login page has no use for them and does not download them.
 */
export function AppLayout() {
  return (
    <AntApp>
      <Shell />
    </AntApp>
  );
}

function Shell() {
  const me = useMe();
  const { t } = useI18n();
  const location = useLocation();
  const phone = usePhone();
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const [drawerOpen, setDrawerOpen] = useState(false);

  // a page opened from the drawer (or a link anywhere) closes it
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation
  useEffect(() => setDrawerOpen(false), [location.pathname, location.search]);
  useKeyboardScrollRegions();

  if (me.user.mustChangePassword) return <ForcedPasswordChangePage />;

  const toggle = (next: boolean) => {
    setCollapsed(next);
    try {
      localStorage.setItem(COLLAPSE_KEY, next ? '1' : '0');
    } catch {
      // not remembered
    }
  };

  const current = matchNav(location.pathname);

  return (
    <Layout style={{ minHeight: '100vh' }} className={phone ? 'app-phone' : undefined}>
      {phone ? (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={256}
          closable={false}
          className="app-drawer"
          rootClassName="app-drawer-root"
          title={null}
          styles={{ body: { padding: 0, background: '#001529' } }}
          data-testid="menu-drawer"
          aria-label={t('nav.menu')}
        >
          <Logo />
          <SideMenu collapsed={false} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={toggle}
          width={216}
          collapsedWidth={64}
          className="app-sider"
          data-testid="sider"
        >
          <Logo collapsed={collapsed} />
          <SideMenu collapsed={collapsed} />
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header className="app-header">
          {phone ? (
            <Flex align="center" gap={4} style={{ minWidth: 0, flex: 1 }}>
              <Button
                type="text"
                icon={<MenuOutlined />}
                onClick={() => setDrawerOpen(true)}
                aria-label={t('nav.openMenu')}
                aria-expanded={drawerOpen}
                data-testid="menu-button"
              />
              <Typography.Text strong ellipsis className="app-header-title" data-testid="header-title">
                {current ? t(current.label) : t('app.name')}
              </Typography.Text>
            </Flex>
          ) : (
            <div className="app-header-crumbs">
              <Breadcrumbs />
            </div>
          )}
          <Flex align="center" gap={phone ? 4 : 12} style={{ flex: 'none' }}>
            <NotificationBell />
            <LanguageSwitch compact={phone} />
            <UserMenu compact={phone} />
          </Flex>
        </Layout.Header>
        {/* data-path: the page shown (a lazy page's chunk loads before the address's page shows) */}
        <Layout.Content className="app-content" data-path={location.pathname}>
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
