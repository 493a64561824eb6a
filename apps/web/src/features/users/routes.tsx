import type { RouteObject } from 'react-router';
import { guardedAdmin, lazyPage } from '../../kit/routing';

const UsersPage = lazyPage(() => import('./pages/UsersPage'), 'UsersPage');

/** 用户管理: the accounts of one's area. */
export const userRouteObjects: RouteObject[] = [
  { path: 'admin/users', element: guardedAdmin('users', <UsersPage />) },
];
