import type { MenuProps } from 'antd';
import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth/auth-context';
import { useI18n } from '../i18n/i18n-context';
import { adminNavFor, businessNavFor, HOME_NAV, matchNav, type NavItem, SYSTEM_ICON } from './nav-items';

type Item = Required<MenuProps>['items'][number];

export function SideMenu({ collapsed }: { collapsed: boolean }) {
  const me = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();

  const leaf = (n: NavItem): Item => ({
    key: n.key,
    icon: n.icon,
    label: t(n.label),
    'data-testid': `menu-${n.key}`,
    onClick: () => navigate(n.path),
  });

  const business = businessNavFor(me);
  const admin = adminNavFor(me);
  const items: Item[] = [leaf(HOME_NAV)];
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
