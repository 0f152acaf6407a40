// The period flow, core of the monthly report: projects that entered the reserve, were signed,
// registered, started and went into production in the period, with 总投资, beside the same
// period of last year (同比). One small query per milestone and year, each able to use an index
// on its date (see docs/reports.md).
import type { Ctx } from '../../context'
import { FLOW_MILESTONES, type FlowQuery, type FlowResult, MILESTONE_LABELS, type Period, type ReportDrill } from '../../domain/report'
import { changePct, lastYearOf, measureDrill, periodOrThisYear, scopeDrill } from './filters'

const inPeriod = (base: ReportDrill, milestone: (typeof FLOW_MILESTONES)[number], period: Period): ReportDrill => ({
  ...base,
  dates: { [milestone]: { from: period.from, to: period.to } },
})

export async function flowReport(ctx: Ctx, query: FlowQuery): Promise<FlowResult> {
  const period = periodOrThisYear(ctx, query)
  const lastYear = lastYearOf(period)
  const base = scopeDrill(query)
  const rows = []
  for (const milestone of FLOW_MILESTONES) {
    const current = await measureDrill(ctx, inPeriod(base, milestone, period))
    const before = await measureDrill(ctx, inPeriod(base, milestone, lastYear))
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
