// The rules of a drill's WHERE condition (filters.ts drillCondition, milestoneIn, measureOf), each
// named in a test's title: a drill must list exactly the projects behind its figure. The scope keys
// and milestones filters.rules.test.ts leaves out, the libraries, reach and the measures
// (issue 17: mutation testing of the drill SQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportDrill } from '../../domain/report'
import { type TestBackend, testBackend } from '../../../tests/support/backend'
import { scopeDrill } from './filters'
import { type ProjectFacts, fixtureRows } from './report-fixtures'

let api: TestBackend
const { put, project: fixtureProject } = fixtureRows(() => api)
const ids = async (drill: ReportDrill) => (await api.call('report-drill', { drill })).rows.map((row) => row.id).sort()
const sumOf = async (drill: ReportDrill) => (await api.call('report-drill', { drill })).sumYuan

const ALL = ['A', 'B', 'C', 'E', 'N']

beforeAll(async () => {
  api = await testBackend({ now: '2024-12-31T12:00:00+08:00' })
  await put('user', 'U1', { name: '王芳', role: 'staff', title: null, phone: null })
  await put('district', 'D1', { name: '槐荫区', code: null, note: null })
  await put('park', 'P1', { districtId: 'D1', name: '齐鲁医药港', focusIndustries: null, freeLandCentiMu: null, factorySpaceSqm: null, contactName: null, contactPhone: null, note: null })
  const investor = (id: string, facts: { origin: 'overseas' | 'local'; originCity: string | null; ownership: 'foreign' | 'private' }) =>
    put('investor', id, { name: `企业${id}`, nameNorm: `企业${id}`, searchKeys: '', creditCode: null, industryId: null, registeredCapitalYuan: null, sourceChannel: null, website: null, address: null, note: null, mergedInto: null, ...facts })
  await investor('V1', { origin: 'overseas', originCity: null, ownership: 'foreign' })
  await investor('V2', { origin: 'local', originCity: '济南', ownership: 'private' })
  const project = (id: string, facts: Partial<ProjectFacts>) => fixtureProject(id, { reserveOn: '2024-01-01', stage: 'lead', stageOn: '2024-01-01', ...facts })
  // every milestone on its own day, so that a drill reading another column lists other projects
  await project('A', { districtId: 'D1', parkId: 'P1', ownerId: 'U1', priority: 'provincial', investorId: 'V1', totalInvestmentYuan: 100 })
  await project('B', { investorId: 'V2', stage: 'signed', stageOn: '2024-03-01', signedOn: '2024-03-01', totalInvestmentYuan: 200 })
  await put('agreement', 'G1', { projectId: 'B', type: 'investment', signedOn: '2024-03-01', amountYuan: 500, contractNo: null, parties: null, note: null })
  const operating = { signedOn: '2024-02-01', registeredOn: '2024-03-02', startedOn: '2024-04-01', completedOn: '2024-05-01', operatingOn: '2024-06-01' }
  await project('C', { ...operating, stage: 'operating', stageOn: '2024-06-01', totalInvestmentYuan: 300 })
  await project('E', { ...operating, evaluatedOn: '2024-08-01', stage: 'evaluated', stageOn: '2024-08-01', totalInvestmentYuan: 400 })
  await project('N', { stage: 'negotiating', stageOn: '2024-02-01' })
})
afterAll(() => api.close())

describe('scope keys of a drill', () => {
  it('a filter turns into drill keys only for what it gives: no key stands for a scope the manager left open', () => {
    // toStrictEqual: a key present with undefined would still be a key of the drill the screen passes on
    expect(scopeDrill({ districtId: 'D1', parkId: undefined })).toStrictEqual({ districtId: 'D1' })
    expect(Object.keys(scopeDrill({ ownerId: 'U1' }))).toEqual(['ownerId'])
  })

  it('park, 责任人 and 重点级别 each filter by their own column; null keeps the projects without one', async () => {
    expect(await ids({ parkId: 'P1' })).toEqual(['A'])
    expect(await ids({ parkId: null })).toEqual(['B', 'C', 'E', 'N'])
    expect(await ids({ ownerId: 'U1' })).toEqual(['A'])
    expect(await ids({ ownerId: null })).toEqual(['B', 'C', 'E', 'N'])
    expect(await ids({ priority: 'provincial' })).toEqual(['A'])
    expect(await ids({ priority: null })).toEqual(['B', 'C', 'E', 'N'])
  })

  it("the investor's origin, city and ownership filter through the project's investor; null also keeps projects without an investor", async () => {
    expect(await ids({ origin: 'overseas' })).toEqual(['A'])
    expect(await ids({ origin: 'local' })).toEqual(['B'])
    expect(await ids({ originCity: '济南' })).toEqual(['B'])
    expect(await ids({ originCity: null })).toEqual(['A', 'C', 'E', 'N'])
    expect(await ids({ ownership: 'private' })).toEqual(['B'])
    expect(await ids({ ownership: null })).toEqual(['C', 'E', 'N'])
  })

  it('scope keys are ANDed: the one project of the district has a 责任人, so with 责任人 not filled in nothing is listed', async () => {
    expect(await ids({ districtId: 'D1', ownerId: null })).toEqual([])
    expect(await ids({ districtId: 'D1', priority: 'provincial', origin: 'overseas' })).toEqual(['A'])
  })
})

describe('milestones, libraries and reach', () => {
  it('each milestone range reads its own date: 竣工, 投产 and 后评价 on their own days', async () => {
    expect(await ids({ dates: { started: { from: '2024-04-01', to: '2024-04-01' } } })).toEqual(['C', 'E'])
    expect(await ids({ dates: { completed: { from: '2024-05-01', to: '2024-05-01' } } })).toEqual(['C', 'E'])
    expect(await ids({ dates: { operating: { from: '2024-06-01', to: '2024-06-01' } } })).toEqual(['C', 'E'])
    expect(await ids({ dates: { evaluated: {} } })).toEqual(['E'])
    expect(await ids({ dates: { registered: { to: '2024-03-02' } } })).toEqual(['C', 'E'])
    expect(await ids({ reached: ['evaluated'] })).toEqual(['E'])
    expect(await ids({ reached: ['signed'] })).toEqual(['B', 'C', 'E'])
  })

  it('several milestone ranges are ANDed', async () => {
    expect(await ids({ dates: { signed: { from: '2024-02-01' }, evaluated: {} } })).toEqual(['E'])
    expect(await ids({ dates: { signed: { from: '2024-03-01' }, operating: {} } })).toEqual([])
  })

  it('a library alone lists its stages: 谋划储备库 线索–在谈, 落地实施库 签约–注册, 运营评价库 投产–后评价', async () => {
    expect(await ids({ library: 'reserve' })).toEqual(['A', 'N'])
    expect(await ids({ library: 'implementing' })).toEqual(['B'])
    expect(await ids({ library: 'construction' })).toEqual([])
    expect(await ids({ library: 'evaluation' })).toEqual(['C', 'E'])
    // with stages too: the stages of the library among those asked for
    expect(await ids({ library: 'evaluation', stages: ['evaluated', 'signed', 'negotiating'] })).toEqual(['E'])
  })

  it('stages alone list exactly those stages; no stages given lists every live project', async () => {
    expect(await ids({ stages: ['negotiating', 'evaluated'] })).toEqual(['E', 'N'])
    expect(await ids({})).toEqual(ALL)
  })

  it('reaching a stage counts the projects at it and beyond it (funnel conversion)', async () => {
    expect(await ids({ reachedStage: 'signed' })).toEqual(['B', 'C', 'E'])
    expect(await ids({ reachedStage: 'evaluated' })).toEqual(['E'])
    expect(await ids({ reachedStage: 'lead' })).toEqual(ALL)
  })

  it('an exception drill lists the projects of its list as of its date', async () => {
    // signed 2024-03-01, never started: on the 签约未开工 list once three months have passed
    expect(await ids({ exception: { kind: 'signed-not-started', asOf: '2024-06-01', threshold: 3 } })).toEqual(['B'])
    expect(await ids({ exception: { kind: 'signed-not-started', asOf: '2024-05-31', threshold: 3 } })).toEqual([])
  })
})

describe('what a drill sums', () => {
  it('签约金额 sums the investment agreements, not the 总投资; 总投资 is the default', async () => {
    expect(await sumOf({ ids: ['B'], measure: 'signed_amount' })).toBe(500)
    expect(await sumOf({ ids: ['B'] })).toBe(200)
    expect(await sumOf({ ids: ['B'], measure: 'investment' })).toBe(200)
    expect(await sumOf({ library: 'evaluation' })).toBe(700)
  })
})
