import { Suspense } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { activityRouteObjects } from '../features/activities/routes';
import { appealRouteObjects } from '../features/appeals/routes';
import { auditRouteObjects } from '../features/audit/routes';
import { LoginPage } from '../features/auth/pages/LoginPage';
import { dashboardRouteObjects } from '../features/dashboard/routes';
import { incentiveRouteObjects } from '../features/incentives/routes';
import { notificationRouteObjects } from '../features/notifications/routes';
import { orgRouteObjects } from '../features/orgs/routes';
import { projectRouteObjects } from '../features/projects/routes';
import { rectificationRouteObjects } from '../features/rectification/routes';
import { userRouteObjects } from '../features/users/routes';
import { lazyPage } from '../kit/routing';
import { FullPageSpin } from './auth/FullPageSpin';
import { RequireAuth } from './auth/RequireAuth';

// The signed-in shell and its first pages load after sign-in: the login page needs none of them.
const AppLayout = lazyPage(() => import('./layout/AppLayout'), 'AppLayout');
const HomeRoute = lazyPage(() => import('../features/home/pages/HomeRoute'), 'HomeRoute');
const ChangePasswordPage = lazyPage(
  () => import('../features/auth/pages/ChangePasswordPage'),
  'ChangePasswordPage',
);
const NotFoundPage = lazyPage(() => import('./layout/NotFoundPage'), 'NotFoundPage');

/** The signed-in shell's routes, assembled from the features (each owns its routes.tsx). */
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: (
          <Suspense fallback={<FullPageSpin />}>
            <AppLayout />
          </Suspense>
        ),
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
