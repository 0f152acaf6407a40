// 导出 on a report tab (漏斗, 期间流量, 分组…): the table exactly as the screen shows it — its rows,
// its columns, its formatted figures — with the period and filters in the title rows. The screen
// sends what it renders (the same formatting helpers produce both), so the file cannot drift from
// the page; this file only turns the shown text back into numbers Excel can sum and writes the
// sheet with the shared workbook writer. The 月报 (export-report.ts) is the other, fuller export.
import type { Ctx } from '../context'
import type { ReportTabExportInput } from '../domain/report-tab-export'
import { ORIGIN, PRIORITY } from '../domain/vocab'
import { type ColumnSpec, type ColumnType } from '../spreadsheet/write-cells'
import { createWorkbookWriter, type SpreadsheetWriter } from '../spreadsheet/write-sheet'

/** '1,590.83' → 1590.83, '+12.50%' → 0.125, '—' → empty: the screen's text as the number it shows. */
export function shownValue(type: ColumnType, text: string): string | number | null {
  const trimmed = text.trim()
  if (trimmed === '' || trimmed === '—') return null
  if (type === 'text') return trimmed
  const plain = trimmed.replace(/,/g, '').replace(/^\+/, '')
  if (type === 'percent') {
    const n = Number(plain.replace(/%$/, ''))
    return Number.isFinite(n) && plain.endsWith('%') ? Math.round(n * 100) / 10_000 : trimmed
  }
  const n = Number(plain)
  return Number.isFinite(n) && plain !== '' ? n : trimmed
}

/** '筛选：区县：长清区，责任人：张伟', or '筛选：无（全部项目）': a reader knows whether the figures are a part. */
export async function filterLine(ctx: Ctx, input: ReportTabExportInput): Promise<string> {
  const name = async (table: 'district' | 'park' | 'industry' | 'user', id: string | undefined) =>
    id === undefined ? undefined : ((await ctx.db.selectFrom(table).select('name').where('id', '=', id).executeTakeFirst())?.name ?? id)
  const parts = [
    ['区县', await name('district', input.districtId)],
    ['园区', await name('park', input.parkId)],
    ['产业', await name('industry', input.industryId)],
    ['责任人', await name('user', input.ownerId)],
    ['重点级别', input.priority && PRIORITY.labels[input.priority]],
    ['客商来源', input.origin && ORIGIN.labels[input.origin]],
  ].filter(([, value]) => value)
  return parts.length ? `筛选：${parts.map(([label, value]) => `${label}：${value}`).join('，')}` : '筛选：无（全部项目）'
}

type ShownSheet = Pick<ReportTabExportInput, 'title' | 'notes' | 'columns' | 'rows' | 'totalRow'>

export async function exportReportTab(ctx: Ctx, path: string, input: ReportTabExportInput): Promise<{ rows: number }> {
  const writer = createWorkbookWriter(path)
  const filters = await filterLine(ctx, input)
  // Every sheet carries the filters: a sheet printed alone still says which projects it covers.
  for (const table of [input, ...input.more]) writeShownSheet(writer, table, filters)
  await writer.finish()
  return { rows: input.rows.length }
}

function writeShownSheet(writer: SpreadsheetWriter, table: ShownSheet, filters: string) {
  const columns: ColumnSpec[] = table.columns.map((column, i) => ({
    header: column.header,
    key: `c${i}`,
    type: column.type,
    // A text column is as wide as its longest cell (up to 40), so '签约金额（亿元）' prints on one line;
    // Chinese headers wrap in the header row; a figure column needs no more than a 亿元 amount's width.
    width:
      column.type === 'text'
        ? Math.max(12, Math.min(40, Math.max(column.header.length, ...table.rows.map((cells) => (cells[i] ?? '').length)) * 2 + 4))
        : Math.max(10, Math.min(16, column.header.length * 2)),
  }))
  const sheet = writer.addSheet({ name: table.title, title: table.title, notes: [...table.notes, filters], columns, empty: '本表没有数据' })
  table.rows.forEach((cells, r) => {
    const values = Object.fromEntries(columns.map((column, i) => [column.key, shownValue(column.type, cells[i] ?? '')]))
    if (table.totalRow && r === table.rows.length - 1) sheet.addTotalRow(values)
    else sheet.addRow(values)
  })
  sheet.commit()
}
