// Screen state that outlives a visit: the board's filter for the session, columns and saved views
// for good. The list's filters, sort and page live in its URL (components/list/useListState.ts).
import { useCallback, useState } from 'react'

function read<T>(storage: Storage, key: string, fallback: T): T {
  try {
    const raw = storage.getItem(key)
    return raw === null ? fallback : (JSON.parse(raw) as T)
  } catch {
    // A damaged entry (hand-edited, older shape) must not break the page.
    return fallback
  }
}

export function useStoredState<T>(storage: Storage, key: string, fallback: T) {
  const [value, setValue] = useState<T>(() => read(storage, key, fallback))
  const update = useCallback(
    (next: T) => {
      setValue(next)
      storage.setItem(key, JSON.stringify(next))
    },
    [storage, key],
  )
  return [value, update] as const
}

export const KEYS = {
  columns: 'crm-projects-columns',
  views: 'crm-projects-views',
  board: 'crm-projects-board',
} as const
