import type { Role, User } from '@yingshang/contracts';
import { api, type Page } from '../../app/api/client';

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

export const userApi = {
  list: (query: UserQuery) => api.get<Page<User>>('/users', { ...query }),
  get: (id: string) => api.get<User>(`/users/${encodeURIComponent(id)}`),
  create: (body: CreateUserInput) => api.post<User>('/users', body),
  update: (id: string, body: UpdateUserInput) => api.patch<User>(`/users/${encodeURIComponent(id)}`, body),
  resetPassword: (id: string) =>
    api.post<{ temporaryPassword: string }>(`/users/${encodeURIComponent(id)}/reset-password`),
};
