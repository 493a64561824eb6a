import { ORG_KINDS, type OrgKind, type Permission, REGION_KINDS, type Role } from './roles.js';

/**
 * The platform's business modules and the roles that see each in the menu.
 * Route guards decide access; this table only shapes navigation.
 */
export const MODULES = [
  { key: 'dashboard', roles: ['province_admin', 'city_bureau', 'county_staff', 'leader', 'inspector'] },
  { key: 'projects', roles: ['province_admin', 'city_bureau', 'county_staff', 'leader', 'inspector'] },
  { key: 'activities', roles: ['province_admin', 'city_bureau', 'county_staff', 'leader', 'inspector'] },
  {
    key: 'incentives',
    roles: ['province_admin', 'city_bureau', 'county_staff', 'leader', 'inspector', 'enterprise'],
  },
  {
    key: 'appeals',
    roles: [
      'province_admin',
      'city_bureau',
      'county_staff',
      'dept_handler',
      'leader',
      'inspector',
      'enterprise',
    ],
  },
  {
    key: 'rectification',
    roles: ['province_admin', 'city_bureau', 'county_staff', 'dept_handler', 'leader', 'inspector'],
  },
] as const satisfies readonly { key: string; roles: readonly Role[] }[];

export type ModuleKey = (typeof MODULES)[number]['key'];

export function modulesFor(roles: readonly Role[]): ModuleKey[] {
  return MODULES.filter((m) => m.roles.some((r) => (roles as readonly string[]).includes(r))).map(
    (m) => m.key,
  );
}

/**
 * The system pages (系统管理) and what each needs to have something to show: the permission and,
 * for a page that shows the region tree below one's unit, the unit kinds that have such a tree
 * (a department handler may read units to pick them in a form, but has no tree of its own).
 */
export const ADMIN_PAGES = [
  { key: 'orgs', permission: 'orgs.read', unitKinds: REGION_KINDS },
  { key: 'users', permission: 'users.read', unitKinds: ORG_KINDS },
  { key: 'audit', permission: 'audit.read', unitKinds: ORG_KINDS },
] as const satisfies readonly { key: string; permission: Permission; unitKinds: readonly OrgKind[] }[];

export type AdminPageKey = (typeof ADMIN_PAGES)[number]['key'];

/** The system pages a user with these permissions, in a unit of this kind, finds something on. */
export function adminPagesFor(permissions: readonly Permission[], unitKind: OrgKind): AdminPageKey[] {
  return ADMIN_PAGES.filter(
    (p) => permissions.includes(p.permission) && (p.unitKinds as readonly OrgKind[]).includes(unitKind),
  ).map((p) => p.key);
}

/** Roles whose home is a module's page rather than the home page: a leader lands on the 驾驶舱. */
const HOME_MODULE: Partial<Record<Role, ModuleKey>> = { leader: 'dashboard' };

/** The module a user lands on after sign-in, when every one of the user's roles has the same one. */
export function homeModuleFor(roles: readonly Role[]): ModuleKey | null {
  const homes = new Set(roles.map((r) => HOME_MODULE[r] ?? null));
  const [only] = [...homes];
  return homes.size === 1 && only ? only : null;
}
