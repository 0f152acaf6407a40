import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { addInvestor, addProject, addUser, journalOf } from './followups-fixtures'

describe('enterprise requests through the contract', () => {
  let api: TestBackend
  let investorId: string
  let projectId: string
  let officer: string
  beforeEach(async () => {
    api = await testBackend({ now: '2026-11-27T12:00:00+08:00' })
    investorId = await addInvestor(api, '山东泰山钢铁')
    projectId = await addProject(api, '精品钢延链项目', { investorId, stage: 'operating' })
    officer = await addUser(api, '赵服务')
  })
  afterEach(() => api.close())

  const ask = (extra: Record<string, unknown> = {}) => ({
    category: 'land' as const,
    title: '二期用地指标',
    receivedOn: '2026-11-01',
    projectId,
    ...extra,
  })

  it('moves forward along 受理 → 交办 → 办理中 → 办结 → 回访, and never back', async () => {
    const r = await api.call('request-create', ask({ deadlineOn: '2026-11-30' }))
    expect(r).toMatchObject({ status: 'received', investorId, investorName: '山东泰山钢铁', projectName: '精品钢延链项目' })

    const assign = { id: r.id, toStatus: 'assigned', assigneeId: officer, department: '自然资源局' } as const
    const assigned = await api.call('request-advance', assign)
    expect(assigned).toMatchObject({ status: 'assigned', assigneeName: '赵服务', department: '自然资源局' })
    const back = await api.fail('request-advance', { id: r.id, toStatus: 'received' })
    expect(back).toMatchObject({ code: 'conflict', message: expect.stringContaining('不能改为“受理”') })
    expect((await api.fail('request-advance', { id: r.id, toStatus: 'assigned' })).code).toBe('conflict')

    // Skipping 办理中 is allowed: forward by more than one step.
    const resolved = await api.call('request-advance', { id: r.id, toStatus: 'resolved', on: '2026-11-20' })
    expect(resolved).toMatchObject({ status: 'resolved', resolvedOn: '2026-11-20' })

    const noNote = await api.fail('request-advance', { id: r.id, toStatus: 'in_progress' })
    expect(noNote).toMatchObject({ code: 'validation', message: '重新办理请填写说明' })
    const reopened = await api.call('request-advance', { id: r.id, toStatus: 'in_progress', note: '企业反映指标未落实' })
    expect(reopened).toMatchObject({ status: 'in_progress', resolvedOn: null, detail: '【2026-11-27 重新办理】企业反映指标未落实' })

    await api.call('request-advance', { id: r.id, toStatus: 'resolved' })
    const noScore = await api.fail('request-advance', { id: r.id, toStatus: 'revisited', feedback: '满意' })
    expect(noScore).toMatchObject({ code: 'validation', message: expect.stringContaining('满意度') })
    expect((await api.fail('request-advance', { id: r.id, toStatus: 'revisited', satisfaction: 6 })).code).toBe('validation')
    const revisited = await api.call('request-advance', { id: r.id, toStatus: 'revisited', satisfaction: 5, feedback: '满意' })
    expect(revisited).toMatchObject({ status: 'revisited', resolvedOn: '2026-11-27', satisfaction: 5, feedback: '满意' })
    expect((await api.fail('request-advance', { id: r.id, toStatus: 'in_progress', note: 'x' })).code).toBe('conflict')

    const journal = await journalOf(api, r.id)
    expect(journal.map((c) => c.changes.status?.[1]).filter(Boolean)).toEqual([
      'received', 'assigned', 'resolved', 'in_progress', 'resolved', 'revisited',
    ])
  })

  it('starts as 交办 when created with an assignee, and checks its references and dates', async () => {
    expect((await api.call('request-create', ask({ assigneeId: officer }))).status).toBe('assigned')
    expect((await api.call('request-create', ask({ projectId: null, investorId }))).projectId).toBeNull()
    expect((await api.fail('request-create', ask({ projectId: null }))).message).toContain('请选择企业')
    expect((await api.fail('request-create', ask({ deadlineOn: '2026-10-01' }))).message).toContain('不能早于受理日期')
    expect((await api.fail('request-create', ask({ receivedOn: '2026-11-28' }))).message).toContain('不能晚于今天')
    expect((await api.fail('request-create', ask({ assigneeId: 'NOBODY' }))).message).toContain('承办人')
    expect((await api.fail('request-create', ask({ category: 'tax' }))).message).toContain('请选择诉求类别')
    const r = await api.call('request-create', ask())
    const early = await api.fail('request-advance', { id: r.id, toStatus: 'resolved', on: '2026-10-01' })
    expect(early.message).toContain('不能早于受理日期')
    expect((await api.fail('request-update', { id: r.id, deadlineOn: '2026-10-01' })).message).toContain('不能早于受理日期')
    const renamed = await api.call('request-update', { id: r.id, title: '二期用地指标调整', status: 'revisited' } as never)
    expect(renamed).toMatchObject({ title: '二期用地指标调整', status: 'received' })
  })

  it('lists overdue requests (past the deadline, not resolved) and filters in SQL', async () => {
    const late = await api.call('request-create', ask({ title: '用工招聘', category: 'labor', deadlineOn: '2026-11-26' }))
    await api.call('request-create', ask({ title: '今天到期', deadlineOn: '2026-11-27' }))
    const done = await api.call('request-create', ask({ title: '贷款贴息', category: 'financing', deadlineOn: '2026-11-10' }))
    await api.call('request-advance', { id: done.id, toStatus: 'resolved', on: '2026-11-09' })
    await api.call('request-create', ask({ title: '无期限', assigneeId: officer }))

    expect((await api.call('request-list', { overdue: true })).rows.map((r) => r.title)).toEqual(['用工招聘'])
    api.setNow('2026-11-28T12:00:00+08:00')
    expect((await api.call('request-list', { overdue: true })).rows.map((r) => r.title)).toEqual(['用工招聘', '今天到期'])
    expect((await api.call('request-list', { status: 'resolved' })).rows.map((r) => r.id)).toEqual([done.id])
    expect((await api.call('request-list', { status: ['received', 'assigned'] })).total).toBe(3)
    expect((await api.call('request-list', { category: ['labor', 'financing'] })).total).toBe(2)
    expect((await api.call('request-list', { assigneeId: officer })).rows.map((r) => r.title)).toEqual(['无期限'])
    expect((await api.call('request-list', { text: '泰山' })).total).toBe(4)
    const page = await api.call('request-list', { pageSize: 3, page: 2 })
    expect(page).toMatchObject({ total: 4 })
    expect(page.rows).toHaveLength(1)

    await api.call('request-delete', { id: late.id })
    expect((await api.call('request-list', { overdue: true })).total).toBe(1)
    expect((await api.fail('request-get', { id: late.id })).code).toBe('not_found')
    await api.call('request-restore', { id: late.id })
    expect((await api.call('request-get', { id: late.id })).title).toBe('用工招聘')
  })
})
