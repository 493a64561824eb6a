import { ADMIN_PAGES, type AdminPageKey, type Permission } from '@yingshang/contracts';
import { lazy, type ReactNode } from 'react';
import { RequirePermission } from '../app/auth/RequirePermission';

/** A page loaded on first visit: `lazyPage(() => import('./pages/XPage'), 'XPage')`. */
export const lazyPage = <K extends string>(load: () => Promise<Record<K, () => ReactNode>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

/** The page when the user holds the permission, otherwise 无权访问 (the ForbiddenPage) with a way back. */
export const guarded = (permission: Permission, page: ReactNode): ReactNode => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

/** A system page (系统管理), guarded as ADMIN_PAGES says: its permission and the unit kinds it serves. */
export const guardedAdmin = (key: AdminPageKey, page: ReactNode): ReactNode => {
  const spec = ADMIN_PAGES.find((p) => p.key === key);
  if (!spec) throw new Error(`unknown system page ${key}`);
  return (
    <RequirePermission permission={spec.permission} unitKinds={spec.unitKinds}>
      {page}
    </RequirePermission>
  );
};
