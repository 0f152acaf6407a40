// 月报 (monthly report) workbook: one sheet per table managers send upward. Every figure comes
// from the report services (flow, targets, breakdown, drill, exceptions) called as the report
// screens call them, so the workbook and the screens can never disagree.
import type { Ctx } from '../context'
import { addDays, addMonths, todayIso } from '../domain/dates'
import type { ProgressCallback, ReportExportInput } from '../domain/ledger'
import type { BreakdownBy, DrillRow, ReportDrill } from '../domain/report'
import { EXCEPTION_KINDS } from '../domain/report'
import { STAGES, STAGE_LABELS, type Stage } from '../domain/stages'
import { ORIGIN, PRIORITY } from '../domain/vocab'
import { breakdownReport } from '../services/reports/breakdown'
import { drillRows } from '../services/reports/drill'
import { exceptionsReport } from '../services/reports/exceptions'
import { parseDrill } from '../services/reports/filters'
import { flowReport } from '../services/reports/flow'
import { targetsReport } from '../services/reports/targets'
import type { ColumnSpec } from '../spreadsheet/write-cells'
import { type SpreadsheetWriter, createWorkbookWriter } from '../spreadsheet/write-sheet'
import { yiExact } from './export-ledger'

const pct = (value: number | null) => (value === null ? null : value / 100)
const yi = (yuan: number | null) => (yuan === null ? null : yiExact(yuan))

const pad = (n: number) => String(n).padStart(2, '0')

/** The report's date: the period's last day, or today while the period is still running. */
function asOfOf(ctx: Ctx, input: ReportExportInput): string {
  if (input.asOf) return input.asOf
  const end = input.month ? addDays(addMonths(`${input.year}-${pad(input.month)}-01`, 1), -1) : `${input.year}-12-31`
  const today = todayIso(ctx.now())
  return today < end ? today : end
}

async function scopeName(ctx: Ctx, input: ReportExportInput): Promise<string> {
  const parts: string[] = []
  if (input.districtId) parts.push((await ctx.db.selectFrom('district').select('name').where('id', '=', input.districtId).executeTakeFirst())?.name ?? '')
  if (input.parkId) parts.push((await ctx.db.selectFrom('park').select('name').where('id', '=', input.parkId).executeTakeFirst())?.name ?? '')
  return parts.join('')
}

/** The filters the title does not carry, in words, so a reader knows the figures are a part. */
async function otherFilters(ctx: Ctx, input: ReportExportInput): Promise<string> {
  const parts: string[] = []
  if (input.industryId) parts.push(`产业：${(await ctx.db.selectFrom('industry').select('name').where('id', '=', input.industryId).executeTakeFirst())?.name ?? ''}`)
  if (input.ownerId) parts.push(`责任人：${(await ctx.db.selectFrom('user').select('name').where('id', '=', input.ownerId).executeTakeFirst())?.name ?? ''}`)
  if (input.priority) parts.push(`重点级别：${PRIORITY.labels[input.priority]}`)
  if (input.origin) parts.push(`客商来源：${ORIGIN.labels[input.origin]}`)
  return parts.length ? `        筛选：${parts.join('，')}` : ''
}

async function drillSheet(ctx: Ctx, writer: SpreadsheetWriter, name: string, title: string, drill: ReportDrill, dateKey: keyof DrillRow, dateLabel: string, empty: string) {
  const columns: ColumnSpec[] = [
    { header: '序号', key: 'seq', type: 'integer', width: 6 },
    { header: '项目名称', key: 'name', type: 'text', width: 34 },
    { header: '所属区县', key: 'districtName', type: 'text', width: 10 },
    { header: '所属园区', key: 'parkName', type: 'text', width: 16 },
    { header: '项目状态', key: 'stage', type: 'text', width: 9 },
    { header: '总投资（亿元）', key: 'investment', type: 'amount2', width: 12 },
    { header: dateLabel, key: 'date', type: 'date', width: 11 },
    { header: '责任人', key: 'ownerName', type: 'text', width: 9 },
  ]
  const sheet = writer.addSheet({ name, title, subtitle: '单位：亿元', columns, empty })
  const parsed = parseDrill(drill)
  let seq = 0
  let sum = 0n
  for (let page = 1; ; page++) {
    const rows = await drillRows(ctx, parsed, page, 500)
    for (const r of rows) {
      sum += BigInt(r.totalInvestmentYuan ?? 0)
      sheet.addRow({ ...r, seq: ++seq, stage: STAGE_LABELS[r.stage], investment: yi(r.totalInvestmentYuan), date: r[dateKey] })
    }
    if (rows.length < 500) break
  }
  sheet.addTotalRow({ name: `合计（${seq}个）`, investment: yiExact(Number(sum)) })
  sheet.commit()
}

const BREAKDOWNS: ReadonlyArray<[BreakdownBy, string]> = [
  ['district', '区县'],
  ['park', '园区'],
  ['industry', '产业'],
]

export async function exportReport(ctx: Ctx, target: string, input: ReportExportInput, onProgress?: ProgressCallback): Promise<{ sheets: number; title: string }> {
  const period = { year: input.year, ...(input.month ? { month: input.month } : {}) }
  const { year: _year, month: _month, asOf: _asOf, ...scope } = input
  const asOf = asOfOf(ctx, input)
  const label = input.month ? `${input.year}年${input.month}月` : `${input.year}年`
  const title = `${await scopeName(ctx, input)}${label}招商引资工作${input.month ? '月报' : '年报'}`
  const steps = 5 + BREAKDOWNS.length + EXCEPTION_KINDS.length
  let done = 0
  const step = () => {
    done++
    onProgress?.({ phase: 'export', done, total: steps })
  }
  const writer = createWorkbookWriter(target)
  const subtitle = `单位：亿元        统计截至：${asOf}        导出日期：${todayIso(ctx.now())}${await otherFilters(ctx, input)}`

  // 1. the flow: a monthly report shows 本月, 1–N月累计 and the 累计's 同比 (what offices send upward);
  //    a yearly report the year and its 同比
  const flow = await flowReport(ctx, { ...period, ...scope })
  const summaryColumns: ColumnSpec[] = [{ header: '指标', key: 'label', type: 'text', width: 12 }]
  const cumulativeLabel = input.month ? (input.month === 1 ? '1月' : `1–${input.month}月`) : null
  const cumulative = input.month
    ? await flowReport(ctx, { from: `${input.year}-01-01`, to: addDays(addMonths(`${input.year}-${pad(input.month)}-01`, 1), -1), ...scope })
    : flow
  if (input.month) {
    summaryColumns.push(
      { header: '本月项目数', key: 'monthCount', type: 'integer', width: 10 },
      { header: '本月总投资（亿元）', key: 'monthSum', type: 'amount2', width: 16 },
      { header: `${cumulativeLabel}累计项目数`, key: 'count', type: 'integer', width: 14 },
      { header: `${cumulativeLabel}累计总投资（亿元）`, key: 'sum', type: 'amount2', width: 20 },
    )
  } else {
    summaryColumns.push(
      { header: '本年项目数', key: 'count', type: 'integer', width: 10 },
      { header: '本年总投资（亿元）', key: 'sum', type: 'amount2', width: 16 },
    )
  }
  summaryColumns.push(
    { header: '上年同期项目数', key: 'lastCount', type: 'integer', width: 14 },
    { header: '上年同期总投资（亿元）', key: 'lastSum', type: 'amount2', width: 20 },
    { header: '项目数同比', key: 'countPct', type: 'percent', width: 11 },
    { header: '总投资同比', key: 'sumPct', type: 'percent', width: 11 },
  )
  const flowSheet = writer.addSheet({ name: '汇总', title, subtitle, columns: summaryColumns, empty: '本期没有任何项目入库、签约、注册、开工或投产' })
  for (const r of cumulative.rows) {
    const month = flow.rows.find((m) => m.milestone === r.milestone)
    flowSheet.addRow({
      label: `${r.label}项目`,
      monthCount: month?.current.count,
      monthSum: month ? yi(month.current.sumYuan) : null,
      count: r.current.count,
      sum: yi(r.current.sumYuan),
      lastCount: r.lastYear.count,
      lastSum: yi(r.lastYear.sumYuan),
      countPct: pct(r.countChangePct),
      sumPct: pct(r.sumChangePct),
    })
  }
  flowSheet.commit()
  step()

  // 2. the year's targets: 完成率 to the report date (amount targets in 亿元)
  const targets = await targetsReport(ctx, { year: input.year, asOf })
  const targetSheet = writer.addSheet({
    name: '目标完成',
    title: `${input.year}年目标完成情况（截至${asOf}）`,
    subtitle: '金额指标单位：亿元；其余为项目个数',
    columns: [
      { header: '考核对象', key: 'unit', type: 'text', width: 16 },
      { header: '指标', key: 'indicator', type: 'text', width: 16 },
      { header: '年度目标', key: 'target', type: 'amount2' },
      { header: '完成', key: 'actual', type: 'amount2' },
      { header: '完成率', key: 'rate', type: 'percent' },
      { header: '序时进度目标', key: 'expected', type: 'amount2', width: 14 },
      { header: '是否达到序时进度', key: 'onPace', type: 'text', width: 16 },
    ],
    empty: `${input.year}年还没有设定目标（在“目标”页填写后再导出）`,
  })
  for (const t of targets.rows) {
    if (input.districtId && !(t.unitType === 'district' && t.unitId === input.districtId)) continue
    if (input.parkId && !(t.unitType === 'park' && t.unitId === input.parkId)) continue
    const amount = (n: number) => (t.isAmount ? yiExact(Math.round(n)) : String(Math.round(n * 100) / 100))
    targetSheet.addRow({
      unit: t.unitName,
      indicator: t.indicatorLabel,
      target: amount(t.target),
      actual: amount(t.actual),
      rate: pct(t.completionPct),
      expected: amount(t.expected),
      onPace: t.onPace ? '是' : '否',
    })
  }
  targetSheet.commit()
  step()

  // 3. by district, park and industry: projects entering the reserve in the period, by stage
  const stages = STAGES as readonly Stage[]
  for (const [by, word] of BREAKDOWNS) {
    const result = await breakdownReport(ctx, { ...period, ...scope, by })
    const sheet = writer.addSheet({
      name: `按${word}`,
      title: `${label}入库项目（按${word}）`,
      subtitle: '单位：亿元',
      columns: [
        { header: word, key: 'label', type: 'text', width: 18 },
        { header: '项目数', key: 'projects', type: 'integer', width: 8 },
        { header: '总投资（亿元）', key: 'investment', type: 'amount2', width: 14 },
        ...stages.map((s): ColumnSpec => ({ header: STAGE_LABELS[s], key: s, type: 'integer', width: 7 })),
      ],
      empty: `${label}没有入库项目`,
    })
    const cells = (row: (typeof result)['total']) => ({ label: row.label, projects: row.projects, investment: yiExact(row.investmentYuan), ...row.byStage })
    for (const row of result.rows) sheet.addRow(cells(row))
    sheet.addTotalRow({ ...cells(result.total), label: '合计' })
    sheet.commit()
    step()
  }

  // 4. the projects behind the flow's 签约 and 开工 figures
  const signed = flow.rows.find((r) => r.milestone === 'signed')
  const started = flow.rows.find((r) => r.milestone === 'started')
  if (signed) await drillSheet(ctx, writer, '新签约项目', `${label}新签约项目`, signed.current.drill, 'signedOn', '签约日期', `${label}没有新签约项目`)
  step()
  if (started) await drillSheet(ctx, writer, '新开工项目', `${label}新开工项目`, started.current.drill, 'startedOn', '开工日期', `${label}没有新开工项目`)
  step()

  // 5. the exception lists, as of the report date
  for (const kind of EXCEPTION_KINDS) {
    const first = await exceptionsReport(ctx, { ...scope, kind, asOf, page: 1, pageSize: 500 })
    const unit = first.thresholdUnit === 'months' ? '个月' : '天'
    const sheet = writer.addSheet({
      name: first.label,
      title: `${first.label}（截至${asOf}，阈值${first.threshold}${unit}）`,
      subtitle: `共${first.total}项`,
      columns: [
        { header: '序号', key: 'seq', type: 'integer', width: 6 },
        { header: '项目/事项', key: 'what', type: 'text', width: 34 },
        { header: '阶段', key: 'stage', type: 'text', width: 9 },
        { header: '责任人', key: 'ownerName', type: 'text', width: 9 },
        { header: '起算日期', key: 'sinceOn', type: 'date', width: 11 },
        { header: '天数', key: 'days', type: 'integer', width: 7 },
        { header: '总投资（亿元）', key: 'investment', type: 'amount2', width: 14 },
      ],
      empty: `截至${asOf}没有${first.label}的情况`,
    })
    let seq = 0
    let page = first
    for (let n = 1; ; n++) {
      for (const r of page.rows) {
        sheet.addRow({
          seq: ++seq,
          what: r.projectName ?? r.title,
          stage: r.stage ? STAGE_LABELS[r.stage] : null,
          ownerName: r.ownerName ?? '未指定',
          sinceOn: r.sinceOn,
          days: r.days,
          investment: yi(r.totalInvestmentYuan),
        })
      }
      if (seq >= first.total || page.rows.length === 0) break
      page = await exceptionsReport(ctx, { ...scope, kind, asOf, page: n + 1, pageSize: 500 })
    }
    sheet.commit()
    step()
  }
  await writer.finish()
  return { sheets: done, title }
}
