import type { MenuProps } from 'antd';
import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth/auth-context';
import { useI18n } from '../i18n/i18n-context';
import {
  adminNavFor,
  businessNavFor,
  HOME_NAV,
  homePathFor,
  matchNav,
  type NavItem,
  SYSTEM_ICON,
} from './nav-items';

type Item = Required<MenuProps>['items'][number];

/**
 * The menu of this user's pages: the home page (unless a module is the user's home), the business
 * modules of the roles, and the system pages that have something for this user.
 */
export function SideMenu({ collapsed, onNavigate }: { collapsed: boolean; onNavigate?: () => void }) {
  const me = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();

  const leaf = (n: NavItem): Item => ({
    key: n.key,
    icon: n.icon,
    label: t(n.label),
    'data-testid': `menu-${n.key}`,
    onClick: () => {
      navigate(n.path);
      onNavigate?.();
    },
  });

  const business = businessNavFor(me);
  const admin = adminNavFor(me);
  const items: Item[] = homePathFor(me) === HOME_NAV.path ? [leaf(HOME_NAV)] : [];
  if (business.length > 0) {
    // a group title does not fit a collapsed menu: a divider separates the modules there
    if (collapsed) items.push({ type: 'divider', key: 'business-divider' }, ...business.map(leaf));
    else
      items.push({ type: 'group', key: 'business', label: t('nav.business'), children: business.map(leaf) });
  }
  if (admin.length > 0) {
    items.push({
      key: 'system',
      icon: SYSTEM_ICON,
      label: t('nav.system'),
      'data-testid': 'menu-system',
      children: admin.map(leaf),
    } as Item);
  }

  const current = matchNav(location.pathname);
  return (
    <Menu
      data-testid="side-menu"
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={current ? [current.key] : []}
      defaultOpenKeys={collapsed ? [] : ['system']}
    />
  );
}
