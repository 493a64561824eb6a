import type { Me, Permission, Role } from '@yingshang/contracts';
import { createContext, useContext } from 'react';

export interface AuthValue {
  /** null when signed out. */
  me: Me | null;
  /** True until the first GET /auth/me has answered. */
  loading: boolean;
  /** Set when the session ended on its own (expired, signed out elsewhere): the login page says so. */
  sessionMessage: string | null;
  login: (username: string, password: string) => Promise<Me>;
  /**
   * Why the last session ended: 'logout' (the user signed out: the next sign-in starts at the home page,
   * not on the previous user's page) or 'expired' (come back to where you were after signing in again).
   */
  endReason: 'logout' | 'expired' | null;
  logout: () => Promise<void>;
  /** Reloads the signed-in user (after a password change, for instance). */
  refresh: () => Promise<Me | null>;
  /** The temporary password has just been replaced: lift the forced change without a round trip. */
  passwordChanged: () => void;
  can: (permission: Permission) => boolean;
  hasRole: (role: Role) => boolean;
}

export const AuthContext = createContext<AuthValue | null>(null);

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** For pages inside the signed-in shell, where me is never null. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe outside the signed-in shell');
  return me;
}
