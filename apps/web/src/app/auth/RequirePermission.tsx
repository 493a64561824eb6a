import type { OrgKind, Permission } from '@yingshang/contracts';
import { lazy, type ReactNode } from 'react';
import { useAuth } from './auth-context';

// fetched when first shown (the shell's Suspense waits for it): the routes, and so the login page,
// do not carry antd's Result and its illustrations
const ForbiddenPage = lazy(() =>
  import('../layout/ForbiddenPage').then((m) => ({ default: m.ForbiddenPage })),
);

/**
 * Renders the page only when the user holds the permission (and, when given, belongs to a unit of
 * one of these kinds: the page has nothing for the others); otherwise a 403 page with a way back.
 */
export function RequirePermission({
  permission,
  unitKinds,
  children,
}: {
  permission: Permission;
  unitKinds?: readonly OrgKind[];
  children: ReactNode;
}) {
  const { me, can } = useAuth();
  const kindOk = !unitKinds || (me ? unitKinds.includes(me.user.orgUnit.kind) : false);
  return can(permission) && kindOk ? children : <ForbiddenPage />;
}
