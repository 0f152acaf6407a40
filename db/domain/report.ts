// The managers' numbers (报表): input schemas and result shapes of the report API. Pure: shared by
// the renderer and the backend. Every definition is written out in docs/reports.md.
//
// Each figure comes with a `drill` (ReportDrill): the project filter that reproduces it. report-drill
// returns the projects behind a drill with the same SQL condition, so its count and exact sum equal
// the figure. The project list can accept the same object: its keys reuse ProjectListQuery's names
// (districtId, parkId, industryId, ownerId, priority, stages, library) and add what reports need
// (see ReportDrill below).
import { z } from 'zod'
import { isoDate, id, paging } from './fields'
import { type Library, LIBRARIES, type MainStage, MAIN_STAGES, STAGES, type Stage } from './stages'
import { ORIGIN, OWNERSHIP, PRIORITY, type TargetIndicator, type TargetUnit } from './vocab'

// ---- Milestones ------------------------------------------------------------------------------

/** The dated facts a project can have: 入库 plus the milestone columns (签约 from the agreements). */
export const MILESTONES = ['reserve', 'signed', 'registered', 'started', 'completed', 'operating', 'evaluated'] as const
export type Milestone = (typeof MILESTONES)[number]

export const MILESTONE_LABELS: Record<Milestone, string> = {
  reserve: '入库',
  signed: '签约',
  registered: '注册落地',
  started: '开工',
  completed: '竣工',
  operating: '投产',
  evaluated: '后评价',
}

/** The milestones of the monthly report's flow, in its column order. */
export const FLOW_MILESTONES = ['reserve', 'signed', 'registered', 'started', 'operating'] as const satisfies readonly Milestone[]

// ---- Common filter ---------------------------------------------------------------------------

const year = z.number({ error: '年份应为数字' }).int('年份应为整数').min(1990, '年份应在1990–2100之间').max(2100, '年份应在1990–2100之间')

/**
 * The period: a year, a quarter or a month of a year, or a from/to date range (both ends
 * included). Nothing given: the current year for flows, rates, targets and activity; all time for
 * the funnel and breakdowns (which then count every live project).
 */
const periodFields = {
  year: year.optional(),
  quarter: z.number({ error: '季度应为数字' }).int('季度应为1–4').min(1, '季度应为1–4').max(4, '季度应为1–4').optional(),
  month: z.number({ error: '月份应为数字' }).int('月份应为1–12').min(1, '月份应为1–12').max(12, '月份应为1–12').optional(),
  from: isoDate('开始日期').optional(),
  to: isoDate('结束日期').optional(),
}

/** Who and where a report counts; the same on screen, in a drill and in the 月报 workbook. */
export const scopeFields = {
  districtId: id.optional(),
  parkId: id.optional(),
  /** A top-level industry also takes the projects filed under its chain links. */
  industryId: id.optional(),
  /** 责任人 */
  ownerId: id.optional(),
  priority: z.enum(PRIORITY.keys, { error: '重点级别不正确' }).optional(),
  /** The investor's origin (境外/省外/省内市外/本市). */
  origin: z.enum(ORIGIN.keys, { error: '客商来源不正确' }).optional(),
}

type PeriodInput = { year?: number; quarter?: number; month?: number; from?: string; to?: string }

function checkPeriod(p: PeriodInput, context: z.RefinementCtx): void {
  const range = p.from !== undefined || p.to !== undefined
  if (range && (p.year !== undefined || p.quarter !== undefined || p.month !== undefined)) {
    context.addIssue({ code: 'custom', path: ['from'], message: '按年/季/月统计时不能同时指定起止日期' })
  }
  if (range && (p.from === undefined || p.to === undefined)) {
    context.addIssue({ code: 'custom', path: [p.from === undefined ? 'from' : 'to'], message: '请同时填写开始日期和结束日期' })
  }
  if (p.from !== undefined && p.to !== undefined && p.from > p.to) {
    context.addIssue({ code: 'custom', path: ['from'], message: '开始日期不能晚于结束日期' })
  }
  if ((p.quarter !== undefined || p.month !== undefined) && p.year === undefined) {
    context.addIssue({ code: 'custom', path: ['year'], message: '按季度或月份统计时请填写年份' })
  }
  if (p.quarter !== undefined && p.month !== undefined) {
    context.addIssue({ code: 'custom', path: ['month'], message: '季度和月份只能选一个' })
  }
}

export const ReportFilter = z.object({ ...periodFields, ...scopeFields }).superRefine(checkPeriod)
export type ReportFilter = z.output<typeof ReportFilter>

/** The filter without its period: what a drill carries along. */
export type ReportScope = Pick<ReportFilter, keyof typeof scopeFields>

export interface Period {
  from: string
  to: string
  /** '2024年', '2024年第1季度', '2024年3月', '2024-01-15至2024-02-20' */
  label: string
}

// ---- Drill-down ------------------------------------------------------------------------------

const dateRange = z.object({ from: isoDate('开始日期').optional(), to: isoDate('结束日期').optional() })
export type DateRange = z.output<typeof dateRange>

export const EXCEPTION_KINDS = [
  'signed-not-started',
  'approved-not-started',
  'started-idle',
  'not-completed',
  'overdue-next-steps',
  'no-followup',
  'overdue-requests',
] as const
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number]

/** What a drill sums: 总投资, 签约金额 or 到位资金 (within drill.funds when given). */
export const DRILL_MEASURES = ['investment', 'signed_amount', 'funds'] as const
export type DrillMeasure = (typeof DRILL_MEASURES)[number]

const nullableId = id.nullable().optional()

/**
 * A project filter that reproduces one figure. All keys are ANDed. Scope keys take null for "not
 * filled in" (the 未填写 row of a breakdown). Keys shared with ProjectListQuery mean the same
 * thing there; the others are what the project list should add to accept every drill:
 * - origin, originCity, ownership: the investor's;
 * - dates: a milestone date range per milestone ('signed' is the signing date of docs/reports.md:
 *   the earliest live framework/investment agreement, else project.signed_on);
 * - reached: the project has at least one of these milestones (any date);
 * - reachedStage: the project got at least this far on the main path (funnel conversion);
 * - funds: projects with 到位资金 arrived in this range (and, with measure 'funds', the sum of it);
 * - exception: membership of an exception list, as of a date with a threshold;
 * - ids: exactly these projects.
 */
export const ReportDrill = z.object({
  districtId: nullableId,
  parkId: nullableId,
  industryId: nullableId,
  ownerId: nullableId,
  priority: z.enum(PRIORITY.keys, { error: '重点级别不正确' }).nullable().optional(),
  origin: z.enum(ORIGIN.keys, { error: '客商来源不正确' }).nullable().optional(),
  originCity: z.string().max(50).nullable().optional(),
  ownership: z.enum(OWNERSHIP.keys, { error: '企业性质不正确' }).nullable().optional(),
  stages: z.array(z.enum(STAGES, { error: '项目阶段不正确' })).max(12).optional(),
  library: z.enum(Object.keys(LIBRARIES) as [Library, ...Library[]], { error: '项目库不正确' }).optional(),
  dates: z.partialRecord(z.enum(MILESTONES, { error: '节点不正确' }), dateRange).optional(),
  reached: z.array(z.enum(MILESTONES, { error: '节点不正确' })).max(7).optional(),
  reachedStage: z.enum(MAIN_STAGES, { error: '项目阶段不正确' }).optional(),
  funds: dateRange.optional(),
  exception: z
    .object({
      kind: z.enum(['signed-not-started', 'approved-not-started', 'started-idle', 'not-completed', 'no-followup'], { error: '清单类型不正确' }),
      asOf: isoDate('统计日期'),
      threshold: z.number().int().min(0).max(100_000),
    })
    .optional(),
  ids: z.array(id).max(500, '项目过多').optional(),
  measure: z.enum(DRILL_MEASURES).default('investment'),
})
export type ReportDrill = z.input<typeof ReportDrill>
export type ParsedDrill = z.output<typeof ReportDrill>

export const DrillQuery = z.object({ drill: ReportDrill, ...paging })
export type DrillQuery = z.output<typeof DrillQuery>

/** A count of projects and an exact sum, with the filter behind it. */
export interface Figure {
  count: number
  sumYuan: number
  /** The same sum in 万元, exact ('12345.6789'). */
  sumWan: string
  drill: ReportDrill
}

export interface DrillRow {
  id: string
  name: string
  stage: Stage
  districtName: string | null
  parkName: string | null
  ownerId: string | null
  ownerName: string | null
  totalInvestmentYuan: number | null
  reserveOn: string
  signedOn: string | null
  startedOn: string | null
  operatingOn: string | null
  /** What the drill sums for this project (its 总投资, 签约金额 or 到位资金). */
  measureYuan: number
}

export interface DrillResult {
  count: number
  sumYuan: number
  sumWan: string
  rows: DrillRow[]
  page: number
  pageSize: number
}

// ---- Funnel ----------------------------------------------------------------------------------

export const FunnelQuery = ReportFilter
export type FunnelQuery = ReportFilter

export interface FunnelStage extends Figure {
  stage: Stage
  label: string
  /** Median days of completed stays in this stage (stage_event); null when there are none. */
  medianDays: number | null
  stays: number
}

export interface FunnelConversion {
  from: MainStage
  to: MainStage
  reachedFrom: Figure
  reachedTo: Figure
  /** reachedTo / reachedFrom; null when nobody reached `from`. */
  rate: number | null
}

export interface FunnelLibrary extends Figure {
  library: Library
  label: string
}

export interface FunnelResult {
  period: Period | null
  stages: FunnelStage[]
  conversions: FunnelConversion[]
  libraries: FunnelLibrary[]
  total: Figure
}

// ---- Period flow -----------------------------------------------------------------------------

export const FlowQuery = ReportFilter
export type FlowQuery = ReportFilter

export interface FlowRow {
  milestone: Milestone
  label: string
  current: Figure
  lastYear: Figure
  /** 同比: absolute change and % change (null when last year is 0). */
  countChange: number
  countChangePct: number | null
  sumChangeYuan: number
  sumChangePct: number | null
}

export interface FlowResult {
  period: Period
  lastYear: Period
  rows: FlowRow[]
}

// ---- Breakdowns ------------------------------------------------------------------------------

export const BREAKDOWN_BY = ['district', 'park', 'industry', 'origin', 'city', 'ownership', 'person', 'stage'] as const
export type BreakdownBy = (typeof BREAKDOWN_BY)[number]

export const BreakdownQuery = z
  .object({ ...periodFields, ...scopeFields, by: z.enum(BREAKDOWN_BY, { error: '分组方式不正确' }) })
  .superRefine(checkPeriod)
export type BreakdownQuery = z.output<typeof BreakdownQuery>

export interface BreakdownRow {
  /** The group's id or word-list key; null for 未填写. */
  key: string | null
  /** The Chinese name. */
  label: string
  projects: number
  investmentYuan: number
  investmentWan: string
  byStage: Record<Stage, number>
  drill: ReportDrill
}

export interface BreakdownResult {
  by: BreakdownBy
  period: Period | null
  rows: BreakdownRow[]
  total: BreakdownRow
}

// ---- Targets ---------------------------------------------------------------------------------

export const TargetsQuery = z.object({
  year,
  /** Default: today (ctx.now()). */
  asOf: isoDate('统计日期').optional(),
  unitType: z.enum(['district', 'park', 'user'], { error: '请选择考核对象类型' }).optional(),
  unitId: id.optional(),
})
export type TargetsQuery = z.output<typeof TargetsQuery>

export interface TargetRow {
  id: string
  unitType: TargetUnit
  unitId: string
  unitName: string | null
  indicator: TargetIndicator
  indicatorLabel: string
  /** Amount indicators are 元; the others are project counts. */
  isAmount: boolean
  target: number
  actual: number
  /** actual / target × 100, two decimals; null when the target is 0. */
  completionPct: number | null
  /** target × elapsed share of the year, the pace line. */
  expected: number
  onPace: boolean
  drill: ReportDrill
}

export interface TargetsResult {
  year: number
  asOf: string
  /** Days of the year elapsed up to asOf (inclusive) / days in the year, 0..1. */
  elapsedShare: number
  rows: TargetRow[]
}

// ---- Exception lists -------------------------------------------------------------------------

export const ExceptionsQuery = z.object({
  ...scopeFields,
  kind: z.enum(EXCEPTION_KINDS, { error: '清单类型不正确' }),
  /** Default: today. */
  asOf: isoDate('统计日期').optional(),
  /** Days (months for signed-not-started); default from setting 'report_thresholds', else docs. */
  threshold: z.number({ error: '阈值应为数字' }).int('阈值应为整数').min(0, '阈值不能为负数').max(100_000, '阈值过大').optional(),
  ...paging,
})
export type ExceptionsQuery = z.output<typeof ExceptionsQuery>

export interface ExceptionRow {
  /** The project (null for a request or follow-up filed against an investor only). */
  projectId: string | null
  projectName: string | null
  stage: Stage | null
  /** The negotiation or request behind the row, for those lists. */
  recordId: string | null
  title: string | null
  ownerId: string | null
  ownerName: string | null
  /** The date the waiting is counted from (signing, start, due date, deadline, last follow-up…). */
  sinceOn: string | null
  days: number | null
  totalInvestmentYuan: number | null
}

export interface ExceptionPerson {
  ownerId: string | null
  ownerName: string | null
  count: number
}

export interface ExceptionsResult {
  kind: ExceptionKind
  label: string
  asOf: string
  threshold: number
  /** 'days' or 'months'. */
  thresholdUnit: 'days' | 'months'
  total: number
  page: number
  pageSize: number
  rows: ExceptionRow[]
  /** How many rows each responsible person has, most first. */
  byPerson: ExceptionPerson[]
  /** Project lists only. */
  drill: ReportDrill | null
}

// ---- Rates -----------------------------------------------------------------------------------

export const RatesQuery = ReportFilter
export type RatesQuery = ReportFilter

export const RATE_KEYS = ['performance', 'landing', 'start', 'operation', 'funds'] as const
export type RateKey = (typeof RATE_KEYS)[number]

export interface Rate {
  key: RateKey
  label: string
  /** The definition, for the hover text. */
  definition: string
  numerator: Figure
  denominator: Figure
  /** Projects for the four project rates; exact 元 for 资金到位率. */
  unit: 'projects' | 'yuan'
  /** numerator / denominator (a ratio, 0.5 = 50%); null when the denominator is 0. */
  rate: number | null
}

export interface RatesResult {
  period: Period
  rates: Rate[]
  /** 当年策划、当年开工、当年投产: the year of the period's end. */
  sameYear: {
    year: number
    plannedAndStarted: Figure
    startedAndOperating: Figure
    all: Figure
    /** The projects of `all`, at most 200. */
    rows: DrillRow[]
  }
}

// ---- Activity --------------------------------------------------------------------------------

export const ACTIVITY_ITEMS = ['visitOut', 'visitIn', 'events', 'signings', 'starts'] as const
export type ActivityItem = (typeof ACTIVITY_ITEMS)[number]

export const ACTIVITY_LABELS: Record<ActivityItem, string> = {
  visitOut: '外出拜访',
  visitIn: '企业来访',
  events: '招商活动',
  signings: '签约',
  starts: '开工',
}

const weight = z.number({ error: '权重应为数字' }).min(0, '权重不能为负数').max(1000, '权重过大')

export const ActivityQuery = z
  .object({
    ...periodFields,
    ...scopeFields,
    by: z.enum(['person', 'district', 'park'], { error: '分组方式不正确' }).default('person'),
    /** Default: setting 'activity_weights', else 1/1/2/5/5. */
    weights: z.partialRecord(z.enum(ACTIVITY_ITEMS), weight).optional(),
  })
  .superRefine(checkPeriod)
export type ActivityQuery = z.output<typeof ActivityQuery>

export interface ActivityRow {
  key: string | null
  label: string
  counts: Record<ActivityItem, number>
  index: number
  /** 1 for the highest index; equal indexes share a rank. */
  rank: number
  signingsDrill: ReportDrill
  startsDrill: ReportDrill
}

export interface ActivityResult {
  period: Period
  by: 'person' | 'district' | 'park'
  weights: Record<ActivityItem, number>
  rows: ActivityRow[]
}
