// The rules of the report filters (filters.ts) that every report figure and its drill share, each
// named in a test's title: the mutation run of issue 17 showed which no test held.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportDrill } from '../../domain/report'
import { type TestBackend, testBackend } from '../../../tests/support/backend'
import { and, elapsedShare, exact, isCitywide, lastYearOf, measureDrill, numberSetting, periodOf, ratio, readSetting, scopeDrill } from './filters'
import { type ProjectFacts, FIXTURE_AT, fixtureRows } from './report-fixtures'

describe('periods and shares', () => {
  it('a range given with from and to wins over a year; a range has its dates as label', () => {
    expect(periodOf({ year: 2023, from: '2024-03-16', to: '2024-04-02' })).toEqual({ from: '2024-03-16', to: '2024-04-02', label: '2024-03-16至2024-04-02' })
    expect(periodOf({ year: 2024, month: 12 })).toEqual({ from: '2024-12-01', to: '2024-12-31', label: '2024年12月' })
    expect(periodOf({ year: 2024, quarter: 3 })).toEqual({ from: '2024-07-01', to: '2024-09-30', label: '2024年第3季度' })
  })
  it('a range needs both ends: from or to alone leaves the year', () => {
    expect(periodOf({ year: 2024, from: '2024-03-16' })).toEqual({ from: '2024-01-01', to: '2024-12-31', label: '2024年' })
    expect(periodOf({ year: 2024, to: '2024-03-16' })).toEqual({ from: '2024-01-01', to: '2024-12-31', label: '2024年' })
    expect(periodOf({ to: '2024-03-16' })).toBeNull()
  })
  it('last year of a range is labelled by its dates; of a named period by the year before', () => {
    expect(lastYearOf({ from: '2024-03-16', to: '2024-04-02', label: '2024-03-16至2024-04-02' })).toEqual({
      from: '2023-03-16',
      to: '2023-04-02',
      label: '2023-03-16至2023-04-02',
    })
    expect(lastYearOf(periodOf({ year: 2024 })!)).toEqual({ from: '2023-01-01', to: '2023-12-31', label: '2023年' })
    // a range ending on 02-29 ends on 02-28 a year before; one ending on 02-28 of a non-leap year on 02-29
    expect(lastYearOf({ from: '2024-01-10', to: '2024-02-29', label: 'x' }).to).toBe('2023-02-28')
    expect(lastYearOf({ from: '2025-01-10', to: '2025-02-28', label: 'x' }).to).toBe('2024-02-29')
    expect(lastYearOf({ from: '2025-01-10', to: '2025-02-27', label: 'x' }).to).toBe('2024-02-27')
  })
  it('the elapsed share counts the as-of day: the last day but one is 365 of 366, any day after the year 1', () => {
    expect(elapsedShare(2024, '2024-12-30')).toBe(365 / 366)
    expect(elapsedShare(2024, '2025-03-01')).toBe(1)
    expect(elapsedShare(2024, '2023-06-30')).toBe(0)
    expect(elapsedShare(2023, '2023-01-01')).toBe(1 / 365)
  })
  it('a ratio has six decimals and none for a zero denominator', () => {
    expect(ratio(1, 3)).toBe(0.333333)
    expect(ratio(2, 3)).toBe(0.666667)
    expect(ratio(0, 5)).toBe(0)
    expect(ratio(1, 0)).toBeNull()
  })
})

describe('exact sums', () => {
  it('no rows sum to 0; a bigint within 2⁵³ is read exactly; beyond it the report refuses', () => {
    expect(exact(null)).toBe(0)
    expect(exact(12n)).toBe(12)
    expect(exact(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER)
    expect(() => exact(2n ** 53n + 2n)).toThrow('金额合计超出可精确表示的范围')
  })
})

describe('settings', () => {
  it('a number setting must be a finite number of at least 0, else the default', () => {
    expect(numberSetting(0, 7)).toBe(0)
    expect(numberSetting(30, 7)).toBe(30)
    expect(numberSetting(-1, 7)).toBe(7)
    expect(numberSetting(Number.POSITIVE_INFINITY, 7)).toBe(7)
    expect(numberSetting(Number.NaN, 7)).toBe(7)
    expect(numberSetting('30', 7)).toBe(7)
  })
})

describe('scope keys of a filter', () => {
  it('only the keys given become drill keys', () => {
    expect(scopeDrill({ districtId: 'D1', parkId: undefined })).toEqual({ districtId: 'D1' })
    expect(scopeDrill({ industryId: 'I1', ownerId: 'U1', priority: 'provincial', origin: 'local' })).toEqual({
      industryId: 'I1',
      ownerId: 'U1',
      priority: 'provincial',
      origin: 'local',
    })
    expect(scopeDrill({})).toEqual({})
  })
  it('a filter with no scope key given is city-wide (the reports then read the facts alone); any key given makes it scoped', () => {
    expect(isCitywide({})).toBe(true)
    expect(isCitywide({ districtId: undefined, parkId: undefined })).toBe(true)
    expect(isCitywide({ districtId: 'D1' })).toBe(false)
    expect(isCitywide({ ownerId: 'U1' })).toBe(false)
  })
})

describe('a drill on a small ledger', () => {
  let api: TestBackend
  const { put, project: fixtureProject } = fixtureRows(() => api)
  const ids = async (drill: ReportDrill) => (await api.call('report-drill', { drill })).rows.map((row) => row.id).sort()
  const sum = async (drill: ReportDrill) => {
    const r = await api.call('report-drill', { drill })
    return { count: r.count, sumYuan: r.sumYuan }
  }

  beforeAll(async () => {
    api = await testBackend({ now: '2024-12-31T12:00:00+08:00' })
    await put('district', 'D1', { name: '槐荫区' })
    await put('industry', 'I1', { name: '生物医药', parentId: null, sortOrder: 0 })
    await put('industry', 'I1C', { name: '医疗器械', parentId: 'I1', sortOrder: 0 })
    await put('industry', 'I2', { name: '高端装备', parentId: null, sortOrder: 1 })
    const project = (id: string, facts: Partial<ProjectFacts>) => fixtureProject(id, { reserveOn: '2024-01-01', stage: 'lead', stageOn: '2024-01-01', ...facts })
    await project('A', { districtId: 'D1', industryId: 'I1', totalInvestmentYuan: 100 })
    await project('B', { industryId: 'I1C', registeredOn: '2024-05-01', stage: 'registered', signedOn: '2024-04-01', totalInvestmentYuan: 200 })
    await project('C', { industryId: 'I2', startedOn: '2024-06-01', stage: 'started', signedOn: '2024-03-01', registeredOn: '2024-05-20' })
    await project('N', { reserveOn: '2024-06-15' })
    await put('funds', 'F1', { projectId: 'B', arrivedOn: '2024-06-01', amountYuan: 30 })
    await put('funds', 'F2', { projectId: 'B', arrivedOn: '2024-07-01', amountYuan: 40 })
    await put('funds', 'F3', { projectId: 'C', arrivedOn: '2024-07-01', amountYuan: 5, deletedAt: FIXTURE_AT })
  })
  afterAll(() => api.close())

  it('null means "not filled in": districtId null keeps the projects without a district', async () => {
    expect(await ids({ districtId: null })).toEqual(['B', 'C', 'N'])
    expect(await ids({ districtId: 'D1' })).toEqual(['A'])
  })
  it('a top-level industry takes its chain links along; a link alone does not take its parent', async () => {
    expect(await ids({ industryId: 'I1' })).toEqual(['A', 'B'])
    expect(await ids({ industryId: 'I1C' })).toEqual(['B'])
    expect(await ids({ industryId: null })).toEqual(['N'])
  })
  it('a date range is inclusive at both ends, and either end may be open', async () => {
    expect(await ids({ dates: { reserve: { from: '2024-06-15', to: '2024-06-15' } } })).toEqual(['N'])
    expect(await ids({ dates: { reserve: { to: '2024-06-14' } } })).toEqual(['A', 'B', 'C'])
    expect(await ids({ dates: { registered: {} } })).toEqual(['B', 'C'])
    expect(await ids({ dates: { signed: { from: '2024-04-01' } } })).toEqual(['B'])
    expect(await ids({ dates: { signed: { to: '2024-03-01' } } })).toEqual(['C'])
    expect(await ids({ dates: { signed: {} } })).toEqual(['B', 'C'])
  })
  it('reached milestones are any of them (OR); an empty list does not filter', async () => {
    expect(await ids({ reached: ['started', 'registered'] })).toEqual(['B', 'C'])
    expect(await ids({ reached: ['started'] })).toEqual(['C'])
    expect(await ids({ reached: [] })).toEqual(['A', 'B', 'C', 'N'])
  })
  it('an empty list of stages or ids means no project, not every project', async () => {
    expect(await ids({ stages: [] })).toEqual([])
    expect(await ids({ ids: [] })).toEqual([])
    expect(await ids({ ids: ['A', 'C'] })).toEqual(['A', 'C'])
    expect(await ids({ library: 'reserve', stages: ['registered'] })).toEqual([])
  })
  it('funds count only live rows within the range, inclusive; the funds measure sums them per project', async () => {
    expect(await ids({ funds: { from: '2024-07-01' } })).toEqual(['B'])
    expect(await ids({ funds: { to: '2024-06-01' } })).toEqual(['B'])
    expect(await ids({ funds: { from: '2024-06-02', to: '2024-06-30' } })).toEqual([])
    expect(await sum({ funds: { from: '2024-06-01', to: '2024-06-01' }, measure: 'funds' })).toMatchObject({ count: 1, sumYuan: 30 })
    expect(await sum({ ids: ['B', 'C'], measure: 'funds' })).toMatchObject({ count: 2, sumYuan: 70 })
    expect(await sum({ ids: ['A', 'B', 'C'] })).toMatchObject({ count: 3, sumYuan: 300 })
  })
  it('no conditions at all keep every row (activity and exception lists without a filter)', async () => {
    const rows = await sql<{ n: number }>`SELECT count(*) AS n FROM project p WHERE ${and([])}`.execute(api.env.ctx.db)
    expect(rows.rows[0]!.n).toBe(4)
  })
  it('a setting is read as a JSON object; an array, null or a missing key as none', async () => {
    const ctx = api.env.ctx
    const setting = (key: string, value: string) => ctx.db.insertInto('setting').values({ key, value, updatedAt: FIXTURE_AT } as never).execute()
    await setting('s.obj', '{"days":30}')
    await setting('s.arr', '[1,2]')
    await setting('s.null', 'null')
    await setting('s.number', '5')
    await setting('s.text', '"30"')
    expect(await readSetting(ctx, 's.obj')).toEqual({ days: 30 })
    expect(await readSetting(ctx, 's.arr')).toEqual({})
    expect(await readSetting(ctx, 's.null')).toEqual({})
    expect(await readSetting(ctx, 's.none')).toEqual({})
    expect(await readSetting(ctx, 's.number')).toEqual({})
    expect(await readSetting(ctx, 's.text')).toEqual({})
  })
  it('a figure built in code keeps its measure: 到位资金 sums funds, the default 总投资', async () => {
    const ctx = api.env.ctx
    expect(await measureDrill(ctx, { ids: ['B', 'C'], measure: 'funds' })).toEqual({
      count: 2,
      sumYuan: 70,
      sumWan: '0.007',
      drill: { ids: ['B', 'C'], measure: 'funds' },
    })
    expect(await measureDrill(ctx, { ids: ['A', 'B'] })).toMatchObject({ count: 2, sumYuan: 300, sumWan: '0.03' })
  })
})
