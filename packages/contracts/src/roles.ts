/**
 * Roles and permissions. A route declares one permission; a role grants a set of them.
 * Data scope is separate from permission: it follows the user's organisation unit
 * (region subtree, department or enterprise), see apps/server/src/plugins/access.ts.
 */
export const ROLES = [
  'province_admin',
  'city_bureau',
  'county_staff',
  'dept_handler',
  'leader',
  'inspector',
  'enterprise',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'orgs.read',
  'orgs.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'projects.read',
  /** The leaders' dashboard (驾驶舱) of one's area. */
  'dashboard.read',
  /** Annual targets of the regions below one's own (年度目标); the province also sets its own. */
  'targets.manage',
  'projects.write',
  /** Move a project's stage backwards, with a reason (audited). */
  'projects.correct',
  'activities.read',
  'activities.write',
  /** Appeals (企业诉求): read in one's area; file (enterprise, or staff on its behalf); accept/assign/close (受理单位). */
  'appeals.read',
  'appeals.file',
  'appeals.manage',
  /** A functional department signs for, handles and answers the appeals assigned to it. */
  'appeals.handle',
  /** Leaders' and inspectors' instructions (批示 / 督办) on escalated appeals. */
  'appeals.instruct',
  /** SLA rules (deadlines per channel, category and urgency). */
  'appeals.configure',
  /** The official holiday schedule that working days follow. */
  'calendar.manage',
  /** Rectification ledgers (整改台账): read in one's area (tasks of one's unit or zones). */
  'rectification.read',
  /** File progress, contributions and self-inspections as a task's lead or cooperating unit; keep the arrears ledger. */
  'rectification.report',
  /** Field surveys (实地调研), findings that become tasks, 销号 and reopening. */
  'rectification.verify',
  /** Campaigns and their task lists (the campaign owners). */
  'rectification.manage',
  /** Incentive policies (惠企政策兑现): read policies, applications of one's area or one's own, trial evaluations. */
  'incentives.read',
  /** Apply for a reward (an enterprise for itself, county/zone/city staff on an enterprise's behalf). */
  'incentives.apply',
  /** Review at one's level: county/zone, city commerce bureau, provincial department. */
  'incentives.review',
  /** Record payments of approved rewards. */
  'incentives.pay',
  /** The USD→CNY central-parity table the rewards convert with. */
  'rates.manage',
  /** The encouraged-industries catalogue (Excel import of the full list). */
  'catalogue.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Route guards: a permission, or one of these two special levels. */
export type RouteGuard = Permission | 'public' | 'authenticated';

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  province_admin: [
    'orgs.read',
    'orgs.manage',
    'users.read',
    'users.manage',
    'audit.read',
    'projects.read',
    'dashboard.read',
    'targets.manage',
    'projects.write',
    'projects.correct',
    'activities.read',
    'activities.write',
    'appeals.read',
    'appeals.file',
    'appeals.manage',
    'appeals.configure',
    'calendar.manage',
    'rectification.read',
    'rectification.report',
    'rectification.verify',
    'rectification.manage',
    'incentives.read',
    'incentives.apply',
    'incentives.review',
    'incentives.pay',
    'rates.manage',
    'catalogue.manage',
  ],
  city_bureau: [
    'orgs.read',
    'orgs.manage',
    'users.read',
    'users.manage',
    'audit.read',
    'projects.read',
    'dashboard.read',
    'targets.manage',
    'projects.write',
    'activities.read',
    'activities.write',
    'appeals.read',
    'appeals.file',
    'appeals.manage',
    'rectification.read',
    'rectification.report',
    'rectification.verify',
    'rectification.manage',
    'incentives.read',
    'incentives.apply',
    'incentives.review',
    'incentives.pay',
  ],
  county_staff: [
    'orgs.read',
    'users.read',
    'projects.read',
    'dashboard.read',
    'projects.write',
    'activities.read',
    'activities.write',
    'appeals.read',
    'appeals.file',
    'appeals.manage',
    'rectification.read',
    'rectification.report',
    'incentives.read',
    'incentives.apply',
    'incentives.review',
  ],
  dept_handler: ['orgs.read', 'appeals.read', 'appeals.handle', 'rectification.read', 'rectification.report'],
  leader: [
    'orgs.read',
    'users.read',
    'audit.read',
    'projects.read',
    'dashboard.read',
    'activities.read',
    'appeals.read',
    'appeals.instruct',
    'rectification.read',
    'incentives.read',
  ],
  inspector: [
    'orgs.read',
    'users.read',
    'audit.read',
    'projects.read',
    'dashboard.read',
    'activities.read',
    'appeals.read',
    'appeals.instruct',
    'rectification.read',
    'rectification.verify',
    'incentives.read',
  ],
  enterprise: ['appeals.read', 'appeals.file', 'incentives.read', 'incentives.apply'],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r] ?? []) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}

/** Organisation unit kinds. Regions and zones form the region tree; departments and enterprises hang off it. */
export const ORG_KINDS = ['province', 'city', 'county', 'zone', 'department', 'enterprise'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** The kinds that form the region tree (a department or enterprise belongs to one of them). */
export const REGION_KINDS = ['province', 'city', 'county', 'zone'] as const satisfies readonly OrgKind[];
export type RegionKind = (typeof REGION_KINDS)[number];
export const isRegionKind = (kind: string): kind is RegionKind =>
  (REGION_KINDS as readonly string[]).includes(kind);

/** Which roles make sense for a user of a unit of this kind (the admin form offers these). */
export const ROLES_BY_ORG_KIND: Record<OrgKind, readonly Role[]> = {
  province: ['province_admin', 'leader', 'inspector'],
  city: ['city_bureau', 'leader', 'inspector'],
  county: ['county_staff', 'leader', 'inspector'],
  zone: ['county_staff', 'leader', 'inspector'],
  department: ['dept_handler', 'leader'],
  enterprise: ['enterprise'],
};
