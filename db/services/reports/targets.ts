// Targets against actuals: for each live target of a year, the actual from 01-01 to asOf (or the
// year's end), its completion %, and whether it keeps pace with the elapsed share of the year.
import type { Ctx } from '../../context'
import type { ReportDrill, TargetRow, TargetsQuery, TargetsResult } from '../../domain/report'
import { AMOUNT_INDICATORS, TARGET_INDICATOR, type TargetIndicator, type TargetUnit } from '../../domain/vocab'
import { listTargets } from '../targets'
import { elapsedShare, measureDrill, today } from './filters'

const UNIT_KEY: Record<TargetUnit, 'districtId' | 'parkId' | 'ownerId'> = { district: 'districtId', park: 'parkId', user: 'ownerId' }

/** The drill that gives an indicator's actual: its count or its sum (the measure). */
function indicatorDrill(indicator: TargetIndicator, unit: ReportDrill, from: string, to: string): { drill: ReportDrill; amount: boolean } {
  const range = { from, to }
  switch (indicator) {
    case 'new_projects':
      return { drill: { ...unit, dates: { reserve: range } }, amount: false }
    case 'new_investment':
      return { drill: { ...unit, dates: { reserve: range } }, amount: true }
    case 'signed_projects':
      return { drill: { ...unit, dates: { signed: range } }, amount: false }
    case 'signed_amount':
      return { drill: { ...unit, dates: { signed: range }, measure: 'signed_amount' }, amount: true }
    case 'started_projects':
      return { drill: { ...unit, dates: { started: range } }, amount: false }
    case 'operating_projects':
      return { drill: { ...unit, dates: { operating: range } }, amount: false }
    case 'funds':
      return { drill: { ...unit, funds: range, measure: 'funds' }, amount: true }
  }
}

export async function targetsReport(ctx: Ctx, query: TargetsQuery): Promise<TargetsResult> {
  const asOf = query.asOf ?? today(ctx)
  const from = `${query.year}-01-01`
  const yearEnd = `${query.year}-12-31`
  const to = asOf < yearEnd ? asOf : yearEnd
  const share = elapsedShare(query.year, asOf)
  const targets = await listTargets(ctx, { year: query.year, unitType: query.unitType, unitId: query.unitId })
  const rows: TargetRow[] = []
  for (const t of targets) {
    const unit: ReportDrill = { [UNIT_KEY[t.unitType]]: t.unitId }
    const { drill, amount } = indicatorDrill(t.indicator, unit, from, to)
    // Before the year starts nothing can count yet: an empty range, zeros.
    const measured = to < from ? { count: 0, sumYuan: 0 } : await measureDrill(ctx, drill)
    const actual = amount ? measured.sumYuan : measured.count
    const expected = t.value * share
    rows.push({
      id: t.id,
      unitType: t.unitType,
      unitId: t.unitId,
      unitName: t.unitName,
      indicator: t.indicator,
      indicatorLabel: TARGET_INDICATOR.labels[t.indicator],
      isAmount: AMOUNT_INDICATORS.has(t.indicator),
      target: t.value,
      actual,
      completionPct: t.value === 0 ? null : Math.round((actual / t.value) * 10000) / 100,
      expected: amount ? Math.ceil(expected) : Math.round(expected * 100) / 100,
      onPace: actual >= expected,
      drill,
    })
  }
  // For a year that has ended, the figures stand as of its last day.
  return { year: query.year, asOf: to, elapsedShare: Math.round(share * 1e6) / 1e6, rows }
}
