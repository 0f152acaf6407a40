import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Writable } from 'node:stream'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { convertToCsv, findLibreOffice } from '../../tests/support/libreoffice'
import { readWorkbookSheets } from './read-grid'
import { type ColumnSpec, createWorkbookWriter, neutralizeFormulaText, type SheetWriter, writeCsv } from './write-sheet'

const COLUMNS: ColumnSpec[] = [
  { header: '序号', key: 'seq', type: 'integer', width: 6 },
  { header: '项目名称', key: 'name', type: 'text', width: 30 },
  { header: '所属园区', key: 'park', type: 'text' },
  { header: '总投资（亿元）', key: 'investment', type: 'amount2' },
  { header: '签约日期', key: 'signedDate', type: 'date' },
  { header: '完成率', key: 'rate', type: 'percent' },
]

const ROWS = [
  { seq: 1, name: '济南西城智能制造产业园项目', park: '西城科创园', investment: '1590.83', signedDate: '2024-05-17', rate: 0.8532 },
  { seq: 2, name: '=1+1', park: '长清区大学科技园', investment: 8, signedDate: '2024年上半年', rate: 1 },
  { seq: 3, name: '@SUM(A1)', park: '-', investment: null, signedDate: null, rate: null },
]
const TOTAL = { name: '合计', investment: '1598.83' }

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'write-sheet-'))
}

async function writeLedger(path: string): Promise<void> {
  const writer = createWorkbookWriter(path)
  const sheet = writer.addSheet({
    name: '项目台账',
    title: '槐荫区2024年招商引资项目台账',
    subtitle: '单位：亿元    导出日期：2026-11-27',
    columns: COLUMNS,
    freezeHeader: true,
  })
  for (const row of ROWS) sheet.addRow(row)
  sheet.addTotalRow(TOTAL)
  sheet.commit()
  await writer.finish()
}

describe('neutralizeFormulaText', () => {
  it('prefixes text a spreadsheet would run, leaves the rest', () => {
    for (const s of ['=1+1', '+86 531', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(neutralizeFormulaText(s)).toBe(`'${s}`)
    for (const s of ['济南项目', '1+1', '-', '--', '', "'=1"]) expect(neutralizeFormulaText(s)).toBe(s)
  })
})

describe('createWorkbookWriter', () => {
  it('writes title, subtitle, frozen styled header, typed cells and plain strings only', async () => {
    const path = join(await tempDir(), 'ledger.xlsx')
    await writeLedger(path)

    const [sheet] = await readWorkbookSheets(path)
    expect(sheet.name).toBe('项目台账')
    expect(sheet.rows[0][0]).toBe('槐荫区2024年招商引资项目台账')
    expect(sheet.rows[1][0]).toBe('单位：亿元    导出日期：2026-11-27')
    expect(sheet.rows[2]).toEqual(COLUMNS.map((c) => c.header))
    expect(sheet.rows[3]).toEqual([1, '济南西城智能制造产业园项目', '西城科创园', 1590.83, new Date(Date.UTC(2024, 4, 17)), 0.8532])
    expect(sheet.rows[4]).toEqual([2, "'=1+1", '长清区大学科技园', 8, '2024年上半年', 1])
    expect(sheet.rows[5]).toEqual([3, "'@SUM(A1)", '-'])
    expect(sheet.rows[6]).toEqual([null, '合计', null, 1598.83])

    const zip = await JSZip.loadAsync(await readFile(path))
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string')
    expect(xml).not.toMatch(/<f[ >]/)
    expect(xml).toMatch(/<pane [^>]*ySplit="3"[^>]*state="frozen"/)
    expect(xml).toContain('<mergeCell ref="A1:F1"/>')
    expect(xml).toContain('<mergeCell ref="A2:F2"/>')
    const styles = await zip.file('xl/styles.xml')!.async('string')
    expect(styles).toContain('formatCode="yyyy-mm-dd"')
  })

  it('writes to a stream, fixes sheet names Excel would refuse and streams many rows', async () => {
    const out = new PassThrough()
    const chunks: Buffer[] = []
    out.on('data', (c: Buffer) => chunks.push(c))
    const writer = createWorkbookWriter(out)
    const a = writer.addSheet({ name: '2024/10 台账?', columns: COLUMNS })
    expect(a.name).toBe('2024_10 台账_')
    expect(a.headerRow).toBe(1)
    await a.addRows(
      (function* () {
        for (let i = 1; i <= 20000; i++) yield { seq: i, name: `项目${i}`, investment: i / 100, signedDate: '2024-01-31' }
      })(),
    )
    a.commit()
    const b = writer.addSheet({ name: '2024/10 台账?', columns: COLUMNS.slice(0, 2) })
    expect(b.name).toBe('2024_10 台账_(2)')
    b.commit()
    await writer.finish()

    const sheets = await readWorkbookSheets(Buffer.concat(chunks))
    expect(sheets.map((s) => s.name)).toEqual(['2024_10 台账_', '2024_10 台账_(2)'])
    expect(sheets[0].rows).toHaveLength(20001)
    expect(sheets[0].rows[20000]).toEqual([20000, '项目20000', null, 200, new Date(Date.UTC(2024, 0, 31))])
  })
})

// Text that deflate cannot shrink much (random CJK characters, ~1 KB of XML a row), so that what the
// zip holds in its own buffers is a few hundred rows, not thousands
function noisyText(seed: number, length: number): string {
  let x = seed
  let text = ''
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648
    text += String.fromCharCode(0x4e00 + (x % 20000))
  }
  return text
}

/** An output that takes nothing until released: a stalled disk or network share. */
function stalledOutput() {
  const chunks: Buffer[] = []
  const held: (() => void)[] = []
  let open = false
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      if (open) done()
      else held.push(() => done())
    },
  })
  const release = () => {
    open = true
    for (const done of held.splice(0)) done()
  }
  return { out, chunks, release }
}

describe('createWorkbookWriter waits for the zip', () => {
  // ~4 MB of sheet XML; a stalled zip holds about 400 of these rows (measured)
  const TOTAL = 4_000
  const ways: [string, (sheet: SheetWriter, rows: Generator<Record<string, unknown>>) => Promise<void>][] = [
    ['addRows (the list exports)', (sheet, rows) => sheet.addRows(rows)],
    [
      'addCells and drained() (the 台账)',
      async (sheet, rows) => {
        for (const row of rows) {
          sheet.addCells(COLUMNS.map((c) => row[c.key]))
          await sheet.drained()
        }
      },
    ],
  ]
  it.each(ways)('%s reads no further ahead of a stalled output than the zip can hold, then writes every row', async (_, add) => {
    const { out, chunks, release } = stalledOutput()
    const writer = createWorkbookWriter(out)
    const sheet = writer.addSheet({ name: '项目台账', columns: COLUMNS })
    let read = 0
    const adding = add(
      sheet,
      (function* () {
        for (read = 1; read <= TOTAL; read++) yield { seq: read, name: noisyText(read, 300) }
      })(),
    )
    // until the rows stop being read (the writer waits for the zip) or all of them were
    for (let still = 0; still < 100 && read < TOTAL; ) {
      const before = read
      await new Promise((resolve) => setImmediate(resolve))
      still = read === before ? still + 1 : 0
    }
    const readWhileStalled = read
    release()
    await adding
    sheet.commit()
    await writer.finish()

    // the old writer read every row into memory while nothing left
    expect(readWhileStalled).toBeLessThan(TOTAL / 4)
    const [written] = await readWorkbookSheets(Buffer.concat(chunks))
    expect(written.rows).toHaveLength(TOTAL + 1)
    expect(written.rows[TOTAL]!.slice(0, 2)).toEqual([TOTAL, noisyText(TOTAL, 300)])
  })

  it('fails with the output\'s error instead of waiting for it forever', async () => {
    const out = new Writable({ write: (_chunk, _encoding, done) => done(new Error('磁盘已满')) })
    const writer = createWorkbookWriter(out)
    const sheet = writer.addSheet({ name: '项目台账', columns: COLUMNS })
    const rows = (function* () {
      for (let i = 1; i <= TOTAL; i++) yield { seq: i, name: noisyText(i, 300) }
    })()
    await expect(sheet.addRows(rows)).rejects.toThrow('磁盘已满')
  })
})

describe('writeCsv', () => {
  it('writes UTF-8 with BOM, RFC 4180 quoting and neutralised formulas', async () => {
    const path = join(await tempDir(), 'ledger.csv')
    const rows = [...ROWS, { seq: 4, name: '含,逗号"引号"\n换行', investment: 2 }]
    await writeCsv(path, COLUMNS, rows)
    const bytes = await readFile(path)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8').slice(1).split('\r\n').slice(0, 3)).toEqual([
      '序号,项目名称,所属园区,总投资（亿元）,签约日期,完成率',
      '1,济南西城智能制造产业园项目,西城科创园,1590.83,2024-05-17,85.32%',
      "2,'=1+1,长清区大学科技园,8.00,2024年上半年,100.00%",
    ])
    const [sheet] = await readWorkbookSheets(path)
    expect(sheet.rows[3]).toEqual(['3', "'@SUM(A1)", '-'])
    expect(sheet.rows[4]).toEqual(['4', '含,逗号"引号"\n换行', null, '2.00'])
  })
})

const soffice = findLibreOffice()
if (!soffice) {
  const why = process.env.CI ? 'CI is set, so the LibreOffice test will fail' : 'skipping the LibreOffice round trip'
  console.warn(`LibreOffice not found (apt-get install libreoffice-calc-nogui); ${why}`)
}

describe('opened in LibreOffice Calc', () => {
  it.skipIf(!soffice && !process.env.CI)(
    'shows the exported ledger exactly: formatted amounts, dates, text not formulas',
    async () => {
      expect(soffice, 'LibreOffice is required when CI is set').not.toBeNull()
      const path = join(await tempDir(), 'ledger.xlsx')
      await writeLedger(path)
      const rows = await convertToCsv(path, 1, { asShown: true })
      expect(rows[0][0]).toBe('槐荫区2024年招商引资项目台账')
      expect(rows[1][0]).toBe('单位：亿元    导出日期：2026-11-27')
      expect(rows[2]).toEqual(COLUMNS.map((c) => c.header))
      expect(rows[3]).toEqual(['1', '济南西城智能制造产业园项目', '西城科创园', '1590.83', '2024-05-17', '85.32%'])
      // the formula-looking texts come back as text, never as the result 2
      expect(rows[4]).toEqual(['2', "'=1+1", '长清区大学科技园', '8.00', '2024年上半年', '100.00%'])
      expect(rows[5]).toEqual(['3', "'@SUM(A1)", '-', '', '', ''])
      expect(rows[6]).toEqual(['', '合计', '', '1598.83', '', ''])
    },
    180_000,
  )
})
