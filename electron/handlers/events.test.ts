import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { addInvestor, addProject, addUser, journalOf, softDelete } from './followups-fixtures'

describe('events and their investors and projects through the contract', () => {
  let api: TestBackend
  beforeEach(async () => (api = await testBackend()))
  afterEach(() => api.close())

  it('links investors met and projects signed, replaces the sets on update, and journals the links', async () => {
    const owner = await addUser(api, '孙局长')
    const a = await addInvestor(api, '京东方科技')
    const b = await addInvestor(api, '上海电气')
    const p = await addProject(api, '新型显示产业园', { investorId: a })
    const event = await api.call('event-create', {
      name: '2026京沪招商推介会',
      type: 'promotion',
      startOn: '2026-09-10',
      endOn: '2026-09-11',
      city: '上海',
      ownerId: owner,
      investorIds: [b, a, a],
      projectIds: [p],
    })
    expect(event).toMatchObject({ ownerName: '孙局长', investors: [{ id: b, name: '上海电气' }, { id: a, name: '京东方科技' }] })
    expect(event.projects).toEqual([{ id: p, name: '新型显示产业园' }])

    const edited = await api.call('event-update', { id: event.id, investorIds: [a], note: '签约1个' })
    expect(edited.investors.map((i) => i.id)).toEqual([a])
    expect(edited.projects).toHaveLength(1)
    const listed = await api.call('event-list', {})
    expect(listed.rows[0]).toMatchObject({ investorCount: 1, projectCount: 1, ownerName: '孙局长' })
    expect((await api.call('event-list', { investorId: b })).total).toBe(0)
    expect((await api.call('event-list', { projectId: p })).total).toBe(1)

    const journal = await journalOf(api, event.id)
    expect(journal.map((c) => c.action)).toEqual(['create', 'update', 'update', 'update', 'update'])
    expect(journal[1]!.changes.investorIds).toEqual([[], [a, b].sort()])
    expect(journal.at(-1)!.changes.investorIds).toEqual([[a, b].sort(), [a]])

    // A linked investor deleted later does not block other edits, and is not shown.
    await softDelete(api, 'investor', a)
    expect((await api.call('event-get', { id: event.id })).investors).toEqual([])
    expect((await api.call('event-update', { id: event.id, investorIds: [a, b] })).investors.map((i) => i.id)).toEqual([b])
    const missing = await api.fail('event-update', { id: event.id, projectIds: [p, 'GONE'] })
    expect(missing).toMatchObject({ code: 'not_found', message: expect.stringContaining('项目') })
  })

  it('checks dates, filters by overlap, type and text, and deletes softly', async () => {
    expect((await api.fail('event-create', { name: 'x', type: 'expo', startOn: '2026-05-02', endOn: '2026-05-01' })).message)
      .toContain('结束日期不能早于开始日期')
    const expo = await api.call('event-create', { name: '中国国际进口博览会', type: 'expo', startOn: '2026-11-05', endOn: '2026-11-10' })
    await api.call('event-create', { name: '长清区签约仪式', type: 'signing', startOn: '2026-11-20', city: '济南' })
    expect((await api.fail('event-update', { id: expo.id, endOn: '2026-11-01' })).code).toBe('validation')
    const during = await api.call('event-list', { from: '2026-11-08', to: '2026-11-09' })
    expect(during.rows.map((e) => e.name)).toEqual(['中国国际进口博览会'])
    expect((await api.call('event-list', { from: '2026-11-11' })).rows.map((e) => e.name)).toEqual(['长清区签约仪式'])
    expect((await api.call('event-list', { type: ['expo', 'signing'] })).total).toBe(2)
    expect((await api.call('event-list', { text: '济南' })).total).toBe(1)
    expect((await api.call('event-list', {})).rows.map((e) => e.startOn)).toEqual(['2026-11-20', '2026-11-05'])
    await api.call('event-delete', { id: expo.id })
    expect((await api.call('event-list', {})).total).toBe(1)
    expect((await api.fail('event-get', { id: expo.id })).code).toBe('not_found')
    expect((await api.call('event-restore', { id: expo.id })).name).toBe('中国国际进口博览会')
  })
})
