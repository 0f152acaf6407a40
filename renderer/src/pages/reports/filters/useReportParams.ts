// The filters of the URL query as state: every change pushes a history entry (back = undo).
import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router-dom'
import { type ReportParams, readParams, writeParams } from './params'

export function useReportParams() {
  const [query, setQuery] = useSearchParams()
  const params = useMemo(() => readParams(query), [query])
  const setParams = useCallback((next: ReportParams) => setQuery((current) => writeParams(current, next)), [setQuery])
  return { params, setParams }
}

/** One tab-owned key of the query (the breakdown's grouping, the exception list's kind…). */
export function useQueryKey<T extends string>(key: string, allowed: readonly T[], fallback: T) {
  const [query, setQuery] = useSearchParams()
  const raw = query.get(key)
  const value = raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : fallback
  const setValue = useCallback(
    (next: T) =>
      setQuery((current) => {
        const copy = new URLSearchParams(current)
        copy.set(key, next)
        return copy
      }),
    [key, setQuery],
  )
  return [value, setValue] as const
}
