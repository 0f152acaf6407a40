// The report definitions of docs/reports.md, one rule per test, each on the smallest ledger that
// shows it. Each test is named for the rule it protects (issue 17: these rules let mutants live).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ReportFilter } from '../../domain/report'
import { type TestBackend, testBackend } from '../../../tests/support/backend'
import { FIXTURE_AT, fixtureRows } from './report-fixtures'

let api: TestBackend
const { put, project } = fixtureRows(() => api)
const move = (id: string, projectId: string, fromStage: string | null, toStage: string, happenedOn: string) =>
  put('stageEvent', id, { projectId, fromStage: fromStage as never, toStage: toStage as never, happenedOn })

beforeEach(async () => {
  api = await testBackend({ now: '2024-12-31T12:00:00+08:00' })
})
afterEach(() => api.close())

describe('report periods', () => {
  const valid = (input: unknown) => ReportFilter.safeParse(input).success

  it('accepts a one-day range (from = to)', () => {
    expect(valid({ from: '2024-03-15', to: '2024-03-15' })).toBe(true)
    expect(valid({ from: '2024-03-16', to: '2024-03-15' })).toBe(false)
  })

  it('refuses a quarter and a month together instead of ignoring one', () => {
    expect(valid({ year: 2024, quarter: 1 })).toBe(true)
    expect(valid({ year: 2024, month: 2 })).toBe(true)
    const both = ReportFilter.safeParse({ year: 2024, quarter: 1, month: 2 })
    expect(both.success).toBe(false)
    expect(both.error?.issues.map((issue) => issue.message)).toContain('季度和月份只能选一个')
  })
})

describe('the signing definition', () => {
  // T1 was terminated with no milestone on file (as a ledger import may leave it), but an
  // agreement signed on 2024-05-01: 解约 follows a signing, so it counts as signed on that date.
  beforeEach(async () => {
    await project('T1', { reserveOn: '2024-01-10', stage: 'terminated', stageOn: '2024-09-01', totalInvestmentYuan: 100_000_000 })
    await put('agreement', 'AT1', { projectId: 'T1', type: 'framework', signedOn: '2024-05-01', amountYuan: 90_000_000 })
  })

  it('counts a terminated project as signed (解约 is behind the signing gate)', async () => {
    const flow = await api.call('report-flow', { year: 2024 })
    const signed = flow.rows.find((row) => row.milestone === 'signed')
    expect(signed?.current.count).toBe(1)
    const drill = await api.call('report-drill', { drill: { dates: { signed: { from: '2024-05-01', to: '2024-05-01' } } } })
    expect(drill.rows.map((row) => row.id)).toEqual(['T1'])
  })

  it('computes reach from the signing definition, not from project.signed_on alone', async () => {
    const funnel = await api.call('report-funnel', {})
    const toSigned = funnel.conversions.find((c) => c.from === 'negotiating' && c.to === 'signed')
    expect(toSigned?.reachedTo.count).toBe(1)
  })
})

describe('the funnel', () => {
  it('counts a stay of zero days in the median (two moves on one day)', async () => {
    await project('Z1', { reserveOn: '2024-02-01', stage: 'negotiating', stageOn: '2024-02-01' })
    await move('E1', 'Z1', 'lead', 'contacted', '2024-02-01')
    await move('E2', 'Z1', 'contacted', 'negotiating', '2024-02-01')
    const funnel = await api.call('report-funnel', {})
    const contacted = funnel.stages.find((s) => s.stage === 'contacted')
    expect(contacted).toMatchObject({ stays: 1, medianDays: 0 })
  })

  it('ignores a deleted creation event: the first stay then starts at the reserve date', async () => {
    await project('C1', { reserveOn: '2024-03-01', stage: 'contacted', stageOn: '2024-03-11' })
    await put('stageEvent', 'E0', { projectId: 'C1', fromStage: null, toStage: 'lead', happenedOn: '2024-02-01', deletedAt: FIXTURE_AT })
    await move('E3', 'C1', 'lead', 'contacted', '2024-03-11')
    const funnel = await api.call('report-funnel', {})
    expect(funnel.stages.find((s) => s.stage === 'lead')).toMatchObject({ stays: 1, medianDays: 10 })
  })

  it('keeps a registered project in 落地实施库', async () => {
    await project('R1', { reserveOn: '2024-01-01', stage: 'registered', stageOn: '2024-04-01', signedOn: '2024-03-01', registeredOn: '2024-04-01' })
    const funnel = await api.call('report-funnel', {})
    expect(funnel.libraries.find((l) => l.library === 'implementing')?.count).toBe(1)
    expect(funnel.libraries.find((l) => l.library === 'reserve')?.count).toBe(0)
  })
})

describe('drill-down', () => {
  it('applies the library even when stages are given (stages outside the library are dropped)', async () => {
    await project('L1', { reserveOn: '2024-01-01', stage: 'lead', stageOn: '2024-01-01' })
    await project('S1', { reserveOn: '2024-01-01', stage: 'signed', stageOn: '2024-02-01', signedOn: '2024-02-01' })
    const drill = await api.call('report-drill', { drill: { library: 'reserve', stages: ['lead', 'signed'] } })
    expect(drill.rows.map((row) => row.id)).toEqual(['L1'])
  })
})
