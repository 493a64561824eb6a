import type { RouteObject } from 'react-router';
import { guardedAdmin, lazyPage } from '../../kit/routing';

const OrgsPage = lazyPage(() => import('./pages/OrgsPage'), 'OrgsPage');

/** 单位管理: the region tree and the units under it. */
export const orgRouteObjects: RouteObject[] = [
  { path: 'admin/orgs', element: guardedAdmin('orgs', <OrgsPage />) },
];
