import { useCallback, useState, type SetStateAction } from 'react';

/**
 * State that outlives its component: the workbench mounts only the open side panel, so a
 * panel keeps what the manager typed (and its last result) here, by a key such as
 * `run:<playbook>`, and finds it again when its tab is opened again. In memory only.
 */
const kept = new Map<string, unknown>();

export function useKept<T>(key: string, initial: () => T): [T, (next: SetStateAction<T>) => void] {
  const [value, setValue] = useState<T>(() => (kept.has(key) ? (kept.get(key) as T) : initial()));
  const set = useCallback(
    (next: SetStateAction<T>) =>
      setValue((prev) => {
        const v = typeof next === 'function' ? (next as (p: T) => T)(prev) : next;
        kept.set(key, v);
        return v;
      }),
    [key],
  );
  return [value, set];
}
