// Screen state that outlives a visit: filters for the session, columns and saved views for good.
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
  filters: 'crm-projects-filters',
  sort: 'crm-projects-sort',
  pageSize: 'crm-projects-page-size',
  columns: 'crm-projects-columns',
  views: 'crm-projects-views',
  board: 'crm-projects-board',
  page: 'crm-projects-page',
} as const

/** Lets another screen (the board, a detail link) open the list with filters already set. */
export function presetListFilters(filters: object): void {
  sessionStorage.setItem(KEYS.filters, JSON.stringify(filters))
  sessionStorage.removeItem(KEYS.page)
}
