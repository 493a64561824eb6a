import type { Notification } from '@yingshang/contracts';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { notificationApi } from '../api';

/** Marks a notification read and follows its link when it points inside the platform. */
export function useOpenNotification(afterRead?: () => void) {
  const navigate = useNavigate();
  return useCallback(
    async (n: Notification) => {
      if (!n.readAt) {
        await notificationApi.markRead(n.id).catch(() => undefined);
        afterRead?.();
      }
      if (n.link?.startsWith('/') && !n.link.startsWith('//')) navigate(n.link);
    },
    [navigate, afterRead],
  );
}
