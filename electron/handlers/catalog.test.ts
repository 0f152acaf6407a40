import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { insertRecord } from '../../db/services/records'

describe('industries and tags through the contract', () => {
  let api: TestBackend
  beforeEach(async () => (api = await testBackend()))
  afterEach(() => api.close())

  it('keeps industries a two-level tree, ordered by sortOrder then name', async () => {
    const energy = await api.call('industry-create', { name: '新能源', sortOrder: 2 })
    const medicine = await api.call('industry-create', { name: '生物医药', sortOrder: 1 })
    await api.call('industry-create', { name: '储能', parentId: energy.id })
    const solar = await api.call('industry-create', { name: '光伏', parentId: energy.id })
    await api.call('industry-create', { name: '氢能', parentId: energy.id, sortOrder: -1 })

    const tree = await api.call('industry-list', {})
    expect(tree.map((n) => [n.name, n.children.map((c) => c.name)])).toEqual([
      ['生物医药', []],
      ['新能源', ['氢能', '储能', '光伏']],
    ])

    const third = await api.fail('industry-create', { name: '组件', parentId: solar.id })
    expect(third).toMatchObject({ code: 'conflict', message: expect.stringContaining('只有两级') })
    const nested = await api.fail('industry-update', { id: energy.id, parentId: medicine.id })
    expect(nested).toMatchObject({ code: 'conflict', message: expect.stringContaining('储能') })
    expect((await api.fail('industry-update', { id: medicine.id, parentId: medicine.id })).code).toBe('conflict')
    expect((await api.fail('industry-create', { name: '光伏', parentId: energy.id })).code).toBe('conflict')
    // The same name is fine under another parent, and moving a leaf to another top level is fine.
    await api.call('industry-create', { name: '光伏', parentId: medicine.id })
    expect((await api.fail('industry-update', { id: solar.id, parentId: medicine.id })).code).toBe('conflict')
    const moved = await api.call('industry-update', { id: solar.id, parentId: null, name: '光伏产业' })
    expect(moved.parentId).toBeNull()
  })

  it('refuses to delete an industry with live children or in use, and restores only under a live parent', async () => {
    const equipment = await api.call('industry-create', { name: '高端装备' })
    const hydraulics = await api.call('industry-create', { name: '液压件', parentId: equipment.id })
    const children = await api.fail('industry-delete', { id: equipment.id })
    expect(children).toMatchObject({ code: 'conflict', message: expect.stringContaining('液压件') })

    const investor = await api.call('investor-create', { name: '巨能液压有限公司', industryId: hydraulics.id })
    expect(investor.industryName).toBe('高端装备 / 液压件')
    const used = await api.fail('industry-delete', { id: hydraulics.id })
    expect(used).toMatchObject({ code: 'conflict', message: expect.stringContaining('巨能液压有限公司') })
    await api.call('investor-update', { id: investor.id, industryId: null })

    const { ctx } = api.env
    const project = { name: '液压件生产基地', searchKeys: '', industryId: hydraulics.id, stage: 'lead' as const, stageOn: '2026-01-05', reserveOn: '2026-01-05' }
    await ctx.db.transaction().execute((trx) => insertRecord(trx, ctx, 'project', project))
    const byProject = await api.fail('industry-delete', { id: hydraulics.id })
    expect(byProject.message).toContain('液压件生产基地')
    await ctx.db.updateTable('project').set({ deletedAt: '2026-11-01T00:00:00Z' }).execute()

    await api.call('industry-delete', { id: hydraulics.id })
    await api.call('industry-delete', { id: equipment.id })
    expect(await api.call('industry-list', {})).toEqual([])
    expect((await api.fail('industry-restore', { id: hydraulics.id })).code).toBe('not_found')
    await api.call('industry-restore', { id: equipment.id })
    await api.call('industry-restore', { id: hydraulics.id })
    expect((await api.call('industry-list', {}))[0]!.children.map((c) => c.name)).toEqual(['液压件'])
  })

  it('counts tag usage over live investors and projects, and keeps links across delete and restore', async () => {
    const top500 = await api.call('tag-create', { name: '世界500强', color: '#C00' })
    expect(top500.color).toBe('#c00')
    const gazelle = await api.call('tag-create', { name: '瞪羚企业' })
    expect((await api.fail('tag-create', { name: '世界500强' })).code).toBe('conflict')
    expect((await api.fail('tag-create', { name: '红色', color: 'red' })).message).toContain('#RRGGBB')

    const a = await api.call('investor-create', { name: '甲公司', tagIds: [top500.id, gazelle.id] })
    await api.call('investor-create', { name: '乙公司', tagIds: [top500.id] })
    const { ctx } = api.env
    const projectId = await ctx.db.transaction().execute((trx) =>
      insertRecord(trx, ctx, 'project', { name: '甲项目', searchKeys: '', stage: 'lead', stageOn: '2026-01-05', reserveOn: '2026-01-05' }),
    )
    await ctx.db.insertInto('projectTag').values({ projectId, tagId: gazelle.id }).execute()

    const counts = async () => (await api.call('tag-list', {})).map((t) => [t.name, t.investorCount, t.projectCount])
    expect(await counts()).toEqual([['世界500强', 2, 0], ['瞪羚企业', 1, 1]])
    await api.call('investor-delete', { id: a.id })
    expect(await counts()).toEqual([['世界500强', 1, 0], ['瞪羚企业', 0, 1]])

    await api.call('investor-restore', { id: a.id })
    await api.call('tag-delete', { id: gazelle.id })
    expect((await api.call('investor-get', { id: a.id })).tags.map((t) => t.name)).toEqual(['世界500强'])
    await api.call('tag-restore', { id: gazelle.id })
    expect((await api.call('investor-get', { id: a.id })).tags.map((t) => t.name)).toEqual(['世界500强', '瞪羚企业'])
    const renamed = await api.call('tag-update', { id: gazelle.id, name: '独角兽' })
    expect(renamed.name).toBe('独角兽')
    expect((await api.fail('investor-create', { name: '丙公司', tagIds: ['NOPE'] })).code).toBe('not_found')
  })
})
