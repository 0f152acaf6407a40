// The list's filters as the bar holds them, and their translation into a project-list query.
import type { Input } from '../../../../electron/contract'
import { parseAmount } from '../../../../db/domain/money'
import type { ProjectSort } from '../../../../db/domain/project'
import type { Library, Stage } from '../../../../db/domain/stages'
import type { Priority } from '../../../../db/domain/vocab'
import { type FilterShape, type ListDefaults, type ListState, decodeListState, listLink } from '../../components/list/urlState'

export const DATE_FIELDS = ['reserveOn', 'signedOn', 'startedOn', 'operatingOn'] as const
export type DateField = (typeof DATE_FIELDS)[number]

export interface ProjectFilters {
  text?: string
  parkIds?: string[]
  districtIds?: string[]
  /** 'stage:signed' or 'library:reserve': one picker for both, as people think of them together. */
  stageOrLibrary?: string
  industryId?: string
  ownerId?: string
  tagIds?: string[]
  priority?: Priority
  /** As typed, in 亿元 ('3.5', '5000万'). */
  minYi?: string
  maxYi?: string
  dateField?: DateField
  dateFrom?: string
  dateTo?: string
}

export interface ProjectSorting {
  sort: ProjectSort
  order: 'asc' | 'desc'
}

export const DEFAULT_SORTING: ProjectSorting = { sort: 'updatedAt', order: 'desc' }

/** How the filters are written in the list's URL. */
export const PROJECT_FILTER_SHAPE: FilterShape<ProjectFilters> = {
  text: 'text',
  parkIds: 'list',
  districtIds: 'list',
  stageOrLibrary: 'text',
  industryId: 'text',
  ownerId: 'text',
  tagIds: 'list',
  priority: 'text',
  minYi: 'text',
  maxYi: 'text',
  dateField: 'text',
  dateFrom: 'text',
  dateTo: 'text',
}

export const PROJECT_LIST_DEFAULTS: ListDefaults = { pageSize: 50, ...DEFAULT_SORTING }

/** The project list opened with these filters, for links from the board and the detail page. */
export const projectListLink = (filters: ProjectFilters): string => listLink('/projects', filters, PROJECT_FILTER_SHAPE, PROJECT_LIST_DEFAULTS)

type ListQuery = Input<'project-list'>

/** Undefined for empty text; NaN marks text that is not an amount (the bar shows it in red). */
export function amountFilter(text: string | undefined): number | undefined {
  if (!text || text.trim() === '') return undefined
  const parsed = parseAmount(text, 'yi')
  return parsed.ok ? parsed.yuan : Number.NaN
}

const ids = (list: string[] | undefined) => (list && list.length > 0 ? list : undefined)

export function toListQuery(filters: ProjectFilters): ListQuery {
  const query: ListQuery = {
    text: filters.text?.trim() || undefined,
    parkIds: ids(filters.parkIds),
    districtIds: ids(filters.districtIds),
    industryId: filters.industryId || undefined,
    ownerId: filters.ownerId || undefined,
    tagIds: ids(filters.tagIds),
    priority: filters.priority || undefined,
  }
  const [kind, key] = filters.stageOrLibrary?.split(':') ?? []
  if (kind === 'stage') query.stage = key as Stage
  if (kind === 'library') query.library = key as Library
  const min = amountFilter(filters.minYi)
  const max = amountFilter(filters.maxYi)
  // A half-typed amount is ignored rather than sent: the list keeps showing the last good answer.
  if (min !== undefined && !Number.isNaN(min)) query.minInvestment = min
  if (max !== undefined && !Number.isNaN(max)) query.maxInvestment = max
  if (filters.dateField) {
    const field = filters.dateField
    if (filters.dateFrom) query[`${field}From`] = filters.dateFrom
    if (filters.dateTo) query[`${field}To`] = filters.dateTo
  }
  return query
}

/** What the list page asks for its state (filters, sort, page): the page and the opening call share it. */
export function projectListInput(state: ListState<ProjectFilters>): ListQuery {
  const { filters, sort, order, page, pageSize } = state
  return { ...toListQuery(filters), ...({ sort, order } as ProjectSorting), page, pageSize }
}

/** The list page's input for the list URL's search part (the window's opening address). */
export const projectListInputOf = (search: URLSearchParams): ListQuery =>
  projectListInput(decodeListState(search, PROJECT_FILTER_SHAPE, PROJECT_LIST_DEFAULTS))

export function activeFilterCount(filters: ProjectFilters): number {
  return Object.entries(filters).filter(([key, value]) => key !== 'dateField' && (Array.isArray(value) ? value.length > 0 : !!value)).length
}
