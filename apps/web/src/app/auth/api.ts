import type { Locale, Me } from '@yingshang/contracts';
import { api } from '../api/client';

/** Sign-in and the session: the shell's own endpoints. */
export const authApi = {
  login: (username: string, password: string) => api.post<Me>('/auth/login', { username, password }),
  logout: () => api.post<{ ok: true }>('/auth/logout'),
  me: () => api.get<Me>('/auth/me'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<{ ok: true }>('/auth/change-password', { currentPassword, newPassword }),
  setLocale: (locale: Locale) => api.patch<{ ok: true }>('/auth/locale', { locale }),
};
