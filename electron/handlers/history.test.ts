import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { entryChanges, fieldLabel } from '../../db/domain/history'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { fixtures } from './search.fixtures'

describe('record history', () => {
  let api: TestBackend
  beforeEach(async () => (api = await testBackend()))
  afterEach(() => api.close())

  it('returns the changes of a record newest first, with who made them', async () => {
    const me = await api.call('user-create', { name: '王敏' })
    await api.call('session-set-user', { userId: me.id })
    const district = await api.call('district-create', { name: '长清区' })
    api.setNow('2026-11-28T10:00:00+08:00')
    await api.call('district-update', { id: district.id, code: '370113' })
    await api.call('district-update', { id: district.id, note: '大学城所在地' })
    await api.call('district-delete', { id: district.id })

    const history = await api.call('history-list', { entity: 'district', id: district.id })
    expect(history.map((h) => h.action)).toEqual(['delete', 'update', 'update', 'create'])
    expect(history[1]).toMatchObject({ entity: 'district', entityLabel: '区县', userName: '王敏' })
    expect(entryChanges(history[1]!)).toEqual({ note: [null, '大学城所在地'] })
    expect(entryChanges(history[2]!)).toEqual({ code: [null, '370113'] })
    expect(entryChanges(history[3]!)).toEqual({ name: [null, '长清区'] })
    // the journal's text as stored, not re-encoded on the way
    const stored = api.env.ctx.sqlite.prepare('SELECT changes FROM change WHERE seq = ?').pluck().get(history[2]!.seq)
    expect(history[2]!.changesJson).toBe(stored)
    expect((await api.call('history-list', { entity: 'district', id: district.id, limit: 1 })).map((h) => h.action)).toEqual(['delete'])
    expect(history[0]!.at).toBe('2026-11-28T02:00:00.000Z')
    expect(fieldLabel('code')).toBe('代码')
    expect(fieldLabel('somethingNew')).toBe('somethingNew')
  })

  it('includes the changes of a project’s child records, labelled with their kind', async () => {
    const f = fixtures(api)
    const project = await f.project('巨能液压项目')
    const other = await f.project('别的项目')
    await f.update('project', project, { stage: 'contacted', stageOn: '2026-02-01' })
    await f.insert('stageEvent', { projectId: project, fromStage: 'lead', toStage: 'contacted', happenedOn: '2026-02-01' })
    const talk = await f.negotiation({ projectId: project, summary: '首次拜访' })
    await f.update('negotiation', talk, { result: '有意向' })
    await f.insert('funds', { projectId: project, arrivedOn: '2026-05-01', amountYuan: 5_000_000 })
    await f.negotiation({ projectId: other, summary: '不相干' })

    const history = await api.call('history-list', { entity: 'project', id: project })
    expect(history.map((h) => `${h.entity}:${h.action}`)).toEqual([
      'funds:create',
      'negotiation:update',
      'negotiation:create',
      'stageEvent:create',
      'project:update',
      'project:create',
    ])
    expect(history[1]).toMatchObject({ entityLabel: '洽谈记录', entityId: talk })
    expect(entryChanges(history[1]!)).toEqual({ result: [null, '有意向'] })
    expect(entryChanges(history[4]!)).toEqual({ stage: ['lead', 'contacted'], stageOn: ['2026-01-05', '2026-02-01'] })
    expect((await api.call('history-list', { entity: 'project', id: project, limit: 2 })).map((h) => h.entity)).toEqual(['funds', 'negotiation'])
  })

  it('refuses an unknown kind of record', async () => {
    expect((await api.fail('history-list', { entity: 'secret', id: 'x' })).code).toBe('validation')
  })
})
