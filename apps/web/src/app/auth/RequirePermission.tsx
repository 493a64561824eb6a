import type { OrgKind, Permission } from '@yingshang/contracts';
import type { ReactNode } from 'react';
import { ForbiddenPage } from '../layout/ForbiddenPage';
import { useAuth } from './auth-context';

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
