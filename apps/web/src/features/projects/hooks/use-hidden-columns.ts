import { useCallback, useState } from 'react';

function read(key: string, fallback: readonly string[]): string[] {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return [...fallback];
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) && parsed.every((x) => typeof x === 'string') ? parsed : [...fallback];
  } catch {
    return [...fallback];
  }
}

/** The columns a user hid in a table, remembered in this browser (localStorage). */
export function useHiddenColumns(storageKey: string, defaultHidden: readonly string[]) {
  const [hidden, setHiddenState] = useState<string[]>(() => read(storageKey, defaultHidden));
  const setHidden = useCallback(
    (next: string[]) => {
      setHiddenState(next);
      try {
        localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        // private mode: remembered for this page only
      }
    },
    [storageKey],
  );
  const reset = useCallback(() => {
    setHiddenState([...defaultHidden]);
    try {
      localStorage.removeItem(storageKey);
    } catch {
      // nothing stored
    }
  }, [storageKey, defaultHidden]);
  return { hidden, setHidden, reset };
}
