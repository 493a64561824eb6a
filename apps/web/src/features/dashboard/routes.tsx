import type { RouteObject } from 'react-router';
import { guarded, lazyPage } from '../../kit/routing';

const DashboardPage = lazyPage(() => import('./pages/DashboardPage'), 'DashboardPage');
const MonthlyReportPage = lazyPage(() => import('./pages/MonthlyReportPage'), 'MonthlyReportPage');

/** The leaders' pages (驾驶舱): the dashboard and the monthly report. */
export const dashboardRouteObjects: RouteObject[] = [
  { path: 'dashboard', element: guarded('dashboard.read', <DashboardPage />) },
  { path: 'dashboard/monthly', element: guarded('dashboard.read', <MonthlyReportPage />) },
];
