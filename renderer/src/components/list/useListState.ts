// A list page's filters, sort and page, held in the URL (see urlState.ts). Changes replace the
// current history entry: typing a filter must not fill Back with every keystroke, and Back from a
// detail page still lands on the list exactly as it was left.
import { useCallback, useMemo, useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import { type FilterShape, type ListDefaults, type ListState, decodeListState, encodeListState } from './urlState'

export interface ListControls<F> {
  state: ListState<F>
  /** New filters start again at page 1. */
  setFilters(filters: F): void
  setSort(sort: string | undefined, order?: 'asc' | 'desc'): void
  setPage(page: number, pageSize?: number): void
}

export function useListState<F>(shape: FilterShape<F>, defaults: ListDefaults): ListControls<F> {
  const [params, setParams] = useSearchParams()
  const key = params.toString()
  // Shape and defaults are module constants in every page; the URL is what changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const state = useMemo(() => decodeListState(params, shape, defaults), [key])

  const write = useCallback(
    (next: ListState<F>) => setParams(encodeListState(next, shape, defaults), { replace: true }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [setParams],
  )

  return {
    state,
    setFilters: (filters) => write({ ...state, filters, page: 1 }),
    setSort: (sort, order) =>
      write({ ...state, sort: sort ?? defaults.sort, order: sort ? (order ?? 'asc') : defaults.order, page: 1 }),
    setPage: (page, pageSize) =>
      write(pageSize !== undefined && pageSize !== state.pageSize ? { ...state, page: 1, pageSize } : { ...state, page }),
  }
}

/** The same controls held in the component, for a list embedded in a detail page's tab. */
export function useLocalListState<F>(defaults: ListDefaults, initial: F): ListControls<F> {
  const [state, setState] = useState<ListState<F>>({ filters: initial, page: 1, pageSize: defaults.pageSize, sort: defaults.sort, order: defaults.order })
  return {
    state,
    setFilters: (filters) => setState({ ...state, filters, page: 1 }),
    setSort: (sort, order) => setState({ ...state, sort: sort ?? defaults.sort, order: sort ? (order ?? 'asc') : defaults.order, page: 1 }),
    setPage: (page, pageSize) =>
      setState(pageSize !== undefined && pageSize !== state.pageSize ? { ...state, page: 1, pageSize } : { ...state, page }),
  }
}
