import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Compilable } from 'kysely'
import { ProjectListQuery } from '../domain/project'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { boardCards, filteredProjects, listProjects, pageIds } from './project-list'

function plan(api: TestBackend, query: Compilable): string {
  const { sql, parameters } = query.compile()
  const rows = api.env.ctx.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(parameters as unknown[])) as { detail: string }[]
  return rows.map((row) => row.detail).join('\n')
}

describe('project list at ledger scale', () => {
  let api: TestBackend
  beforeEach(async () => (api = await testBackend()))
  afterEach(() => api.close())

  it('finds a park and stage through the partial index, for the count and for the page', async () => {
    const query = ProjectListQuery.parse({ parkId: 'P1', library: 'implementing', sort: 'signedOn' })
    const db = api.env.ctx.db
    const count = plan(api, filteredProjects(db, query).select((eb) => eb.fn.countAll().as('n')))
    expect(count).toMatch(/USING (COVERING )?INDEX project_park_stage/)
    expect(count).not.toMatch(/SCAN p\b/)
    const page = plan(api, pageIds(db, query))
    expect(page).toMatch(/USING (COVERING )?INDEX project_park_stage/)
    expect(page).not.toMatch(/SCAN p\b/)
    const byOwner = plan(api, filteredProjects(db, ProjectListQuery.parse({ ownerId: 'U1', stage: 'started' })).select('p.id'))
    expect(byOwner).toMatch(/USING (COVERING )?INDEX project_owner/)
    // The board's per-stage totals: the index holds the amounts, so no table row is read.
    const column = plan(api, filteredProjects(db, { stage: 'signed' }).select((eb) => eb.fn.sum('p.totalInvestmentYuan').as('s')))
    expect(column).toMatch(/SEARCH p USING (COVERING )?INDEX project_stage_updated \(stage=\?\)/)
  })

  it('reads every board column from its index alone: totals without the table, cards in index order', async () => {
    const db = api.env.ctx.db
    const totals = (filter: Parameters<typeof filteredProjects>[1]) =>
      plan(api, filteredProjects(db, filter).select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('p.totalInvestmentYuan').as('s')]))
    expect(totals({ parkId: 'P1', stage: 'signed' })).toContain('COVERING INDEX project_park_stage')
    expect(totals({ districtId: 'D1', stage: 'signed' })).toContain('COVERING INDEX project_district_stage')
    expect(totals({ ownerId: 'U1', stage: 'signed' })).toContain('COVERING INDEX project_owner')
    expect(totals({ stage: 'signed' })).toContain('COVERING INDEX project_stage_updated')
    for (const filter of [{ parkId: 'P1' }, { districtId: 'D1' }, { ownerId: 'U1' }, {}]) {
      const cards = plan(api, boardCards(db, { ...filter, stage: 'signed' }))
      expect(cards).toMatch(/SEARCH p USING INDEX project_(park_stage|district_stage|owner|stage_updated)/)
      expect(cards).not.toContain('TEMP B-TREE')
    }
  })

  it('sums amounts past 2^32 exactly and refuses a total JavaScript cannot hold', async () => {
    const insert = api.env.ctx.sqlite.prepare(
      `INSERT INTO project (id, created_at, updated_at, name, stage, stage_on, reserve_on, total_investment_yuan)
       VALUES (?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', ?, 'lead', '2026-01-01', '2026-01-01', ?)`,
    )
    // 0.29亿 is the classic float trap: 0.29 * 1e8 = 28999999.999999996.
    for (let i = 0; i < 1000; i++) insert.run(`P${String(i).padStart(4, '0')}`, `项目${i}`, 29_000_000 + i)
    const result = await listProjects(api.env.ctx, ProjectListQuery.parse({ pageSize: 10, page: 100 }))
    expect(result.total).toBe(1000)
    expect(result.totalInvestmentYuan).toBe(29_000_000 * 1000 + (999 * 1000) / 2)
    expect(result.rows).toHaveLength(10)

    insert.run('HUGE', '巨额', Number.MAX_SAFE_INTEGER - 1)
    await expect(listProjects(api.env.ctx, ProjectListQuery.parse({}))).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('金额合计超出') })
  })
})
