import { Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from './auth-context';
import { FullPageSpin } from './FullPageSpin';

/** Guards the signed-in shell: to the login page when signed out, to the password page when a change is due. */
export function RequireAuth() {
  const { me, loading, endReason } = useAuth();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (!me) return <Navigate to="/login" replace state={endReason === 'logout' ? null : { from: location }} />;
  if (me.user.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace state={{ from: location }} />;
  }
  return <Outlet />;
}
