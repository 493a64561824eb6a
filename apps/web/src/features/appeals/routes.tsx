import type { Permission } from '@yingshang/contracts';
import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../app/auth/RequirePermission';

const lazyPage = <K extends string>(load: () => Promise<Record<K, () => ReactNode>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const AppealsPage = lazyPage(() => import('./pages/AppealsPage'), 'AppealsPage');
const AppealDetailPage = lazyPage(() => import('./pages/AppealDetailPage'), 'AppealDetailPage');
const AppealFormPage = lazyPage(() => import('./pages/AppealFormPage'), 'AppealFormPage');
const MeetingsPage = lazyPage(() => import('./pages/MeetingsPage'), 'MeetingsPage');
const MeetingDetailPage = lazyPage(() => import('./pages/MeetingDetailPage'), 'MeetingDetailPage');
const HolidayCalendarPage = lazyPage(() => import('./pages/HolidayCalendarPage'), 'HolidayCalendarPage');
const AppealFiguresPage = lazyPage(() => import('./pages/AppealFiguresPage'), 'AppealFiguresPage');

const guarded = (permission: Permission, page: ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

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
