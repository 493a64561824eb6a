import { useMe } from '../../../app/auth/auth-context';
import { EnterpriseHome } from '../components/EnterpriseHome';
import { StaffHome } from '../components/StaffHome';

/** The home page: an enterprise's own (what it files, applies for and follows), or the staff's work queues. */
export function HomePage() {
  const me = useMe();
  return me.user.orgUnit.kind === 'enterprise' ? <EnterpriseHome /> : <StaffHome />;
}
