import { useCallback, useEffect, useState } from 'react';

/** Where a user's column choice of one list is kept in this browser. */
export const columnsStorageKey = (listId: string, userId: string | undefined) =>
  `yingshang.columns.${listId}.${userId ?? 'anonymous'}`;

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

/**
 * The columns a user hid in a list, remembered in this browser per list and per user (two people
 * sharing a computer keep their own choice).
 */
export function useHiddenColumns(
  listId: string,
  userId: string | undefined,
  defaultHidden: readonly string[],
) {
  const storageKey = columnsStorageKey(listId, userId);
  const [hidden, setHiddenState] = useState<string[]>(() => read(storageKey, defaultHidden));
  // another user signs in on the same page: their own choice
  // biome-ignore lint/correctness/useExhaustiveDependencies: the default is read with the key
  useEffect(() => setHiddenState(read(storageKey, defaultHidden)), [storageKey]);
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
