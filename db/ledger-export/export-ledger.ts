// 项目台账 export: the layout offices send upward and print — title, the filters applied, the
// unit and date, the optional 填报单位 line, a fixed header repeated on every printed page, one row
// per project, 小计 rows per district or park when asked, a 合计 row, and the optional 填报人 /
// 审核人 line. The columns are the ledger's field list (db/domain/ledger.ts), so that the import
// reads back every field the 台账 carries.
//
// Speed (10⁵ projects in seconds, memory flat): the rows come from the project list's own filter
// and sort as one prepared statement read a page at a time (ledger-rows.ts), and each row goes to
// the streaming writer as an array of cells, waiting whenever the zip is behind. The totals are
// summed in integer 元.
//
// Amount cells hold yuan / 10⁸: the division of two exact integers rounds once, to the same double
// as the exact decimal text, so the sheet's figures import back to the 元.
import type { Ctx } from '../context'
import { todayIso } from '../domain/dates'
import { type ExportFormat, LEDGER_FIELD_LABEL, type LedgerExportInput, type LedgerField, type ProgressCallback } from '../domain/ledger'
import { exactTotal, formatYi } from '../domain/money'
import type { ProjectListQuery, ProjectRow } from '../domain/project'
import { LIBRARY_LABELS, STAGE_LABELS, type Stage } from '../domain/stages'
import { PRIORITY, PROJECT_KIND, type Priority, type ProjectKind } from '../domain/vocab'
import { filteredProjects, pageIds } from '../services/project-list'
import { selectNamed, tagsOf } from '../services/projects'
import type { ColumnSpec, ColumnType } from '../spreadsheet/write-cells'
import { createWorkbookWriter, writeCsv } from '../spreadsheet/write-sheet'
import { type GroupBy, type LedgerRow, ledgerPages } from './ledger-rows'

export { PAGE } from './ledger-rows'

type Column = ColumnSpec & { key: LedgerField }
const column = (key: LedgerField, type: ColumnType, width: number, header: string = LEDGER_FIELD_LABEL[key]): Column => ({ key, header, type, width })

/** The 台账's columns, in the order offices print them; every one is read back by the import. */
export const LEDGER_COLUMNS: Column[] = [
  column('seq', 'integer', 5),
  column('name', 'text', 24),
  column('investor', 'text', 20),
  column('creditCode', 'text', 20),
  column('district', 'text', 8),
  column('park', 'text', 12),
  column('industry', 'text', 10),
  column('chain', 'text', 10),
  column('kind', 'text', 8),
  column('investment', 'amount2', 11, '总投资（亿元）'),
  column('fixedAsset', 'amount2', 11, '固定资产投资（亿元）'),
  column('stage', 'text', 8),
  column('priority', 'text', 8),
  column('plannedDate', 'date', 11),
  column('signedDate', 'date', 11),
  column('registeredDate', 'date', 11),
  column('startedDate', 'date', 11),
  column('completedDate', 'date', 11),
  column('operatingDate', 'date', 11),
  column('owner', 'text', 8),
  column('leader', 'text', 8),
  column('phone', 'text', 13),
  column('progress', 'text', 30),
]

/** The exact 亿元 figure of an amount ('3.5', '0.00000001'), at least two decimals. */
export function yiExact(yuan: number): string {
  const s = formatYi(yuan, 8).replace(/0+$/, '')
  const [int, frac = ''] = s.split('.')
  return `${int}.${frac.padEnd(2, '0')}`
}

const yi = (yuan: number | null) => (yuan === null ? null : yuan / 1e8)

/** A row's cells in LEDGER_COLUMNS order. */
function ledgerCells(row: LedgerRow, seq: number, amount: (yuan: number | null) => unknown): unknown[] {
  return [
    seq,
    row.name,
    row.investor,
    row.creditCode,
    row.district,
    row.park,
    row.industry,
    row.chain,
    row.kind ? PROJECT_KIND.labels[row.kind as ProjectKind] : null,
    amount(row.yuan),
    amount(row.fixedAssetYuan),
    STAGE_LABELS[row.stage as Stage],
    row.priority ? PRIORITY.labels[row.priority as Priority] : null,
    row.reserveOn,
    row.signedOn,
    row.registeredOn,
    row.startedOn,
    row.completedOn,
    row.operatingOn,
    row.owner,
    row.leader,
    row.phone,
    row.progress,
  ]
}

const COLUMN_INDEX = Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c.key, i])) as Record<LedgerField, number>

/** A 小计 / 合计 row's cells: a label in 项目名称, the two amount sums. */
function sumCells(label: string, sums: Sums, amount: (yuan: number) => unknown): unknown[] {
  const cells: unknown[] = LEDGER_COLUMNS.map(() => null)
  cells[COLUMN_INDEX.name] = label
  cells[COLUMN_INDEX.investment] = amount(Number(sums.yuan))
  cells[COLUMN_INDEX.fixedAsset] = amount(Number(sums.fixedAssetYuan))
  return cells
}

type Sums = { count: number; yuan: bigint; fixedAssetYuan: bigint }
const noSums = (): Sums => ({ count: 0, yuan: 0n, fixedAssetYuan: 0n })
function addTo(sums: Sums, row: LedgerRow): void {
  sums.count++
  sums.yuan += BigInt(row.yuan ?? 0)
  sums.fixedAssetYuan += BigInt(row.fixedAssetYuan ?? 0)
}

// ---- the project list's pages (the list exports share these) -------------------------------------

/**
 * Every project of a list query, in its order, one page at a time (with names and tags joined for
 * the page only). The ordered ids are read once: paging the sorted query with OFFSET re-sorts the
 * whole filter for every page (quadratic at 10⁵ rows), while 10⁵ ids are ~5 MB.
 */
export async function* projectPages(ctx: Ctx, query: ProjectListQuery): AsyncGenerator<ProjectRow[]> {
  const all = (await pageIds(ctx.db, { ...query, page: 1, pageSize: Number.MAX_SAFE_INTEGER }).execute()).map((r) => r.id)
  for (let start = 0; start < all.length; start += 1000) {
    const ids = all.slice(start, start + 1000)
    const named = await selectNamed(ctx.db).where('p.id', 'in', ids).execute()
    const tags = await tagsOf(ctx.db, ids)
    const byId = new Map(named.map((row) => [row.id, row]))
    yield ids.flatMap((id) => {
      const row = byId.get(id)
      return row ? [{ ...row, tags: tags.get(id) ?? [] }] : []
    })
  }
}

export async function countProjects(ctx: Ctx, query: ProjectListQuery): Promise<number> {
  const row = await filteredProjects(ctx.db, query)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}

// ---- title and the filters it states ------------------------------------------------------------

export function ledgerQuery(input: Pick<LedgerExportInput, 'query' | 'year'>): ProjectListQuery {
  const query = { ...input.query }
  if (input.year) {
    query.reserveOnFrom = query.reserveOnFrom ?? `${input.year}-01-01`
    query.reserveOnTo = query.reserveOnTo ?? `${input.year}-12-31`
  }
  return query
}

const idsOf = (one: string | undefined, many: readonly string[] | undefined) => [...new Set([one, ...(many ?? [])].filter((x): x is string => !!x))]

async function namesOf(ctx: Ctx, table: 'district' | 'park' | 'industry' | 'user' | 'investor' | 'tag', ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  return (await ctx.db.selectFrom(table).select('name').where('id', 'in', ids).orderBy('name').execute()).map((r) => r.name)
}

/** 槐荫区2024年招商引资项目台账; 招商引资项目台账（全部） without district, park, year or other filter. */
export async function ledgerTitle(ctx: Ctx, input: Pick<LedgerExportInput, 'query' | 'year'>): Promise<string> {
  const place = [...(await namesOf(ctx, 'district', idsOf(input.query.districtId, input.query.districtIds))), ...(await namesOf(ctx, 'park', idsOf(input.query.parkId, input.query.parkIds)))].join('、')
  const year = input.year ? `${input.year}年` : ''
  if (!place && !year) return (await ledgerFilters(ctx, input.query)).length ? '招商引资项目台账' : '招商引资项目台账（全部）'
  return `${place}${year}招商引资项目台账`
}

const range = (label: string, from: string | undefined, to: string | undefined, unit = '') =>
  from && to ? `${label}${from}${unit}至${to}${unit}` : from ? `${label}${from}${unit}起` : to ? `${label}至${to}${unit}` : null

/**
 * Every filter other than the place (which the title names), in words: 项目状态：签约、开工；产业：….
 * The printed 台账 must say what it leaves out, or a reader takes a part for the whole.
 */
export async function ledgerFilters(ctx: Ctx, query: ProjectListQuery): Promise<string[]> {
  const parts: string[] = []
  const stages = idsOf(query.stage, query.stages) as Stage[]
  if (query.library) parts.push(`项目库：${LIBRARY_LABELS[query.library]}`)
  if (stages.length) parts.push(`项目状态：${stages.map((s) => STAGE_LABELS[s]).join('、')}`)
  const named = async (label: string, table: Parameters<typeof namesOf>[1], ids: string[]) => {
    const names = await namesOf(ctx, table, ids)
    if (names.length) parts.push(`${label}：${names.join('、')}`)
  }
  await named('产业', 'industry', idsOf(query.industryId, undefined))
  await named('责任人', 'user', idsOf(query.ownerId, undefined))
  await named('投资方', 'investor', idsOf(query.investorId, undefined))
  await named('标签', 'tag', idsOf(undefined, query.tagIds))
  if (query.priority) parts.push(`重点级别：${PRIORITY.labels[query.priority]}`)
  const wan = (yuan: number | undefined) => (yuan === undefined ? undefined : yiExact(yuan))
  const amounts = range('总投资', wan(query.minInvestment), wan(query.maxInvestment), '亿元')
  if (amounts) parts.push(amounts)
  for (const [label, from, to] of [
    ['谋划日期', query.reserveOnFrom, query.reserveOnTo],
    ['签约日期', query.signedOnFrom, query.signedOnTo],
    ['开工日期', query.startedOnFrom, query.startedOnTo],
    ['投产日期', query.operatingOnFrom, query.operatingOnTo],
  ] as const) {
    const text = range(label, from, to)
    if (text) parts.push(text)
  }
  if (query.text) parts.push(`名称含“${query.text}”`)
  if (query.includeDeleted) parts.push('含已删除项目')
  return parts
}

// ---- the export ---------------------------------------------------------------------------------

export interface ExportSummary {
  rows: number
  totalInvestmentYuan: number
  title: string
}

export type LedgerExportOptions = Pick<LedgerExportInput, 'query' | 'year'> &
  Partial<Pick<LedgerExportInput, 'subtotalBy' | 'signoff'>> & { format?: ExportFormat }

const GROUP_WORD: Record<GroupBy, { key: 'district' | 'park'; none: string }> = {
  district: { key: 'district', none: '未填区县' },
  park: { key: 'park', none: '未填园区' },
}

/** Writes the ledger to a file path (xlsx or csv); onProgress after every page. */
export async function exportLedger(ctx: Ctx, target: string, input: LedgerExportOptions, onProgress?: ProgressCallback): Promise<ExportSummary> {
  const query = ledgerQuery(input)
  const title = await ledgerTitle(ctx, input)
  const filters = await ledgerFilters(ctx, input.query)
  const total = await countProjects(ctx, query)
  const csv = input.format === 'csv'
  // CSV cells show what they hold: the exact 亿元 text rather than a two-decimal rounding
  const amount = csv ? (yuan: number | null) => (yuan === null ? null : yiExact(yuan)) : yi
  const group = input.subtotalBy ? GROUP_WORD[input.subtotalBy] : null
  const sums = noSums()

  // The rows in order, with a 小计 after each group: arrays of cells, marked for the writer.
  type Line = { cells: unknown[]; kind: 'data' | 'subtotal' }
  function* lines(): Generator<Line> {
    let seq = 0
    let groupName: string | null | undefined
    let groupSums = noSums()
    const subtotal = (): Line => ({ cells: sumCells(`小计（${groupName ?? group!.none}，${groupSums.count}个）`, groupSums, amount), kind: 'subtotal' })
    onProgress?.({ phase: 'export', done: 0, total })
    for (const page of ledgerPages(ctx, query, input.subtotalBy)) {
      for (const row of page) {
        if (group) {
          const name = row[group.key]
          if (groupName !== undefined && name !== groupName) {
            yield subtotal()
            groupSums = noSums()
          }
          groupName = name
          addTo(groupSums, row)
        }
        addTo(sums, row)
        yield { cells: ledgerCells(row, ++seq, amount), kind: 'data' }
      }
      onProgress?.({ phase: 'export', done: seq, total })
    }
    if (group && groupName !== undefined) yield subtotal()
  }
  const totalCells = () => sumCells(`合计（${sums.count}个）`, sums, amount)

  if (csv) {
    const keyed = (cells: unknown[]) => Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c.key, cells[i]]))
    async function* rows() {
      for (const line of lines()) yield keyed(line.cells)
      yield keyed(totalCells())
    }
    await writeCsv(target, LEDGER_COLUMNS.map((c) => (c.type === 'amount2' ? { ...c, type: 'text' as const } : c)), rows())
  } else {
    const writer = createWorkbookWriter(target)
    const signoff = input.signoff
    const blank = (text: string | undefined) => text?.trim() || '　　　　　　'
    const today = todayIso(ctx.now())
    const sheet = writer.addSheet({
      name: '项目台账',
      title,
      subtitle: `单位：亿元        导出日期：${today}        共${total}个项目`,
      notes: [
        ...(filters.length ? [`筛选条件：${filters.join('；')}`] : []),
        ...(signoff ? [`填报单位：${blank(signoff.unit)}        填报日期：${signoff.date ?? today}`] : []),
      ],
      columns: LEDGER_COLUMNS,
      freezeHeader: true,
    })
    for (const line of lines()) {
      if (line.kind === 'data') sheet.addCells(line.cells)
      else sheet.addSubtotalRow(Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c.key, line.cells[i]])))
      // the next row waits while the zip is behind (keeps memory flat)
      await sheet.drained()
    }
    sheet.addTotalRow(Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c.key, totalCells()[i]])))
    if (signoff) sheet.addNote(`填报人：${blank(signoff.preparer)}        审核人：${blank(signoff.reviewer)}`)
    sheet.commit()
    await writer.finish()
  }
  const sum = exactTotal(Number(sums.yuan))
  return { rows: sums.count, totalInvestmentYuan: sum, title }
}
