import type { Notification } from '@yingshang/contracts';
import { api, type Page } from '../../app/api/client';

export const notificationApi = {
  list: (query: { unread?: 'true'; page?: number; pageSize?: number }) =>
    api.get<Page<Notification>>('/notifications', query),
  unreadCount: () => api.get<{ unread: number }>('/notifications/unread-count'),
  markRead: (id: string) => api.post<{ ok: true }>(`/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => api.post<{ ok: true }>('/notifications/read-all'),
};
