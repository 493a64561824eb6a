import type { RouteObject } from 'react-router';
import { lazyPage } from '../../kit/routing';

const NotificationsPage = lazyPage(() => import('./pages/NotificationsPage'), 'NotificationsPage');

/** 通知中心: every signed-in user's own notices. */
export const notificationRouteObjects: RouteObject[] = [
  { path: 'notifications', element: <NotificationsPage /> },
];
