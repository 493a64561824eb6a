import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { activityRouteObjects } from '../features/activities/routes';
import { appealRouteObjects } from '../features/appeals/routes';
import { auditRouteObjects } from '../features/audit/routes';
import { ChangePasswordPage } from '../features/auth/pages/ChangePasswordPage';
import { LoginPage } from '../features/auth/pages/LoginPage';
import { dashboardRouteObjects } from '../features/dashboard/routes';
import { HomeRoute } from '../features/home/pages/HomeRoute';
import { incentiveRouteObjects } from '../features/incentives/routes';
import { notificationRouteObjects } from '../features/notifications/routes';
import { orgRouteObjects } from '../features/orgs/routes';
import { projectRouteObjects } from '../features/projects/routes';
import { rectificationRouteObjects } from '../features/rectification/routes';
import { userRouteObjects } from '../features/users/routes';
import { RequireAuth } from './auth/RequireAuth';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './layout/NotFoundPage';

/** The signed-in shell's routes, assembled from the features (each owns its routes.tsx). */
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRoute /> },
          ...dashboardRouteObjects,
          ...projectRouteObjects,
          ...activityRouteObjects,
          ...incentiveRouteObjects,
          ...appealRouteObjects,
          ...rectificationRouteObjects,
          { path: 'admin', element: <Navigate to="/admin/orgs" replace /> },
          ...orgRouteObjects,
          ...userRouteObjects,
          ...auditRouteObjects,
          ...notificationRouteObjects,
          { path: 'change-password', element: <ChangePasswordPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
