// The funnel: where projects stand now (per stage and per library), how many went on from each
// main stage to the next, and how long stays in each stage last (the report facts of migration 0007).
import { type SqlBool, sql } from 'kysely'
import type { Ctx } from '../../context'
import type { Figure, FunnelConversion, FunnelQuery, FunnelResult, Period, ReportDrill } from '../../domain/report'
import { LIBRARIES, LIBRARY_LABELS, type Library, MAIN_STAGES, STAGES, STAGE_LABELS, type Stage } from '../../domain/stages'
import { type Cond, INVESTMENT, REACH_RANK, drillCondition, exact, figure, isCitywide, liveFactsIn, parseDrill, periodOf, scopeDrill } from './filters'

/** The cohort of a funnel: the scope, and projects that entered the reserve in the period if one is given. */
function cohortDrill(query: FunnelQuery): ReportDrill {
  const period = periodOf(query)
  const drill = scopeDrill(query)
  return period ? { ...drill, dates: { reserve: { from: period.from, to: period.to } } } : drill
}

type StayCounts = Array<{ stage: Stage; days: number; n: number }>

/**
 * How many of the cohort's completed stays there are per stage and length (`stays`: a condition on
 * project_stay s, a report fact: a stay runs from the event entering a stage to the project's next
 * event; a project created at 线索 starts at reserve_on). Stays are whole days.
 */
async function stayCounts(ctx: Ctx, stays: Cond): Promise<StayCounts> {
  const result = await sql<StayCounts[number]>`SELECT s.stage, s.days, count(*) AS n FROM project_stay s
    WHERE ${stays} GROUP BY s.stage, s.days ORDER BY s.stage, s.days`.execute(ctx.db)
  return result.rows
}

/**
 * The same counts for the whole city's cohort without sorting its stays: the lengths that occur are
 * found by skipping along project_stay_length (stage, days, …: one seek per length), and each
 * length's count is one range of it (reserve_on). At 10⁵ projects a year's cohort has ~38,000 stays
 * and ~1,400 lengths; grouping them took ~30 ms of CPU, all time ~300 ms; this ~10 and ~40 ms.
 */
async function citywideStayCounts(ctx: Ctx, period: Period | null): Promise<StayCounts> {
  const inPeriod = period ? sql`AND s.reserve_on >= ${period.from} AND s.reserve_on <= ${period.to}` : sql``
  const result = await sql<StayCounts[number]>`WITH RECURSIVE stages(stage) AS (VALUES ${sql.join(STAGES.map((stage) => sql`(${stage})`))}),
    lengths(stage, days) AS (
      SELECT st.stage, (SELECT min(s.days) FROM project_stay s WHERE s.live = 1 AND s.stage = st.stage) FROM stages st
      UNION ALL
      SELECT l.stage, (SELECT min(s.days) FROM project_stay s WHERE s.live = 1 AND s.stage = l.stage AND s.days > l.days) FROM lengths l
        WHERE l.days IS NOT NULL)
    SELECT l.stage, l.days, (SELECT count(*) FROM project_stay s WHERE s.live = 1 AND s.stage = l.stage AND s.days = l.days ${inPeriod}) AS n
    FROM lengths l WHERE l.days IS NOT NULL ORDER BY l.stage, l.days`.execute(ctx.db)
  return result.rows
}

/** Median days per stage from the counts per length: a few hundred groups stand for every stay. */
function medianDays(counted: StayCounts): Map<string, { median: number; n: number }> {
  const byStage = new Map<string, Array<{ days: number; n: number }>>()
  for (const row of counted) {
    if (row.n === 0) continue
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
        sum(r.investment_yuan) AS s FROM project_report r WHERE ${liveFactsIn('reserve_on', period)} GROUP BY r.stage, r.reach_rank`.execute(ctx.db)
    : await sql<{ stage: Stage; r: number; n: number; s: number | null }>`SELECT p.stage, ${REACH_RANK} AS r, count(*) AS n,
        sum(${INVESTMENT}) AS s FROM project p WHERE ${cohort} GROUP BY p.stage, r`.execute(ctx.db)
  const current = new Map<Stage, { n: number; s: number }>()
  for (const row of grouped.rows) {
    const c = current.get(row.stage) ?? { n: 0, s: 0 }
    current.set(row.stage, { n: c.n + row.n, s: exact(c.s + exact(row.s)) })
  }
  const medians = medianDays(
    citywide ? await citywideStayCounts(ctx, period) : await stayCounts(ctx, sql<SqlBool>`s.project_id IN (SELECT p.id FROM project p WHERE ${cohort})`),
  )
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
