// Each report tab's table as rows of the text it shows, for 导出本页. The cells are made with the
// same helpers and labels as the screen's tables (format.ts, figures.tsx), so the workbook holds
// exactly what the officer sees; the backend only turns the shown numbers back into numbers.
import type { TFunction } from 'i18next'
import type { ActivityResult, BreakdownResult, ExceptionsResult, Figure, FlowResult, FunnelResult, RatesResult, TargetRow, TargetsResult } from '../../../../../db/domain/report'
import { type Library, LIBRARIES, SIDE_STAGES } from '../../../../../db/domain/stages'
import { count, date, decimal2, percent, points, yi } from '../../../format'
import { signed } from '../figures'
import { rowLabel } from '../tabs/breakdown/rowLabel'

export type ShownColumnType = 'text' | 'integer' | 'amount2' | 'percent'

export interface ShownTable {
  /** More tables shown below the first, each written on a sheet of its own. */
  more?: (ShownTable & { title: string; notes: string[] })[]
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

// ---- 目标 ----

export const targetUnitLabel = (t: TFunction, row: TargetRow) => `${t(`vocab.targetUnit.${row.unitType}`)} · ${row.unitName ?? '—'}`
export const targetIndicatorLabel = (t: TFunction, row: TargetRow) => `${t(`vocab.targetIndicator.${row.indicator}`)}${row.isAmount ? t('reports.targets.inYi') : ''}`
/** 完成 and 目标: 亿元 with two decimals on an amount row, a whole count on a count row. */
export const targetAmount = (row: TargetRow, value: number) => (row.isAmount ? yi(value) : count(value))
/** 应完成 of a count target is a share of it (3.6 of 4): two decimals like the 亿元 rows, never 3.6 beside 3. */
export const targetExpected = (row: TargetRow) => (row.isAmount ? yi(row.expected) : decimal2(row.expected))

export function targetsTable(t: TFunction, data: TargetsResult): ShownTable {
  return {
    columns: [
      { header: t('reports.targets.unit'), type: 'text' },
      { header: t('reports.targets.indicator'), type: 'text' },
      // A row's unit is its own (项目数 beside 亿元): kept as the text shown, since one number format
      // for the column would print 3 projects as 3.00, and the rows are not to be added up anyway.
      { header: t('reports.targets.actual'), type: 'text' },
      { header: t('reports.targets.target'), type: 'text' },
      { header: t('reports.targets.completion'), type: 'percent' },
      { header: t('reports.targets.expected'), type: 'amount2' },
      { header: t('reports.targets.pace'), type: 'text' },
    ],
    rows: data.rows.map((row) => [
      targetUnitLabel(t, row),
      targetIndicatorLabel(t, row),
      targetAmount(row, row.actual),
      targetAmount(row, row.target),
      points(row.completionPct),
      targetExpected(row),
      t(row.onPace ? 'reports.targets.onPace' : 'reports.targets.behind'),
    ]),
  }
}

// ---- 异常 ----

/** Follow-ups and requests have a title of their own; project lists do not. */
export const EXCEPTION_RECORD_KINDS = new Set(['overdue-next-steps', 'overdue-requests'])

export function exceptionsTable(t: TFunction, data: ExceptionsResult): ShownTable {
  const records = EXCEPTION_RECORD_KINDS.has(data.kind)
  return {
    columns: [
      { header: t('reports.exceptions.project'), type: 'text' },
      ...(records ? [{ header: t(`reports.exceptions.title.${data.kind}`), type: 'text' as const }] : []),
      { header: t('reports.drill.stage'), type: 'text' },
      { header: t('reports.drill.owner'), type: 'text' },
      { header: t(`reports.exceptions.since.${data.kind}`), type: 'text' },
      { header: t('reports.exceptions.days'), type: 'integer' },
      { header: t('reports.col.investmentYi'), type: 'amount2' },
    ],
    rows: data.rows.map((row) => [
      row.projectId ? (row.projectName ?? '') : t('reports.exceptions.investorOnly'),
      ...(records ? [row.title ?? ''] : []),
      row.stage ? t(`stage.${row.stage}`) : '—',
      row.ownerName ?? '—',
      date(row.sinceOn),
      count(row.days),
      yi(row.totalInvestmentYuan),
    ]),
  }
}

// ---- 比率 ----

export function ratesTable(t: TFunction, data: RatesResult): ShownTable {
  const sameYear = data.sameYear
  const figures = (['plannedAndStarted', 'startedAndOperating', 'all'] as const).map(
    (key) => `${t(`reports.rates.sameYear.${key}`)}${t('reports.colon')}${count(sameYear[key].count)}`,
  )
  return {
    columns: [
      { header: t('reports.rates.rate'), type: 'text' },
      { header: t('reports.rates.value'), type: 'percent' },
      // 项目数 on four rows, 亿元 on 资金到位率's: the text shown, as for 目标's 完成 and 目标.
      { header: t('reports.rates.numerator'), type: 'text' },
      { header: t('reports.rates.denominator'), type: 'text' },
      { header: t('reports.rates.unit'), type: 'text' },
    ],
    rows: data.rates.map((rate) => {
      const part = (figure: Figure) => (rate.unit === 'yuan' ? yi(figure.sumYuan) : count(figure.count))
      return [
        t(`reports.rates.name.${rate.key}`),
        percent(rate.rate, 2),
        part(rate.numerator),
        part(rate.denominator),
        rate.unit === 'yuan' ? t('unit.yi') : t('reports.unit.projects'),
      ]
    }),
    more: [
      {
        title: t('reports.rates.sameYearTitle', { year: sameYear.year }),
        notes: [figures.join('　')],
        columns: [
          { header: t('reports.drill.name'), type: 'text' },
          { header: t('reports.drill.park'), type: 'text' },
          { header: t('reports.drill.reserveOn'), type: 'text' },
          { header: t('reports.drill.startedOn'), type: 'text' },
          { header: t('reports.drill.operatingOn'), type: 'text' },
          { header: t('reports.col.investmentYi'), type: 'amount2' },
        ],
        rows: sameYear.rows.map((row) => [row.name, row.parkName ?? '—', date(row.reserveOn), date(row.startedOn), date(row.operatingOn), yi(row.totalInvestmentYuan)]),
      },
    ],
  }
}
