// Streaming xlsx export on exceljs's WorkbookWriter: each row is committed (serialised and
// handed to the zip stream) as soon as it is added, so a 10⁵-project ledger never sits in
// memory as a workbook. Sheets are written one after another: commit a sheet before the next.
import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import { cellValue, type ColumnSpec, type ColumnType } from './write-cells'

export { neutralizeFormulaText } from './neutralize-formula'
export { writeCsv } from './write-csv'
export type { ColumnSpec, ColumnType } from './write-cells'

export type SheetSpec = {
  name: string
  title?: string // merged across all columns, bold and larger: '槐荫区2024年招商引资项目台账'
  subtitle?: string // '单位：亿元    导出日期：2026-11-27'
  columns: ColumnSpec[]
  freezeHeader?: boolean // default true: the header stays visible while scrolling
}

export type SheetWriter = {
  readonly name: string // the name actually used (Excel forbids some characters and >31 chars)
  readonly headerRow: number // 1-based Excel row of the column headers
  addRow(values: Record<string, unknown>): void
  addTotalRow(values: Record<string, unknown>): void
  // add many rows, pausing now and then so the zip stream can drain (keeps memory flat)
  addRows(rows: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>): Promise<void>
  commit(): void
}

export type SpreadsheetWriter = {
  addSheet(spec: SheetSpec): SheetWriter
  finish(): Promise<void>
}

const NUM_FMT: Record<ColumnType, string | undefined> = {
  text: '@',
  integer: '0',
  amount2: '0.00',
  date: 'yyyy-mm-dd',
  percent: '0.00%',
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } }
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN }
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  border: BOX,
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
}
const TITLE_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, size: 16 },
  alignment: { horizontal: 'center', vertical: 'middle' },
}
const SUBTITLE_STYLE: Partial<ExcelJS.Style> = { font: { size: 10 }, alignment: { horizontal: 'left', vertical: 'middle' } }
const ROWS_PER_PAUSE = 500

export function createWorkbookWriter(target: string | Writable): SpreadsheetWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof target === 'string' ? { filename: target } : { stream: target }),
    useStyles: true,
    // shared strings would keep every distinct text (all progress notes) in memory until the end
    useSharedStrings: false,
  })
  const usedNames = new Set<string>()
  return {
    addSheet(spec) {
      const name = uniqueSheetName(spec.name, usedNames)
      return addSheet(workbook, name, spec)
    },
    async finish() {
      await workbook.commit()
    },
  }
}

function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, spec: SheetSpec): SheetWriter {
  const headerRow = 1 + (spec.title ? 1 : 0) + (spec.subtitle ? 1 : 0)
  const ws = workbook.addWorksheet(name, {
    views: spec.freezeHeader === false ? [] : [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  })
  const columns = spec.columns
  ws.columns = columns.map((c) => ({ width: c.width ?? defaultWidth(c) }))
  const dataStyles = columns.map((c) => cellStyle(c.type, false))
  const totalStyles = columns.map((c) => cellStyle(c.type, true))

  const banner = (text: string, style: Partial<ExcelJS.Style>, height: number) => {
    const row = ws.addRow([text])
    row.height = height
    row.getCell(1).style = style
    if (columns.length > 1) ws.mergeCells(row.number, 1, row.number, columns.length)
    row.commit()
  }
  if (spec.title) banner(spec.title, TITLE_STYLE, 30)
  if (spec.subtitle) banner(spec.subtitle, SUBTITLE_STYLE, 18)
  const header = ws.addRow(columns.map((c) => c.header))
  columns.forEach((_, i) => (header.getCell(i + 1).style = HEADER_STYLE))
  header.commit()

  const write = (values: Record<string, unknown>, styles: Partial<ExcelJS.Style>[]) => {
    // plain values only: a string is always written as a string, never as {formula}
    const row = ws.addRow(columns.map((c) => cellValue(c.type, values[c.key])))
    styles.forEach((style, i) => (row.getCell(i + 1).style = style))
    row.commit()
  }
  return {
    name,
    headerRow,
    addRow: (values) => write(values, dataStyles),
    addTotalRow: (values) => write(values, totalStyles),
    async addRows(rows) {
      let n = 0
      for await (const values of rows) {
        write(values, dataStyles)
        if (++n % ROWS_PER_PAUSE === 0) await new Promise((resolve) => setImmediate(resolve))
      }
    },
    commit: () => ws.commit(),
  }
}

function cellStyle(type: ColumnType, total: boolean): Partial<ExcelJS.Style> {
  return {
    numFmt: NUM_FMT[type],
    font: total ? { bold: true } : {},
    border: total ? { ...BOX, top: { style: 'medium', color: { argb: 'FF000000' } } } : BOX,
    alignment: { vertical: 'middle', wrapText: type === 'text' },
  }
}

function defaultWidth(c: ColumnSpec): number {
  if (c.type === 'date') return 12
  if (c.type !== 'text') return 12
  // CJK characters are about two Latin widths
  return Math.min(40, Math.max(8, [...c.header].length * 2 + 2))
}

// Excel refuses names with : \ / ? * [ ], longer than 31 characters, or used twice
function uniqueSheetName(wanted: string, used: Set<string>): string {
  const base = (wanted.replace(/[:\\/?*[\]]/g, '_').replace(/^'+|'+$/g, '').trim() || 'Sheet').slice(0, 31)
  let name = base
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - `(${i})`.length)}(${i})`
  used.add(name.toLowerCase())
  return name
}
