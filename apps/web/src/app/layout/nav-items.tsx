import {
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FlagOutlined,
  GiftOutlined,
  HomeOutlined,
  KeyOutlined,
  ProjectOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import {
  type AdminPageKey,
  adminPagesFor,
  homeModuleFor,
  type Me,
  type ModuleKey,
  modulesFor,
} from '@yingshang/contracts';
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/messages';

export interface NavItem {
  key: string;
  path: string;
  label: MessageKey;
  /** One sentence of what the page is for (home cards, placeholders). */
  desc?: MessageKey;
  icon: ReactNode;
  /** Breadcrumb parent group, if any. */
  group?: 'system';
}

export const MODULE_NAV: Record<ModuleKey, NavItem> = {
  dashboard: {
    key: 'dashboard',
    path: '/dashboard',
    label: 'module.dashboard.name',
    desc: 'module.dashboard.desc',
    icon: <DashboardOutlined />,
  },
  projects: {
    key: 'projects',
    path: '/projects',
    label: 'module.projects.name',
    desc: 'module.projects.desc',
    icon: <ProjectOutlined />,
  },
  activities: {
    key: 'activities',
    path: '/activities',
    label: 'module.activities.name',
    desc: 'module.activities.desc',
    icon: <FlagOutlined />,
  },
  incentives: {
    key: 'incentives',
    path: '/incentives',
    label: 'module.incentives.name',
    desc: 'module.incentives.desc',
    icon: <GiftOutlined />,
  },
  appeals: {
    key: 'appeals',
    path: '/appeals',
    label: 'module.appeals.name',
    desc: 'module.appeals.desc',
    icon: <CustomerServiceOutlined />,
  },
  rectification: {
    key: 'rectification',
    path: '/rectification',
    label: 'module.rectification.name',
    desc: 'module.rectification.desc',
    icon: <AuditOutlined />,
  },
};

export const ADMIN_NAV: (NavItem & { key: AdminPageKey })[] = [
  {
    key: 'orgs',
    path: '/admin/orgs',
    label: 'nav.orgs',
    desc: 'admin.orgs.desc',
    icon: <ApartmentOutlined />,
    group: 'system',
  },
  {
    key: 'users',
    path: '/admin/users',
    label: 'nav.users',
    desc: 'admin.users.desc',
    icon: <TeamOutlined />,
    group: 'system',
  },
  {
    key: 'audit',
    path: '/admin/audit',
    label: 'nav.audit',
    desc: 'admin.audit.desc',
    icon: <FileSearchOutlined />,
    group: 'system',
  },
];

export const HOME_NAV: NavItem = { key: 'home', path: '/', label: 'nav.home', icon: <HomeOutlined /> };

export const OTHER_NAV: NavItem[] = [
  {
    key: 'notifications',
    path: '/notifications',
    label: 'nav.notifications',
    desc: 'admin.notifications.desc',
    icon: <BellOutlined />,
  },
  { key: 'change-password', path: '/change-password', label: 'nav.changePassword', icon: <KeyOutlined /> },
];

export const SYSTEM_ICON = <SettingOutlined />;

export function businessNavFor(me: Me): NavItem[] {
  return modulesFor(me.user.roles).map((k) => MODULE_NAV[k]);
}

/** The system pages this user finds something on (see ADMIN_PAGES in the contracts). */
export function adminNavFor(me: Me): NavItem[] {
  const keys = adminPagesFor(me.permissions, me.user.orgUnit.kind);
  return ADMIN_NAV.filter((n) => keys.includes(n.key));
}

/** Where this user's home is: the 驾驶舱 for a leader, the home page for everyone else. */
export function homePathFor(me: Me): string {
  const module = homeModuleFor(me.user.roles);
  return module ? MODULE_NAV[module].path : HOME_NAV.path;
}

/** The nav entry a path belongs to (a module's sub-pages belong to the module). */
export function matchNav(pathname: string): NavItem | undefined {
  const all = [...Object.values(MODULE_NAV), ...ADMIN_NAV, ...OTHER_NAV];
  if (pathname === '/') return HOME_NAV;
  return all.find((n) => pathname === n.path || pathname.startsWith(`${n.path}/`));
}
