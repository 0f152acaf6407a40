// The activity index: per person (or per district / park) the outgoing and incoming visits, events,
// signings and starts of the period, weighted into one index and ranked.
import { type RawBuilder, type SqlBool, sql } from 'kysely'
import type { Ctx } from '../../context'
import {
  ACTIVITY_ITEMS,
  type ActivityItem,
  type ActivityQuery,
  type ActivityResult,
  type ActivityRow,
  type Period,
  type ReportDrill,
} from '../../domain/report'
import { type Cond, and, drillCondition, numberSetting, parseDrill, periodOrThisYear, readSetting, scopeDrill } from './filters'

export const DEFAULT_WEIGHTS: Record<ActivityItem, number> = { visitOut: 1, visitIn: 1, events: 2, signings: 5, starts: 5 }

async function weightsOf(ctx: Ctx, query: ActivityQuery): Promise<Record<ActivityItem, number>> {
  const stored = await readSetting(ctx, 'activity_weights')
  return Object.fromEntries(
    ACTIVITY_ITEMS.map((item) => [item, query.weights?.[item] ?? numberSetting(stored[item], DEFAULT_WEIGHTS[item])]),
  ) as Record<ActivityItem, number>
}

type By = ActivityQuery['by']
const UNIT_COLUMN: Record<Exclude<By, 'person'>, string> = { district: 'district_id', park: 'park_id' }

/** Records filed against a project pass the project filter through it; others only without one. */
function projectScope(query: ActivityQuery, projectId: RawBuilder<unknown>): Cond {
  const { ownerId: _owner, ...scope } = scopeDrill(query)
  if (Object.keys(scope).length === 0) return sql<SqlBool>`1`
  return sql<SqlBool>`${projectId} IN (SELECT p.id FROM project p WHERE ${drillCondition(parseDrill(scope))})`
}

type Counts = Map<string | null, number>

async function grouped(ctx: Ctx, query: RawBuilder<{ k: string | null; n: number }>): Promise<Counts> {
  const result = await query.execute(ctx.db)
  return new Map(result.rows.map((r) => [r.k, r.n]))
}

function visits(ctx: Ctx, query: ActivityQuery, period: Period, type: 'visit_out' | 'visit_in'): Promise<Counts> {
  const key = query.by === 'person' ? sql`n.owner_id` : sql`(SELECT p.${sql.raw(UNIT_COLUMN[query.by])} FROM project p WHERE p.id = n.project_id)`
  const conds: Cond[] = [
    sql<SqlBool>`n.deleted_at IS NULL`,
    sql<SqlBool>`n.type = ${type}`,
    sql<SqlBool>`n.happened_on BETWEEN ${period.from} AND ${period.to}`,
    projectScope(query, sql`n.project_id`),
    // Follow-ups on a deleted project went with it.
    sql<SqlBool>`(n.project_id IS NULL OR n.project_id IN (SELECT p.id FROM project p WHERE p.deleted_at IS NULL))`,
  ]
  if (query.ownerId) conds.push(sql<SqlBool>`n.owner_id = ${query.ownerId}`)
  return grouped(ctx, sql`SELECT ${key} AS k, count(*) AS n FROM negotiation n WHERE ${and(conds)} GROUP BY k`)
}

/** Events: by their owner; for a unit, the events linked to its projects (each event once per unit). */
function events(ctx: Ctx, query: ActivityQuery, period: Period): Promise<Counts> {
  const conds: Cond[] = [sql<SqlBool>`v.deleted_at IS NULL`, sql<SqlBool>`v.start_on BETWEEN ${period.from} AND ${period.to}`]
  if (query.ownerId) conds.push(sql<SqlBool>`v.owner_id = ${query.ownerId}`)
  const { ownerId: _owner, ...scope } = scopeDrill(query)
  if (query.by === 'person') {
    if (Object.keys(scope).length > 0) {
      conds.push(sql<SqlBool>`v.id IN (SELECT ep.event_id FROM event_project ep JOIN project p ON p.id = ep.project_id WHERE ${drillCondition(parseDrill(scope))})`)
    }
    return grouped(ctx, sql`SELECT v.owner_id AS k, count(*) AS n FROM event v WHERE ${and(conds)} GROUP BY k`)
  }
  const column = sql.raw(`p.${UNIT_COLUMN[query.by]}`)
  return grouped(
    ctx,
    sql`SELECT ${column} AS k, count(DISTINCT v.id) AS n FROM event v JOIN event_project ep ON ep.event_id = v.id
      JOIN project p ON p.id = ep.project_id WHERE ${and([...conds, drillCondition(parseDrill(scope))])} GROUP BY k`,
  )
}

function milestoneCount(ctx: Ctx, query: ActivityQuery, drill: ReportDrill): Promise<Counts> {
  const key = sql.raw(query.by === 'person' ? 'p.owner_id' : `p.${UNIT_COLUMN[query.by]}`)
  return grouped(ctx, sql`SELECT ${key} AS k, count(*) AS n FROM project p WHERE ${drillCondition(parseDrill(drill))} GROUP BY k`)
}

async function labelsOf(ctx: Ctx, by: By, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map()
  const table = by === 'person' ? 'user' : by
  const rows = await ctx.db.selectFrom(table).select(['id', 'name']).where('id', 'in', keys).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

const DRILL_KEY: Record<By, 'ownerId' | 'districtId' | 'parkId'> = { person: 'ownerId', district: 'districtId', park: 'parkId' }

export async function activityReport(ctx: Ctx, query: ActivityQuery): Promise<ActivityResult> {
  const period = periodOrThisYear(ctx, query)
  const weights = await weightsOf(ctx, query)
  const range = { from: period.from, to: period.to }
  const signed: ReportDrill = { ...scopeDrill(query), dates: { signed: range } }
  const started: ReportDrill = { ...scopeDrill(query), dates: { started: range } }
  const counts: Record<ActivityItem, Counts> = {
    visitOut: await visits(ctx, query, period, 'visit_out'),
    visitIn: await visits(ctx, query, period, 'visit_in'),
    events: await events(ctx, query, period),
    signings: await milestoneCount(ctx, query, signed),
    starts: await milestoneCount(ctx, query, started),
  }
  const keys = new Set<string | null>()
  for (const item of ACTIVITY_ITEMS) for (const key of counts[item].keys()) keys.add(key)
  const labels = await labelsOf(ctx, query.by, [...keys].filter((k): k is string => k !== null))
  const rows: ActivityRow[] = [...keys].map((key) => {
    const c = Object.fromEntries(ACTIVITY_ITEMS.map((item) => [item, counts[item].get(key) ?? 0])) as Record<ActivityItem, number>
    const index = Math.round(ACTIVITY_ITEMS.reduce((sum, item) => sum + c[item] * weights[item], 0) * 100) / 100
    const unit = { [DRILL_KEY[query.by]]: key }
    return { key, label: key === null ? '未填写' : (labels.get(key) ?? key), counts: c, index, rank: 0, signingsDrill: { ...signed, ...unit }, startsDrill: { ...started, ...unit } }
  })
  rows.sort((a, b) => b.index - a.index || a.label.localeCompare(b.label, 'zh'))
  // Competition ranking: equal indexes share a rank, the next rank skips (1, 2, 2, 4).
  rows.forEach((row, i) => (row.rank = i > 0 && rows[i - 1]!.index === row.index ? rows[i - 1]!.rank : i + 1))
  return { period, by: query.by, weights, rows }
}
