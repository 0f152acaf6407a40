// The rules of the 漏斗 (funnel.ts) that managers read, each on a ledger small enough to count by
// hand and named in the test's title: the mutation run of issue 17 showed which no test held.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../../tests/support/backend'
import { FIXTURE_AT, fixtureRows } from './report-fixtures'

const YI = 100_000_000

let api: TestBackend
const { put, project } = fixtureRows(() => api)
let seq = 0
const move = (projectId: string, fromStage: string, toStage: string, happenedOn: string) =>
  put('stageEvent', `E${++seq}`, { projectId, fromStage: fromStage as never, toStage: toStage as never, happenedOn })

beforeEach(async () => {
  seq = 0
  api = await testBackend({ now: '2024-12-31T12:00:00+08:00' })
})
afterEach(() => api.close())

describe('where projects stand now', () => {
  beforeEach(async () => {
    await put('district', 'D1', { name: '槐荫区' })
    await put('district', 'D2', { name: '长清区' })
    await project('A', { districtId: 'D1', reserveOn: '2024-01-05', stage: 'lead', stageOn: '2024-01-05', totalInvestmentYuan: 1 * YI })
    await project('B', { districtId: 'D1', reserveOn: '2024-02-05', stage: 'lead', stageOn: '2024-02-05' })
    await project('C', { districtId: 'D2', reserveOn: '2023-06-01', stage: 'signed', stageOn: '2024-03-01', signedOn: '2024-03-01', totalInvestmentYuan: 2 * YI })
    await project('D', { districtId: 'D1', reserveOn: '2024-03-01', stage: 'started', stageOn: '2024-06-01', signedOn: '2024-04-01', startedOn: '2024-06-01', totalInvestmentYuan: 4 * YI })
    await project('X', { districtId: 'D1', reserveOn: '2024-01-05', stage: 'negotiating', stageOn: '2024-01-05', totalInvestmentYuan: 8 * YI, deletedAt: FIXTURE_AT })
  })

  it('counts each live project once at its current stage with its 总投资 (none counts 0); a deleted one not at all', async () => {
    const funnel = await api.call('report-funnel', {})
    const at = (stage: string) => funnel.stages.find((s) => s.stage === stage)!
    expect(at('lead')).toMatchObject({ label: '线索', count: 2, sumYuan: 1 * YI, drill: { stages: ['lead'] } })
    expect(at('signed')).toMatchObject({ count: 1, sumYuan: 2 * YI })
    expect(at('started')).toMatchObject({ count: 1, sumYuan: 4 * YI })
    expect(at('negotiating')).toMatchObject({ count: 0, sumYuan: 0, medianDays: null, stays: 0 })
    expect(funnel.stages.map((s) => s.stage)).toEqual(['lead', 'contacted', 'negotiating', 'signed', 'registered', 'started', 'completed', 'operating', 'evaluated', 'on_hold', 'lost', 'terminated'])
    expect(funnel.total).toMatchObject({ count: 4, sumYuan: 7 * YI, sumWan: '70000' })
    expect(funnel.period).toBeNull()
  })

  it('a library is the sum of its stages (储备库 = 线索+接洽+洽谈, 落地实施库 = 签约+注册 …)', async () => {
    const funnel = await api.call('report-funnel', {})
    const library = (name: string) => funnel.libraries.find((l) => l.library === name)!
    expect(library('reserve')).toMatchObject({ label: '谋划储备库', count: 2, sumYuan: 1 * YI, drill: { library: 'reserve' } })
    expect(library('implementing')).toMatchObject({ count: 1, sumYuan: 2 * YI })
    expect(library('construction')).toMatchObject({ count: 1, sumYuan: 4 * YI })
    expect(library('evaluation')).toMatchObject({ count: 0, sumYuan: 0 })
  })

  it('a period keeps the projects that entered the reserve in it; the scope keeps its district', async () => {
    const year = await api.call('report-funnel', { year: 2024 })
    expect(year.period).toMatchObject({ from: '2024-01-01', to: '2024-12-31' })
    expect(year.total).toMatchObject({ count: 3, sumYuan: 5 * YI, drill: { dates: { reserve: { from: '2024-01-01', to: '2024-12-31' } } } })
    const d1 = await api.call('report-funnel', { districtId: 'D1' })
    expect(d1.total).toMatchObject({ count: 3, sumYuan: 5 * YI, drill: { districtId: 'D1' } })
    const both = await api.call('report-funnel', { year: 2024, districtId: 'D2' })
    expect(both.total.count).toBe(0)
  })

  it('reached k counts every project whose reach is k or further, so each step holds the next', async () => {
    const funnel = await api.call('report-funnel', {})
    const reached = [funnel.conversions[0]!.reachedFrom, ...funnel.conversions.map((c) => c.reachedTo)]
    // A, B at 线索; C reached 签约; D reached 开工 (its milestones say so).
    expect(reached.map((f) => f.count)).toEqual([4, 2, 2, 2, 1, 1, 0, 0, 0])
    expect(reached[3]).toMatchObject({ count: 2, sumYuan: 6 * YI, drill: { reachedStage: 'signed' } })
    expect(reached[0]).toMatchObject({ count: 4, sumYuan: 7 * YI })
  })

  it('a conversion rate is reached-next over reached-this to six decimals; none when nobody reached this', async () => {
    await project('E', { reserveOn: '2024-01-05', stage: 'signed', stageOn: '2024-03-01', signedOn: '2024-03-01' })
    const funnel = await api.call('report-funnel', {})
    const rate = (from: string) => funnel.conversions.find((c) => c.from === from)!
    expect(funnel.conversions.map((c) => `${c.from}>${c.to}`)[0]).toBe('lead>contacted')
    expect(rate('lead')).toMatchObject({ to: 'contacted', rate: 0.6 })
    expect(rate('signed')).toMatchObject({ to: 'registered', rate: 0.333333 })
    expect(rate('negotiating').rate).toBe(1)
    expect(rate('completed').rate).toBeNull()
    expect(funnel.conversions).toHaveLength(8)
  })
})

describe('median days per stage', () => {
  // every project starts at 线索 on its reserve date; a stay ends at the next move
  const stays = async (id: string, lead: string, contacted?: string) => {
    await project(id, { reserveOn: '2024-01-01', stage: contacted ? 'negotiating' : 'contacted', stageOn: contacted ?? lead })
    await move(id, 'lead', 'contacted', lead)
    if (contacted) await move(id, 'contacted', 'negotiating', contacted)
  }

  it('an odd number of stays: the middle one, stays of the same length counted each (1, 1, 10 → 1)', async () => {
    await stays('M1', '2024-01-02')
    await stays('M2', '2024-01-11')
    await stays('M3', '2024-01-02')
    const funnel = await api.call('report-funnel', {})
    expect(funnel.stages.find((s) => s.stage === 'lead')).toMatchObject({ medianDays: 1, stays: 3 })
  })

  it('an even number of stays: the mean of the two middle ones (1, 1, 3, 10 → 2; 2, 4, 6, 6 → 5)', async () => {
    await stays('M1', '2024-01-02', '2024-01-04')
    await stays('M2', '2024-01-02', '2024-01-08')
    await stays('M3', '2024-01-11', '2024-01-15')
    await stays('M4', '2024-01-04', '2024-01-10')
    const funnel = await api.call('report-funnel', {})
    expect(funnel.stages.find((s) => s.stage === 'lead')).toMatchObject({ medianDays: 2, stays: 4 })
    expect(funnel.stages.find((s) => s.stage === 'contacted')).toMatchObject({ medianDays: 5, stays: 4 })
    // the stage they stand in now has no completed stay
    expect(funnel.stages.find((s) => s.stage === 'negotiating')).toMatchObject({ count: 4, medianDays: null, stays: 0 })
  })

  it("only the cohort's stays count: a period leaves out the stays of projects reserved before it", async () => {
    await stays('M1', '2024-01-02')
    await project('OLD', { reserveOn: '2023-01-01', stage: 'contacted', stageOn: '2023-03-01' })
    await move('OLD', 'lead', 'contacted', '2023-03-01')
    const all = await api.call('report-funnel', {})
    expect(all.stages.find((s) => s.stage === 'lead')).toMatchObject({ medianDays: 30, stays: 2 })
    const year = await api.call('report-funnel', { year: 2024 })
    expect(year.stages.find((s) => s.stage === 'lead')).toMatchObject({ medianDays: 1, stays: 1 })
  })
})
