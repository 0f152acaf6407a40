import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { fixtures } from './search.fixtures'

describe('the recycle bin', () => {
  let api: TestBackend
  let f: ReturnType<typeof fixtures>
  beforeEach(async () => {
    api = await testBackend()
    f = fixtures(api)
  })
  afterEach(() => api.close())

  it('lists deleted records of every kind, newest first, with who deleted them, paged', async () => {
    const me = await api.call('user-create', { name: '王敏' })
    await api.call('session-set-user', { userId: me.id })
    const district = await api.call('district-create', { name: '平阴县' })
    const park = await api.call('park-create', { districtId: district.id, name: '平阴工业园区' })
    const investor = await f.investor('济南玫瑰食品有限公司')
    const project = await f.project('玫瑰深加工项目', { investorId: investor })
    await f.insert('agreement', { projectId: project, type: 'framework', signedOn: '2026-04-01', contractNo: 'PY-2026-01' })
    const [agreement] = await api.env.ctx.db.selectFrom('agreement').select('id').execute()

    api.setNow('2026-11-28T09:00:00+08:00')
    await api.call('park-delete', { id: park.id })
    api.setNow('2026-11-28T10:00:00+08:00')
    await f.remove('agreement', agreement!.id)
    api.setNow('2026-11-28T11:00:00+08:00')
    await f.remove('investor', investor)

    const bin = await api.call('recycle-list', {})
    expect(bin.total).toBe(3)
    expect(bin.items.map((i) => [i.entity, i.entityLabel, i.name, i.detail])).toEqual([
      ['investor', '客商', '济南玫瑰食品有限公司', ''],
      ['agreement', '协议', '2026-04-01 框架协议 PY-2026-01', '玫瑰深加工项目'],
      ['park', '园区', '平阴工业园区', '平阴县'],
    ])
    expect(bin.items[0]).toMatchObject({ deletedBy: me.id, deletedByName: '王敏', deletedAt: '2026-11-28T03:00:00.000Z' })
    const page2 = await api.call('recycle-list', { page: 2, pageSize: 2 })
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 })
    expect(page2.items.map((i) => i.entity)).toEqual(['park'])
    expect((await api.call('recycle-list', { entity: 'park' })).items.map((i) => i.id)).toEqual([park.id])
  })

  it('restores by the kind’s own rules: live parents first, unique names re-checked', async () => {
    const district = await api.call('district-create', { name: '槐荫区' })
    const park = await api.call('park-create', { districtId: district.id, name: '医学中心' })
    await api.call('park-delete', { id: park.id })
    await api.call('park-create', { districtId: district.id, name: '医学中心' })
    expect((await api.fail('recycle-restore', { entity: 'park', id: park.id })).code).toBe('conflict')

    expect((await api.call('recycle-list', {})).total).toBe(1)
    const t1 = await f.insert('tag', { name: '专精特新' })
    await f.remove('tag', t1)
    await f.insert('tag', { name: '专精特新' })
    expect((await api.fail('recycle-restore', { entity: 'tag', id: t1 })).code).toBe('conflict')
    // Targets have no service of their own: the unique index answers, in words.
    const goal = { year: 2026, unitType: 'district', unitId: district.id, indicator: 'signed_projects', value: 30 }
    const t2026 = await f.insert('target', goal)
    await f.remove('target', t2026)
    await f.insert('target', { ...goal, value: 40 })
    const clash = await api.fail('recycle-restore', { entity: 'target', id: t2026 })
    expect(clash).toMatchObject({ code: 'conflict', message: expect.stringContaining('已有相同的年度目标') })

    const investor = await f.investor('巨能液压')
    const contact = await f.contact(investor, '王建国')
    await f.remove('contact', contact)
    await f.remove('investor', investor)
    expect((await api.fail('recycle-restore', { entity: 'contact', id: contact })).message).toContain('所属的客商也在回收站中')
    await api.call('recycle-restore', { entity: 'investor', id: investor })
    await api.call('recycle-restore', { entity: 'contact', id: contact })
    expect((await api.call('search', { text: '王建国' })).total).toBe(1)
    expect((await api.fail('recycle-restore', { entity: 'contact', id: contact })).code).toBe('not_found')
  })

  it('purges only what nothing refers to, journaling the last content', async () => {
    const investor = await f.investor('巨能液压')
    const project = await f.project('巨能液压项目', { investorId: investor })
    await f.insert('stageEvent', { projectId: project, toStage: 'lead', happenedOn: '2026-01-05' })
    const tag = await f.insert('tag', { name: '瞪羚企业' })
    await api.env.ctx.db.insertInto('projectTag').values({ projectId: project, tagId: tag }).execute()
    await f.remove('investor', investor)

    expect((await api.fail('recycle-purge', { entity: 'investor', id: investor })).message).toContain('仍有1条项目在使用它')
    expect((await api.fail('recycle-purge', { entity: 'project', id: project })).code).toBe('not_found')

    await f.remove('project', project)
    expect((await api.fail('recycle-purge', { entity: 'investor', id: investor })).message).toContain('回收站中还有1条项目')
    await api.call('recycle-purge', { entity: 'project', id: project })
    await api.call('recycle-purge', { entity: 'investor', id: investor })
    expect(await api.env.ctx.db.selectFrom('stageEvent').select('id').execute()).toEqual([])
    expect(await api.env.ctx.db.selectFrom('projectTag').selectAll().execute()).toEqual([])
    expect((await api.call('recycle-list', {})).total).toBe(0)

    const purges = await api.env.ctx.db.selectFrom('change').selectAll().where('action', '=', 'purge').orderBy('seq').execute()
    expect(purges.map((p) => p.entity)).toEqual(['stageEvent', 'project', 'investor'])
    expect(JSON.parse(purges[1]!.changes).name).toEqual(['巨能液压项目', null])
  })

  it('refuses to purge a user who still owns projects', async () => {
    const user = await api.call('user-create', { name: '离职的同事' })
    await f.project('交接中的项目', { ownerId: user.id })
    await api.call('user-delete', { id: user.id })
    expect((await api.fail('recycle-purge', { entity: 'user', id: user.id })).message).toContain('项目（责任人）')
  })
})
