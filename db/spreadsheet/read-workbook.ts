// .xlsx, .xls (Excel 97–2003, what WPS and many government attachments still use) and .ods, read
// with SheetJS (@e965/xlsx: the registry copy of the maintained SheetJS CE). It reads the whole
// workbook at once and decodes text correctly; exceljs's streaming reader, used before, split UTF-8
// characters at chunk boundaries (李晓东 → 李晓��).
//
// The parse runs in a worker thread with a memory ceiling: if a file still manages to exhaust it
// (after the zip size check), the worker dies and the app, its server and its database stay up.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { Cell, Sheet } from './grid'
import { applyMerges, type MergeRange } from './merges'
import { SpreadsheetError } from './spreadsheet-error'
import { checkZipSizes } from './zip-guard'

/** The parse worker's heap ceiling: SheetJS needs about 10× the sheet XML; the zip check caps that at 200 MB. */
export const PARSE_HEAP_MB = 2048

type WorkerSheet = { name: string; rows: Cell[][]; merges: MergeRange[] }

// Plain CommonJS for the worker (no TypeScript at run time, and it must survive bundling).
// It converts SheetJS cells to our Cell values there, so only plain values cross the thread.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const XLSX = require(workerData.sheetjs)
const book = XLSX.read(workerData.bytes, {
  type: 'buffer', dense: true, cellNF: true, cellDates: false, cellFormula: false, cellHTML: false,
  cellText: false, cellStyles: false, bookVBA: false, sheetRows: workerData.maxRows + 1,
})
const date1904 = !!(book.Workbook && book.Workbook.WBProps && book.Workbook.WBProps.date1904)
// a date is a calendar day without a zone: UTC midnight of that day (serial 25569 is 1970-01-01)
const fromSerial = (serial) => new Date(Math.round(((date1904 ? serial + 1462 : serial) - 25569) * 86400000))
const valueOf = (cell) => {
  switch (cell.t) {
    case 's': return typeof cell.v === 'string' ? cell.v : null
    case 'n':
      if (!Number.isFinite(cell.v)) return null
      return cell.z && XLSX.SSF.is_date(cell.z) ? fromSerial(cell.v) : cell.v
    case 'b': return cell.v === true
    case 'd': return cell.v instanceof Date ? new Date(Date.UTC(cell.v.getFullYear(), cell.v.getMonth(), cell.v.getDate())) : null
    case 'e': return typeof cell.w === 'string' ? cell.w : '#ERROR'
    default: return null
  }
}
const sheets = book.SheetNames.map((name) => {
  const ws = book.Sheets[name]
  const data = (ws && ws['!data']) || []
  const rows = []
  for (let r = 0; r < data.length; r++) {
    const row = data[r] || []
    const out = []
    for (let c = 0; c < row.length; c++) out.push(row[c] ? valueOf(row[c]) : null)
    while (out.length > 0 && out[out.length - 1] === null) out.pop()
    rows.push(out)
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop()
  const merges = ((ws && ws['!merges']) || []).map((m) => ({ r1: m.s.r, c1: m.s.c, r2: m.e.r, c2: m.e.c }))
  return { name, rows, merges }
})
parentPort.postMessage(sheets)
`

const sheetjsPath = (): string => createRequire(import.meta.url).resolve('@e965/xlsx')

export type WorkbookKind = 'xlsx' | 'ods' | 'xls'

export async function readWorkbook(bytes: Buffer, kind: WorkbookKind, maxRows: number, limits: { heapMb?: number } = {}): Promise<Sheet[]> {
  if (kind !== 'xls') {
    const names = await checkZipSizes(bytes)
    // a Word document or any other zip: no workbook part (xl/workbook.xml, .bin for .xlsb; content.xml in .ods)
    if (!names.some((n) => /^xl\/workbook\.(?:xml|bin)$/i.test(n) || n === 'content.xml')) {
      throw new SpreadsheetError('not_spreadsheet', '文件中没有可读取的工作表（可能是 Word 文档或其他压缩包），请选择 .xlsx、.xls、.ods 或 .csv 文件')
    }
  }
  const sheets = await parseInWorker(bytes, maxRows, limits.heapMb ?? PARSE_HEAP_MB)
  return sheets.map(({ name, rows, merges }) => {
    if (rows.length > maxRows) {
      throw new SpreadsheetError('too_large', `工作表“${name}”超过 ${maxRows} 行，文件过大，请拆分后分批导入`)
    }
    applyMerges(rows, merges)
    return { name, rows }
  })
}

function parseInWorker(bytes: Buffer, maxRows: number, heapMb: number): Promise<WorkerSheet[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bytes, maxRows, sheetjs: sheetjsPath() },
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    })
    let answered = false
    worker.once('message', (sheets: WorkerSheet[]) => {
      answered = true
      resolve(sheets)
      void worker.terminate()
    })
    worker.once('error', (error: Error & { code?: string }) => {
      answered = true
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        reject(new SpreadsheetError('too_large', '文件内容过多，读取时超出内存上限，已停止读取（程序不受影响）。请把台账拆分成较小的文件后再导入'))
      } else {
        reject(new SpreadsheetError('corrupt', '文件已损坏或不是有效的表格文件，无法读取。请用 Excel 或 WPS 打开后重新另存为 .xlsx', { cause: error }))
      }
    })
    worker.once('exit', (code) => {
      if (!answered) reject(new SpreadsheetError('corrupt', `读取表格的进程意外退出（代码 ${code}），请重试或把文件另存为 .xlsx 后再导入`))
    })
  })
}
