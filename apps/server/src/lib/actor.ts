import type { Locale, OrgKind, Permission, Role } from '@yingshang/contracts';

/** Who is acting, from where: services take it first (`create(actor, input)`). */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  orgUnit: { id: string; code: string; name: string; kind: OrgKind; path: string };
  locale: Locale;
  mustChangePassword: boolean;
  sessionId: string;
  csrfToken: string;
  requestId: string | null;
  ip: string | null;
}

/** The data scope of a user: the subtree of their unit (a department or an enterprise is a leaf). */
export const scopePath = (actor: Actor): string => actor.orgUnit.path;

export const inScope = (actor: Actor, path: string): boolean => path.startsWith(actor.orgUnit.path);

/** The parent of a materialised path (`/a/b/c/` → `/a/b/`). */
export const parentPath = (path: string): string => path.replace(/[^/]+\/$/, '');

export const isProvinceAdmin = (actor: Actor): boolean => actor.roles.includes('province_admin');
