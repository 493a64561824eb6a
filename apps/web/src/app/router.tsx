import { MODULES, type ModuleKey, type Permission } from '@yingshang/contracts';
import { lazy, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { appealRouteObjects } from '../features/appeals/routes';
import { ChangePasswordPage } from '../features/auth/pages/ChangePasswordPage';
import { LoginPage } from '../features/auth/pages/LoginPage';
import { HomePage } from '../features/home/pages/HomePage';
import { incentiveRouteObjects } from '../features/incentives/routes';
import { ModulePlaceholderPage } from '../features/placeholder/pages/ModulePlaceholderPage';
import { rectificationRouteObjects } from '../features/rectification/routes';
import { RequireAuth } from './auth/RequireAuth';
import { RequirePermission } from './auth/RequirePermission';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './layout/NotFoundPage';

const OrgsPage = lazy(() => import('../features/orgs/pages/OrgsPage').then((m) => ({ default: m.OrgsPage })));
const UsersPage = lazy(() =>
  import('../features/users/pages/UsersPage').then((m) => ({ default: m.UsersPage })),
);
const AuditPage = lazy(() =>
  import('../features/audit/pages/AuditPage').then((m) => ({ default: m.AuditPage })),
);
const ProjectsPage = lazy(() =>
  import('../features/projects/pages/ProjectsPage').then((m) => ({ default: m.ProjectsPage })),
);
const ProjectDetailPage = lazy(() =>
  import('../features/projects/pages/ProjectDetailPage').then((m) => ({ default: m.ProjectDetailPage })),
);
const ProjectFormPage = lazy(() =>
  import('../features/projects/pages/ProjectFormPage').then((m) => ({ default: m.ProjectFormPage })),
);
const ActivitiesPage = lazy(() =>
  import('../features/activities/pages/ActivitiesPage').then((m) => ({ default: m.ActivitiesPage })),
);
const ActivityDetailPage = lazy(() =>
  import('../features/activities/pages/ActivityDetailPage').then((m) => ({ default: m.ActivityDetailPage })),
);
const ActivityFormPage = lazy(() =>
  import('../features/activities/pages/ActivityFormPage').then((m) => ({ default: m.ActivityFormPage })),
);
const LeadersPage = lazy(() =>
  import('../features/activities/pages/LeadersPage').then((m) => ({ default: m.LeadersPage })),
);
const DashboardPage = lazy(() =>
  import('../features/dashboard/pages/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const MonthlyReportPage = lazy(() =>
  import('../features/dashboard/pages/MonthlyReportPage').then((m) => ({ default: m.MonthlyReportPage })),
);
const NotificationsPage = lazy(() =>
  import('../features/notifications/pages/NotificationsPage').then((m) => ({
    default: m.NotificationsPage,
  })),
);

function guarded(permission: Permission, page: ReactNode): ReactNode {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

/** Modules that are built: their own pages. */
const BUILT_MODULES: Partial<Record<ModuleKey, RouteObject[]>> = {
  dashboard: [
    { path: 'dashboard', element: guarded('dashboard.read', <DashboardPage />) },
    { path: 'dashboard/monthly', element: guarded('dashboard.read', <MonthlyReportPage />) },
  ],
  appeals: appealRouteObjects,
  incentives: incentiveRouteObjects,
  rectification: rectificationRouteObjects,
  projects: [
    { path: 'projects', element: guarded('projects.read', <ProjectsPage />) },
    { path: 'projects/new', element: guarded('projects.write', <ProjectFormPage />) },
    { path: 'projects/:id', element: guarded('projects.read', <ProjectDetailPage />) },
    { path: 'projects/:id/edit', element: guarded('projects.write', <ProjectFormPage />) },
  ],
  activities: [
    { path: 'activities', element: guarded('activities.read', <ActivitiesPage />) },
    { path: 'activities/new', element: guarded('activities.write', <ActivityFormPage />) },
    { path: 'activities/leaders', element: guarded('activities.read', <LeadersPage />) },
    { path: 'activities/:id', element: guarded('activities.read', <ActivityDetailPage />) },
    { path: 'activities/:id/edit', element: guarded('activities.write', <ActivityFormPage />) },
  ],
};

/** Each business module owns its path and everything under it, so links into a module never 404. */
function moduleRoutes(key: ModuleKey): RouteObject[] {
  const built = BUILT_MODULES[key];
  if (built) return built;
  const element = <ModulePlaceholderPage module={key} />;
  return [
    { path: key, element },
    { path: `${key}/*`, element },
  ];
}

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          ...MODULES.flatMap((m) => moduleRoutes(m.key)),
          { path: 'admin', element: <Navigate to="/admin/orgs" replace /> },
          { path: 'admin/orgs', element: guarded('orgs.read', <OrgsPage />) },
          { path: 'admin/users', element: guarded('users.read', <UsersPage />) },
          { path: 'admin/audit', element: guarded('audit.read', <AuditPage />) },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'change-password', element: <ChangePasswordPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
