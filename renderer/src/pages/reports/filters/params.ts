// The report filters live in the URL query, so a view can be bookmarked and the back button
// steps through earlier views. This file turns the query into API inputs and back.
import type { Origin, Priority } from '../../../../../db/domain/vocab'

export const PERIOD_MODES = ['all', 'year', 'quarter', 'month', 'range'] as const
export type PeriodMode = (typeof PERIOD_MODES)[number]

export interface ReportParams {
  mode: PeriodMode
  year: number
  quarter: number
  month: number
  from?: string
  to?: string
  districtId?: string
  parkId?: string
  industryId?: string
  ownerId?: string
  priority?: Priority
  origin?: Origin
}

/** The URL key of each scope filter: short, readable in a bookmark. */
export const SCOPE_KEYS = {
  districtId: 'district',
  parkId: 'park',
  industryId: 'industry',
  ownerId: 'owner',
  priority: 'priority',
  origin: 'origin',
} as const
export type ScopeKey = keyof typeof SCOPE_KEYS

const int = (text: string | null, fallback: number, min: number, max: number) => {
  const n = Number(text)
  return Number.isInteger(n) && n >= min && n <= max && text !== null && text !== '' ? n : fallback
}

const ISO = /^\d{4}-\d{2}-\d{2}$/

export function readParams(query: URLSearchParams, today: Date = new Date()): ReportParams {
  const mode = (PERIOD_MODES as readonly string[]).includes(query.get('period') ?? '') ? (query.get('period') as PeriodMode) : 'all'
  const params: ReportParams = {
    mode,
    year: int(query.get('year'), today.getFullYear(), 1990, 2100),
    quarter: int(query.get('quarter'), Math.floor(today.getMonth() / 3) + 1, 1, 4),
    month: int(query.get('month'), today.getMonth() + 1, 1, 12),
  }
  const from = query.get('from')
  const to = query.get('to')
  if (from && ISO.test(from)) params.from = from
  if (to && ISO.test(to)) params.to = to
  for (const [field, key] of Object.entries(SCOPE_KEYS) as [ScopeKey, string][]) {
    const value = query.get(key)
    if (value) (params as unknown as Record<string, string>)[field] = value
  }
  return params
}

/** Writes the filters into the query, keeping the keys that belong to one tab (by, kind…). */
export function writeParams(query: URLSearchParams, params: ReportParams): URLSearchParams {
  const next = new URLSearchParams(query)
  for (const key of ['period', 'year', 'quarter', 'month', 'from', 'to', ...Object.values(SCOPE_KEYS)]) next.delete(key)
  if (params.mode !== 'all') next.set('period', params.mode)
  if (params.mode === 'year' || params.mode === 'quarter' || params.mode === 'month') next.set('year', String(params.year))
  if (params.mode === 'quarter') next.set('quarter', String(params.quarter))
  if (params.mode === 'month') next.set('month', String(params.month))
  if (params.mode === 'range' && params.from && params.to) {
    next.set('from', params.from)
    next.set('to', params.to)
  }
  for (const [field, key] of Object.entries(SCOPE_KEYS) as [ScopeKey, string][]) {
    const value = params[field]
    if (value) next.set(key, value)
  }
  return next
}

export interface PeriodInput {
  year?: number
  quarter?: number
  month?: number
  from?: string
  to?: string
}

/** Nothing for 'all' (and for a half-chosen range): the backend then uses its default. */
export function periodInput(params: ReportParams): PeriodInput {
  switch (params.mode) {
    case 'year':
      return { year: params.year }
    case 'quarter':
      return { year: params.year, quarter: params.quarter }
    case 'month':
      return { year: params.year, month: params.month }
    case 'range':
      return params.from && params.to ? { from: params.from, to: params.to } : {}
    default:
      return {}
  }
}

export function scopeInput(params: ReportParams) {
  return {
    districtId: params.districtId,
    parkId: params.parkId,
    industryId: params.industryId,
    ownerId: params.ownerId,
    priority: params.priority,
    origin: params.origin,
  }
}

/** Period and scope together: the input of funnel, flow, breakdown, rates and activity. */
export const filterInput = (params: ReportParams) => ({ ...periodInput(params), ...scopeInput(params) })

/** The year a year-bound report (targets) looks at: the period's year, else this year. */
export function reportYear(params: ReportParams, today: Date = new Date()): number {
  if (params.mode === 'range' && params.to) return Number(params.to.slice(0, 4))
  if (params.mode === 'all') return today.getFullYear()
  return params.year
}
