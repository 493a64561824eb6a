import type { RouteObject } from 'react-router';
import { guardedAdmin, lazyPage } from '../../kit/routing';

const AuditPage = lazyPage(() => import('./pages/AuditPage'), 'AuditPage');

/** 审计日志: who changed what, when. */
export const auditRouteObjects: RouteObject[] = [
  { path: 'admin/audit', element: guardedAdmin('audit', <AuditPage />) },
];
