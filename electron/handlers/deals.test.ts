import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { addInvestor, addProject, journalOf, softDelete } from './followups-fixtures'

describe('agreements and funds in place through the contract', () => {
  let api: TestBackend
  let projectId: string
  beforeEach(async () => {
    api = await testBackend({ now: '2027-01-15T12:00:00+08:00' })
    projectId = await addProject(api, '生物医药创新港', { investorId: await addInvestor(api, '齐鲁制药'), stage: 'negotiating' })
  })
  afterEach(() => api.close())

  it('stores an agreement in exact 元 and suggests, without making, the stage change to signed', async () => {
    const signed = await api.call('agreement-create', {
      projectId,
      type: 'framework',
      signedOn: '2026-12-30',
      amount: '12.34亿元',
      contractNo: 'HY-2026-001',
    })
    expect(signed).toMatchObject({ amountYuan: 1_234_000_000, suggestStage: 'signed', contractNo: 'HY-2026-001' })
    const { db } = api.env.ctx
    const project = await db.selectFrom('project').select('stage').where('id', '=', projectId).executeTakeFirstOrThrow()
    expect(project.stage).toBe('negotiating')

    const signedProject = await addProject(api, '已签约项目', { stage: 'started' })
    const later = await api.call('agreement-create', { projectId: signedProject, type: 'supplement', signedOn: '2027-01-10' })
    expect(later).toMatchObject({ suggestStage: null, amountYuan: null })

    const supplement = await api.call('agreement-create', { projectId, type: 'supplement', signedOn: '2027-01-05', amount: 5000 })
    expect((await api.call('agreement-list-by-project', { projectId })).map((a) => a.type)).toEqual(['framework', 'supplement'])
    const edited = await api.call('agreement-update', { id: supplement.id, amount: '0.29亿' })
    expect(edited.amountYuan).toBe(29_000_000)

    const investment = { projectId, type: 'investment', signedOn: '2027-01-06', contractNo: 'HY-2026-001' } as const
    const clash = await api.fail('agreement-create', investment)
    expect(clash).toMatchObject({ code: 'conflict', message: expect.stringContaining('HY-2026-001') })
    await api.call('agreement-delete', { id: signed.id })
    expect(await api.call('agreement-list-by-project', { projectId })).toHaveLength(1)
    await api.call('agreement-create', investment)
    expect((await api.fail('agreement-restore', { id: signed.id })).code).toBe('conflict')

    expect((await journalOf(api, supplement.id)).map((c) => c.action)).toEqual(['create', 'update'])
    const framework = { projectId, type: 'framework', signedOn: '2027-01-01' } as const
    expect((await api.fail('agreement-create', { ...framework, signedOn: '2027-01-16' })).message).toContain('不能晚于今天')
    // fields.optionalYuan is a zod union, which reports only 无效输入 instead of the amount's reason.
    expect(await api.fail('agreement-create', { ...framework, amount: '3.5万美元' }))
      .toMatchObject({ code: 'validation', message: expect.stringContaining('amount') })
    expect((await api.fail('agreement-create', { ...framework, projectId: 'NOPE' })).code).toBe('not_found')
  })

  it('sums funds exactly per year, with 12-31 in the old year and 01-01 in the new one', async () => {
    const other = await addProject(api, '高端装备产业园')
    const add = (id: string, arrivedOn: string, amount: string | number) =>
      api.call('funds-create', { projectId: id, arrivedOn, amount })
    await add(projectId, '2025-12-31', '0.1亿')
    await add(projectId, '2026-01-01', '0.2亿')
    await add(projectId, '2026-12-31', '0.29亿')
    await add(projectId, '2026-06-30', 1)
    await add(other, '2027-01-01', '1590.83亿')

    const summary = await api.call('funds-summary', {})
    expect(summary.years).toEqual([
      { year: 2025, amountYuan: 10_000_000, count: 1 },
      { year: 2026, amountYuan: 49_000_001, count: 3 },
      { year: 2027, amountYuan: 159_083_000_000, count: 1 },
    ])
    expect(summary.totalYuan).toBe(159_142_000_001)
    const year2026 = { year: 2026, amountYuan: 49_000_001, count: 3 }
    expect(await api.call('funds-summary', { year: 2026 })).toEqual({ years: [year2026], totalYuan: 49_000_001 })
    expect((await api.call('funds-summary', { projectId: other })).totalYuan).toBe(159_083_000_000)

    const list = await api.call('funds-list', { year: 2026, pageSize: 2 })
    expect(list).toMatchObject({ total: 3, totalYuan: 49_000_001 })
    expect(list.rows.map((f) => f.arrivedOn)).toEqual(['2026-12-31', '2026-06-30'])
    expect(list.rows[0]!.projectName).toBe('生物医药创新港')
    expect((await api.call('funds-list', { text: '装备' })).total).toBe(1)

    // Funds of a deleted project, and deleted funds, leave the sums.
    await softDelete(api, 'project', other)
    expect((await api.call('funds-summary', {})).totalYuan).toBe(59_000_001)
    const [first] = (await api.call('funds-list', { year: 2025 })).rows
    await api.call('funds-delete', { id: first!.id })
    expect((await api.call('funds-summary', {})).years.map((y) => y.year)).toEqual([2026])
    await api.call('funds-restore', { id: first!.id })
    const moved = await api.call('funds-update', { id: first!.id, arrivedOn: '2026-01-01' })
    expect(moved.arrivedOn).toBe('2026-01-01')
    expect((await api.call('funds-summary', {})).years).toEqual([{ year: 2026, amountYuan: 59_000_001, count: 4 }])
    expect((await journalOf(api, first!.id)).map((c) => c.action)).toEqual(['create', 'delete', 'restore', 'update'])
  })

  it('answers a total too large to add up exactly with a reason, not an internal error', async () => {
    // Each record may hold up to 2⁵³ 元; two mistyped giants overflow the total (hostile-input found it).
    for (const arrivedOn of ['2026-03-01', '2026-04-01']) await api.call('funds-create', { projectId, arrivedOn, amount: Number.MAX_SAFE_INTEGER - 1 })
    const refused = await api.fail('funds-summary', {})
    expect(refused.code).toBe('conflict')
    expect(refused.message).toContain('金额合计超出可精确表示的范围')
  })

  it('refuses funds that are zero, negative, inexact or not arrived yet', async () => {
    const fail = (amount: unknown, arrivedOn = '2027-01-01') => api.fail('funds-create', { projectId, arrivedOn, amount })
    expect((await fail(0)).message).toContain('到位金额应大于0')
    expect((await fail('-5万')).message).toContain('不能为负数')
    expect((await fail('0.123456789亿')).message).toContain('精度超出1元')
    expect((await fail(100, '2027-01-16')).message).toContain('不能晚于今天')
    expect((await api.call('funds-list', {})).total).toBe(0)
  })
})
