import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { addDistrict, addPark, addUser, journalOf } from './followups-fixtures'

describe('yearly targets through the contract', () => {
  let api: TestBackend
  let district: string
  let park: string
  beforeEach(async () => {
    api = await testBackend()
    district = await addDistrict(api, '槐荫区')
    park = await addPark(api, district, '济南国际医学中心')
  })
  afterEach(() => api.close())

  const forDistrict = (indicator: 'signed_amount' | 'signed_projects', value: string | number, year = 2026) =>
    api.call('target-set', { year, unitType: 'district', unitId: district, indicator, value })

  it('keeps one live target per year, unit and indicator: setting again updates it', async () => {
    const first = await forDistrict('signed_amount', '1590.83亿')
    expect(first).toMatchObject({ value: 159_083_000_000, unitName: '槐荫区' })
    const again = await forDistrict('signed_amount', 160_000_000_000)
    expect(again.id).toBe(first.id)
    expect(again.value).toBe(160_000_000_000)
    await forDistrict('signed_projects', '267')
    await forDistrict('signed_projects', 200, 2025)
    await api.call('target-set', { year: 2026, unitType: 'park', unitId: park, indicator: 'funds', value: '50亿元' })
    const person = await addUser(api, '周专员')
    await api.call('target-set', { year: 2026, unitType: 'user', unitId: person, indicator: 'new_projects', value: 12 })

    const list = await api.call('target-list', { year: 2026 })
    expect(list.map((t) => [t.unitName, t.indicator, t.value])).toEqual([
      ['槐荫区', 'signed_projects', 267],
      ['槐荫区', 'signed_amount', 160_000_000_000],
      ['济南国际医学中心', 'funds', 5_000_000_000],
      ['周专员', 'new_projects', 12],
    ])
    expect(await api.call('target-list', { year: 2026, unitType: 'park' })).toHaveLength(1)
    expect(await api.call('target-list', { year: 2026, unitId: district })).toHaveLength(2)
    expect((await journalOf(api, first.id)).map((c) => c.action)).toEqual(['create', 'update'])

    await api.call('target-delete', { id: first.id })
    expect(await api.call('target-list', { year: 2026, unitId: district })).toHaveLength(1)
    const renewed = await forDistrict('signed_amount', '10亿')
    expect(renewed.id).not.toBe(first.id)
  })

  it('reads counts as whole numbers and amounts as money, and checks the unit', async () => {
    const set = (indicator: string, value: unknown, unitId = district) =>
      api.fail('target-set', { year: 2026, unitType: 'district', unitId, indicator, value })
    expect((await set('signed_projects', 2.5)).message).toContain('目标值应为整数')
    expect((await set('signed_projects', '十个')).message).toContain('目标值应为整数')
    expect((await set('signed_projects', -1)).message).toContain('不能为负数')
    expect((await set('funds', '3.5万美元')).message).toContain('仅支持人民币金额')
    expect((await set('funds', 1, 'NOPE')).message).toContain('区县')
    expect((await api.fail('target-set', { year: 1800, unitType: 'park', unitId: park, indicator: 'funds', value: 1 })).message)
      .toContain('年份')
    expect(await api.call('target-list', { year: 2026 })).toEqual([])
  })
})
