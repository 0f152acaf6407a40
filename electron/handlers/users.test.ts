import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { fixtures } from './search.fixtures'

describe('users and the session', () => {
  let api: TestBackend
  beforeEach(async () => (api = await testBackend()))
  afterEach(() => api.close())

  it('creates, lists with project counts, filters by role, edits, deletes and restores users', async () => {
    const wang = await api.call('user-create', { name: ' 王敏 ', title: '招商一科科长', phone: '0531-87100001' })
    expect(wang).toMatchObject({ name: '王敏', role: 'staff', title: '招商一科科长' })
    const li = await api.call('user-create', { name: '李局长', role: 'manager' })
    const f = fixtures(api)
    await f.project('巨能液压项目', { ownerId: wang.id })
    const gone = await f.project('已删除的项目', { ownerId: wang.id })
    await f.remove('project', gone)

    expect((await api.call('user-list', {})).map((u) => [u.name, u.projectCount])).toEqual([['李局长', 0], ['王敏', 1]])
    expect((await api.call('user-list', { role: 'manager' })).map((u) => u.id)).toEqual([li.id])
    expect((await api.call('user-update', { id: li.id, role: 'leader', title: '副区长' })).role).toBe('leader')

    await api.call('user-delete', { id: li.id })
    expect((await api.call('user-list', {})).map((u) => u.name)).toEqual(['王敏'])
    await api.call('user-restore', { id: li.id })
    expect(await api.call('user-list', {})).toHaveLength(2)
  })

  it('refuses bad input and deleting the person at the keyboard', async () => {
    expect((await api.fail('user-create', { name: '' })).message).toContain('请填写姓名')
    expect((await api.fail('user-create', { name: '某人', role: 'boss' })).message).toContain('角色不正确')
    const me = await api.call('user-create', { name: '张三' })
    await api.call('session-set-user', { userId: me.id })
    expect((await api.fail('user-delete', { id: me.id })).code).toBe('conflict')
    expect((await api.fail('session-set-user', { userId: 'NOPE' })).code).toBe('not_found')
  })

  it('stamps writes with the current user and keeps the choice across reopening the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-users-'))
    const file = join(dir, 'crm.sqlite')
    try {
      const first = await testBackend({ file })
      expect(await first.call('session-get', {})).toEqual({ user: null, userCount: 0 })
      const me = await first.call('user-create', { name: '赵丽' })
      expect(me.createdBy).toBeNull()
      const session = await first.call('session-set-user', { userId: me.id })
      expect(session).toMatchObject({ user: { id: me.id, name: '赵丽' }, userCount: 1 })
      const district = await first.call('district-create', { name: '槐荫区' })
      expect(district.createdBy).toBe(me.id)
      await first.close()

      const second = await testBackend({ file })
      expect((await second.call('session-get', {})).user?.id).toBe(me.id)
      const park = await second.call('park-create', { districtId: district.id, name: '济南西部会展片区' })
      expect(park.createdBy).toBe(me.id)
      const [change] = await second.env.ctx.db.selectFrom('change').select('userId').where('entityId', '=', park.id).execute()
      expect(change!.userId).toBe(me.id)
      await second.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
