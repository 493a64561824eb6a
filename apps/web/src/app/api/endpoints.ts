import type {
  AuditEntry,
  Locale,
  Me,
  Notification,
  OrgTreeNodeT,
  OrgUnit,
  Role,
  User,
} from '@yingshang/contracts';
import { api, type Page } from './client';

export type OrgKind = OrgUnit['kind'];

export interface CreateOrgInput {
  code: string;
  name: string;
  shortName?: string | null;
  kind: 'zone' | 'department' | 'enterprise';
  parentId: string;
  category?: string | null;
  creditCode?: string | null;
}

export interface UpdateOrgInput {
  version: number;
  name?: string;
  shortName?: string | null;
  category?: string | null;
  creditCode?: string | null;
  active?: boolean;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  orgUnitId: string;
  roles: Role[];
  password: string;
  phone?: string | null;
  email?: string | null;
}

export interface UpdateUserInput {
  version: number;
  displayName?: string;
  orgUnitId?: string;
  roles?: Role[];
  phone?: string | null;
  email?: string | null;
  disabled?: boolean;
}

export interface UserQuery {
  orgUnitId?: string;
  role?: string;
  status?: 'active' | 'disabled' | 'locked';
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface AuditQuery {
  actor?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export const REGION_KINDS: readonly OrgKind[] = ['province', 'city', 'county', 'zone'];

export const authApi = {
  login: (username: string, password: string) => api.post<Me>('/auth/login', { username, password }),
  logout: () => api.post<{ ok: true }>('/auth/logout'),
  me: () => api.get<Me>('/auth/me'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<{ ok: true }>('/auth/change-password', { currentPassword, newPassword }),
  setLocale: (locale: Locale) => api.patch<{ ok: true }>('/auth/locale', { locale }),
};

export const orgApi = {
  tree: (kinds: readonly OrgKind[] = REGION_KINDS) =>
    api.get<OrgTreeNodeT[]>('/org-units/tree', { kinds: kinds.join(',') }),
  list: (query: { parentId?: string; kind?: OrgKind; q?: string; page?: number; pageSize?: number }) =>
    api.get<Page<OrgUnit>>('/org-units', query),
  get: (id: string) => api.get<OrgUnit>(`/org-units/${encodeURIComponent(id)}`),
  create: (body: CreateOrgInput) => api.post<OrgUnit>('/org-units', body),
  update: (id: string, body: UpdateOrgInput) =>
    api.patch<OrgUnit>(`/org-units/${encodeURIComponent(id)}`, body),
};

export const userApi = {
  list: (query: UserQuery) => api.get<Page<User>>('/users', { ...query }),
  get: (id: string) => api.get<User>(`/users/${encodeURIComponent(id)}`),
  create: (body: CreateUserInput) => api.post<User>('/users', body),
  update: (id: string, body: UpdateUserInput) => api.patch<User>(`/users/${encodeURIComponent(id)}`, body),
  resetPassword: (id: string) =>
    api.post<{ temporaryPassword: string }>(`/users/${encodeURIComponent(id)}/reset-password`),
};

export const auditApi = {
  list: (query: AuditQuery) => api.get<Page<AuditEntry>>('/audit', { ...query }),
};

export const notificationApi = {
  list: (query: { unread?: 'true'; page?: number; pageSize?: number }) =>
    api.get<Page<Notification>>('/notifications', query),
  unreadCount: () => api.get<{ unread: number }>('/notifications/unread-count'),
  markRead: (id: string) => api.post<{ ok: true }>(`/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => api.post<{ ok: true }>('/notifications/read-all'),
};
