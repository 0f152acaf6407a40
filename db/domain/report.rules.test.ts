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
  DrillQuery,
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

describe('what the schemas keep and how they refuse', () => {
  it('a filter keeps every scope key it is given (an unknown key would be dropped and the report count everything)', () => {
    const scope = { districtId: 'D1', parkId: 'P1', industryId: 'I1', ownerId: 'U1', priority: 'provincial', origin: 'local' }
    expect(ReportFilter.parse({ year: 2024, ...scope })).toEqual({ year: 2024, ...scope })
    expect(BreakdownQuery.parse({ by: 'park', ...scope })).toEqual({ by: 'park', ...scope })
  })

  it('a drill keeps its date ranges and its page; dates in them must be real days', () => {
    const dates = { signed: { from: '2024-01-01', to: '2024-03-31' }, started: { to: '2024-06-30' } }
    expect(ReportDrill.parse({ dates, funds: { from: '2024-02-01' } })).toMatchObject({ dates, funds: { from: '2024-02-01' } })
    expect(ok(ReportDrill, { dates: { signed: { from: '2024-02-30' } } })).toBe(false)
    expect(DrillQuery.parse({ drill: { ids: ['A'] }, page: 2 })).toEqual({ drill: { ids: ['A'], measure: 'investment' }, page: 2, pageSize: 50 })
  })

  it("a drill's investor city is up to 50 characters", () => {
    expect(ok(ReportDrill, { originCity: '济南' })).toBe(true)
    expect(ok(ReportDrill, { originCity: '济'.repeat(50) })).toBe(true)
    expect(ok(ReportDrill, { originCity: '济'.repeat(51) })).toBe(false)
  })

  it('targets are asked for a district, a park or a person', () => {
    for (const unitType of ['district', 'park', 'user']) expect(ok(TargetsQuery, { year: 2024, unitType }), unitType).toBe(true)
    expect(ok(TargetsQuery, { year: 2024, unitType: 'city' })).toBe(false)
  })

  it('a wrong number or an unknown word is refused with the field\'s own plain message (年份应为数字), not the schema library\'s generic one', () => {
    const messages = (schema: z.ZodType, input: unknown) => refusals(schema, input).map(([, message]) => message)
    expect(messages(ReportFilter, { year: '2024', quarter: 'Q1', month: '三月', priority: 'x', origin: 'x' })).toEqual([
      '年份应为数字',
      '季度应为数字',
      '月份应为数字',
      '重点级别不正确',
      '客商来源不正确',
    ])
    expect(
      messages(ReportDrill, {
        priority: 'x',
        origin: 'x',
        ownership: 'x',
        stages: ['x'],
        library: 'x',
        reached: ['x'],
        reachedStage: 'on_hold',
        exception: { kind: 'overdue-requests', asOf: '2024-01-01', threshold: 1 },
      }),
    ).toEqual(['重点级别不正确', '客商来源不正确', '企业性质不正确', '项目阶段不正确', '项目库不正确', '节点不正确', '项目阶段不正确', '清单类型不正确'])
    expect(messages(BreakdownQuery, { by: 'x' })).toEqual(['分组方式不正确'])
    expect(messages(ActivityQuery, { by: 'x', weights: { visitOut: 'x' } })).toEqual(['分组方式不正确', '权重应为数字'])
    expect(messages(TargetsQuery, { year: 2024, unitType: 'x' })).toEqual(['请选择考核对象类型'])
    expect(messages(ExceptionsQuery, { kind: 'x', threshold: 'x' })).toEqual(['清单类型不正确', '阈值应为数字'])
  })
})
