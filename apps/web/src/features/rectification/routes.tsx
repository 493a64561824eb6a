import type { Permission } from '@yingshang/contracts';
import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../app/auth/RequirePermission';

const lazyPage = <K extends string>(load: () => Promise<Record<K, () => ReactNode>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const DashboardPage = lazyPage(
  () => import('./pages/RectificationDashboardPage'),
  'RectificationDashboardPage',
);
const TaskListPage = lazyPage(() => import('./pages/TaskListPage'), 'TaskListPage');
const TaskDetailPage = lazyPage(() => import('./pages/TaskDetailPage'), 'TaskDetailPage');
const ArrearsPage = lazyPage(() => import('./pages/ArrearsPage'), 'ArrearsPage');
const ArrearDetailPage = lazyPage(() => import('./pages/ArrearDetailPage'), 'ArrearDetailPage');

const guarded = (permission: Permission, page: ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

/** The rectification module's pages (整改台账): dashboard, task ledger and detail, arrears ledger. */
export const rectificationRouteObjects: RouteObject[] = [
  { path: 'rectification', element: guarded('rectification.read', <DashboardPage />) },
  { path: 'rectification/tasks', element: guarded('rectification.read', <TaskListPage />) },
  { path: 'rectification/tasks/:id', element: guarded('rectification.read', <TaskDetailPage />) },
  { path: 'rectification/arrears', element: guarded('rectification.read', <ArrearsPage />) },
  { path: 'rectification/arrears/:id', element: guarded('rectification.read', <ArrearDetailPage />) },
];
