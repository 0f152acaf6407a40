// The shared SQL of every report: the period, the scope filter, the signing date, and a drill
// (ReportDrill) turned into one WHERE condition on `project p`. Figures and report-drill both go
// through drillCondition, which is what makes a drill reproduce its figure exactly.
import { type RawBuilder, type SqlBool, sql } from 'kysely'
import type { Ctx } from '../../context'
import { addDays, addMonths, daysBetween, todayIso } from '../../domain/dates'
import { exactTotal, yuanToWanExact } from '../../domain/money'
import {
  type DateRange,
  type DrillMeasure,
  type Figure,
  type Milestone,
  type ParsedDrill,
  type Period,
  type ReportDrill,
  type ReportFilter,
  type ReportScope,
} from '../../domain/report'
import { LIBRARIES, MAIN_STAGES, type MainStage } from '../../domain/stages'

export type Cond = RawBuilder<SqlBool>

export const TRUE: Cond = sql<SqlBool>`1`
export const and = (conds: Cond[]): Cond => (conds.length === 0 ? TRUE : sql<SqlBool>`(${sql.join(conds, sql` AND `)})`)

export const today = (ctx: Ctx): string => todayIso(ctx.now())

// ---- Period ----------------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, '0')

function lastDayOf(year: number, month: number): string {
  return addDays(addMonths(`${year}-${pad(month)}-01`, 1), -1)
}

type PeriodFields = Pick<ReportFilter, 'year' | 'quarter' | 'month' | 'from' | 'to'>

/** The period asked for; null when none was given (callers choose: current year or all time). */
export function periodOf(input: PeriodFields): Period | null {
  if (input.from !== undefined && input.to !== undefined) return { from: input.from, to: input.to, label: `${input.from}至${input.to}` }
  if (input.year === undefined) return null
  const y = input.year
  if (input.month !== undefined) return { from: `${y}-${pad(input.month)}-01`, to: lastDayOf(y, input.month), label: `${y}年${input.month}月` }
  if (input.quarter !== undefined) {
    const first = (input.quarter - 1) * 3 + 1
    return { from: `${y}-${pad(first)}-01`, to: lastDayOf(y, first + 2), label: `${y}年第${input.quarter}季度` }
  }
  return yearPeriod(y)
}

export const yearPeriod = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年` })

/**
 * Flows, rates and activity always have a period: when none was given, this year up to the end of
 * the current month ('2026年1–11月'), so that 同比 compares eleven months with the same eleven
 * months of last year, not with all twelve. The answer carries it; the screen states it.
 */
export function periodOrThisYear(ctx: Ctx, input: PeriodFields): Period {
  const given = periodOf(input)
  if (given) return given
  const [y, m] = today(ctx).split('-').map(Number) as [number, number]
  if (m === 12) return yearPeriod(y)
  return { from: `${y}-01-01`, to: lastDayOf(y, m), label: m === 1 ? `${y}年1月` : `${y}年1–${m}月` }
}

/** 同比: the same dates one year earlier; a period ending on a month's last day ends on it again. */
export function lastYearOf(period: Period): Period {
  const from = addMonths(period.from, -12)
  const [y, m] = period.to.split('-').map(Number) as [number, number]
  // 2024-02-29 → 2023-02-28 by addMonths; 2025-02-28 (month end) → 2024-02-29, not 02-28.
  const to = period.to === lastDayOf(y, m) ? lastDayOf(y - 1, m) : addMonths(period.to, -12)
  const label = /^\d{4}年/.test(period.label) ? period.label.replace(/^\d{4}/, String(y - 1)) : `${from}至${to}`
  return { from, to, label }
}

/** Share of the year elapsed by asOf, counting asOf itself: 0 before the year, 1 after it. */
export function elapsedShare(year: number, asOf: string): number {
  const first = `${year}-01-01`
  const last = `${year}-12-31`
  if (asOf < first) return 0
  if (asOf >= last) return 1
  return (daysBetween(first, asOf) + 1) / (daysBetween(first, last) + 1)
}

// ---- The signing date, 签约金额 and reach: report facts --------------------------------------

// These are read from project_report, which triggers keep true on every write (migration
// 0007-report-facts, where the definitions are written out; docs/reports.md): worked out per
// project at every call they made a year's funnel 1.1 s at 10⁵ projects.
const fact = <T>(column: string) => sql<T>`(SELECT r.${sql.raw(column)} FROM project_report r WHERE r.project_id = p.id)`

/**
 * 签约日期: the earliest live framework/investment agreement, else project.signed_on — for a
 * project that has been signed (a milestone from 签约 on, a stage from signed on, or terminated).
 * A project moved back before 签约 has its milestones cleared and is not signed.
 */
export const SIGN_ON = fact<string | null>('signed_on')

/**
 * 签约金额 of a project: its live investment agreements' amounts, else its framework agreements',
 * else (signed without an agreement amount on file) its 总投资. Supplementary agreements never count.
 */
export const SIGNED_AMOUNT = fact<number>('signed_amount_yuan')

export const INVESTMENT = sql<number>`coalesce(p.total_investment_yuan, 0)`

const MILESTONE_SQL: Record<Exclude<Milestone, 'signed'>, RawBuilder<string | null>> = {
  reserve: sql`p.reserve_on`,
  registered: sql`p.registered_on`,
  started: sql`p.started_on`,
  completed: sql`p.completed_on`,
  operating: sql`p.operating_on`,
  evaluated: sql`p.evaluated_on`,
}

export const milestoneDate = (m: Milestone) => (m === 'signed' ? SIGN_ON : MILESTONE_SQL[m])

/** A milestone date within a range. */
export function milestoneIn(m: Milestone, range: DateRange): Cond {
  const conds: Cond[] = []
  // The signing date is a fact of its own table: the range is read from its index, then the projects by id.
  const column = m === 'signed' ? sql`r.signed_on` : milestoneDate(m)
  if (range.from !== undefined) conds.push(sql<SqlBool>`${column} >= ${range.from}`)
  if (range.to !== undefined) conds.push(sql<SqlBool>`${column} <= ${range.to}`)
  if (conds.length === 0) conds.push(sql<SqlBool>`${column} IS NOT NULL`)
  if (m === 'signed') return sql<SqlBool>`p.id IN (SELECT r.project_id FROM project_report r WHERE ${and(conds)})`
  return and(conds)
}

// ---- Reach: how far along the main path a project got ----------------------------------------

/**
 * The highest main stage reached (0 线索 … 8 后评价): the current stage, the latest milestone set
 * (签约 by the signing date), and for projects on a side stage the pre-signing stages their stage
 * events went through (those stages have no milestone column). A report fact, like SIGN_ON.
 */
export const REACH_RANK = fact<number>('reach_rank')

export const stageRankOf = (stage: MainStage) => MAIN_STAGES.indexOf(stage)

// ---- Scope and drill -------------------------------------------------------------------------

const investorColumn = (column: 'origin' | 'origin_city' | 'ownership') =>
  sql`(SELECT i.${sql.raw(column)} FROM investor i WHERE i.id = p.investor_id)`

/** A top-level industry takes its chain links along; null: no industry filled in. */
function industryIs(industryId: string | null): Cond {
  if (industryId === null) return sql<SqlBool>`p.industry_id IS NULL`
  return sql<SqlBool>`p.industry_id IN (SELECT x.id FROM industry x WHERE x.id = ${industryId} OR x.parent_id = ${industryId})`
}

/** The drill's scope part: undefined keys do not filter, null means "not filled in". */
function scopeConds(d: ParsedDrill): Cond[] {
  const conds: Cond[] = []
  // `=` when there is a value so that SQLite uses the (district_id, stage) style indexes.
  const is = (column: RawBuilder<unknown>, value: string | null | undefined) => {
    if (value === undefined) return
    conds.push(value === null ? sql<SqlBool>`${column} IS NULL` : sql<SqlBool>`${column} = ${value}`)
  }
  is(sql`p.district_id`, d.districtId)
  is(sql`p.park_id`, d.parkId)
  if (d.industryId !== undefined) conds.push(industryIs(d.industryId))
  is(sql`p.owner_id`, d.ownerId)
  is(sql`p.priority`, d.priority)
  is(investorColumn('origin'), d.origin)
  is(investorColumn('origin_city'), d.originCity)
  is(investorColumn('ownership'), d.ownership)
  return conds
}

/** The scope of a report filter, as drill keys. */
export function scopeDrill(scope: ReportScope): ReportDrill {
  const drill: ReportDrill = {}
  for (const key of ['districtId', 'parkId', 'industryId', 'ownerId', 'priority', 'origin'] as const) {
    if (scope[key] !== undefined) (drill as Record<string, unknown>)[key] = scope[key]
  }
  return drill
}

// ---- City-wide reports: the facts alone ---------------------------------------------------------

/**
 * A report without a scope (the whole city) needs of each project only what the report facts also
 * hold since migration 0010 (reserve_on, stage, 总投资, live): its cohort is then a range of the
 * facts' own partial indexes instead of one lookup per project (at 10⁵ projects ~55 ms of a year's
 * funnel and ~45 ms per year of the flow's 签约 row). With a scope the reports start from project.
 */
export const isCitywide = (scope: ReportScope): boolean => Object.keys(scopeDrill(scope)).length === 0

/** Live projects' facts (project_report r) whose `column` date lies in the period; without a period all live projects (the funnel of all time). */
export function liveFactsIn(column: 'reserve_on' | 'signed_on', period: Pick<Period, 'from' | 'to'> | null): Cond {
  const live = sql<SqlBool>`r.live = 1`
  if (!period) return live
  const at = sql.raw(`r.${column}`)
  return and([live, sql<SqlBool>`${at} >= ${period.from}`, sql<SqlBool>`${at} <= ${period.to}`])
}

export type ExceptionCondition = (kind: NonNullable<ParsedDrill['exception']>) => Cond

let exceptionCondition: ExceptionCondition | null = null
/** exceptions.ts registers its conditions here (it depends on this file, not the other way). */
export const registerExceptionCondition = (fn: ExceptionCondition) => void (exceptionCondition = fn)

/** The whole drill as one condition on `project p` (live projects only). */
export function drillCondition(d: ParsedDrill): Cond {
  const conds: Cond[] = [sql<SqlBool>`p.deleted_at IS NULL`, ...scopeConds(d)]
  let stages: string[] | undefined = d.stages
  if (d.library) {
    const library: readonly string[] = LIBRARIES[d.library]
    stages = stages ? stages.filter((s) => library.includes(s)) : [...library]
  }
  if (stages) conds.push(stages.length === 0 ? sql<SqlBool>`0` : sql<SqlBool>`p.stage IN (${sql.join(stages)})`)
  for (const [m, range] of Object.entries(d.dates ?? {}) as [Milestone, DateRange][]) conds.push(milestoneIn(m, range))
  if (d.reached && d.reached.length > 0) {
    conds.push(sql<SqlBool>`(${sql.join(d.reached.map((m) => sql`${milestoneDate(m)} IS NOT NULL`), sql` OR `)})`)
  }
  if (d.reachedStage) conds.push(sql<SqlBool>`${REACH_RANK} >= ${stageRankOf(d.reachedStage)}`)
  // IN rather than EXISTS: SQLite can start from funds_arrived and look projects up by id.
  if (d.funds) conds.push(sql<SqlBool>`p.id IN (SELECT f.project_id FROM funds f WHERE ${fundsIn(d.funds)})`)
  if (d.exception) {
    if (!exceptionCondition) throw new Error('exception conditions not registered')
    conds.push(exceptionCondition(d.exception))
  }
  if (d.ids) conds.push(d.ids.length === 0 ? sql<SqlBool>`0` : sql<SqlBool>`p.id IN (${sql.join(d.ids)})`)
  return and(conds)
}

/** Live funds rows (alias f) within a range. */
export function fundsIn(range: DateRange): Cond {
  const conds: Cond[] = [sql<SqlBool>`f.deleted_at IS NULL`]
  if (range.from !== undefined) conds.push(sql<SqlBool>`f.arrived_on >= ${range.from}`)
  if (range.to !== undefined) conds.push(sql<SqlBool>`f.arrived_on <= ${range.to}`)
  return and(conds)
}

/** What one project contributes to a drill's sum. */
export function measureOf(d: Pick<ParsedDrill, 'measure' | 'funds'>): RawBuilder<number> {
  const measure: DrillMeasure = d.measure
  if (measure === 'signed_amount') return SIGNED_AMOUNT
  if (measure === 'funds') return sql<number>`coalesce((SELECT sum(f.amount_yuan) FROM funds f WHERE f.project_id = p.id AND ${fundsIn(d.funds ?? {})}), 0)`
  return INVESTMENT
}

// ---- Exact sums ------------------------------------------------------------------------------

/** SQLite's SUM of integers is exact to 2⁶³; JavaScript numbers only to 2⁵³: refuse beyond that. */
export function exact(sum: number | bigint | null): number {
  return exactTotal(Number(sum ?? 0))
}

export function figure(count: number, sumYuan: number, drill: ReportDrill): Figure {
  return { count, sumYuan, sumWan: yuanToWanExact(sumYuan), drill }
}

/** count(*) and the exact sum of a drill, in one query. */
export async function measureDrill(ctx: Ctx, drill: ReportDrill): Promise<Figure> {
  const parsed = parseDrill(drill)
  const row = await sql<{ n: number; s: number | null }>`SELECT count(*) AS n, sum(${measureOf(parsed)}) AS s
    FROM project p WHERE ${drillCondition(parsed)}`.execute(ctx.db)
  const r = row.rows[0]!
  return figure(r.n, exact(r.s), drill)
}

/** Fills the defaults of a drill built in code (the schema's output shape). */
export const parseDrill = (drill: ReportDrill): ParsedDrill => ({ ...drill, measure: drill.measure ?? 'investment' })

/** % change for 同比 with two decimals; null when there is nothing to compare with. */
export function changePct(now: number, before: number): number | null {
  if (before === 0) return null
  return Math.round(((now - before) / before) * 10000) / 100
}

/** A ratio with six significant decimals (0.333333); null for a zero denominator. */
export function ratio(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null
  return Math.round((numerator / denominator) * 1e6) / 1e6
}

// ---- Settings --------------------------------------------------------------------------------

/** A JSON object from the setting table; {} when the key is missing or not an object. */
export async function readSetting(ctx: Ctx, key: string): Promise<Record<string, unknown>> {
  const row = await ctx.db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst()
  if (!row) return {}
  try {
    const value: unknown = JSON.parse(row.value)
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

export const numberSetting = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback
