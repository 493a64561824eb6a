import { useCallback, useEffect, useRef, useState } from 'react';
import { apiEvents } from '../../../app/api/client';
import { notificationApi } from '../api';

const REFRESH_MS = 60_000;

/** Unread count for the bell: loaded at once, every 60 s, when the tab regains focus, and after any change. */
export function useUnreadCount(): { unread: number; refresh: () => void } {
  const [unread, setUnread] = useState(0);
  const inFlight = useRef(false);

  const refresh = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    notificationApi
      .unreadCount()
      .then((r) => setUnread(r.unread))
      .catch(() => undefined)
      .finally(() => {
        inFlight.current = false;
      });
  }, []);

  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    const onMutated = () => refresh();
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    apiEvents.addEventListener('mutated', onMutated);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      apiEvents.removeEventListener('mutated', onMutated);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  return { unread, refresh };
}
