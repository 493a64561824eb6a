import type { Me } from '@yingshang/contracts';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, apiEvents, setCsrfToken } from '../api/client';
import { useI18n } from '../i18n/i18n-context';
import { authApi } from './api';
import { AuthContext, type AuthValue } from './auth-context';

export function AuthProvider({ children }: { children: ReactNode }) {
  const { locale, setLocale } = useI18n();
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [sessionMessage, setSessionMessage] = useState<string | null>(null);
  const [endReason, setEndReason] = useState<AuthValue['endReason']>(null);

  const adopt = useCallback((next: Me | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setMe(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const next = await authApi.me();
      adopt(next);
      return next;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        adopt(null);
        return null;
      }
      throw e;
    }
  }, [adopt]);

  // Restore the session on load; a restored session brings back the user's remembered language.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once at start-up
  useEffect(() => {
    let alive = true;
    authApi
      .me()
      .then(async (next) => {
        if (!alive) return;
        // the shell appears in the account's language, not first in this browser's for a moment
        if (next.user.locale !== locale) await setLocale(next.user.locale);
        if (alive) adopt(next);
      })
      .catch(() => {
        if (alive) adopt(null);
      })
      .finally(() => {
        if (alive) setLoading(false);
      });
    return () => {
      alive = false;
    };
  }, []);

  // A 401 on any later request means the session ended: drop it and let the router go to the login page.
  useEffect(() => {
    const onUnauthenticated = (ev: Event) => {
      const err = (ev as CustomEvent<ApiError>).detail;
      setMe((current) => {
        if (current) {
          setSessionMessage(err?.message ?? null);
          setEndReason('expired');
        }
        return null;
      });
      setCsrfToken(null);
    };
    apiEvents.addEventListener('unauthenticated', onUnauthenticated);
    return () => apiEvents.removeEventListener('unauthenticated', onUnauthenticated);
  }, []);

  const login = useCallback(
    async (username: string, password: string) => {
      const next = await authApi.login(username, password);
      setSessionMessage(null);
      setEndReason(null);
      adopt(next);
      // The language used on the login page is the one the user wants: remember it on the account.
      if (next.user.locale !== locale) {
        authApi.setLocale(locale).catch(() => undefined);
      }
      return next;
    },
    [adopt, locale],
  );

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // signed out locally either way
    }
    setEndReason('logout');
    setSessionMessage(null);
    adopt(null);
  }, [adopt]);

  const passwordChanged = useCallback(() => {
    setMe((current) =>
      current ? { ...current, user: { ...current.user, mustChangePassword: false } } : current,
    );
  }, []);

  const value = useMemo<AuthValue>(
    () => ({
      me,
      loading,
      sessionMessage,
      endReason,
      login,
      logout,
      refresh,
      passwordChanged,
      can: (p) => !!me?.permissions.includes(p),
      hasRole: (r) => !!me?.user.roles.includes(r),
    }),
    [me, loading, sessionMessage, endReason, login, logout, refresh, passwordChanged],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
