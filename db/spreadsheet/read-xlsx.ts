// Streaming xlsx reader on exceljs's WorkbookReader: rows arrive one at a time, so a file with
// a million rows is refused at row maxRows + 1 instead of being loaded whole into memory.
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { Cell, Sheet } from './grid'
import { applyMerges, watchMergeCells } from './xlsx-merges'
import { SpreadsheetError } from './spreadsheet-error'

// exceljs types do not declare these runtime fields we rely on
type ReaderInternals = { model?: { sheets?: { name: string }[] }; properties?: { model?: { date1904?: boolean } } }
type WorksheetInternals = { name: string; iterator: AsyncIterable<Buffer | string> }

// Files up to this size may be re-read whole when the streaming reader stumbles (see below).
const WHOLE_READ_LIMIT = 64 * 1024 * 1024

export async function readXlsx(source: string | Buffer, maxRows: number): Promise<Sheet[]> {
  try {
    return await readStreaming(source, maxRows)
  } catch (error) {
    // exceljs's streaming reader fails on some valid files whose workbook.xml comes after the
    // sheets in the zip (exceljs's own streaming writer makes such files). Re-read a file of
    // moderate size whole before calling it corrupt.
    if (!(error instanceof SpreadsheetError) || error.code !== 'corrupt') throw error
    const buffer = typeof source === 'string' ? await readFile(source) : source
    if (buffer.length > WHOLE_READ_LIMIT) throw error
    return readWhole(buffer, maxRows).catch(() => {
      throw error
    })
  }
}

async function readWhole(buffer: Buffer, maxRows: number): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  const date1904 = (workbook.properties as { date1904?: boolean } | undefined)?.date1904 === true
  let totalRows = 0
  return workbook.worksheets.map((worksheet) => {
    const rows: Cell[][] = []
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      const cells = rowCells(row, date1904)
      if (cells.length === 0) return
      if (row.number > maxRows || ++totalRows > maxRows) throw tooLarge(worksheet.name, maxRows)
      while (rows.length < row.number - 1) rows.push([])
      rows[row.number - 1] = cells
    })
    applyMerges(rows, (worksheet.model as { merges?: string[] }).merges ?? [])
    return { name: worksheet.name, rows }
  })
}

async function readStreaming(source: string | Buffer, maxRows: number): Promise<Sheet[]> {
  const input = typeof source === 'string' ? createReadStream(source) : Readable.from([source])
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // a hyperlink cell already holds its display text; the link target is of no use to an import
    hyperlinks: 'ignore',
    // needed to tell dates from numbers (both are plain numbers in the file)
    styles: 'cache',
    entries: 'ignore',
  })
  const sheets: Sheet[] = []
  let totalRows = 0
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as WorksheetInternals
      const merges: string[] = []
      ws.iterator = watchMergeCells(ws.iterator, merges)
      const date1904 = (reader as unknown as ReaderInternals).properties?.model?.date1904 === true
      const rows: Cell[][] = []
      for await (const row of worksheet) {
        const cells = rowCells(row, date1904)
        if (cells.length === 0) continue
        // Excel's row number, not a count: blank rows in between are kept as []
        if (row.number > maxRows || ++totalRows > maxRows) throw tooLarge(ws.name, maxRows)
        while (rows.length < row.number - 1) rows.push([])
        rows[row.number - 1] = cells
      }
      applyMerges(rows, merges)
      sheets.push({ name: ws.name, rows })
    }
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error
    throw new SpreadsheetError('corrupt', '文件已损坏或不是有效的 .xlsx 文件，无法读取。请用 Excel 打开后重新另存为 .xlsx', {
      cause: error,
    })
  } finally {
    input.destroy()
  }
  // zip order is not tab order; workbook.xml has the order the user sees
  const order = ((reader as unknown as ReaderInternals).model?.sheets ?? []).map((s) => s.name)
  // When workbook.xml came last, the sheets were emitted before their names were known
  // ('Sheet1'…); the streaming writer stores them in tab order, so names map by position.
  if (order.length === sheets.length && sheets.every((sheet) => !order.includes(sheet.name))) {
    sheets.forEach((sheet, index) => (sheet.name = order[index]!))
    return sheets
  }
  sheets.sort((a, b) => rank(order, a.name) - rank(order, b.name))
  return sheets
}

function rank(order: string[], name: string): number {
  const i = order.indexOf(name)
  return i === -1 ? order.length : i
}

function tooLarge(sheetName: string, maxRows: number): SpreadsheetError {
  return new SpreadsheetError('too_large', `工作表“${sheetName}”超过 ${maxRows} 行，文件过大，请拆分后分批导入`)
}

function rowCells(row: ExcelJS.Row, date1904: boolean): Cell[] {
  const cells: Cell[] = []
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const value = toCell(cell.value, cell.numFmt, date1904)
    if (value === null) return
    while (cells.length < col - 1) cells.push(null)
    cells[col - 1] = value
  })
  return cells
}

function toCell(value: ExcelJS.CellValue | undefined, numFmt: string | undefined, date1904: boolean): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return unescapeXml(value)
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'boolean' || value instanceof Date) return value
  if ('richText' in value) return unescapeXml(value.richText.map((run) => run.text ?? '').join(''))
  if ('formula' in value || 'sharedFormula' in value) {
    // the cached result Excel saved; formulas are never re-evaluated
    const result = (value as { result?: unknown }).result
    if (typeof result === 'number' && Number.isFinite(result) && isDateFormat(numFmt)) {
      return excelSerialToDate(result, date1904)
    }
    return toCell(result as ExcelJS.CellValue, undefined, date1904)
  }
  if ('hyperlink' in value) return toCell((value as { text?: ExcelJS.CellValue }).text, numFmt, date1904)
  if ('error' in value) return String(value.error)
  return null
}

// Excel writes control characters in strings as _xHHHH_ (e.g. _x000D_ for CR)
function unescapeXml(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s
}

// the same rule as exceljs uses for plain number cells
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '')
  return /[ymdhMsb]+/.test(bare)
}

// Dates are calendar dates without a zone: returned as UTC midnight of that day (as exceljs does)
function excelSerialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial
  return new Date(Math.round((days - 25569) * 86400000))
}
