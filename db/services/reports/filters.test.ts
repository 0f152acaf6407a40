import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../../tests/support/backend'
import type { ReportDrill } from '../../domain/report'
import type { Ctx } from '../../context'
import { changePct, drillCondition, elapsedShare, lastYearOf, measureOf, parseDrill, periodOf, periodOrThisYear } from './filters'
import { fillLedger } from './fixtures'

describe('report periods', () => {
  it('turns year, quarter, month and ranges into inclusive date ranges', () => {
    expect(periodOf({ year: 2024 })).toEqual({ from: '2024-01-01', to: '2024-12-31', label: '2024年' })
    expect(periodOf({ year: 2024, quarter: 1 })).toMatchObject({ from: '2024-01-01', to: '2024-03-31', label: '2024年第1季度' })
    expect(periodOf({ year: 2024, quarter: 4 })).toMatchObject({ from: '2024-10-01', to: '2024-12-31' })
    expect(periodOf({ year: 2024, month: 2 })).toMatchObject({ from: '2024-02-01', to: '2024-02-29' })
    expect(periodOf({ from: '2024-03-16', to: '2024-04-02' })).toMatchObject({ from: '2024-03-16', to: '2024-04-02' })
    expect(periodOf({})).toBeNull()
  })

  it('compares with the same dates of last year, month ends staying month ends', () => {
    expect(lastYearOf(periodOf({ year: 2024, month: 2 })!)).toEqual({ from: '2023-02-01', to: '2023-02-28', label: '2023年2月' })
    expect(lastYearOf(periodOf({ year: 2025, month: 2 })!)).toMatchObject({ from: '2024-02-01', to: '2024-02-29' })
    expect(lastYearOf(periodOf({ year: 2024, quarter: 2 })!)).toMatchObject({ from: '2023-04-01', to: '2023-06-30', label: '2023年第2季度' })
    expect(lastYearOf({ from: '2024-03-16', to: '2024-04-02', label: '' })).toMatchObject({ from: '2023-03-16', to: '2023-04-02' })
  })

  it('defaults to this year up to the current month, and last year over the same months', () => {
    const on = (iso: string) => ({ now: () => new Date(`${iso}T12:00:00`) }) as unknown as Ctx
    const november = periodOrThisYear(on('2026-11-30'), {})
    expect(november).toEqual({ from: '2026-01-01', to: '2026-11-30', label: '2026年1–11月' })
    expect(lastYearOf(november)).toEqual({ from: '2025-01-01', to: '2025-11-30', label: '2025年1–11月' })
    expect(periodOrThisYear(on('2026-01-05'), {})).toEqual({ from: '2026-01-01', to: '2026-01-31', label: '2026年1月' })
    expect(periodOrThisYear(on('2026-12-02'), {})).toEqual({ from: '2026-01-01', to: '2026-12-31', label: '2026年' })
    expect(periodOrThisYear(on('2026-11-30'), { year: 2024, quarter: 2 })).toMatchObject({ label: '2024年第2季度' })
  })

  it('measures the elapsed share of a year including the as-of day', () => {
    expect(elapsedShare(2024, '2023-12-31')).toBe(0)
    expect(elapsedShare(2024, '2024-01-01')).toBeCloseTo(1 / 366)
    expect(elapsedShare(2024, '2024-06-30')).toBeCloseTo(182 / 366)
    expect(elapsedShare(2024, '2024-12-31')).toBe(1)
    expect(changePct(3, 0)).toBeNull()
    expect(changePct(1, 3)).toBe(-66.67)
  })
})

describe('query plans of the main report queries', () => {
  let api: TestBackend
  beforeAll(async () => {
    api = await testBackend({ now: '2024-12-31T10:00:00+08:00' })
    await fillLedger(api.env.ctx)
  })
  afterAll(() => api.close())

  async function plan(drill: ReportDrill, group = sql`1`): Promise<string> {
    const d = parseDrill(drill)
    const rows = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT ${group} AS k, count(*), sum(${measureOf(d)})
      FROM project p WHERE ${drillCondition(d)} GROUP BY k`.execute(api.env.ctx.db)
    return rows.rows.map((r) => r.detail).join('\n')
  }

  const year = { from: '2024-01-01', to: '2024-12-31' }

  it('reads the reserve flow and the yearly breakdowns from the reserve cohort index alone', async () => {
    expect(await plan({ dates: { reserve: year } })).toMatch(/SEARCH p USING COVERING INDEX project_reserve_(on|cohort)/)
    for (const group of [sql`p.district_id`, sql`p.park_id`, sql`p.owner_id`, sql`p.stage`]) {
      expect(await plan({ dates: { reserve: year } }, group)).toMatch(/SEARCH p USING COVERING INDEX project_reserve_cohort/)
    }
  })

  it('reads a district or park scope through its (unit, stage) index', async () => {
    expect(await plan({ districtId: 'D1' })).toMatch(/USING (COVERING )?INDEX project_district_stage/)
    expect(await plan({ parkId: 'K1' }, sql`p.stage`)).toMatch(/USING (COVERING )?INDEX project_park_stage/)
  })

  it('finds projects signed in the period through the report facts (project_report_signed), then by id', async () => {
    const signed = await plan({ dates: { signed: year } })
    expect(signed).toMatch(/SEARCH r USING COVERING INDEX project_report_signed/)
    expect(signed).toMatch(/SEARCH p USING INDEX sqlite_autoindex_project_1 \(id=\?\)/)
    expect(signed).not.toMatch(/SCAN p/)
  })
})
