// Query plans of the queries tuned after the benchmark (bench/RESULTS.md): asserted with EXPLAIN
// QUERY PLAN on the real schema, never with timings. Plus the prepared-statement cache of db/open.
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type OpenDatabase, openDatabase } from '../../db/open'
import type { ParsedDrill } from '../../db/domain/report'
import { filteredProjects } from '../../db/services/project-list'
import { drillCondition, measureOf, parseDrill } from '../../db/services/reports/filters'

let opened: OpenDatabase

beforeEach(async () => {
  opened = await openDatabase({ file: ':memory:' })
})
afterEach(async () => {
  await opened.close()
})

/** The plan's lines for a compiled query, joined for readable failures. */
function planOf(query: { sql: string; parameters: readonly unknown[] }): string {
  const rows = opened.sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.parameters as unknown[])) as { detail: string }[]
  return rows.map((r) => r.detail).join('\n')
}

/** measureDrill's query (count and sum over a drill) for one milestone in 2024. */
function milestoneQuery(milestone: string) {
  const drill: ParsedDrill = parseDrill({ dates: { [milestone]: { from: '2024-01-01', to: '2024-12-31' } } } as never)
  return sql`SELECT count(*) AS n, sum(${measureOf(drill)}) AS s FROM project p WHERE ${drillCondition(drill)}`.compile(opened.db)
}

describe('report flow: one index range per milestone, never a scan of project', () => {
  it.each([
    // The reserve cohort's index (migration 0007) covers what the flow reads of a reserved project.
    ['reserve', 'project_reserve_cohort'],
    ['registered', 'project_registered_on'],
    ['started', 'project_started_on'],
    ['operating', 'project_operating_on'],
  ])('%s in a period reads a range of %s', (milestone, index) => {
    const plan = planOf(milestoneQuery(milestone))
    expect(plan).toMatch(new RegExp(`SEARCH p USING (COVERING )?INDEX ${index} \\(`))
    expect(plan).not.toMatch(/SCAN p\b/)
  })

  it('signed in a period reads a range of the precomputed signing dates, then looks projects up by id', () => {
    const plan = planOf(milestoneQuery('signed'))
    // project_report holds each project's signing date by the signing definition (migration 0007).
    expect(plan).toMatch(/SEARCH r USING (COVERING )?INDEX project_report_signed \(signed_on>\? AND signed_on<\?\)/)
    expect(plan).toMatch(/SEARCH p USING INDEX sqlite_autoindex_project_1 \(id=\?\)/)
    expect(plan).not.toMatch(/SCAN p\b/)
  })
})

describe('kanban board of one park', () => {
  it('reads each column from project_park_stage, cards in updated_at order without sorting the column', () => {
    const park = '01ARZ3NDEKTSV4RRFFQ69G5FAV'
    const totals = filteredProjects(opened.db, { parkId: park, stage: 'negotiating' })
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('p.totalInvestmentYuan').as('s')])
      .compile()
    expect(planOf(totals)).toMatch(/SEARCH p USING (COVERING )?INDEX project_park_stage \(park_id=\? AND stage=\?\)/)
    const cards = filteredProjects(opened.db, { parkId: park, stage: 'negotiating' })
      .select(['p.id', 'p.updatedAt'])
      .orderBy('p.updatedAt', 'desc')
      .orderBy('p.id', 'desc')
      .limit(30)
      .compile()
    const plan = planOf(cards)
    expect(plan).toMatch(/USING (COVERING )?INDEX project_park_stage \(park_id=\? AND stage=\?\)/)
    // Ordered by the index; only ties on updated_at (same millisecond) would need sorting by id.
    expect(plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/)
  })
})

describe('prepared statements', () => {
  it('kysely reuses a prepared statement for the same SQL instead of preparing it on every call', async () => {
    const prepare = vi.spyOn(opened.sqlite, 'prepare')
    const query = () => opened.db.selectFrom('project').select('id').where('stage', '=', 'lead').execute()
    await query()
    await query()
    await query()
    const calls = prepare.mock.calls.filter(([text]) => String(text).includes('from "project"'))
    expect(calls).toHaveLength(1)
  })
})
