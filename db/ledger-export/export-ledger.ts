// 项目台账 export: the layout offices send upward (title, unit and date row, fixed header, one row
// per project, a 合计 row). Projects are read a page of 1000 at a time through the project list's
// own filter and sort (project-list.pageIds: only the ordered ids are read up front) and written as
// they come, so 10⁵ projects never sit in memory; the total is summed in integer 元 as the rows go by.
//
// Amount cells hold the exact 亿元 value (up to 8 decimals, i.e. to the 元) shown with two
// decimals, so the sheet's figures are exact and an export imports back to the 元.
import type { Ctx } from '../context'
import { todayIso } from '../domain/dates'
import type { ExportFormat, LedgerExportInput, ProgressCallback } from '../domain/ledger'
import { formatYi } from '../domain/money'
import type { ProjectListQuery, ProjectRow } from '../domain/project'
import { STAGE_LABELS } from '../domain/stages'
import { filteredProjects, pageIds } from '../services/project-list'
import { selectNamed, tagsOf } from '../services/projects'
import type { ColumnSpec } from '../spreadsheet/write-cells'
import { createWorkbookWriter, writeCsv } from '../spreadsheet/write-sheet'

export const LEDGER_COLUMNS: ColumnSpec[] = [
  { header: '序号', key: 'seq', type: 'integer', width: 6 },
  { header: '项目名称', key: 'name', type: 'text', width: 34 },
  { header: '投资方', key: 'investor', type: 'text', width: 28 },
  { header: '所属区县', key: 'district', type: 'text', width: 10 },
  { header: '所属园区', key: 'park', type: 'text', width: 16 },
  { header: '产业类别', key: 'industry', type: 'text', width: 12 },
  { header: '总投资（亿元）', key: 'investment', type: 'amount2', width: 12 },
  { header: '项目状态', key: 'stage', type: 'text', width: 9 },
  { header: '谋划日期', key: 'plannedDate', type: 'date', width: 11 },
  { header: '签约日期', key: 'signedDate', type: 'date', width: 11 },
  { header: '开工日期', key: 'startedDate', type: 'date', width: 11 },
  { header: '投产日期', key: 'operatingDate', type: 'date', width: 11 },
  { header: '责任人', key: 'owner', type: 'text', width: 9 },
  { header: '项目进展情况', key: 'progress', type: 'text', width: 44 },
]

export const PAGE = 1000

/** The exact 亿元 figure of an amount ('3.5', '0.00000001'), at least two decimals. */
export function yiExact(yuan: number): string {
  const s = formatYi(yuan, 8).replace(/0+$/, '')
  const [int, frac = ''] = s.split('.')
  return `${int}.${frac.padEnd(2, '0')}`
}

/**
 * Every project of a list query, in its order, one page of PAGE at a time (with names and tags
 * joined for the page only). The ordered ids are read once: paging the sorted query with OFFSET
 * re-sorts the whole filter for every page (quadratic at 10⁵ rows), while 10⁵ ids are ~5 MB.
 */
export async function* projectPages(ctx: Ctx, query: ProjectListQuery): AsyncGenerator<ProjectRow[]> {
  const all = (await pageIds(ctx.db, { ...query, page: 1, pageSize: Number.MAX_SAFE_INTEGER }).execute()).map((r) => r.id)
  for (let start = 0; start < all.length; start += PAGE) {
    const ids = all.slice(start, start + PAGE)
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

export function ledgerQuery(input: Pick<LedgerExportInput, 'query' | 'year'>): ProjectListQuery {
  const query = { ...input.query }
  if (input.year) {
    query.reserveOnFrom = query.reserveOnFrom ?? `${input.year}-01-01`
    query.reserveOnTo = query.reserveOnTo ?? `${input.year}-12-31`
  }
  return query
}

/** 槐荫区2024年招商引资项目台账; 招商引资项目台账（全部） without district, park or year. */
export async function ledgerTitle(ctx: Ctx, input: Pick<LedgerExportInput, 'query' | 'year'>): Promise<string> {
  const districtIds = [...new Set([input.query.districtId, ...(input.query.districtIds ?? [])].filter((x): x is string => !!x))]
  const parkIds = [...new Set([input.query.parkId, ...(input.query.parkIds ?? [])].filter((x): x is string => !!x))]
  const names = async (table: 'district' | 'park', ids: string[]) =>
    ids.length === 0 ? [] : (await ctx.db.selectFrom(table).select('name').where('id', 'in', ids).orderBy('name').execute()).map((r) => r.name)
  const place = [...(await names('district', districtIds)), ...(await names('park', parkIds))].join('、')
  const year = input.year ? `${input.year}年` : ''
  if (!place && !year) return '招商引资项目台账（全部）'
  return `${place}${year}招商引资项目台账`
}

function ledgerRow(row: ProjectRow, seq: number): Record<string, unknown> {
  return {
    seq,
    name: row.name,
    investor: row.investorName,
    district: row.districtName,
    park: row.parkName,
    industry: row.industryName,
    investment: row.totalInvestmentYuan === null ? null : yiExact(row.totalInvestmentYuan),
    stage: STAGE_LABELS[row.stage],
    plannedDate: row.reserveOn,
    signedDate: row.signedOn,
    startedDate: row.startedOn,
    operatingDate: row.operatingOn,
    owner: row.ownerName,
    progress: row.progress,
  }
}

export interface ExportSummary {
  rows: number
  totalInvestmentYuan: number
  title: string
}

/** Writes the ledger to a file path (xlsx or csv); onProgress after every page. */
export async function exportLedger(
  ctx: Ctx,
  target: string,
  input: Pick<LedgerExportInput, 'query' | 'year'> & { format?: ExportFormat },
  onProgress?: ProgressCallback,
): Promise<ExportSummary> {
  const query = ledgerQuery(input)
  const title = await ledgerTitle(ctx, input)
  const total = await countProjects(ctx, query)
  let seq = 0
  let sum = 0n
  async function* rows(): AsyncGenerator<Record<string, unknown>> {
    onProgress?.({ phase: 'export', done: 0, total })
    for await (const page of projectPages(ctx, query)) {
      for (const row of page) {
        sum += BigInt(row.totalInvestmentYuan ?? 0)
        yield ledgerRow(row, ++seq)
      }
      onProgress?.({ phase: 'export', done: seq, total })
    }
  }
  const totalRow = () => ({ seq: null, name: '合计', investment: yiExact(Number(sum)) })
  if (input.format === 'csv') {
    async function* withTotal() {
      yield* rows()
      yield totalRow()
    }
    // CSV cells show what they hold: the exact 亿元 text rather than a two-decimal rounding
    await writeCsv(target, LEDGER_COLUMNS.map((c) => (c.type === 'amount2' ? { ...c, type: 'text' as const } : c)), withTotal())
  } else {
    const writer = createWorkbookWriter(target)
    const sheet = writer.addSheet({
      name: '项目台账',
      title,
      subtitle: `单位：亿元        导出日期：${todayIso(ctx.now())}`,
      columns: LEDGER_COLUMNS,
      freezeHeader: true,
    })
    await sheet.addRows(rows())
    sheet.addTotalRow(totalRow())
    sheet.commit()
    await writer.finish()
  }
  if (!Number.isSafeInteger(Number(sum))) throw new RangeError('金额合计超出可精确表示的范围')
  return { rows: seq, totalInvestmentYuan: Number(sum), title }
}
