import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './client';

export interface RequestState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  /** Runs the request again with the same inputs. */
  reload: () => Promise<void>;
  setData: (data: T | undefined) => void;
}

/**
 * Runs `fn` whenever `deps` change; answers of superseded runs are dropped, so a slow old
 * answer never overwrites a newer one. `fn` returning null means "nothing to load".
 */
export function useRequest<T>(fn: () => Promise<T> | null, deps: DependencyList): RequestState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const fnRef = useRef(fn);
  fnRef.current = fn;

  const run = useCallback(async () => {
    const id = ++seq.current;
    const p = fnRef.current();
    if (!p) {
      setLoading(false);
      return;
    }
    setLoading(true);
    try {
      const result = await p;
      if (id !== seq.current) return;
      setData(result);
      setError(null);
    } catch (e) {
      if (id !== seq.current) return;
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)));
    } finally {
      if (id === seq.current) setLoading(false);
    }
  }, []);

  useEffect(
    () => {
      void run();
    },
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists the inputs
    deps,
  );

  return { data, error, loading, reload: run, setData };
}
