// The period flow, core of the monthly report: projects that entered the reserve, were signed,
// registered, started and went into production in the period, with 总投资, beside the same
// period of last year (同比). One small query per milestone and year, each able to use an index
// on its date (see docs/reports.md).
import { sql } from 'kysely'
import type { Ctx } from '../../context'
import { FLOW_MILESTONES, type Figure, type FlowQuery, type FlowResult, MILESTONE_LABELS, type Period, type ReportDrill } from '../../domain/report'
import { changePct, exact, figure, isCitywide, lastYearOf, liveFactsIn, measureDrill, periodOrThisYear, scopeDrill } from './filters'

const inPeriod = (base: ReportDrill, milestone: (typeof FLOW_MILESTONES)[number], period: Period): ReportDrill => ({
  ...base,
  dates: { [milestone]: { from: period.from, to: period.to } },
})

/**
 * The whole city's signings in a period from the report facts alone (project_report_signed_live);
 * the drill stays the usual one, which reproduces the figure through project.
 */
async function citywideSigned(ctx: Ctx, drill: ReportDrill, period: Period): Promise<Figure> {
  const result = await sql<{ n: number; s: number | null }>`SELECT count(*) AS n, sum(r.investment_yuan) AS s FROM project_report r
    WHERE ${liveFactsIn('signed_on', period)}`.execute(ctx.db)
  const row = result.rows[0]!
  return figure(row.n, exact(row.s), drill)
}

export async function flowReport(ctx: Ctx, query: FlowQuery): Promise<FlowResult> {
  const period = periodOrThisYear(ctx, query)
  const lastYear = lastYearOf(period)
  const base = scopeDrill(query)
  const citywide = isCitywide(query)
  const measure = (milestone: (typeof FLOW_MILESTONES)[number], during: Period) =>
    citywide && milestone === 'signed' ? citywideSigned(ctx, inPeriod(base, milestone, during), during) : measureDrill(ctx, inPeriod(base, milestone, during))
  const rows = []
  for (const milestone of FLOW_MILESTONES) {
    const current = await measure(milestone, period)
    const before = await measure(milestone, lastYear)
    rows.push({
      milestone,
      label: MILESTONE_LABELS[milestone],
      current,
      lastYear: before,
      countChange: current.count - before.count,
      countChangePct: changePct(current.count, before.count),
      sumChangeYuan: current.sumYuan - before.sumYuan,
      sumChangePct: changePct(current.sumYuan, before.sumYuan),
    })
  }
  return { period, lastYear, rows }
}
