import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'

describe('districts and parks through the contract', () => {
  let api: TestBackend
  beforeEach(async () => (api = await testBackend()))
  afterEach(() => api.close())

  it('creates, lists, edits, deletes and restores a park, journaling each write', async () => {
    const district = await api.call('district-create', { name: '  槐荫区 ', code: '370104' })
    expect(district.name).toBe('槐荫区')
    const park = await api.call('park-create', { districtId: district.id, name: '济南国际医学中心', freeLandMu: 1260.5 })
    expect(park).toMatchObject({ districtName: '槐荫区', freeLandCentiMu: 126050, contactName: null })

    const edited = await api.call('park-update', { id: park.id, factorySpaceSqm: 180000, contactPhone: '0531-87100001' })
    expect(edited.factorySpaceSqm).toBe(180000)
    expect(edited.freeLandCentiMu).toBe(126050)

    await api.call('park-delete', { id: park.id })
    expect(await api.call('park-list', {})).toEqual([])
    expect((await api.fail('park-get', { id: park.id })).code).toBe('not_found')
    await api.call('park-restore', { id: park.id })
    expect((await api.call('park-list', { text: '医学' })).map((p) => p.name)).toEqual(['济南国际医学中心'])

    const journal = await api.env.ctx.db.selectFrom('change').selectAll().where('entityId', '=', park.id).orderBy('seq').execute()
    expect(journal.map((c) => c.action)).toEqual(['create', 'update', 'delete', 'restore'])
    expect(JSON.parse(journal[1]!.changes)).toEqual({ factorySpaceSqm: [null, 180000], contactPhone: [null, '0531-87100001'] })
  })

  it('refuses bad input with readable Chinese errors and writes nothing', async () => {
    const empty = await api.fail('district-create', { name: '   ' })
    expect(empty).toMatchObject({ code: 'validation', message: expect.stringContaining('请填写区县名称') })
    const wrongType = await api.fail('park-create', { districtId: 42, name: 'x' })
    expect(wrongType.code).toBe('validation')
    const missing = await api.fail('park-create', { districtId: 'NOPE', name: '某园区' })
    expect(missing).toMatchObject({ code: 'not_found', message: expect.stringContaining('所属区县') })
    const decimals = await api.fail('park-create', { districtId: 'x', name: 'y', freeLandMu: 1.234 })
    expect(decimals.message).toContain('最多两位小数')
    expect(await api.call('district-list', {})).toEqual([])
    const unknown = await api.fail('park-explode' as never, {})
    expect(unknown.code).toBe('unknown_method')
  })

  it('keeps names unique among live records, and a deleted name can be reused', async () => {
    const district = await api.call('district-create', { name: '长清区' })
    expect((await api.fail('district-create', { name: '长清区' })).code).toBe('conflict')
    await api.call('park-create', { districtId: district.id, name: '长清经济开发区' })
    expect((await api.fail('park-create', { districtId: district.id, name: '长清经济开发区' })).code).toBe('conflict')
    const inUse = await api.fail('district-delete', { id: district.id })
    expect(inUse).toMatchObject({ code: 'conflict', message: expect.stringContaining('长清经济开发区') })
    const [park] = await api.call('park-list', {})
    await api.call('park-delete', { id: park!.id })
    await api.call('park-create', { districtId: district.id, name: '长清经济开发区' })
    expect((await api.fail('park-restore', { id: park!.id })).code).toBe('conflict')
  })

  it('seeds the three districts of the article once', async () => {
    expect(await api.call('demo-seed', {})).toEqual({ districts: 3, parks: 11 })
    expect(await api.call('demo-seed', {})).toEqual({ districts: 0, parks: 0 })
    const districts = await api.call('district-list', {})
    expect(districts.map((d) => [d.name, d.parkCount])).toEqual([['槐荫区', 4], ['长清区', 4], ['平阴县', 3]])
    expect((await api.call('app-info', {})).empty).toBe(false)
  }, 120_000)
})

describe('park search text', () => {
  it('treats % and _ as plain characters', async () => {
    const api = await testBackend()
    const district = await api.call('district-create', { name: '平阴县' })
    await api.call('park-create', { districtId: district.id, name: '100%产业园' })
    await api.call('park-create', { districtId: district.id, name: '物流园' })
    expect((await api.call('park-list', { text: '%' })).map((p) => p.name)).toEqual(['100%产业园'])
    expect(await api.call('park-list', { text: '_' })).toEqual([])
    await api.close()
  })
})
