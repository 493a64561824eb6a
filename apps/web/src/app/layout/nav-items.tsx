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
import { type Me, type ModuleKey, modulesFor, type Permission } from '@yingshang/contracts';
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
  /** A business module whose pages exist (the others show a placeholder and a 建设中 tag on the home page). */
  built?: boolean;
}

export const MODULE_NAV: Record<ModuleKey, NavItem> = {
  dashboard: {
    key: 'dashboard',
    path: '/dashboard',
    label: 'module.dashboard.name',
    desc: 'module.dashboard.desc',
    icon: <DashboardOutlined />,
    built: true,
  },
  projects: {
    key: 'projects',
    path: '/projects',
    label: 'module.projects.name',
    desc: 'module.projects.desc',
    icon: <ProjectOutlined />,
    built: true,
  },
  activities: {
    key: 'activities',
    path: '/activities',
    label: 'module.activities.name',
    desc: 'module.activities.desc',
    icon: <FlagOutlined />,
    built: true,
  },
  incentives: {
    key: 'incentives',
    path: '/incentives',
    label: 'module.incentives.name',
    desc: 'module.incentives.desc',
    icon: <GiftOutlined />,
    built: true,
  },
  appeals: {
    key: 'appeals',
    path: '/appeals',
    label: 'module.appeals.name',
    desc: 'module.appeals.desc',
    icon: <CustomerServiceOutlined />,
    built: true,
  },
  rectification: {
    key: 'rectification',
    path: '/rectification',
    label: 'module.rectification.name',
    desc: 'module.rectification.desc',
    icon: <AuditOutlined />,
  },
};

export const ADMIN_NAV: (NavItem & { permission: Permission })[] = [
  {
    key: 'orgs',
    path: '/admin/orgs',
    label: 'nav.orgs',
    desc: 'admin.orgs.desc',
    icon: <ApartmentOutlined />,
    group: 'system',
    permission: 'orgs.read',
  },
  {
    key: 'users',
    path: '/admin/users',
    label: 'nav.users',
    desc: 'admin.users.desc',
    icon: <TeamOutlined />,
    group: 'system',
    permission: 'users.read',
  },
  {
    key: 'audit',
    path: '/admin/audit',
    label: 'nav.audit',
    desc: 'admin.audit.desc',
    icon: <FileSearchOutlined />,
    group: 'system',
    permission: 'audit.read',
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

export function adminNavFor(me: Me): NavItem[] {
  return ADMIN_NAV.filter((n) => me.permissions.includes(n.permission));
}

/** The nav entry a path belongs to (a module's sub-pages belong to the module). */
export function matchNav(pathname: string): NavItem | undefined {
  const all = [...Object.values(MODULE_NAV), ...ADMIN_NAV, ...OTHER_NAV];
  if (pathname === '/') return HOME_NAV;
  return all.find((n) => pathname === n.path || pathname.startsWith(`${n.path}/`));
}
