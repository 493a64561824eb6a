import type { RouteObject } from 'react-router';
import { guarded, lazyPage } from '../../kit/routing';

const ActivitiesPage = lazyPage(() => import('./pages/ActivitiesPage'), 'ActivitiesPage');
const ActivityDetailPage = lazyPage(() => import('./pages/ActivityDetailPage'), 'ActivityDetailPage');
const ActivityFormPage = lazyPage(() => import('./pages/ActivityFormPage'), 'ActivityFormPage');
const LeadersPage = lazyPage(() => import('./pages/LeadersPage'), 'LeadersPage');

/** The activities module's pages (招商活动): list and calendar, new, the leaders' trips, detail, edit. */
export const activityRouteObjects: RouteObject[] = [
  { path: 'activities', element: guarded('activities.read', <ActivitiesPage />) },
  { path: 'activities/new', element: guarded('activities.write', <ActivityFormPage />) },
  { path: 'activities/leaders', element: guarded('activities.read', <LeadersPage />) },
  { path: 'activities/:id', element: guarded('activities.read', <ActivityDetailPage />) },
  { path: 'activities/:id/edit', element: guarded('activities.write', <ActivityFormPage />) },
];
