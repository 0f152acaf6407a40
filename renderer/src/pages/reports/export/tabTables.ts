// Each report tab's table as rows of the text it shows, for 导出本页. The cells are made with the
// same helpers and labels as the screen's tables (format.ts, figures.tsx), so the workbook holds
// exactly what the officer sees; the backend only turns the shown numbers back into numbers.
import type { TFunction } from 'i18next'
import type { ActivityResult, BreakdownResult, FlowResult, FunnelResult } from '../../../../../db/domain/report'
import { type Library, LIBRARIES, SIDE_STAGES } from '../../../../../db/domain/stages'
import { count, decimal2, percent, points, yi } from '../../../format'
import { signed } from '../figures'
import { rowLabel } from '../tabs/breakdown/rowLabel'

export type ShownColumnType = 'text' | 'integer' | 'amount2' | 'percent'

export interface ShownTable {
  columns: { header: string; type: ShownColumnType }[]
  rows: string[][]
  /** The last row is the 合计 row. */
  totalRow?: boolean
}

// ---- 漏斗 ----

/** '→ 在谈 12.50%', the conversion cell of a stage row. */
export const conversionText = (t: TFunction, to: string, rate: number | null) => `→ ${t(`stage.${to}`)} ${percent(rate, 2)}`

export function funnelTable(t: TFunction, data: FunnelResult): ShownTable {
  const conversionFrom = new Map(data.conversions.map((c) => [c.from as string, c]))
  return {
    columns: [
      { header: t('reports.funnel.stage'), type: 'text' },
      { header: t('reports.col.projects'), type: 'integer' },
      { header: t('reports.col.investmentYi'), type: 'amount2' },
      { header: t('reports.funnel.conversion'), type: 'text' },
      { header: t('reports.funnel.medianDays'), type: 'integer' },
    ],
    rows: data.stages.map((row) => {
      const conversion = conversionFrom.get(row.stage)
      return [
        t(`stage.${row.stage}`),
        count(row.count),
        yi(row.sumYuan),
        conversion ? conversionText(t, conversion.to, conversion.rate) : '—',
        row.medianDays === null ? '—' : count(row.medianDays),
      ]
    }),
  }
}

// ---- 期间流量 ----

/** 同比 %: two decimals, signed; null (nothing last year) is '—'. */
export const changePct = (value: number | null) => points(value, true)

export function flowTable(t: TFunction, data: FlowResult): ShownTable {
  const current = t('reports.flow.current')
  const last = t('reports.flow.lastYear')
  const yoy = t('reports.flow.yoy')
  return {
    columns: [
      { header: t('reports.flow.milestone'), type: 'text' },
      { header: `${current} · ${t('reports.col.projects')}`, type: 'integer' },
      { header: `${current} · ${t('reports.col.investmentYi')}`, type: 'amount2' },
      { header: `${last} · ${t('reports.col.projects')}`, type: 'integer' },
      { header: `${last} · ${t('reports.col.investmentYi')}`, type: 'amount2' },
      { header: `${yoy} · ${t('reports.flow.countChange')}`, type: 'integer' },
      { header: `${yoy} · ${t('reports.flow.countChangePct')}`, type: 'percent' },
      { header: `${yoy} · ${t('reports.flow.sumChange')}`, type: 'amount2' },
      { header: `${yoy} · ${t('reports.flow.sumChangePct')}`, type: 'percent' },
    ],
    rows: data.rows.map((row) => [
      t(`reports.milestone.${row.milestone}`),
      count(row.current.count),
      yi(row.current.sumYuan),
      count(row.lastYear.count),
      yi(row.lastYear.sumYuan),
      signed(count(row.countChange), row.countChange),
      changePct(row.countChangePct),
      signed(yi(row.sumChangeYuan), row.sumChangeYuan),
      changePct(row.sumChangePct),
    ]),
  }
}

// ---- 分组 ----

export const libraryCount = (row: BreakdownResult['total'], library: Library) => LIBRARIES[library].reduce((sum, stage) => sum + row.byStage[stage], 0)
export const sideCount = (row: BreakdownResult['total']) => SIDE_STAGES.reduce((sum, stage) => sum + row.byStage[stage], 0)

export function breakdownTable(t: TFunction, data: BreakdownResult): ShownTable {
  const libraries = Object.keys(LIBRARIES) as Library[]
  const rows = [...data.rows, data.total]
  return {
    columns: [
      { header: t(`reports.by.${data.by}`), type: 'text' },
      { header: t('reports.col.projects'), type: 'integer' },
      { header: t('reports.col.investmentYi'), type: 'amount2' },
      ...libraries.map((library) => ({ header: t(`library.${library}`), type: 'integer' as const })),
      { header: t('reports.breakdown.side'), type: 'integer' },
    ],
    rows: rows.map((row) => [
      row === data.total ? t('reports.total') : rowLabel(t, data.by, row),
      count(row.projects),
      yi(row.investmentYuan),
      ...libraries.map((library) => count(libraryCount(row, library))),
      count(sideCount(row)),
    ]),
    totalRow: true,
  }
}

// ---- 活跃度 ----

export function activityTable(t: TFunction, data: ActivityResult): ShownTable {
  const items = ['visitOut', 'visitIn', 'events', 'signings', 'starts'] as const
  return {
    columns: [
      { header: t('reports.activity.rank'), type: 'integer' },
      { header: t(`reports.by.${data.by}`), type: 'text' },
      ...items.map((item) => ({ header: t(`reports.activity.item.${item}`), type: 'integer' as const })),
      { header: t('reports.activity.index'), type: 'amount2' },
    ],
    rows: data.rows.map((row) => [
      String(row.rank),
      row.key === null ? t('reports.unfilled') : row.label,
      ...items.map((item) => count(row.counts[item])),
      decimal2(row.index),
    ]),
  }
}
