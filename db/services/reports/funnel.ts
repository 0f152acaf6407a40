// The funnel: where projects stand now (per stage and per library), how many went on from each
// main stage to the next, and how long stays in each stage last (the report facts of migration 0007).
import { type SqlBool, sql } from 'kysely'
import type { Ctx } from '../../context'
import type { Figure, FunnelConversion, FunnelQuery, FunnelResult, ReportDrill } from '../../domain/report'
import { LIBRARIES, LIBRARY_LABELS, type Library, MAIN_STAGES, STAGES, STAGE_LABELS, type Stage } from '../../domain/stages'
import { type Cond, INVESTMENT, REACH_RANK, drillCondition, exact, figure, isCitywide, liveFactsIn, parseDrill, periodOf, scopeDrill } from './filters'

/** The cohort of a funnel: the scope, and projects that entered the reserve in the period if one is given. */
function cohortDrill(query: FunnelQuery): ReportDrill {
  const period = periodOf(query)
  const drill = scopeDrill(query)
  return period ? { ...drill, dates: { reserve: { from: period.from, to: period.to } } } : drill
}

/**
 * Median days per stage over the cohort's completed stays (`stays`: a condition on project_stay s,
 * a report fact: a stay runs from the event entering a stage to the project's next event; a project
 * created at 线索 starts at reserve_on). The stays are counted per stage and length, and the median
 * taken from those counts: stays are whole days, so a few hundred groups stand for every stay.
 */
async function medianDays(ctx: Ctx, stays: Cond): Promise<Map<string, { median: number; n: number }>> {
  const result = await sql<{ stage: Stage; days: number; n: number }>`SELECT s.stage, s.days, count(*) AS n FROM project_stay s
    WHERE ${stays} GROUP BY s.stage, s.days ORDER BY s.stage, s.days`.execute(ctx.db)
  const byStage = new Map<string, Array<{ days: number; n: number }>>()
  for (const row of result.rows) {
    const counts = byStage.get(row.stage) ?? []
    counts.push(row)
    byStage.set(row.stage, counts)
  }
  const medians = new Map<string, { median: number; n: number }>()
  for (const [stage, counts] of byStage) {
    const n = counts.reduce((total, c) => total + c.n, 0)
    // The middle stay (odd n) or the mean of the two middle ones (even n), by 1-based position.
    const at = (position: number) => {
      let seen = 0
      for (const c of counts) if ((seen += c.n) >= position) return c.days
      return counts[counts.length - 1]!.days
    }
    medians.set(stage, { median: (at(Math.floor((n + 1) / 2)) + at(Math.floor((n + 2) / 2))) / 2, n })
  }
  return medians
}

export async function funnelReport(ctx: Ctx, query: FunnelQuery): Promise<FunnelResult> {
  const base = cohortDrill(query)
  const cohort = drillCondition(parseDrill(base))
  // The whole city's cohort is read from the report facts alone; a scoped one starts from project.
  const citywide = isCitywide(query)
  const period = periodOf(query)

  // Per current stage and reach rank in one pass over the cohort: the stages sum the ranks, the
  // reach counts sum the stages (reached k = reach rank ≥ k).
  const grouped = citywide
    ? await sql<{ stage: Stage; r: number; n: number; s: number | null }>`SELECT r.stage, r.reach_rank AS r, count(*) AS n,
        sum(r.investment_yuan) AS s FROM project_report r WHERE ${liveFactsIn('r', 'reserve_on', period)} GROUP BY r.stage, r.reach_rank`.execute(ctx.db)
    : await sql<{ stage: Stage; r: number; n: number; s: number | null }>`SELECT p.stage, ${REACH_RANK} AS r, count(*) AS n,
        sum(${INVESTMENT}) AS s FROM project p WHERE ${cohort} GROUP BY p.stage, r`.execute(ctx.db)
  const current = new Map<Stage, { n: number; s: number }>()
  for (const row of grouped.rows) {
    const c = current.get(row.stage) ?? { n: 0, s: 0 }
    current.set(row.stage, { n: c.n + row.n, s: exact(c.s + exact(row.s)) })
  }
  const medians = await medianDays(ctx, citywide ? liveFactsIn('s', 'reserve_on', period) : sql<SqlBool>`s.project_id IN (SELECT p.id FROM project p WHERE ${cohort})`)
  const stages = STAGES.map((stage) => {
    const c = current.get(stage) ?? { n: 0, s: 0 }
    const m = medians.get(stage)
    return { stage, label: STAGE_LABELS[stage], ...figure(c.n, c.s, { ...base, stages: [stage] }), medianDays: m?.median ?? null, stays: m?.n ?? 0 }
  })

  const reached: Figure[] = MAIN_STAGES.map((stage, k) => {
    let n = 0
    let s = 0
    for (const row of grouped.rows) {
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
  return { period, stages, conversions, libraries, total: figure(n, exact(s), base) }
}
