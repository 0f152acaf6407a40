// Streaming xlsx export on exceljs's WorkbookWriter: each row is committed (serialised and
// handed to the zip stream) as soon as it is added, so a 10⁵-project ledger never sits in
// memory as a workbook. Sheets are written one after another: commit a sheet before the next.
//
// Every sheet prints like an office 台账: landscape A4 fitted to the page width, the column header
// repeated at the top of every printed page, 第 N 页 共 M 页 in the footer, and wrapped text rows
// given a height (row-height.ts) so that long texts print whole instead of overlapping.
//
// The table's rows (data, 小计, 合计) are written as sheet XML by row-xml.ts into the worksheet's
// own part, with the style ids exceljs assigns; exceljs writes everything else (banners, merges,
// columns, print set-up, styles). That is the 10⁵-row path: exceljs's per-cell objects cost more
// than the rest of the export together.
//
// Memory stays flat because the rows wait for the zip (drained()): exceljs's part stream passes
// every 64 KB straight on to the zip's input and never asks its writer to wait, so without that
// wait the whole sheet's XML queued up in front of the compressor (about 100 MB at 10⁵ rows).
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import type { Writable } from 'node:stream'
import type ExcelJS from 'exceljs'
import { neutralizeFormulaText } from './neutralize-formula'
import { rowHeight, wrappedLines } from './row-height'
import { columnLetters, rowXml } from './row-xml'
import { type CellOut, cellValue, type ColumnSpec, type ColumnType } from './write-cells'

export { neutralizeFormulaText } from './neutralize-formula'
export { writeCsv } from './write-csv'
export type { ColumnSpec, ColumnType } from './write-cells'

export type SheetSpec = {
  name: string
  title?: string // merged across all columns, bold and larger: '槐荫区2024年招商引资项目台账'
  subtitle?: string // '单位：亿元    导出日期：2026-11-27'
  notes?: string[] // more merged lines above the header: the filters applied, 填报单位 and 填报日期
  columns: ColumnSpec[]
  freezeHeader?: boolean // default true: the header stays visible while scrolling
  // what an empty sheet says under its header ('本月没有新签约项目'): an empty table alone reads as
  // a failed export
  empty?: string
}

export type SheetWriter = {
  readonly name: string // the name actually used (Excel forbids some characters and >31 chars)
  readonly headerRow: number // 1-based Excel row of the column headers
  addRow(values: Record<string, unknown>): void
  addTotalRow(values: Record<string, unknown>): void
  addSubtotalRow(values: Record<string, unknown>): void
  /** One row from cells in column order (no object per row: the 10⁵-row path). */
  addCells(cells: readonly unknown[]): void
  /** A merged line of text below the table: 填报人、审核人. */
  addNote(text: string): void
  /**
   * Resolves once the zip has taken the rows written so far, all but ZIP_BACKLOG_BYTES of them:
   * await it between rows (cheap when nothing waits), or a long sheet queues up in memory.
   */
  drained(): Promise<void>
  // add many rows, waiting for the zip as they go (keeps memory flat)
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
const SUBTITLE_STYLE: Partial<ExcelJS.Style> = { font: { size: 10 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } }
const NOTE_STYLE: Partial<ExcelJS.Style> = { font: { size: 11 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } }
// Narrow margins: a 台账 is wide. Inches, as the xlsx format has them.
const MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.3 }
// &P the page, &N the page count; LibreOffice and Excel both fill them in
export const PAGE_FOOTER = '&C第 &P 页 共 &N 页'
// The rows' UTF-8 is gathered in one buffer, reused: the part stream copies what it is given at
// once (exceljs's batch mode), so no buffer per write is left for the garbage collector (those
// outlived young collections and piled up as external memory until a full one).
const ROWS_BUFFER_BYTES = 1 << 16
// Sheet XML that may wait for the compressor before the rows wait (about 170 台账 rows). Measured
// at 10⁵ rows: peak memory fell with the backlog allowed (1 MB → 256 KB) at the same CPU time;
// what waits longer outlives young collections and stays until a full one.
export const ZIP_BACKLOG_BYTES = 1 << 18

// What the table's rows need of exceljs's stream writer beyond its typings. These are exceljs
// 4.4.0 internals (package.json pins the version): the workbook's style table, which gives a
// style its id, and the worksheet's part stream with the number of the next row it will write and
// the zip's input it feeds (archiver's stream for the part, which counts the bytes not yet taken).
type StyleTable = { addStyleModel(style: Partial<ExcelJS.Style>): number }
type ZipInput = NodeJS.EventEmitter & { _writableState?: { length?: unknown } }
type PartStream = { write(bytes: Buffer): unknown; batch?: unknown; pipes?: ZipInput[] }
type WorksheetPart = { stream: PartStream; _rowZero: number; _rows: unknown[] | null; startedData: boolean }
const VERSION_MISMATCH = '表格写入器与 exceljs 的版本不符（需要 exceljs 4.4.0），无法导出'

// exceljs takes about half a second to load: load it when a workbook is written, not at every
// start of the command line, the server or the backend process.
const loadExcelJS = (): typeof ExcelJS => createRequire(import.meta.url)('exceljs') as typeof ExcelJS

export function createWorkbookWriter(target: string | Writable): SpreadsheetWriter {
  const output = typeof target === 'string' ? createWriteStream(target) : target
  // An output that fails (disk full, folder removed) stops the zip: rows waiting for it to drain,
  // and the workbook's commit, would wait forever. They fail with its error instead.
  const failed = new Promise<never>((_, reject) => output.once('error', reject))
  failed.catch(() => undefined)
  const workbook = new (loadExcelJS().stream.xlsx.WorkbookWriter)({
    stream: output,
    useStyles: true,
    // shared strings would keep every distinct text (all progress notes) in memory until the end
    useSharedStrings: false,
  })
  const usedNames = new Set<string>()
  return {
    addSheet(spec) {
      const name = uniqueSheetName(spec.name, usedNames)
      return addSheet(workbook, (workbook as unknown as { styles: StyleTable }).styles, name, spec, failed)
    },
    async finish() {
      await Promise.race([workbook.commit(), failed])
    },
  }
}

function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, styleTable: StyleTable, name: string, spec: SheetSpec, failed: Promise<never>): SheetWriter {
  const notes = spec.notes ?? []
  const headerRow = 1 + (spec.title ? 1 : 0) + (spec.subtitle ? 1 : 0) + notes.length
  const ws = workbook.addWorksheet(name, {
    views: spec.freezeHeader === false ? [] : [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9, // A4
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as the rows need
      margins: MARGINS,
      printTitlesRow: `${headerRow}:${headerRow}`,
      horizontalCentered: true,
    },
    headerFooter: { oddFooter: PAGE_FOOTER },
  })
  const columns = spec.columns
  const widths = columns.map((c) => c.width ?? defaultWidth(c))
  const table = tableRows(ws, styleTable, columns.length, failed)
  const totalWidth = widths.reduce((a, b) => a + b, 0)
  ws.columns = widths.map((width) => ({ width }))
  const dataStyles = columns.map((c) => cellStyle(c.type, 'data'))
  const totalStyles = columns.map((c) => cellStyle(c.type, 'total'))
  const subtotalStyles = columns.map((c) => cellStyle(c.type, 'subtotal'))
  // only text columns wrap; the others never need more than one line
  const wrapping = columns.flatMap((c, i) => (c.type === 'text' ? [i] : []))

  const banner = (text: string, style: Partial<ExcelJS.Style>, height: number | undefined) => {
    table.flush()
    const row = ws.addRow([text])
    if (height) row.height = height
    row.getCell(1).style = style
    if (columns.length > 1) ws.mergeCells(row.number, 1, row.number, columns.length)
    row.commit()
  }
  const noteHeight = (text: string) => rowHeight(wrappedLines(text, totalWidth)) ?? 20
  if (spec.title) banner(spec.title, TITLE_STYLE, 30)
  if (spec.subtitle) banner(spec.subtitle, SUBTITLE_STYLE, noteHeight(spec.subtitle))
  for (const note of notes) banner(note, NOTE_STYLE, noteHeight(note))
  const header = ws.addRow(columns.map((c) => c.header))
  columns.forEach((_, i) => (header.getCell(i + 1).style = HEADER_STYLE))
  header.height = rowHeight(Math.max(...columns.map((c, i) => wrappedLines(c.header, widths[i]!)))) ?? 20
  header.commit()

  const write = (cells: readonly unknown[], styles: Partial<ExcelJS.Style>[]) => {
    // plain values only: a string is always written as a string, never as {formula}
    const values = columns.map((c, i) => cellValue(c.type, cells[i]))
    let lines = 1
    for (const i of wrapping) {
      const value = values[i]
      if (typeof value === 'string' && value.length * 2 > widths[i]! * 0.9) lines = Math.max(lines, wrappedLines(value, widths[i]!))
    }
    table.add(values, styles, rowHeight(lines))
  }
  const byKey = (values: Record<string, unknown>) => columns.map((c) => values[c.key])
  let dataRows = 0
  let emptySaid = false
  const sayEmpty = () => {
    if (dataRows > 0 || emptySaid || !spec.empty) return
    emptySaid = true
    banner(spec.empty, NOTE_STYLE, 20)
  }
  const addData = (cells: readonly unknown[]) => {
    dataRows++
    write(cells, dataStyles)
  }
  return {
    name,
    headerRow,
    addRow: (values) => addData(byKey(values)),
    addTotalRow: (values) => {
      sayEmpty()
      write(byKey(values), totalStyles)
    },
    addSubtotalRow: (values) => write(byKey(values), subtotalStyles),
    addCells: addData,
    addNote: (text) => {
      sayEmpty()
      banner(neutralizeFormulaText(text), NOTE_STYLE, noteHeight(text))
    },
    drained: () => table.drained(),
    async addRows(rows) {
      for await (const values of rows) {
        addData(byKey(values))
        await table.drained()
      }
    },
    commit: () => {
      sayEmpty()
      table.flush()
      ws.commit()
    },
  }
}

/**
 * The table's rows as XML into the worksheet's part, numbered on from the rows exceljs wrote. Rows
 * are gathered up to ROWS_BUFFER_BYTES and written together; flush() before exceljs writes a row
 * again.
 */
function tableRows(ws: ExcelJS.Worksheet, styleTable: StyleTable, columnCount: number, failed: Promise<never>) {
  const part = ws as unknown as WorksheetPart
  const zipInput = part.stream.pipes?.[0]
  const backlog = () => zipInput?._writableState?.length
  // batch: the part stream copies a write into its own buffers before write() returns
  if (typeof backlog() !== 'number' || part.stream.batch !== true) throw new Error(VERSION_MISMATCH)
  const letters = columnLetters(columnCount)
  // a row style's ids, looked up when its first row is written: the moment exceljs would, so
  // styles.xml numbers the styles as it always has
  const styleIds = new Map<Partial<ExcelJS.Style>[], number[]>()
  let bytes = Buffer.allocUnsafe(ROWS_BUFFER_BYTES)
  let gathered = 0
  return {
    add(values: readonly CellOut[], styles: Partial<ExcelJS.Style>[], height: number | undefined) {
      // exceljs has written every row it was given (each is committed at once) and opened the
      // sheet's data: the next row number is its own
      if (typeof part._rowZero !== 'number' || part._rows?.length !== 0 || !part.startedData) throw new Error(VERSION_MISMATCH)
      let ids = styleIds.get(styles)
      if (!ids) styleIds.set(styles, (ids = styles.map((style) => styleTable.addStyleModel(style))))
      const xml = rowXml(part._rowZero++, values, ids, letters, height)
      // UTF-8 takes at most 3 bytes per UTF-16 unit
      if (gathered + xml.length * 3 > bytes.length) {
        this.flush()
        if (xml.length * 3 > bytes.length) bytes = Buffer.allocUnsafe(xml.length * 3)
      }
      gathered += bytes.write(xml, gathered)
    },
    flush() {
      if (gathered) part.stream.write(bytes.subarray(0, gathered))
      gathered = 0
    },
    async drained() {
      // 'drain' comes when the zip has taken everything: the input stream asked for it when it
      // passed its high-water mark (16 KB, below the backlog allowed)
      while ((backlog() as number) > ZIP_BACKLOG_BYTES) await Promise.race([once(zipInput!, 'drain'), failed])
    },
  }
}

const SUBTOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }

function cellStyle(type: ColumnType, kind: 'data' | 'total' | 'subtotal'): Partial<ExcelJS.Style> {
  return {
    numFmt: NUM_FMT[type],
    font: kind === 'data' ? {} : { bold: true },
    border: kind === 'total' ? { ...BOX, top: { style: 'medium', color: { argb: 'FF000000' } } } : BOX,
    ...(kind === 'subtotal' ? { fill: SUBTOTAL_FILL } : {}),
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
