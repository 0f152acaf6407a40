// The rules of the report inputs (report.ts), each named in a test's title: what a manager may ask
// for (periods, scopes, drills, thresholds, weights) and what is refused with which field to fix
// (issue 17: mutation testing of the report definitions).
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import {
  ACTIVITY_ITEMS,
  ACTIVITY_LABELS,
  ActivityQuery,
  BREAKDOWN_BY,
  BreakdownQuery,
  DRILL_MEASURES,
  EXCEPTION_KINDS,
  ExceptionsQuery,
  FLOW_MILESTONES,
  MILESTONES,
  MILESTONE_LABELS,
  ReportDrill,
  ReportFilter,
  TargetsQuery,
} from './report'
import { LIBRARIES, STAGES } from './stages'

const ok = (schema: z.ZodType, input: unknown) => schema.safeParse(input).success
/** The fields the refusal points at (the form field to correct), with their messages. */
const refusals = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input)
  expect(parsed.success, JSON.stringify(input)).toBe(false)
  return parsed.error!.issues.map((issue) => [issue.path.join('.'), issue.message])
}

describe('report periods', () => {
  it('a year is a whole number from 1990 to 2100, both included', () => {
    for (const year of [1990, 2024, 2100]) expect(ok(ReportFilter, { year }), String(year)).toBe(true)
    for (const year of [1989, 2101, 2024.5]) expect(ok(ReportFilter, { year }), String(year)).toBe(false)
  })

  it('a quarter is 1 to 4 and a month 1 to 12, whole numbers', () => {
    for (const quarter of [1, 4]) expect(ok(ReportFilter, { year: 2024, quarter })).toBe(true)
    for (const quarter of [0, 5, 1.5]) expect(ok(ReportFilter, { year: 2024, quarter })).toBe(false)
    for (const month of [1, 12]) expect(ok(ReportFilter, { year: 2024, month })).toBe(true)
    for (const month of [0, 13, 2.5]) expect(ok(ReportFilter, { year: 2024, month })).toBe(false)
  })

  it('nothing given is a valid filter (all time or the current year, by report)', () => {
    expect(ok(ReportFilter, {})).toBe(true)
  })

  it('a quarter or a month needs its year, and the refusal points at the year', () => {
    expect(refusals(ReportFilter, { quarter: 2 })).toEqual([['year', '按季度或月份统计时请填写年份']])
    expect(refusals(ReportFilter, { month: 2 })).toEqual([['year', '按季度或月份统计时请填写年份']])
  })

  it('a quarter and a month together are refused at the month', () => {
    expect(refusals(ReportFilter, { year: 2024, quarter: 1, month: 2 })).toEqual([['month', '季度和月份只能选一个']])
  })

  it('a date range needs both ends: the refusal points at the missing one', () => {
    expect(refusals(ReportFilter, { from: '2024-01-01' })).toEqual([['to', '请同时填写开始日期和结束日期']])
    expect(refusals(ReportFilter, { to: '2024-01-01' })).toEqual([['from', '请同时填写开始日期和结束日期']])
  })

  it('a date range goes with no year, quarter or month; it may be one day but may not end before it starts', () => {
    const range = { from: '2024-01-01', to: '2024-02-01' }
    expect(ok(ReportFilter, range)).toBe(true)
    expect(ok(ReportFilter, { from: '2024-02-01', to: '2024-02-01' })).toBe(true)
    for (const named of [{ year: 2024 }, { quarter: 1 }, { month: 1 }]) {
      expect(refusals(ReportFilter, { ...range, ...named })).toContainEqual(['from', '按年/季/月统计时不能同时指定起止日期'])
    }
    expect(refusals(ReportFilter, { from: '2024-02-02', to: '2024-02-01' })).toEqual([['from', '开始日期不能晚于结束日期']])
  })

  it('breakdowns and the activity index check their periods by the same rules', () => {
    for (const schema of [BreakdownQuery, ActivityQuery]) {
      const by = schema === BreakdownQuery ? 'district' : 'person'
      expect(ok(schema, { by, year: 2024, quarter: 1 })).toBe(true)
      expect(refusals(schema, { by, year: 2024, quarter: 1, month: 2 })).toEqual([['month', '季度和月份只能选一个']])
      expect(refusals(schema, { by, from: '2024-01-01' })).toEqual([['to', '请同时填写开始日期和结束日期']])
    }
  })
})

describe('what a report can be grouped by, listed and weighted by', () => {
  it('every grouping of a breakdown is accepted; another word is refused', () => {
    expect(BREAKDOWN_BY).toEqual(['district', 'park', 'industry', 'origin', 'city', 'ownership', 'person', 'stage'])
    for (const by of BREAKDOWN_BY) expect(ok(BreakdownQuery, { by }), by).toBe(true)
    expect(ok(BreakdownQuery, { by: 'weather' })).toBe(false)
  })

  it('every exception list can be asked for, with a threshold of 0 to 100000 whole days', () => {
    expect(EXCEPTION_KINDS).toHaveLength(7)
    for (const kind of EXCEPTION_KINDS) expect(ok(ExceptionsQuery, { kind }), kind).toBe(true)
    for (const threshold of [0, 100_000]) expect(ok(ExceptionsQuery, { kind: 'no-followup', threshold })).toBe(true)
    for (const threshold of [-1, 100_001, 1.5]) expect(ok(ExceptionsQuery, { kind: 'no-followup', threshold })).toBe(false)
  })

  it('activity weights are 0 to 1000 per item, grouped by person unless asked otherwise', () => {
    const all = Object.fromEntries(ACTIVITY_ITEMS.map((item) => [item, 1000]))
    expect(ACTIVITY_ITEMS).toHaveLength(5)
    expect(ActivityQuery.parse({ weights: all })).toMatchObject({ by: 'person', weights: all })
    expect(ok(ActivityQuery, { weights: { visitOut: 0 } })).toBe(true)
    expect(ok(ActivityQuery, { weights: { visitOut: -1 } })).toBe(false)
    expect(ok(ActivityQuery, { weights: { visitOut: 1001 } })).toBe(false)
  })

  it('targets are asked for a year of 1990 to 2100', () => {
    expect(ok(TargetsQuery, { year: 2024 })).toBe(true)
    expect(ok(TargetsQuery, { year: 1989 })).toBe(false)
    expect(ok(TargetsQuery, {})).toBe(false)
  })

  it('every milestone and activity item has its Chinese label; the monthly flow reads five milestones in path order', () => {
    expect(MILESTONES.map((m) => MILESTONE_LABELS[m])).toEqual(['入库', '签约', '注册落地', '开工', '竣工', '投产', '后评价'])
    expect(ACTIVITY_ITEMS.map((item) => ACTIVITY_LABELS[item])).toEqual(['外出拜访', '企业来访', '招商活动', '签约', '开工'])
    expect(FLOW_MILESTONES).toEqual(['reserve', 'signed', 'registered', 'started', 'operating'])
  })
})

describe('drills', () => {
  it('a drill sums 总投资 unless it names another measure', () => {
    expect(ReportDrill.parse({}).measure).toBe('investment')
    for (const measure of DRILL_MEASURES) expect(ReportDrill.parse({ measure }).measure).toBe(measure)
    expect(DRILL_MEASURES).toEqual(['investment', 'signed_amount', 'funds'])
  })

  it('a drill takes every stage, library and milestone; at most 12 stages, 7 milestones reached and 500 ids', () => {
    expect(ok(ReportDrill, { stages: [...STAGES] })).toBe(true)
    expect(ok(ReportDrill, { stages: [...STAGES, 'lead'] })).toBe(false)
    for (const library of Object.keys(LIBRARIES)) expect(ok(ReportDrill, { library }), library).toBe(true)
    expect(ok(ReportDrill, { library: 'archive' })).toBe(false)
    expect(ok(ReportDrill, { reached: [...MILESTONES] })).toBe(true)
    expect(ok(ReportDrill, { reached: [...MILESTONES, 'signed'] })).toBe(false)
    expect(ok(ReportDrill, { dates: Object.fromEntries(MILESTONES.map((m) => [m, { from: '2024-01-01' }])) })).toBe(true)
    expect(ok(ReportDrill, { ids: Array.from({ length: 500 }, (_, i) => `p${i}`) })).toBe(true)
    expect(ok(ReportDrill, { ids: Array.from({ length: 501 }, (_, i) => `p${i}`) })).toBe(false)
  })

  it('an exception drill carries its list, date and a threshold of 0 to 100000', () => {
    const exception = (threshold: number) => ({ exception: { kind: 'started-idle', asOf: '2024-06-30', threshold } })
    expect(ok(ReportDrill, exception(0))).toBe(true)
    expect(ok(ReportDrill, exception(100_000))).toBe(true)
    expect(ok(ReportDrill, exception(-1))).toBe(false)
    expect(ok(ReportDrill, exception(100_001))).toBe(false)
  })
})
