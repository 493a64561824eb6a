import type { Role } from './roles.js';

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
