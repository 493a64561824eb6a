import { Navigate } from 'react-router';
import { useMe } from '../../../app/auth/auth-context';
import { HOME_NAV, homePathFor } from '../../../app/layout/nav-items';
import { HomePage } from './HomePage';

/** `/`: the home page, or the module that is this user's home (a leader's 驾驶舱). */
export function HomeRoute() {
  const home = homePathFor(useMe());
  return home === HOME_NAV.path ? <HomePage /> : <Navigate to={home} replace />;
}
