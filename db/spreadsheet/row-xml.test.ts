import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { PassThrough } from 'node:stream'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { columnLetters, rowXml, xmlText } from './row-xml'
import type { CellOut } from './write-cells'

const STYLES: Partial<ExcelJS.Style>[] = [
  { numFmt: '0', border: { top: { style: 'thin' } } },
  { numFmt: '@', alignment: { wrapText: true } },
  { numFmt: '0.00', font: { bold: true } },
  { numFmt: 'yyyy-mm-dd' },
]

type Row = { values: CellOut[]; height: number | undefined }

/** The rows' <sheetData> as exceljs's own stream writer writes them (the path row-xml.ts replaces). */
async function exceljsSheetData(rows: Row[], columns: number): Promise<string> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const ws = workbook.addWorksheet('t')
  for (const { values, height } of rows) {
    const row = ws.addRow(values)
    for (let i = 0; i < columns; i++) row.getCell(i + 1).style = STYLES[i]!
    if (height) row.height = height
    row.commit()
  }
  ws.commit()
  await workbook.commit()
  const xml = await (await JSZip.loadAsync(Buffer.concat(chunks))).file('xl/worksheets/sheet1.xml')!.async('string')
  return /<sheetData>(.*)<\/sheetData>/s.exec(xml)?.[1] ?? ''
}

/** The same rows through rowXml, with the style ids a fresh exceljs workbook gives STYLES. */
function ourSheetData(rows: Row[], columns: number): string {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new PassThrough(), useStyles: true })
  const styles = (workbook as unknown as { styles: { addStyleModel(s: Partial<ExcelJS.Style>): number } }).styles
  styles.addStyleModel({}) // the row style exceljs looks up before a row's cells: the default font first
  const ids = STYLES.slice(0, columns).map((s) => styles.addStyleModel(s))
  const letters = columnLetters(columns)
  return rows.map((r, i) => rowXml(i + 1, r.values, ids, letters, r.height)).join('')
}

const cell: fc.Arbitrary<CellOut> = fc.oneof(
  fc.constant(null),
  fc.string({ unit: 'binary' }).filter((s) => s !== ''),
  fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '\u0000', '\u0008', '\t', '\n', '\r', '\u000b', '\u007f', '\u001f', '李', '😀', 'a') }).filter((s) => s !== ''),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2200, 0, 1)), noInvalidDate: true }),
)

describe('rowXml', () => {
  it('writes every row byte for byte as exceljs 4.4.0 writes it: values, escapes, dates, styles, heights, spans', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }).chain((columns) =>
          fc.tuple(
            fc.constant(columns),
            fc.array(fc.record({ values: fc.array(cell, { minLength: columns, maxLength: columns }), height: fc.option(fc.constantFrom(18, 32.4, 46.800000000000004), { nil: undefined }) }), { minLength: 1, maxLength: 6 }),
          ),
        ),
        async ([columns, rows]) => {
          expect(ourSheetData(rows, columns)).toBe(await exceljsSheetData(rows, columns))
        },
      ),
      { numRuns: 60 },
    )
  })

  it('names columns past Z as Excel does', () => {
    const letters = columnLetters(703)
    expect([letters[0], letters[25], letters[26], letters[51], letters[701], letters[702]]).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA'])
  })

  it('escapes the five XML characters and drops the control characters XML forbids', () => {
    expect(xmlText('a&b<c>"d"\'e\'\u0001\t\n\r\u007f李')).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;\t\n\r李')
  })
})
