// Import bombs: an .xlsx of about 4 MB whose shared strings unpack to 4 GiB (tests/support/zip-bomb).
// It is refused in seconds with memory far below 500 MB, whether it declares its size honestly or
// lies about it, and a parse that still runs out of memory only ends its worker.
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { bombXlsx } from '../../tests/support/zip-bomb'
import { readWorkbook } from './read-workbook'
import { readWorkbookSheets, SpreadsheetError } from './read-grid'

async function refusal(work: Promise<unknown>): Promise<{ error: SpreadsheetError; seconds: number; peakMb: number }> {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10)
  const start = performance.now()
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  )
  clearInterval(timer)
  peak = Math.max(peak, process.memoryUsage().rss)
  expect(error).toBeInstanceOf(SpreadsheetError)
  return { error: error as SpreadsheetError, seconds: (performance.now() - start) / 1000, peakMb: peak / 1048576 }
}

describe('zip bombs', () => {
  it('refuses a 4 MB xlsx whose shared strings declare 4 GiB before parsing it', async () => {
    // 4 GiB does not fit the 32-bit field: the largest value it can declare
    const bytes = await bombXlsx(() => 0xfffffffe)
    expect(bytes.length).toBeGreaterThan(3 * 1024 * 1024)
    expect(bytes.length).toBeLessThan(6 * 1024 * 1024)
    const { error, seconds, peakMb } = await refusal(readWorkbookSheets(bytes, { fileName: '台账.xlsx' }))
    expect(error.code).toBe('too_large')
    expect(error.message).toContain('超过上限 200 MB')
    expect(seconds).toBeLessThan(5)
    expect(peakMb).toBeLessThan(500)
  })

  it('refuses the same bomb when it lies about its size, after inflating no more than the limit', async () => {
    const bytes = await bombXlsx(() => 150 * 1024 * 1024)
    const { error, seconds, peakMb } = await refusal(readWorkbookSheets(bytes, { fileName: '台账.xlsx' }))
    expect(error.code).toBe('corrupt')
    expect(seconds).toBeLessThan(10)
    expect(peakMb).toBeLessThan(500)
    const tiny = await bombXlsx(() => 1000)
    expect((await refusal(readWorkbookSheets(tiny))).error.code).toBe('corrupt')
  })

  it('ends only the parse worker when a workbook exhausts its memory', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('台账')
    for (let i = 0; i < 20_000; i++) ws.addRow([`项目${i}`, '进展情况'.repeat(20), i])
    const bytes = Buffer.from(await wb.xlsx.writeBuffer())
    const { error } = await refusal(readWorkbook(bytes, 'xlsx', 200_000, { heapMb: 8 }))
    expect(error.code).toBe('too_large')
    expect(error.message).toContain('程序不受影响')
    // this process is fine and reads the same file with the normal ceiling
    const [sheet] = await readWorkbook(bytes, 'xlsx', 200_000)
    expect(sheet!.rows).toHaveLength(20_000)
  }, 60_000)
})
