import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Options of a select that searches the server as the user types: debounced, answers of superseded
 * searches dropped, and nothing fetched until the box is first opened or typed in.
 */
export function useRemoteSearch<T>(fetcher: (q: string) => Promise<T[]>, delay = 250) {
  const [search, setSearch] = useState('');
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  const [enabled, setEnabled] = useState(false);
  const [tick, setTick] = useState(0);
  const fetchRef = useRef(fetcher);
  fetchRef.current = fetcher;

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick forces a reload
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    setLoading(true);
    const timer = window.setTimeout(
      () => {
        fetchRef
          .current(search.trim())
          .then((r) => alive && setItems(r))
          .catch(() => alive && setItems([]))
          .finally(() => alive && setLoading(false));
      },
      search ? delay : 0,
    );
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [search, enabled, delay, tick]);

  const onSearch = useCallback((q: string) => {
    setEnabled(true);
    setSearch(q);
  }, []);
  const onOpenChange = useCallback((open: boolean) => {
    if (open) setEnabled(true);
  }, []);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  return { search, onSearch, onOpenChange, items, loading, reload };
}
