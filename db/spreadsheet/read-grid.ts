// Open any spreadsheet a user hands us (.xlsx, .xls, .ods, CSV/TSV in UTF-8/UTF-16/GBK) as plain grids of
// values. The format is decided by the bytes, and every failure is a SpreadsheetError with a
// Chinese message the UI can show as is.
import { open } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { decodeText } from './decode-text'
import { detectFormat, isEncryptedOle, isXlsOle } from './detect-format'
import type { Sheet } from './grid'
import { isBlankRow } from './grid'
import { parseDelimited, RowLimitExceeded, sniffDelimiter } from './parse-delimited'
import { readWorkbook } from './read-workbook'
import { SpreadsheetError } from './spreadsheet-error'

export type { Cell, Sheet } from './grid'
export { SpreadsheetError } from './spreadsheet-error'
export type { SpreadsheetErrorCode } from './spreadsheet-error'

export type ReadOptions = {
  // shown as the sheet name of a CSV (which has none); defaults to the file's base name
  fileName?: string
  // refuse a sheet with more rows than this (default 200000)
  maxRows?: number
}

export const DEFAULT_MAX_ROWS = 200_000

// A CSV this big is not a ledger (10,000 rows are about 3 MB); refusing it before decoding keeps
// memory bounded: the text, its JS string and its cells together are a few times the file size.
export const MAX_TEXT_BYTES = 64 * 1024 * 1024
const HEAD_BYTES = 4096

export async function readWorkbookSheets(file: string | Buffer, opts: ReadOptions = {}): Promise<Sheet[]> {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS
  const head = await readHead(file)
  if (head.length === 0) throw new SpreadsheetError('empty', '文件是空的，没有任何内容')

  let sheets: Sheet[]
  const format = detectFormat(head)
  switch (format) {
    case 'xlsx':
    case 'ods':
      sheets = await readWorkbook(await bytesOf(file), format, maxRows)
      if (sheets.length === 0) {
        throw new SpreadsheetError(
          'not_spreadsheet',
          '文件中没有可读取的工作表（可能是 .xlsb、Word 文档或其他压缩包），请用 Excel 打开后另存为 .xlsx',
        )
      }
      break
    case 'ole': {
      const bytes = await bytesOf(file)
      if (isEncryptedOle(bytes)) {
        throw new SpreadsheetError('encrypted', '文件设置了打开密码，无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿）后另存为 .xlsx')
      }
      if (!isXlsOle(bytes)) {
        throw new SpreadsheetError('not_spreadsheet', '这是 Word 或其他 Office 文档，不是表格文件，请选择 .xlsx、.xls 或 .csv 文件')
      }
      sheets = await readWorkbook(bytes, 'xls', maxRows)
      break
    }
    case 'binary':
      throw new SpreadsheetError('not_spreadsheet', '这不是表格文件（可能是图片、PDF 或压缩包），请选择 .xlsx 或 .csv 文件')
    case 'text':
      sheets = [await readText(file, maxRows, opts.fileName)]
      break
  }
  if (sheets.every((sheet) => sheet.rows.every((row) => isBlankRow(row)))) {
    throw new SpreadsheetError('empty', '表格是空的，没有任何数据')
  }
  return sheets
}

async function readHead(file: string | Buffer): Promise<Buffer> {
  if (Buffer.isBuffer(file)) return file.subarray(0, HEAD_BYTES)
  const handle = await open(file, 'r')
  try {
    const buf = Buffer.alloc(HEAD_BYTES)
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

async function bytesOf(file: string | Buffer): Promise<Buffer> {
  if (Buffer.isBuffer(file)) return file
  const handle = await open(file, 'r')
  try {
    const { size } = await handle.stat()
    // a workbook is compressed (.xlsx) or binary (.xls): 64 MB is far beyond any ledger
    if (size > MAX_TEXT_BYTES) throw tooBig(size)
    return await handle.readFile()
  } finally {
    await handle.close()
  }
}

const tooBig = (size: number) =>
  new SpreadsheetError('too_large', `文件大小 ${Math.round(size / 1048576)} MB，超过上限 ${MAX_TEXT_BYTES / 1048576} MB：项目台账不会这么大，请拆分后分批导入`)

async function readText(file: string | Buffer, maxRows: number, fileName?: string): Promise<Sheet> {
  const bytes = Buffer.isBuffer(file) ? file : await bytesOf(file)
  if (bytes.length > MAX_TEXT_BYTES) throw tooBig(bytes.length)
  const text = decodeText(bytes)
  const start = text.slice(0, 2048).trimStart().toLowerCase()
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<table') || /<html[\s>]/.test(start)) {
    // many web systems export an HTML table named .xls
    throw new SpreadsheetError('not_spreadsheet', '这是网页格式（HTML）的伪 Excel 文件，请用 Excel 打开后另存为 .xlsx 再导入')
  }
  if (start.startsWith('<?xml') && start.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    throw new SpreadsheetError('not_spreadsheet', '这是 Excel 2003 XML 表格，请用 Excel 打开后另存为 .xlsx 再导入')
  }
  const name = fileName ?? (typeof file === 'string' ? file : undefined)
  try {
    const rows = parseDelimited(text, sniffDelimiter(text), maxRows)
    return { name: name ? basename(name, extname(name)) : 'Sheet1', rows }
  } catch (error) {
    if (error instanceof RowLimitExceeded) {
      throw new SpreadsheetError('too_large', `文件超过 ${maxRows} 行，文件过大，请拆分后分批导入`)
    }
    throw error
  }
}
