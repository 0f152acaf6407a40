// A list's state (filters, sort, page) as URL search parameters, so that Back, a reload or a
// copied link returns to the same list. Pure: no React, no DOM, unit-tested.

/** How each filter is written in the URL: one text value, or a list (repeated parameter). */
export type FilterShape<F> = { [K in keyof F]-?: 'text' | 'list' }

export interface ListState<F> {
  filters: F
  /** The server's sort key; undefined is the list's default order. */
  sort?: string
  order?: 'asc' | 'desc'
  page: number
  pageSize: number
}

export interface ListDefaults {
  pageSize: number
  sort?: string
  order?: 'asc' | 'desc'
}

// Short names that cannot collide with a filter: filters are camelCase words.
const PAGE = 'page'
const SIZE = 'size'
const SORT = 'sort'
const ORDER = 'order'

const positive = (raw: string | null): number | undefined => {
  if (raw === null || !/^\d{1,6}$/.test(raw)) return undefined
  const value = Number(raw)
  return value >= 1 ? value : undefined
}

/** Reads a list's state; anything unknown or malformed falls back to the defaults (a link from an older version must still open). */
export function decodeListState<F>(params: URLSearchParams, shape: FilterShape<F>, defaults: ListDefaults): ListState<F> {
  const filters: Record<string, string | string[]> = {}
  for (const [key, kind] of Object.entries(shape) as [string, 'text' | 'list'][]) {
    if (kind === 'list') {
      const values = params.getAll(key).filter((value) => value !== '')
      if (values.length > 0) filters[key] = values
    } else {
      const value = params.get(key)
      if (value !== null && value !== '') filters[key] = value
    }
  }
  const order = params.get(ORDER)
  const sort = params.get(SORT)
  return {
    filters: filters as F,
    sort: sort || defaults.sort,
    order: sort ? (order === 'asc' || order === 'desc' ? order : 'asc') : defaults.order,
    page: positive(params.get(PAGE)) ?? 1,
    pageSize: positive(params.get(SIZE)) ?? defaults.pageSize,
  }
}

/** Writes a list's state; defaults are left out so that a plain list has a plain URL. */
export function encodeListState<F>(state: ListState<F>, shape: FilterShape<F>, defaults: ListDefaults): URLSearchParams {
  const params = new URLSearchParams()
  const filters = state.filters as Record<string, unknown>
  for (const [key, kind] of Object.entries(shape) as [string, 'text' | 'list'][]) {
    const value = filters[key]
    if (kind === 'list' && Array.isArray(value)) for (const item of value) params.append(key, String(item))
    else if (typeof value === 'string' && value !== '') params.set(key, value)
    else if (typeof value === 'number' || typeof value === 'boolean') params.set(key, String(value))
  }
  if (state.sort && (state.sort !== defaults.sort || state.order !== defaults.order)) {
    params.set(SORT, state.sort)
    params.set(ORDER, state.order ?? 'asc')
  }
  if (state.page > 1) params.set(PAGE, String(state.page))
  if (state.pageSize !== defaults.pageSize) params.set(SIZE, String(state.pageSize))
  return params
}

/** The query string of a list opened with these filters (for links from other screens). */
export function listLink<F>(path: string, filters: F, shape: FilterShape<F>, defaults: ListDefaults): string {
  const query = encodeListState({ filters, page: 1, pageSize: defaults.pageSize, sort: defaults.sort, order: defaults.order }, shape, defaults).toString()
  return query ? `${path}?${query}` : path
}

/** True when any filter has a value (the empty state then says "nothing matches" instead of "nothing yet"). */
export function hasFilters(filters: object): boolean {
  return Object.values(filters).some((value) => (Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null && value !== ''))
}
