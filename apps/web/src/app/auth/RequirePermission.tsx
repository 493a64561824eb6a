import type { Permission } from '@yingshang/contracts';
import type { ReactNode } from 'react';
import { ForbiddenPage } from '../layout/ForbiddenPage';
import { useAuth } from './auth-context';

/** Renders the page only when the user holds the permission; otherwise a 403 page with a way back. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useAuth();
  return can(permission) ? children : <ForbiddenPage />;
}
