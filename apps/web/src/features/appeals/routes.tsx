import type { RouteObject } from 'react-router';
import { guarded, lazyPage } from '../../kit/routing';

const AppealsPage = lazyPage(() => import('./pages/AppealsPage'), 'AppealsPage');
const AppealDetailPage = lazyPage(() => import('./pages/AppealDetailPage'), 'AppealDetailPage');
const AppealFormPage = lazyPage(() => import('./pages/AppealFormPage'), 'AppealFormPage');
const MeetingsPage = lazyPage(() => import('./pages/MeetingsPage'), 'MeetingsPage');
const MeetingDetailPage = lazyPage(() => import('./pages/MeetingDetailPage'), 'MeetingDetailPage');
const HolidayCalendarPage = lazyPage(() => import('./pages/HolidayCalendarPage'), 'HolidayCalendarPage');
const AppealFiguresPage = lazyPage(() => import('./pages/AppealFiguresPage'), 'AppealFiguresPage');

/** The appeals module's pages (企业诉求): queue, filing, detail, meetings, figures, deadlines and holidays. */
export const appealRouteObjects: RouteObject[] = [
  { path: 'appeals', element: guarded('appeals.read', <AppealsPage />) },
  { path: 'appeals/new', element: guarded('appeals.file', <AppealFormPage />) },
  { path: 'appeals/meetings', element: guarded('appeals.read', <MeetingsPage />) },
  { path: 'appeals/meetings/:id', element: guarded('appeals.read', <MeetingDetailPage />) },
  { path: 'appeals/figures', element: guarded('appeals.read', <AppealFiguresPage />) },
  { path: 'appeals/calendar', element: guarded('appeals.read', <HolidayCalendarPage />) },
  { path: 'appeals/:id', element: guarded('appeals.read', <AppealDetailPage />) },
];
