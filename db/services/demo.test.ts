import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { withTransaction } from '../context'
import { validateCreditCode } from '../domain/credit-code'
import { addMonths } from '../domain/dates'
import { MILESTONE_COLUMN, MILESTONE_COLUMNS } from '../domain/project'
import { MAIN_STAGES, type Stage, isMainStage, stageRank } from '../domain/stages'
import type { Project, StageEvent } from '../schema'
import { DEMO_MARKER, type DemoSummary, seedDemoData } from './demo'
import { createUser, listUsers } from './users'

const NOW = '2026-11-27T09:00:00+08:00'
const TODAY = '2026-11-27'
// The seed is a few seconds on an idle machine; shared CI machines can be much slower.
const SLOW = 240_000

const count = async (api: TestBackend, table: 'project' | 'investor' | 'negotiation' | 'stage_event' | 'funds' | 'change') =>
  Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(api.env.ctx.db)).rows[0]!.n)

/** The milestones the stage-change rules give for these events (project-stages.ts, written out again). */
function expectedMilestones(events: StageEvent[]): Record<string, string | null> {
  const milestones: Record<string, string | null> = Object.fromEntries(MILESTONE_COLUMNS.map((column) => [column, null]))
  let rank = 0
  for (const event of events) {
    const to = event.toStage as Stage
    if (!isMainStage(to)) continue
    const toRank = stageRank(to)
    for (const stage of MAIN_STAGES) if (stageRank(stage) > toRank && MILESTONE_COLUMN[stage]) milestones[MILESTONE_COLUMN[stage]!] = null
    const own = MILESTONE_COLUMN[to]
    if (own) milestones[own] = toRank > rank || milestones[own] === null ? event.happenedOn : milestones[own]
    rank = toRank
  }
  return milestones
}

describe('demo seed', () => {
  let api: TestBackend
  let summary: DemoSummary

  beforeAll(async () => {
    api = await testBackend({ now: NOW })
    summary = await seedDemoData(api.env.ctx)
  }, SLOW)
  afterAll(() => api.close())

  it('creates the ledger of the three districts', async () => {
    expect(summary).toMatchObject({ districts: 3, parks: 11, users: 13, tags: 7, investors: 150, projects: 300, events: 15 })
    expect(summary.industries).toBeGreaterThanOrEqual(30)
    expect(summary.contacts).toBeGreaterThanOrEqual(150)
    expect(summary.negotiations).toBeGreaterThanOrEqual(900)
    expect(summary.stageEvents).toBeGreaterThanOrEqual(600)
    expect(summary.agreements).toBeGreaterThan(100)
    expect(summary.funds).toBeGreaterThan(100)
    expect(summary.requests).toBeGreaterThan(30)
    expect(summary.targets).toBeGreaterThan(40)
    expect(await count(api, 'project')).toBe(300)
    expect(await count(api, 'investor')).toBe(150)
    expect(await count(api, 'negotiation')).toBe(summary.negotiations)
    expect(await count(api, 'stage_event')).toBe(summary.stageEvents)
    expect(await count(api, 'funds')).toBe(summary.funds)
    // The current user stays unchosen; the people exist.
    expect(api.env.ctx.userId).toBeNull()
    expect(await api.call('session-get', {})).toMatchObject({ user: null, userCount: 13 })
    const roles = (await listUsers(api.env.ctx)).map((user) => user.role)
    expect(roles.filter((role) => role === 'staff')).toHaveLength(8)
    expect(roles.filter((role) => role === 'leader')).toHaveLength(3)
  })

  it('seeds once: a second run creates nothing', async () => {
    const before = await count(api, 'change')
    const again = await seedDemoData(api.env.ctx)
    expect(Object.values(again).every((n) => n === 0)).toBe(true)
    expect(await api.call('demo-seed', {})).toEqual({ districts: 0, parks: 0 })
    expect(await count(api, 'change')).toBe(before)
    const marker = await api.env.ctx.db.selectFrom('setting').select('value').where('key', '=', DEMO_MARKER).executeTakeFirst()
    expect(JSON.parse(marker!.value)).toMatchObject({ projects: 300 })
  }, SLOW)

  it("keeps every project's milestones and stage in step with its stage events", async () => {
    const projects = (await api.env.ctx.db.selectFrom('project').selectAll().execute()) as Project[]
    const events = await api.env.ctx.db.selectFrom('stageEvent').selectAll().orderBy('id').execute()
    const byProject = new Map<string, StageEvent[]>()
    for (const event of events) byProject.set(event.projectId, [...(byProject.get(event.projectId) ?? []), event])
    let movedBack = 0
    for (const project of projects) {
      const own = byProject.get(project.id) ?? []
      const milestones = Object.fromEntries(MILESTONE_COLUMNS.map((column) => [column, project[column]]))
      expect({ name: project.name, ...milestones }).toEqual({ name: project.name, ...expectedMilestones(own) })
      const last = own[own.length - 1]
      expect([project.stage, project.stageOn]).toEqual(last ? [last.toStage, last.happenedOn] : ['lead', project.reserveOn])
      for (const [i, event] of own.entries()) {
        expect(event.happenedOn >= project.reserveOn && event.happenedOn <= TODAY).toBe(true)
        if (i > 0) expect(event.happenedOn >= own[i - 1]!.happenedOn).toBe(true)
        if (['on_hold', 'lost', 'terminated'].includes(event.toStage)) expect(event.reason).toBeTruthy()
        if (event.fromStage && isMainStage(event.toStage) && isMainStage(event.fromStage) && stageRank(event.toStage) < stageRank(event.fromStage)) {
          expect(event.reason).toBeTruthy()
          movedBack++
        }
      }
    }
    expect(movedBack).toBeGreaterThan(0)
    const stages = new Set(projects.map((project) => project.stage))
    for (const stage of ['lead', 'negotiating', 'signed', 'started', 'operating', 'on_hold', 'lost', 'terminated']) expect(stages).toContain(stage)
  })

  it('has overdue, due-today and upcoming next steps, most of them done', async () => {
    const due = await api.env.ctx.db
      .selectFrom('negotiation')
      .select(['nextDueOn', 'nextDoneOn', 'happenedOn'])
      .where('nextStep', 'is not', null)
      .execute()
    const open = due.filter((row) => row.nextDoneOn === null && row.nextDueOn !== null)
    expect(open.filter((row) => row.nextDueOn! < TODAY).length).toBeGreaterThanOrEqual(10)
    expect(open.filter((row) => row.nextDueOn === TODAY).length).toBeGreaterThanOrEqual(1)
    expect(open.filter((row) => row.nextDueOn! > TODAY).length).toBeGreaterThanOrEqual(10)
    expect(due.filter((row) => row.nextDoneOn !== null).length).toBeGreaterThan(due.length * 0.7)
    for (const row of due) {
      expect(row.happenedOn <= TODAY).toBe(true)
      if (row.nextDoneOn) expect(row.nextDoneOn >= row.happenedOn && row.nextDoneOn <= TODAY).toBe(true)
    }
    const badge = await api.call('negotiation-due-summary', {})
    expect(badge.overdue).toBe(open.filter((row) => row.nextDueOn! < TODAY).length)
  })

  it('sums 总投资 per district exactly, in the scale of the article', async () => {
    const rows = await api.env.ctx.db
      .selectFrom('project as p')
      .innerJoin('district as d', 'd.id', 'p.districtId')
      .select(['d.name', sql<number>`sum(p.total_investment_yuan)`.as('total'), sql<number>`count(*)`.as('n')])
      .groupBy('d.name')
      .execute()
    const amounts = await api.env.ctx.db.selectFrom('project as p').innerJoin('district as d', 'd.id', 'p.districtId').select(['d.name', 'p.totalInvestmentYuan']).execute()
    const yi = Object.fromEntries(rows.map((row) => [row.name, row.total / 1e8]))
    for (const row of rows) {
      expect(Number.isSafeInteger(row.total)).toBe(true)
      const exact = amounts.filter((a) => a.name === row.name).reduce((sum, a) => sum + BigInt(a.totalInvestmentYuan!), 0n)
      expect(BigInt(row.total)).toBe(exact)
    }
    expect(rows.reduce((n, row) => n + row.n, 0)).toBe(300)
    expect(yi['槐荫区']).toBeGreaterThan(600)
    expect(yi['槐荫区']).toBeLessThan(3200)
    expect(yi['长清区']).toBeGreaterThan(250)
    expect(yi['平阴县']).toBeGreaterThan(100)
    expect(yi['平阴县']).toBeLessThan(900)
    for (const { totalInvestmentYuan } of amounts) {
      expect(totalInvestmentYuan! % 1_000_000).toBe(0)
      expect(totalInvestmentYuan!).toBeGreaterThanOrEqual(50_000_000)
      expect(totalInvestmentYuan!).toBeLessThanOrEqual(8_000_000_000)
    }
    // Nothing happens to a project before it entered the reserve, or after today.
    for (const table of ['agreement', 'funds', 'negotiation'] as const) {
      const column = { agreement: 'signed_on', funds: 'arrived_on', negotiation: 'happened_on' }[table]
      const wrong = await sql`select count(*) as n from ${sql.table(table)} t join project p on p.id = t.project_id
        where ${sql.ref(`t.${column}`)} < p.reserve_on or ${sql.ref(`t.${column}`)} > ${TODAY}`.execute(api.env.ctx.db)
      expect({ table, ...(wrong.rows[0] as object) }).toEqual({ table, n: 0 })
    }
    // Funds in place never exceed the project's total.
    const over = await sql`select p.name from project p join funds f on f.project_id = p.id group by p.id having sum(f.amount_yuan) > p.total_investment_yuan`.execute(api.env.ctx.db)
    expect(over.rows).toEqual([])
  })

  it('fills the exception lists and the article’s stories', async () => {
    const db = api.env.ctx.db
    const idle = await db
      .selectFrom('project')
      .select('name')
      .where('stage', 'in', ['signed', 'registered'])
      .where('startedOn', 'is', null)
      .where('signedOn', '>=', addMonths(TODAY, -6))
      .where('signedOn', '<=', addMonths(TODAY, -4))
      .execute()
    expect(idle.length).toBeGreaterThanOrEqual(4)
    const sameYear = await db
      .selectFrom('project')
      .select('name')
      .where(sql<boolean>`substr(reserve_on, 1, 4) = substr(started_on, 1, 4) and substr(started_on, 1, 4) = substr(operating_on, 1, 4)`)
      .execute()
    expect(sameYear.map((p) => p.name)).toContain('山东力冠微电子半导体装备项目')
    expect(sameYear.length).toBeGreaterThanOrEqual(10)
    const overdueRequests = await db
      .selectFrom('request')
      .select('id')
      .where('status', 'in', ['received', 'assigned', 'in_progress'])
      .where('deadlineOn', '<', TODAY)
      .execute()
    expect(overdueRequests.length).toBeGreaterThan(0)
    const codes = await db.selectFrom('investor').select('creditCode').execute()
    const withCode = codes.filter((row) => row.creditCode !== null)
    expect(withCode.length).toBeGreaterThan(50)
    expect(withCode.length).toBeLessThan(100)
    for (const { creditCode } of withCode) expect(validateCreditCode(creditCode!).ok).toBe(true)
    const jinghu = await db
      .selectFrom('investorTag as it')
      .innerJoin('tag as t', 't.id', 'it.tagId')
      .innerJoin('investor as i', 'i.id', 'it.investorId')
      .select('i.originCity')
      .where('t.name', '=', '京沪系')
      .execute()
    expect(jinghu.length).toBeGreaterThan(3)
    expect(new Set(jinghu.map((row) => row.originCity))).toEqual(new Set(['北京', '上海']))
    const targets = await db.selectFrom('target').select(['year', 'unitType']).execute()
    expect(new Set(targets.map((t) => t.year))).toEqual(new Set([2025, 2026]))
    expect(new Set(targets.map((t) => t.unitType))).toEqual(new Set(['district', 'park', 'user']))
  })

  it('gives the same ledger on another fresh database', async () => {
    const other = await testBackend({ now: NOW })
    try {
      await seedDemoData(other.env.ctx)
      const ledger = (ctx: TestBackend['env']['ctx']) =>
        ctx.db
          .selectFrom('project')
          .select(['name', 'stage', 'stageOn', 'reserveOn', 'totalInvestmentYuan', 'signedOn', 'startedOn'])
          .orderBy('name')
          .execute()
      expect(await ledger(other.env.ctx)).toEqual(await ledger(api.env.ctx))
      const talks = (ctx: TestBackend['env']['ctx']) =>
        ctx.db.selectFrom('negotiation').select(['happenedOn', 'summary', 'nextDueOn', 'nextDoneOn']).orderBy('happenedOn').orderBy('summary').orderBy('nextDueOn').execute()
      expect(await talks(other.env.ctx)).toEqual(await talks(api.env.ctx))
    } finally {
      await other.close()
    }
  }, SLOW)
})

describe('withTransaction, as the seed uses it', () => {
  it('runs the services in one transaction and undoes everything when the work fails', async () => {
    const api = await testBackend({ now: NOW })
    try {
      const failed = withTransaction(api.env.ctx, async (inner) => {
        await createUser(inner, { name: '张三', role: 'staff', title: null, phone: null })
        expect(await listUsers(inner)).toHaveLength(1)
        throw new Error('boom')
      })
      await expect(failed).rejects.toThrow('boom')
      expect(await listUsers(api.env.ctx)).toEqual([])
      expect(await count(api, 'change')).toBe(0)
      await withTransaction(api.env.ctx, (inner) => createUser(inner, { name: '李四', role: 'staff', title: null, phone: null }))
      expect((await listUsers(api.env.ctx)).map((user) => user.name)).toEqual(['李四'])
    } finally {
      await api.close()
    }
  })
})
