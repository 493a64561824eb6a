import type { RouteObject } from 'react-router';
import { guarded, lazyPage } from '../../kit/routing';

const DashboardPage = lazyPage(
  () => import('./pages/RectificationDashboardPage'),
  'RectificationDashboardPage',
);
const TaskListPage = lazyPage(() => import('./pages/TaskListPage'), 'TaskListPage');
const TaskDetailPage = lazyPage(() => import('./pages/TaskDetailPage'), 'TaskDetailPage');
const ArrearsPage = lazyPage(() => import('./pages/ArrearsPage'), 'ArrearsPage');
const ArrearDetailPage = lazyPage(() => import('./pages/ArrearDetailPage'), 'ArrearDetailPage');

/** The rectification module's pages (整改台账): dashboard, task ledger and detail, arrears ledger. */
export const rectificationRouteObjects: RouteObject[] = [
  { path: 'rectification', element: guarded('rectification.read', <DashboardPage />) },
  { path: 'rectification/tasks', element: guarded('rectification.read', <TaskListPage />) },
  { path: 'rectification/tasks/:id', element: guarded('rectification.read', <TaskDetailPage />) },
  { path: 'rectification/arrears', element: guarded('rectification.read', <ArrearsPage />) },
  { path: 'rectification/arrears/:id', element: guarded('rectification.read', <ArrearDetailPage />) },
];
