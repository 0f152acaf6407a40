// The funnel: where projects stand now (per stage and per library), how many went on from each
// main stage to the next, and how long stays in each stage last (from stage_event).
import { sql } from 'kysely'
import type { Ctx } from '../../context'
import type { Figure, FunnelConversion, FunnelQuery, FunnelResult, ReportDrill } from '../../domain/report'
import { LIBRARIES, LIBRARY_LABELS, type Library, MAIN_STAGES, STAGES, STAGE_LABELS, type Stage } from '../../domain/stages'
import { INVESTMENT, REACH_RANK, drillCondition, exact, figure, parseDrill, periodOf, scopeDrill } from './filters'

/** The cohort of a funnel: the scope, and projects that entered the reserve in the period if one is given. */
function cohortDrill(query: FunnelQuery): ReportDrill {
  const period = periodOf(query)
  const drill = scopeDrill(query)
  return period ? { ...drill, dates: { reserve: { from: period.from, to: period.to } } } : drill
}

/**
 * Median days per stage over completed stays: a stay runs from the event entering a stage to the
 * next event of the same project. Projects created at 线索 have no event for it, so their first stay
 * starts at reserve_on. The median is taken in SQL (row_number over each stage's sorted stays).
 */
async function medianDays(ctx: Ctx, base: ReportDrill): Promise<Map<string, { median: number; n: number }>> {
  const result = await sql<{ stage: Stage; median: number; n: number }>`
    WITH cohort AS (SELECT p.id, p.reserve_on FROM project p WHERE ${drillCondition(parseDrill(base))}),
    entries AS (
      SELECT e.project_id, e.to_stage AS stage, e.happened_on AS on_date, e.id AS seq
        FROM stage_event e JOIN cohort c ON c.id = e.project_id WHERE e.deleted_at IS NULL
      UNION ALL
      SELECT c.id, 'lead', c.reserve_on, '' FROM cohort c
        WHERE NOT EXISTS (SELECT 1 FROM stage_event e WHERE e.project_id = c.id AND e.deleted_at IS NULL AND e.from_stage IS NULL)
    ),
    stays AS (
      SELECT stage, julianday(next_on) - julianday(on_date) AS days FROM (
        SELECT stage, on_date, lead(on_date) OVER (PARTITION BY project_id ORDER BY on_date, seq) AS next_on FROM entries
      ) WHERE next_on IS NOT NULL AND next_on >= on_date
    ),
    ranked AS (
      SELECT stage, days, row_number() OVER (PARTITION BY stage ORDER BY days) AS rn, count(*) OVER (PARTITION BY stage) AS n FROM stays
    )
    SELECT stage, avg(days) AS median, max(n) AS n FROM ranked WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY stage`.execute(ctx.db)
  return new Map(result.rows.map((r) => [r.stage, { median: r.median, n: r.n }]))
}

export async function funnelReport(ctx: Ctx, query: FunnelQuery): Promise<FunnelResult> {
  const base = cohortDrill(query)
  const cohort = drillCondition(parseDrill(base))

  const byStage = await sql<{ stage: Stage; n: number; s: number | null }>`SELECT p.stage, count(*) AS n, sum(${INVESTMENT}) AS s
    FROM project p WHERE ${cohort} GROUP BY p.stage`.execute(ctx.db)
  const current = new Map(byStage.rows.map((r) => [r.stage, { n: r.n, s: exact(r.s) }]))
  const medians = await medianDays(ctx, base)
  const stages = STAGES.map((stage) => {
    const c = current.get(stage) ?? { n: 0, s: 0 }
    const m = medians.get(stage)
    return { stage, label: STAGE_LABELS[stage], ...figure(c.n, c.s, { ...base, stages: [stage] }), medianDays: m?.median ?? null, stays: m?.n ?? 0 }
  })

  // Reach counts per main stage from one grouped query: reached k = reach rank ≥ k.
  const reach = await sql<{ r: number; n: number; s: number | null }>`SELECT ${REACH_RANK} AS r, count(*) AS n, sum(${INVESTMENT}) AS s
    FROM project p WHERE ${cohort} GROUP BY r`.execute(ctx.db)
  const reached: Figure[] = MAIN_STAGES.map((stage, k) => {
    let n = 0
    let s = 0
    for (const row of reach.rows) {
      if (row.r < k) continue
      n += row.n
      s += exact(row.s)
    }
    return figure(n, exact(s), { ...base, reachedStage: stage })
  })
  const conversions: FunnelConversion[] = MAIN_STAGES.slice(0, -1).map((from, k) => ({
    from,
    to: MAIN_STAGES[k + 1]!,
    reachedFrom: reached[k]!,
    reachedTo: reached[k + 1]!,
    rate: reached[k]!.count === 0 ? null : Math.round((reached[k + 1]!.count / reached[k]!.count) * 1e6) / 1e6,
  }))

  const libraries = (Object.keys(LIBRARIES) as Library[]).map((library) => {
    let n = 0
    let s = 0
    for (const stage of LIBRARIES[library]) {
      n += current.get(stage)?.n ?? 0
      s += current.get(stage)?.s ?? 0
    }
    return { library, label: LIBRARY_LABELS[library], ...figure(n, exact(s), { ...base, library }) }
  })

  let n = 0
  let s = 0
  for (const c of current.values()) {
    n += c.n
    s += c.s
  }
  return { period: periodOf(query), stages, conversions, libraries, total: figure(n, exact(s), base) }
}
