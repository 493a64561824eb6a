import type { RouteObject } from 'react-router';
import { guarded, lazyPage } from '../../kit/routing';

const ApplicationsPage = lazyPage(() => import('./pages/ApplicationsPage'), 'ApplicationsPage');
const ApplyPage = lazyPage(() => import('./pages/ApplyPage'), 'ApplyPage');
const ApplicationDetailPage = lazyPage(
  () => import('./pages/ApplicationDetailPage'),
  'ApplicationDetailPage',
);
const FiguresPage = lazyPage(() => import('./pages/FiguresPage'), 'FiguresPage');
const LedgerPage = lazyPage(() => import('./pages/LedgerPage'), 'LedgerPage');
const RatesPage = lazyPage(() => import('./pages/RatesPage'), 'RatesPage');
const CataloguePage = lazyPage(() => import('./pages/CataloguePage'), 'CataloguePage');

/** The incentives module's pages (惠企政策兑现). */
export const incentiveRouteObjects: RouteObject[] = [
  { path: 'incentives', element: guarded('incentives.read', <ApplicationsPage />) },
  { path: 'incentives/apply', element: guarded('incentives.apply', <ApplyPage />) },
  { path: 'incentives/figures', element: guarded('incentives.read', <FiguresPage />) },
  { path: 'incentives/ledger', element: guarded('incentives.read', <LedgerPage />) },
  { path: 'incentives/rates', element: guarded('incentives.read', <RatesPage />) },
  { path: 'incentives/catalogue', element: guarded('incentives.read', <CataloguePage />) },
  { path: 'incentives/:id', element: guarded('incentives.read', <ApplicationDetailPage />) },
];
