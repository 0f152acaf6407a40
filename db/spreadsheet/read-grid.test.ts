import { mkdtemp, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { readWorkbookSheets, SpreadsheetError } from './read-grid'

async function tempFile(name: string, data: Buffer | string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'read-grid-'))
  const path = join(dir, name)
  await writeFile(path, data)
  return path
}

async function xlsxBuffer(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  build(wb)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

async function expectCode(p: Promise<unknown>, code: string): Promise<SpreadsheetError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(SpreadsheetError)
  expect((error as SpreadsheetError).code).toBe(code)
  expect((error as SpreadsheetError).message).toMatch(/[\u4e00-\u9fff]/)
  return error as SpreadsheetError
}

describe('readWorkbookSheets: xlsx', () => {
  it('reads values, keeps blank rows, copies merged masters, uses cached formula results', async () => {
    const buf = await xlsxBuffer((wb) => {
      const ws = wb.addWorksheet('台账')
      ws.getCell('A1').value = '槐荫区2024年招商引资项目台账'
      ws.mergeCells('A1:D1')
      // row 2 left blank on purpose
      ws.getCell('A3').value = '园区'
      ws.getCell('B3').value = '项目名称'
      ws.getCell('C3').value = '总投资'
      ws.getCell('D3').value = '签约日期'
      ws.getCell('A4').value = '西城科创园'
      ws.mergeCells('A4:A5')
      ws.getCell('B4').value = { richText: [{ text: '济南' }, { font: { bold: true }, text: '智能制造' }, { text: '项目' }] }
      ws.getCell('C4').value = 1590.83
      ws.getCell('D4').value = new Date(Date.UTC(2024, 4, 17))
      ws.getCell('D4').numFmt = 'yyyy-mm-dd'
      ws.getCell('B5').value = { text: '官网项目', hyperlink: 'https://example.com' }
      ws.getCell('C5').value = { formula: 'C4*2', result: 3181.66 }
      ws.getCell('D5').value = { formula: 'D4+1', result: 45430 }
      ws.getCell('D5').numFmt = 'yyyy-mm-dd'
      ws.getCell('A7').value = true
      wb.addWorksheet('空表')
    })
    const sheets = await readWorkbookSheets(buf)
    expect(sheets.map((s) => s.name)).toEqual(['台账', '空表'])
    const rows = sheets[0].rows
    expect(rows[0]).toEqual(Array(4).fill('槐荫区2024年招商引资项目台账'))
    expect(rows[1]).toEqual([])
    expect(rows[2]).toEqual(['园区', '项目名称', '总投资', '签约日期'])
    expect(rows[3]).toEqual(['西城科创园', '济南智能制造项目', 1590.83, new Date(Date.UTC(2024, 4, 17))])
    expect(rows[4]).toEqual(['西城科创园', '官网项目', 3181.66, new Date(Date.UTC(2024, 4, 18))])
    expect(rows[5]).toEqual([])
    expect(rows[6]).toEqual([true])
    expect(sheets[1].rows).toEqual([])
  })

  it('reads a file path and detects xlsx by content whatever the extension', async () => {
    const buf = await xlsxBuffer((wb) => {
      wb.addWorksheet('S').addRow(['项目名称', 'x'])
    })
    const path = await tempFile('renamed.csv', buf)
    const sheets = await readWorkbookSheets(path)
    expect(sheets[0].rows[0]).toEqual(['项目名称', 'x'])
  })

  it('refuses a sheet with more rows than maxRows', async () => {
    const buf = await xlsxBuffer((wb) => {
      const ws = wb.addWorksheet('S')
      for (let i = 0; i < 500; i++) ws.addRow([i, `项目${i}`])
    })
    await expectCode(readWorkbookSheets(buf, { maxRows: 100 }), 'too_large')
    expect((await readWorkbookSheets(buf, { maxRows: 500 }))[0].rows).toHaveLength(500)
  })

  it('says empty when no cell has a value', async () => {
    const buf = await xlsxBuffer((wb) => {
      wb.addWorksheet('S').getCell('B2').value = '   '
    })
    await expectCode(readWorkbookSheets(buf), 'empty')
  })

  it('says corrupt for a truncated xlsx', async () => {
    const buf = await xlsxBuffer((wb) => {
      const ws = wb.addWorksheet('S')
      for (let i = 0; i < 2000; i++) ws.addRow([i, `项目${i}`, '进展情况'.repeat(20)])
    })
    await expectCode(readWorkbookSheets(buf.subarray(0, Math.floor(buf.length / 2))), 'corrupt')
  })
})

describe('readWorkbookSheets: refused files', () => {
  it('refuses a PNG, random bytes and an empty file', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 7)])
    await expectCode(readWorkbookSheets(png), 'not_spreadsheet')
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))
    await expectCode(readWorkbookSheets(random), 'not_spreadsheet')
    await expectCode(readWorkbookSheets(Buffer.alloc(0)), 'empty')
  })

  it('tells a password-protected xlsx from a broken .xls (both OLE containers)', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    const pad = Buffer.alloc(512)
    const encrypted = Buffer.concat([ole, pad, Buffer.from('EncryptionInfo', 'utf16le'), pad])
    const legacy = Buffer.concat([ole, pad, Buffer.from('Workbook', 'utf16le'), pad])
    await expectCode(readWorkbookSheets(encrypted), 'encrypted')
    // a real .xls is read (read-formats.test.ts); this one only looks like one
    const error = await expectCode(readWorkbookSheets(await tempFile('old.xls', legacy)), 'corrupt')
    expect(error.message).toContain('另存为 .xlsx')
  })

  it('refuses HTML saved as .xls and a zip without worksheets', async () => {
    await expectCode(readWorkbookSheets(Buffer.from('<html><body><table><tr><td>项目</td></tr></table></body></html>')), 'not_spreadsheet')
    // a Word document is a zip too, without worksheets
    const JSZip = (await import('jszip')).default
    const zip = new JSZip()
    zip.file('word/document.xml', '<w:document/>')
    const docx = await zip.generateAsync({ type: 'nodebuffer' })
    await expectCode(readWorkbookSheets(docx), 'not_spreadsheet')
  })
})

describe('readWorkbookSheets: CSV and TSV', () => {
  const csv = '项目名称,投资方,总投资\r\n"济南""智造""项目","山东,某公司",12.5\r\n\r\n"多行\n进展",,\r\n'

  it('reads UTF-8 with and without BOM, with quotes, commas, newlines and blank rows', async () => {
    for (const bytes of [Buffer.from(csv), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)])]) {
      const [sheet] = await readWorkbookSheets(bytes, { fileName: '台账.csv' })
      expect(sheet.name).toBe('台账')
      expect(sheet.rows).toEqual([['项目名称', '投资方', '总投资'], ['济南"智造"项目', '山东,某公司', '12.5'], [], ['多行\n进展']])
    }
  })

  it('reads GBK (Excel’s default CSV in China) and UTF-16LE tab-separated text', async () => {
    const gbk = await tempFile('gbk.csv', iconv.encode(csv, 'gbk'))
    const [sheet] = await readWorkbookSheets(gbk)
    expect(sheet.name).toBe('gbk')
    expect(sheet.rows[1]).toEqual(['济南"智造"项目', '山东,某公司', '12.5'])

    const tsv = '项目名称\t投资方\r\n槐荫区项目\t山东,某公司\r\n'
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')])
    const [tab] = await readWorkbookSheets(utf16)
    expect(tab.rows).toEqual([['项目名称', '投资方'], ['槐荫区项目', '山东,某公司']])
  })

  it('refuses a 200 MB CSV by its size before reading it, in bounded memory', async () => {
    const path = await tempFile('huge.csv', '项目名称,总投资（万元）\n' + '济南智能装备产业园项目,50000\n'.repeat(300))
    await truncate(path, 200 * 1024 * 1024) // sparse: the rest reads as zero bytes, never written
    const before = process.memoryUsage().rss
    const error = await expectCode(readWorkbookSheets(path), 'too_large')
    expect(error.message).toContain('200 MB')
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024)
  })

  it('refuses a CSV above maxRows', async () => {
    const big = Array.from({ length: 50 }, (_, i) => `${i},项目${i}`).join('\n')
    await expectCode(readWorkbookSheets(Buffer.from(big), { maxRows: 10 }), 'too_large')
  })
})
