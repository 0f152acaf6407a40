import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { negotiationCountQuery, negotiationRowsQuery } from '../../db/services/negotiations'
import { NegotiationListQuery } from '../../db/domain/negotiation'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { addInvestor, addProject, addUser, journalOf } from './followups-fixtures'

describe('negotiations and their next steps through the contract', () => {
  let api: TestBackend
  let investorId: string
  let projectId: string
  let userId: string
  beforeEach(async () => {
    api = await testBackend({ now: '2026-11-27T12:00:00+08:00' })
    investorId = await addInvestor(api, '山东重工集团有限公司')
    projectId = await addProject(api, '重卡零部件产业园', { investorId })
    userId = await addUser(api, '王招商')
  })
  afterEach(() => api.close())

  const talk = (extra: Record<string, unknown> = {}) => ({
    happenedOn: '2026-11-20',
    type: 'visit_out' as const,
    summary: '赴济南总部洽谈用地需求',
    ...extra,
  })

  it('takes the investor from the project, shows names, and journals every write', async () => {
    const step = { nextStep: '报送用地方案', nextDueOn: '2026-12-01' }
    const created = await api.call('negotiation-create', talk({ projectId, ownerId: userId, ...step }))
    expect(created).toMatchObject({
      projectId,
      investorId,
      projectName: '重卡零部件产业园',
      investorName: '山东重工集团有限公司',
      ownerName: '王招商',
      nextDoneOn: null,
    })
    const edited = await api.call('negotiation-update', { id: created.id, result: '对方同意实地考察' })
    expect(edited.result).toBe('对方同意实地考察')
    await api.call('negotiation-delete', { id: created.id })
    expect((await api.call('negotiation-list', {})).total).toBe(0)
    expect((await api.fail('negotiation-get', { id: created.id })).code).toBe('not_found')
    await api.call('negotiation-restore', { id: created.id })
    expect((await api.call('negotiation-list', {})).rows.map((n) => n.id)).toEqual([created.id])

    const journal = await journalOf(api, created.id)
    expect(journal.map((c) => c.action)).toEqual(['create', 'update', 'delete', 'restore'])
    expect(journal[0]!.changes.investorId).toEqual([null, investorId])
    expect(journal[1]!.changes).toEqual({ result: [null, '对方同意实地考察'] })
  })

  it('keeps an investor given with the project, and takes the new project’s investor when the project changes', async () => {
    const other = await addInvestor(api, '中国重汽集团')
    const n = await api.call('negotiation-create', talk({ projectId, investorId: other }))
    expect(n.investorId).toBe(other)
    const second = await addInvestor(api, '潍柴动力')
    const otherProject = await addProject(api, '发动机再制造', { investorId: second })
    expect((await api.call('negotiation-update', { id: n.id, projectId: otherProject })).investorId).toBe(second)
    const investorOnly = await api.call('negotiation-create', talk({ investorId: other }))
    expect(investorOnly).toMatchObject({ projectId: null, investorName: '中国重汽集团' })
  })

  it('refuses what the rules forbid with Chinese messages', async () => {
    const none = await api.fail('negotiation-create', talk())
    expect(none).toMatchObject({ code: 'validation', message: expect.stringContaining('请选择项目或客商') })
    const dueWithoutStep = await api.fail('negotiation-create', talk({ projectId, nextDueOn: '2026-12-01' }))
    expect(dueWithoutStep.message).toContain('请同时填写下一步工作')
    const future = await api.fail('negotiation-create', talk({ projectId, happenedOn: '2026-11-28' }))
    expect(future).toMatchObject({ code: 'validation', message: expect.stringContaining('不能晚于今天') })
    const missing = await api.fail('negotiation-create', talk({ projectId: 'NOPE' }))
    expect(missing).toMatchObject({ code: 'not_found', message: expect.stringContaining('项目') })
    const badOwner = await api.fail('negotiation-create', talk({ projectId, ownerId: 'NOBODY' }))
    expect(badOwner.message).toContain('负责人')
    const badType = await api.fail('negotiation-create', talk({ projectId, type: 'email' }))
    expect(badType.message).toContain('请选择洽谈方式')

    const n = await api.call('negotiation-create', talk({ projectId, nextStep: '报送方案', nextDueOn: '2026-12-01' }))
    const clearStep = await api.fail('negotiation-update', { id: n.id, nextStep: null })
    expect(clearStep.message).toContain('请同时填写下一步工作')
    const cleared = await api.call('negotiation-update', { id: n.id, nextStep: null, nextDueOn: null })
    expect(cleared.nextStep).toBeNull()
    expect((await api.fail('negotiation-complete-step', { id: n.id })).code).toBe('conflict')
    expect((await api.call('negotiation-list', {})).total).toBe(1)
  })

  it('classifies next steps as overdue, today and upcoming at the date boundaries', async () => {
    const due = async (nextDueOn: string, step: string) =>
      (await api.call('negotiation-create', talk({ projectId, ownerId: userId, nextStep: step, nextDueOn }))).id
    const a = await due('2026-11-26', '昨天到期')
    const b = await due('2026-11-27', '今天到期')
    const c = await due('2026-11-28', '明天到期')
    const d = await due('2026-12-04', '七天后到期')
    await due('2026-12-05', '八天后到期')
    const steps = async (due: 'overdue' | 'today' | 'upcoming' | 'open') =>
      (await api.call('negotiation-list', { due })).rows.map((n) => n.nextStep)

    expect(await steps('overdue')).toEqual(['昨天到期'])
    expect(await steps('today')).toEqual(['今天到期'])
    expect(await steps('upcoming')).toEqual(['明天到期', '七天后到期'])
    expect(await steps('open')).toHaveLength(5)
    const counts = { today: '2026-11-27', overdue: 1, dueToday: 1, dueSoon: 2 }
    expect(await api.call('negotiation-due-summary', {})).toMatchObject(counts)

    // Late in the evening (济南 or UTC) the day's step is still due today; the next day it is overdue.
    api.setNow('2026-11-27T23:30:00+08:00')
    expect(await steps('today')).toEqual(['今天到期'])
    api.setNow('2026-11-28T12:00:00+08:00')
    expect(await steps('overdue')).toEqual(['昨天到期', '今天到期'])
    expect(await steps('today')).toEqual(['明天到期'])
    const summary = await api.call('negotiation-due-summary', { ownerId: userId })
    expect(summary).toMatchObject({ today: '2026-11-28', overdue: 2, dueToday: 1, dueSoon: 2 })
    expect(summary.overdueRows.map((n) => n.id)).toEqual([a, b])
    expect((await api.call('negotiation-due-summary', { ownerId: 'SOMEONE_ELSE' })).overdue).toBe(0)

    // Done steps and deleted records leave the lists.
    const done = await api.call('negotiation-complete-step', { id: a })
    expect(done.nextDoneOn).toBe('2026-11-28')
    expect((await api.fail('negotiation-complete-step', { id: a })).code).toBe('conflict')
    await api.call('negotiation-delete', { id: c })
    expect(await steps('overdue')).toEqual(['今天到期'])
    expect(await steps('today')).toEqual([])
    expect(await api.call('negotiation-due-summary', {})).toMatchObject({ overdue: 1, dueToday: 0, dueSoon: 2 })

    // Rescheduling a done step opens it again.
    await api.call('negotiation-complete-step', { id: d, doneOn: '2026-11-28' })
    const moved = await api.call('negotiation-update', { id: d, nextDueOn: '2026-12-10' })
    expect(moved.nextDoneOn).toBeNull()
    expect((await api.fail('negotiation-complete-step', { id: b, doneOn: '2026-11-10' })).message).toContain('不能早于洽谈日期')
    expect((await api.fail('negotiation-complete-step', { id: b, doneOn: '2026-11-29' })).message).toContain('不能晚于今天')
  })

  it('filters by type, dates, owner and text, sorts and pages in SQL', async () => {
    const other = await addUser(api, '李专员')
    for (let day = 1; day <= 12; day++) {
      const happenedOn = `2026-11-${String(day).padStart(2, '0')}`
      await api.call('negotiation-create', talk({
        projectId,
        happenedOn,
        type: day % 3 === 0 ? 'phone' : 'visit_in',
        ownerId: day % 2 === 0 ? userId : other,
        summary: day === 7 ? '讨论 100% 股权收购' : `第${day}次洽谈`,
      }))
    }
    const page = await api.call('negotiation-list', { pageSize: 5, page: 2 })
    expect(page.total).toBe(12)
    expect(page.rows.map((n) => n.happenedOn)).toEqual(['2026-11-07', '2026-11-06', '2026-11-05', '2026-11-04', '2026-11-03'])
    expect((await api.call('negotiation-list', { type: 'phone' })).total).toBe(4)
    expect((await api.call('negotiation-list', { type: ['phone', 'visit_in'] })).total).toBe(12)
    const range = await api.call('negotiation-list', { from: '2026-11-03', to: '2026-11-05', sort: 'happenedOn', order: 'asc' })
    expect(range.rows.map((n) => n.happenedOn)).toEqual(['2026-11-03', '2026-11-04', '2026-11-05'])
    expect((await api.call('negotiation-list', { ownerId: userId })).total).toBe(6)
    expect((await api.call('negotiation-list', { text: '100%' })).rows.map((n) => n.happenedOn)).toEqual(['2026-11-07'])
    expect((await api.call('negotiation-list', { text: '零部件' })).total).toBe(12)
    expect((await api.call('negotiation-list', { text: '_' })).total).toBe(0)
    expect((await api.call('negotiation-list', { investorId })).total).toBe(12)
  })

  it('answers the overdue list from the negotiation_due index', async () => {
    const query = NegotiationListQuery.parse({ due: 'overdue', ownerId: userId })
    for (const q of [query, NegotiationListQuery.parse({ due: 'overdue' })]) {
      const compiled = negotiationRowsQuery(api.env.ctx, q).compile()
      const plan = api.env.ctx.sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...(compiled.parameters as unknown[]))
      const details = plan.map((row) => (row as { detail: string }).detail)
      expect(details.join('\n')).toMatch(/SEARCH n USING INDEX negotiation_due/)
    }
  })

  it('counts the overdue steps from the index alone, reading no row and no name', async () => {
    // Joined for the names, a city's 65,000 overdue steps were each read from the table: 370 ms.
    for (const q of [NegotiationListQuery.parse({ due: 'overdue', ownerId: userId }), NegotiationListQuery.parse({ due: 'overdue' })]) {
      const compiled = negotiationCountQuery(api.env.ctx, q).compile()
      const plan = api.env.ctx.sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...(compiled.parameters as unknown[]))
      expect(plan.map((row) => (row as { detail: string }).detail)).toEqual([expect.stringMatching(/^SEARCH n USING (COVERING )?INDEX negotiation_due \(/)])
    }
  })
})
