// "Export what is on screen": the project, investor and negotiation lists with their filters and
// sort, to xlsx or CSV. Each list is read through its own list service a page at a time, so the
// export shows exactly the rows the screen would, and memory stays flat however long the list.
import type { Ctx } from '../context'
import { type ExportFormat, PROJECT_EXPORT_COLUMNS, type ProgressCallback, type ProjectExportColumn, type ProjectExportInput } from '../domain/ledger'
import { InvestorListQuery } from '../domain/investor'
import { NegotiationListQuery } from '../domain/negotiation'
import { yuanToWanExact } from '../domain/money'
import type { ProjectRow } from '../domain/project'
import { STAGE_LABELS } from '../domain/stages'
import { NEGOTIATION_TYPE, ORIGIN, OWNERSHIP, PRIORITY, PROJECT_KIND, SOURCE_CHANNEL } from '../domain/vocab'
import { listInvestors } from '../services/investors'
import { listNegotiations } from '../services/negotiations'
import type { ColumnSpec, ColumnType } from '../spreadsheet/write-cells'
import { createWorkbookWriter, writeCsv } from '../spreadsheet/write-sheet'
import { countProjects, projectPages, yiExact } from './export-ledger'

export interface ListExportSummary {
  rows: number
}

type Row = Record<string, unknown>

/** One sheet (or CSV) from a stream of rows, with an optional total row at the end. */
export async function writeList(
  target: string,
  format: ExportFormat,
  sheet: { name: string; title: string; subtitle?: string; columns: ColumnSpec[] },
  rows: AsyncIterable<Row>,
  totalRow?: () => Row | null,
): Promise<void> {
  if (format === 'csv') {
    async function* all() {
      yield* rows
      const total = totalRow?.()
      if (total) yield total
    }
    await writeCsv(target, sheet.columns.map((c) => (c.type === 'amount2' ? { ...c, type: 'text' as const } : c)), all())
    return
  }
  const writer = createWorkbookWriter(target)
  const out = writer.addSheet({ ...sheet, freezeHeader: true })
  await out.addRows(rows)
  const total = totalRow?.()
  if (total) out.addTotalRow(total)
  out.commit()
  await writer.finish()
}

const PROJECT_TYPES: Partial<Record<ProjectExportColumn, { type: ColumnType; width?: number }>> = {
  name: { type: 'text', width: 34 },
  investorName: { type: 'text', width: 28 },
  totalInvestment: { type: 'amount2' },
  fixedAsset: { type: 'amount2' },
  landMu: { type: 'amount2' },
  stageOn: { type: 'date' },
  reserveOn: { type: 'date' },
  signedOn: { type: 'date' },
  registeredOn: { type: 'date' },
  startedOn: { type: 'date' },
  completedOn: { type: 'date' },
  operatingOn: { type: 'date' },
  progress: { type: 'text', width: 44 },
  updatedAt: { type: 'text', width: 17 },
}

// 1/100 亩 → '12.50'
const mu = (centi: number | null) => (centi === null ? null : `${Math.floor(centi / 100)}.${String(centi % 100).padStart(2, '0')}`)
const localTime = (iso: string) => {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

function projectValue(row: ProjectRow, column: ProjectExportColumn): unknown {
  switch (column) {
    case 'stage':
      return STAGE_LABELS[row.stage]
    case 'kind':
      return row.kind ? PROJECT_KIND.labels[row.kind] : null
    case 'priority':
      return row.priority ? PRIORITY.labels[row.priority] : null
    case 'totalInvestment':
      return row.totalInvestmentYuan === null ? null : yiExact(row.totalInvestmentYuan)
    case 'fixedAsset':
      return row.fixedAssetYuan === null ? null : yiExact(row.fixedAssetYuan)
    case 'landMu':
      return mu(row.landCentiMu)
    case 'tags':
      return row.tags.map((t) => t.name).join('、')
    case 'updatedAt':
      return localTime(row.updatedAt)
    default:
      return row[column]
  }
}

export async function exportProjectList(ctx: Ctx, target: string, input: ProjectExportInput, onProgress?: ProgressCallback): Promise<ListExportSummary> {
  const columns: ColumnSpec[] = [
    { header: '序号', key: '_seq', type: 'integer', width: 6 },
    ...input.columns.map((key) => ({ header: PROJECT_EXPORT_COLUMNS[key], key, ...(PROJECT_TYPES[key] ?? { type: 'text' as const }) })),
  ]
  const total = await countProjects(ctx, input.query)
  let seq = 0
  let sum = 0n
  let fixed = 0n
  async function* rows(): AsyncGenerator<Row> {
    for await (const page of projectPages(ctx, input.query)) {
      for (const row of page) {
        sum += BigInt(row.totalInvestmentYuan ?? 0)
        fixed += BigInt(row.fixedAssetYuan ?? 0)
        const out: Row = { _seq: ++seq }
        for (const column of input.columns) out[column] = projectValue(row, column)
        yield out
      }
      onProgress?.({ phase: 'export', done: seq, total })
    }
  }
  const hasSums = input.columns.includes('totalInvestment') || input.columns.includes('fixedAsset')
  const label = input.columns.find((c) => PROJECT_TYPES[c]?.type !== 'amount2') ?? '_seq'
  await writeList(
    target,
    input.format,
    { name: '项目列表', title: '项目列表', subtitle: `共${total}个项目    金额单位：亿元`, columns },
    rows(),
    () => (hasSums ? { [label]: '合计', totalInvestment: yiExact(Number(sum)), fixedAsset: yiExact(Number(fixed)) } : null),
  )
  return { rows: seq }
}

const INVESTOR_COLUMNS: ColumnSpec[] = [
  { header: '序号', key: 'seq', type: 'integer', width: 6 },
  { header: '客商名称', key: 'name', type: 'text', width: 32 },
  { header: '统一社会信用代码', key: 'creditCode', type: 'text', width: 22 },
  { header: '企业性质', key: 'ownership', type: 'text', width: 10 },
  { header: '来源地', key: 'origin', type: 'text', width: 10 },
  { header: '来源城市', key: 'originCity', type: 'text', width: 10 },
  { header: '产业', key: 'industryName', type: 'text', width: 16 },
  { header: '注册资本（万元）', key: 'registeredCapital', type: 'amount2' },
  { header: '来源渠道', key: 'sourceChannel', type: 'text', width: 10 },
  { header: '项目数', key: 'projectCount', type: 'integer', width: 8 },
  { header: '项目总投资（亿元）', key: 'totalInvestment', type: 'amount2', width: 14 },
  { header: '备注', key: 'note', type: 'text', width: 30 },
]

const wanExact = (yuan: number | null) => (yuan === null ? null : yuanToWanExact(yuan))

export async function exportInvestorList(ctx: Ctx, target: string, input: { query: unknown; format: ExportFormat }, onProgress?: ProgressCallback): Promise<ListExportSummary> {
  const query = InvestorListQuery.parse({ ...(input.query as object), page: 1, pageSize: 500 })
  let seq = 0
  async function* rows(): AsyncGenerator<Row> {
    for (let page = 1; ; page++) {
      const result = await listInvestors(ctx, { ...query, page })
      for (const r of result.rows) {
        yield {
          seq: ++seq,
          name: r.name,
          creditCode: r.creditCode,
          ownership: r.ownership ? OWNERSHIP.labels[r.ownership] : null,
          origin: r.origin ? ORIGIN.labels[r.origin] : null,
          originCity: r.originCity,
          industryName: r.industryName,
          registeredCapital: wanExact(r.registeredCapitalYuan),
          sourceChannel: r.sourceChannel ? SOURCE_CHANNEL.labels[r.sourceChannel] : null,
          projectCount: r.projectCount,
          totalInvestment: yiExact(r.totalInvestmentYuan),
          note: r.note,
        }
      }
      onProgress?.({ phase: 'export', done: seq, total: result.total })
      if (result.rows.length < query.pageSize) return
    }
  }
  await writeList(target, input.format, { name: '客商列表', title: '客商列表', columns: INVESTOR_COLUMNS }, rows())
  return { rows: seq }
}

const NEGOTIATION_COLUMNS: ColumnSpec[] = [
  { header: '序号', key: 'seq', type: 'integer', width: 6 },
  { header: '日期', key: 'happenedOn', type: 'date' },
  { header: '类型', key: 'type', type: 'text', width: 10 },
  { header: '项目', key: 'projectName', type: 'text', width: 28 },
  { header: '客商', key: 'investorName', type: 'text', width: 28 },
  { header: '我方人员', key: 'ourPeople', type: 'text', width: 14 },
  { header: '对方人员', key: 'theirPeople', type: 'text', width: 14 },
  { header: '洽谈内容', key: 'summary', type: 'text', width: 44 },
  { header: '结果', key: 'result', type: 'text', width: 24 },
  { header: '下一步', key: 'nextStep', type: 'text', width: 24 },
  { header: '下一步期限', key: 'nextDueOn', type: 'date' },
  { header: '完成日期', key: 'nextDoneOn', type: 'date' },
  { header: '责任人', key: 'ownerName', type: 'text', width: 9 },
]

export async function exportNegotiationList(ctx: Ctx, target: string, input: { query: unknown; format: ExportFormat }, onProgress?: ProgressCallback): Promise<ListExportSummary> {
  const query = NegotiationListQuery.parse({ ...(input.query as object), page: 1, pageSize: 500 })
  let seq = 0
  async function* rows(): AsyncGenerator<Row> {
    for (let page = 1; ; page++) {
      const result = await listNegotiations(ctx, { ...query, page })
      for (const r of result.rows) yield { ...r, seq: ++seq, type: NEGOTIATION_TYPE.labels[r.type] }
      onProgress?.({ phase: 'export', done: seq, total: result.total })
      if (result.rows.length < query.pageSize) return
    }
  }
  await writeList(target, input.format, { name: '洽谈记录', title: '洽谈记录', columns: NEGOTIATION_COLUMNS }, rows())
  return { rows: seq }
}
