import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Figure } from '../../db/domain/report'
import { fillLedger } from '../../db/services/reports/fixtures'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { bundled } from '../../tests/support/bundle'

// The ledger of db/services/reports/fixtures.ts; every expected number below is worked out by hand
// from the comments there. P6 is deleted and must never show up.
describe('the managers’ numbers', () => {
  let api: TestBackend
  beforeAll(async () => {
    api = await testBackend({ now: '2024-12-31T10:00:00+08:00' })
    await fillLedger(api.env.ctx)
  })
  afterAll(() => api.close())

  /** report-drill must give back the figure's own count and exact sum. */
  async function expectDrill(figure: Pick<Figure, 'count' | 'sumYuan' | 'drill'>): Promise<string[]> {
    const drilled = await api.call('report-drill', { drill: figure.drill, pageSize: 500 })
    expect({ count: drilled.count, sumYuan: drilled.sumYuan }).toEqual({ count: figure.count, sumYuan: figure.sumYuan })
    expect(drilled.rows.reduce((sum, row) => sum + row.measureYuan, 0)).toBe(figure.sumYuan)
    return drilled.rows.map((row) => row.id).sort()
  }

  it('funnel: current stages, libraries, conversions and median stays', async () => {
    const funnel = await api.call('report-funnel', {})
    const stage = Object.fromEntries(funnel.stages.map((s) => [s.stage, s]))
    expect(funnel.total).toMatchObject({ count: 8, sumYuan: 1_983_456_789, sumWan: '198345.6789' })
    expect([stage.lead!.count, stage.negotiating!.count, stage.signed!.count, stage.started!.count, stage.operating!.count]).toEqual([1, 1, 1, 1, 2])
    // The terminated and lost projects have their own rows, not the main stages they reached.
    expect(stage.terminated).toMatchObject({ count: 1, sumYuan: 200_000_000 })
    expect(stage.lost).toMatchObject({ count: 1, sumYuan: 30_000_000 })
    expect(stage.started!.sumWan).toBe('12345.6789')
    expect(funnel.libraries.map((l) => [l.library, l.count, l.sumYuan])).toEqual([
      ['reserve', 2, 50_000_000],
      ['implementing', 1, 1_000_000_000],
      ['construction', 1, 123_456_789],
      ['evaluation', 2, 580_000_000],
    ])
    // Reach: P5 went back to negotiating (its signing does not count), P4 reached signed before 解约.
    expect(funnel.conversions.map((c) => [c.reachedFrom.count, c.reachedTo.count])).toEqual([
      [8, 7], [7, 7], [7, 5], [5, 3], [3, 3], [3, 2], [2, 2], [2, 0],
    ])
    expect(funnel.conversions[3]!.rate).toBe(0.6)
    expect(funnel.conversions[7]!.rate).toBe(0)
    expect(Object.fromEntries(funnel.stages.map((s) => [s.stage, s.medianDays]))).toMatchObject({
      lead: 10, contacted: 25, negotiating: 31, signed: 30, registered: 31, started: 216, completed: 259, operating: null,
    })
    expect(await expectDrill(stage.terminated!)).toEqual(['P4'])
    expect(await expectDrill(funnel.conversions[3]!.reachedFrom)).toEqual(['P1', 'P2', 'P3', 'P4', 'P9'])
    expect(await expectDrill(funnel.libraries[3]!)).toEqual(['P3', 'P9'])
  })

  it('funnel of a cohort: projects that entered the reserve in the period', async () => {
    const funnel = await api.call('report-funnel', { year: 2023 })
    expect(funnel.total).toMatchObject({ count: 2, sumYuan: 500_000_000 })
    expect(funnel.stages.find((s) => s.stage === 'lead')!.count).toBe(1)
  })

  it('period flow with 同比, at year, quarter and month boundaries', async () => {
    const flow = await api.call('report-flow', { year: 2024 })
    const row = Object.fromEntries(flow.rows.map((r) => [r.milestone, r]))
    expect(flow.lastYear).toMatchObject({ from: '2023-01-01', to: '2023-12-31' })
    // 01-01 (P1) and 12-31 (P2) are inside; P7 (2023-12-31) is last year's.
    expect(row.reserve).toMatchObject({ current: { count: 6, sumYuan: 1_483_456_789 }, lastYear: { count: 2, sumYuan: 500_000_000 }, countChange: 4, countChangePct: 200 })
    // P1's agreement (03-15) dates its signing; P5 went back, P6 is deleted; P3 signed 2023-05-20.
    expect(row.signed).toMatchObject({ current: { count: 4, sumYuan: 1_403_456_789, sumWan: '140345.6789' }, lastYear: { count: 1 }, countChangePct: 300 })
    expect(row.registered).toMatchObject({ current: { count: 1 }, lastYear: { count: 1 }, countChange: 0, countChangePct: 0, sumChangeYuan: -376_543_211, sumChangePct: -75.31 })
    expect(row.started).toMatchObject({ current: { count: 2, sumYuan: 203_456_789 }, countChangePct: 100 })
    expect(row.operating).toMatchObject({ current: { count: 2, sumYuan: 580_000_000 }, lastYear: { count: 0, sumYuan: 0 }, countChangePct: null, sumChangePct: null })
    expect(await expectDrill(row.signed!.current)).toEqual(['P1', 'P2', 'P4', 'P9'])
    expect(await expectDrill(row.reserve!.lastYear)).toEqual(['P3', 'P7'])

    const q1 = await api.call('report-flow', { year: 2024, quarter: 1 })
    expect(q1.rows.map((r) => r.current.count)).toEqual([4, 4, 0, 1, 0])
    expect(q1.rows.map((r) => r.countChangePct)).toEqual([null, null, null, null, null])
    const q2 = await api.call('report-flow', { year: 2024, quarter: 2 })
    // The signing is the agreement's 03-15, not signed_on 03-31: Q2 has none; 06-30 is a start.
    expect(q2.rows.map((r) => r.current.count)).toEqual([0, 0, 1, 1, 0])
    const late = await api.call('report-flow', { from: '2024-03-16', to: '2024-03-31' })
    expect(late.rows.find((r) => r.milestone === 'signed')!.current.count).toBe(0)
    const march = await api.call('report-flow', { year: 2024, month: 3 })
    expect(march.rows.find((r) => r.milestone === 'signed')!.current).toMatchObject({ count: 2, sumYuan: 1_200_000_000 })
  })

  it('empty periods give zeros and null percentages', async () => {
    const flow = await api.call('report-flow', { year: 2030 })
    expect(flow.rows.every((r) => r.current.count === 0 && r.current.sumWan === '0' && r.countChangePct === null)).toBe(true)
    const rates = await api.call('report-rates', { year: 2030 })
    expect(rates.rates.map((r) => r.rate)).toEqual([null, null, null, null, null])
    const breakdown = await api.call('report-breakdown', { year: 2030, by: 'district' })
    expect(breakdown).toMatchObject({ rows: [], total: { projects: 0, investmentYuan: 0, investmentWan: '0' } })
    const funnel = await api.call('report-funnel', { year: 2030 })
    expect(funnel.conversions.every((c) => c.rate === null)).toBe(true)
    expect((await api.call('report-activity', { year: 2030 })).rows).toEqual([])
  })

  it('breakdowns by district, industry, origin, person and stage', async () => {
    const byDistrict = await api.call('report-breakdown', { year: 2024, by: 'district' })
    expect(byDistrict.rows.map((r) => [r.label, r.projects, r.investmentYuan, r.investmentWan])).toEqual([
      ['槐荫区', 3, 1_173_456_789, '117345.6789'],
      ['长清区', 3, 310_000_000, '31000'],
    ])
    expect(byDistrict.rows[1]!.byStage).toMatchObject({ operating: 1, lost: 1, terminated: 1, signed: 0 })
    expect(byDistrict.total).toMatchObject({ projects: 6, investmentYuan: 1_483_456_789 })
    expect(await expectDrill({ count: byDistrict.rows[0]!.projects, sumYuan: byDistrict.rows[0]!.investmentYuan, drill: byDistrict.rows[0]!.drill })).toEqual(['P1', 'P2', 'P5'])

    const byIndustry = await api.call('report-breakdown', { year: 2024, by: 'industry' })
    expect(byIndustry.rows.map((r) => [r.label, r.projects])).toEqual([['生物医药', 2], ['高端装备', 2], ['未填写', 2]])
    const none = byIndustry.rows[2]!
    expect(await expectDrill({ count: none.projects, sumYuan: none.investmentYuan, drill: none.drill })).toEqual(['P4', 'P5'])

    const byOrigin = await api.call('report-breakdown', { by: 'origin' })
    expect(byOrigin.rows.map((r) => [r.label, r.projects])).toEqual([['省外', 1], ['境外', 1], ['本市', 1], ['未填写', 5]])
    const byCity = await api.call('report-breakdown', { by: 'city', origin: 'overseas' })
    expect(byCity.rows.map((r) => [r.label, r.projects])).toEqual([['新加坡', 1]])
    const byPerson = await api.call('report-breakdown', { year: 2024, by: 'person' })
    expect(byPerson.rows.map((r) => [r.label, r.projects])).toEqual([['张三', 3], ['李四', 3]])
    const byStage = await api.call('report-breakdown', { year: 2024, by: 'stage', districtId: 'D1' })
    expect(byStage.rows).toHaveLength(12)
    expect(byStage.rows.filter((r) => r.projects > 0).map((r) => r.label)).toEqual(['在谈', '签约', '开工'])
    const byIndustryScope = await api.call('report-breakdown', { by: 'park', industryId: 'I1' })
    expect(byIndustryScope.total.projects).toBe(2)
  })

  it('rates over the projects signed in the period, with their definitions', async () => {
    const { rates, sameYear } = await api.call('report-rates', { year: 2024 })
    const rate = Object.fromEntries(rates.map((r) => [r.key, r]))
    expect(rates.map((r) => [r.label, r.numerator.count, r.denominator.count, r.rate])).toEqual([
      ['履约率', 2, 4, 0.5],
      ['落地率', 2, 4, 0.5],
      ['开工率', 2, 4, 0.5],
      ['投产率', 1, 2, 0.5],
      ['资金到位率', 4, 4, 0.174497],
    ])
    expect(rate.funds).toMatchObject({ numerator: { sumYuan: 210_000_000 }, denominator: { sumYuan: 1_203_456_789 }, unit: 'yuan' })
    expect(rates.every((r) => r.definition.length > 10)).toBe(true)
    await expectDrill(rate.funds!.numerator)
    await expectDrill(rate.funds!.denominator)
    expect(await expectDrill(rate.operation!.numerator)).toEqual(['P9'])
    expect(sameYear).toMatchObject({ year: 2024, plannedAndStarted: { count: 2 }, startedAndOperating: { count: 1 }, all: { count: 1, sumYuan: 80_000_000 } })
    expect(sameYear.rows.map((r) => r.id)).toEqual(['P9'])
  })

  it('targets: actual to date, completion and pace', async () => {
    const mid = await api.call('report-targets', { year: 2024, asOf: '2024-06-30' })
    const row = Object.fromEntries(mid.rows.map((r) => [r.id, r]))
    expect(mid.elapsedShare).toBe(0.497268)
    // P2 entered the reserve on 12-31, after the as-of date.
    expect(row.T1).toMatchObject({ unitName: '槐荫区', actual: 2, completionPct: 20, expected: 4.97, onPace: false })
    expect(row.T2).toMatchObject({ actual: 2, completionPct: 100, onPace: true })
    expect(row.T3).toMatchObject({ actual: 923_456_789, completionPct: 92.35, onPace: true })
    expect(row.T4).toMatchObject({ actual: 200_000_000, completionPct: 40, onPace: false })
    // Funds on 2024-01-01 count, 2023-12-31 do not.
    expect(row.T5).toMatchObject({ actual: 100_000_000 })
    expect(row.T6).toMatchObject({ actual: 1, completionPct: 33.33 })
    expect(row.T8).toMatchObject({ target: 0, completionPct: null })
    await expectDrill({ count: 1, sumYuan: row.T4!.actual, drill: row.T4!.drill })
    await expectDrill({ count: 2, sumYuan: row.T3!.actual, drill: row.T3!.drill })

    const end = await api.call('report-targets', { year: 2024 })
    expect(end.asOf).toBe('2024-12-31')
    expect(end.elapsedShare).toBe(1)
    const t7 = end.rows.find((r) => r.id === 'T7')!
    expect(t7).toMatchObject({ actual: 2, completionPct: 100, onPace: true })
    const before = await api.call('report-targets', { year: 2024, asOf: '2023-12-01' })
    expect(before.rows.every((r) => r.actual === 0 && (r.target === 0 || r.onPace === false || r.expected === 0))).toBe(true)
  })

  it('exception lists with thresholds at their boundary', async () => {
    const signed = await api.call('report-exceptions', { kind: 'signed-not-started' })
    expect(signed).toMatchObject({ total: 1, threshold: 3, thresholdUnit: 'months', rows: [{ projectId: 'P1', ownerName: '张三', sinceOn: '2024-03-15', days: 291 }] })
    expect(await expectDrill({ count: signed.total, sumYuan: 1_000_000_000, drill: signed.drill! })).toEqual(['P1'])
    expect((await api.call('report-exceptions', { kind: 'signed-not-started', asOf: '2024-06-15' })).total).toBe(1)
    expect((await api.call('report-exceptions', { kind: 'signed-not-started', asOf: '2024-06-14' })).total).toBe(0)

    expect((await api.call('report-exceptions', { kind: 'approved-not-started' })).rows.map((r) => r.projectId)).toEqual(['P1'])
    expect((await api.call('report-exceptions', { kind: 'not-completed' })).total).toBe(0)
    expect((await api.call('report-exceptions', { kind: 'not-completed', asOf: '2025-06-30' })).rows.map((r) => r.projectId)).toEqual(['P2'])
    expect((await api.call('report-exceptions', { kind: 'not-completed', asOf: '2025-06-29' })).total).toBe(0)
    // P2's last sign of life is the follow-up of 2024-08-01.
    expect((await api.call('report-exceptions', { kind: 'started-idle', asOf: '2025-01-28' })).rows).toMatchObject([{ projectId: 'P2', sinceOn: '2024-08-01', days: 180 }])
    expect((await api.call('report-exceptions', { kind: 'started-idle', asOf: '2025-01-27' })).total).toBe(0)

    const stale = await api.call('report-exceptions', { kind: 'no-followup' })
    expect(stale.rows.map((r) => r.projectId)).toEqual(['P7', 'P1'])
    const overdue = await api.call('report-exceptions', { kind: 'overdue-next-steps' })
    expect(overdue.rows.map((r) => r.recordId)).toEqual(['N4', 'N1'])
    expect(overdue.byPerson.map((p) => [p.ownerName, p.count])).toEqual([['张三', 1], ['李四', 1]])
    expect((await api.call('report-exceptions', { kind: 'overdue-next-steps', districtId: 'D1' })).rows.map((r) => r.recordId)).toEqual(['N1'])
    expect((await api.call('report-exceptions', { kind: 'overdue-requests' })).rows).toMatchObject([{ recordId: 'R1', ownerName: '张三', days: 1 }])

    const paged = await api.call('report-exceptions', { kind: 'no-followup', page: 2, pageSize: 1 })
    expect(paged).toMatchObject({ total: 2, rows: [{ projectId: 'P1' }] })
  })

  it('reads thresholds and activity weights from settings', async () => {
    const { db } = api.env.ctx
    await db.insertInto('setting').values([
      { key: 'report_thresholds', value: JSON.stringify({ signedNotStartedMonths: 12 }), updatedAt: '2024-01-01' },
      { key: 'activity_weights', value: JSON.stringify({ signings: 10 }), updatedAt: '2024-01-01' },
    ]).execute()
    try {
      expect(await api.call('report-exceptions', { kind: 'signed-not-started' })).toMatchObject({ threshold: 12, total: 0 })
      const activity = await api.call('report-activity', { year: 2024 })
      expect(activity.rows.map((r) => [r.label, r.index])).toEqual([['张三', 29], ['李四', 26]])
    } finally {
      await db.deleteFrom('setting').where('key', 'in', ['report_thresholds', 'activity_weights']).execute()
    }
  })

  it('activity index per person and per district, ranked', async () => {
    const activity = await api.call('report-activity', { year: 2024 })
    expect(activity.weights).toEqual({ visitOut: 1, visitIn: 1, events: 2, signings: 5, starts: 5 })
    expect(activity.rows.map((r) => [r.label, r.counts, r.index, r.rank])).toEqual([
      ['张三', { visitOut: 1, visitIn: 1, events: 1, signings: 2, starts: 1 }, 19, 1],
      ['李四', { visitOut: 1, visitIn: 0, events: 0, signings: 2, starts: 1 }, 16, 2],
    ])
    const u2 = activity.rows[1]!
    expect(await expectDrill({ count: 2, sumYuan: 280_000_000, drill: u2.signingsDrill })).toEqual(['P4', 'P9'])
    const tied = await api.call('report-activity', { year: 2024, weights: { visitIn: 0, events: 0 } })
    expect(tied.rows.map((r) => r.rank)).toEqual([1, 1])
    const byDistrict = await api.call('report-activity', { year: 2024, by: 'district' })
    expect(byDistrict.rows.map((r) => [r.label, r.counts.signings, r.counts.events])).toEqual([
      ['槐荫区', 2, 1],
      ['长清区', 2, 0],
      ['未填写', 0, 0],
    ])
  })

  it('refuses bad input with Chinese messages', async () => {
    expect((await api.fail('report-flow', { year: 2024, from: '2024-01-01', to: '2024-02-01' })).message).toContain('不能同时指定')
    expect((await api.fail('report-flow', { quarter: 2 })).message).toContain('请填写年份')
    expect((await api.fail('report-flow', { from: '2024-03-01', to: '2024-01-01' })).message).toContain('不能晚于')
    expect((await api.fail('report-breakdown', { by: 'weather' })).message).toContain('分组方式不正确')
    expect((await api.fail('report-exceptions', { kind: 'late' })).code).toBe('validation')
    expect((await api.fail('report-drill', { drill: { stages: ['nope'] } })).message).toContain('项目阶段不正确')
  })
})

// Each command is a real Node process (the CLI bundled from source once, tests/support/bundle.ts).
const CLI_TIMEOUT = 120_000

describe('report on the command line', () => {
  const run = promisify(execFile)
  let dir: string
  let file: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-report-'))
    file = join(dir, 'crm.sqlite')
    const api = await testBackend({ file })
    await fillLedger(api.env.ctx)
    await api.close()
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const cli = async (...args: string[]) => run(process.execPath, [await bundled('cli'), '--db', file, ...args], { cwd: process.cwd() })

  it('prints the yearly summary by district as exact JSON', async () => {
    const { stdout } = await cli('report', '--year', '2024', '--by', 'district', '--json')
    expect(stdout).toContain('"investment_wan": 117345.6789')
    const out = JSON.parse(stdout) as { rows: Array<Record<string, unknown>>; total: Record<string, unknown> }
    expect(out.rows.map((r) => [r.key, r.projects, r.investment_wan])).toEqual([
      ['槐荫区', 3, 117345.6789],
      ['长清区', 3, 31000],
    ])
    expect(out.rows[0]!.by_stage).toMatchObject({ negotiating: 1, signed: 1, started: 1, lead: 0 })
    expect(out.total).toMatchObject({ key: '合计', projects: 6, investment_wan: 148345.6789 })
  }, CLI_TIMEOUT)

  it('prints an aligned table with Chinese headers, and exception lists', async () => {
    const { stdout } = await cli('report', '--year', '2024', '--by', 'stage')
    const lines = stdout.trimEnd().split('\n')
    expect(lines[1]).toMatch(/^阶段\s+项目数\s+总投资\(万元\)/)
    expect(lines.at(-1)).toMatch(/^合计\s+6\s+148345\.6789/)
    const exceptions = await cli('report', 'exceptions', '--kind', 'signed-not-started', '--as-of', '2024-12-31', '--json')
    expect(JSON.parse(exceptions.stdout)).toMatchObject({ total: 1, rows: [{ projectId: 'P1' }] })
  }, CLI_TIMEOUT)

  it('exits non-zero with one line for bad arguments', async () => {
    const bad = [['--year', '20x4', '--by', 'district'], ['--year', '2024', '--by', 'weather']]
    const failures = await Promise.all(bad.map((args) => cli('report', ...args).then(() => null, (error: { code: number; stderr: string }) => error)))
    for (const failed of failures) {
      expect(failed?.code).not.toBe(0)
      expect(failed!.stderr.trim().split('\n')).toHaveLength(1)
      expect(failed!.stderr).toMatch(/^错误：/)
    }
  }, CLI_TIMEOUT)
})
