// The reader against real files: thousands of rows of Chinese text written by exceljs come back
// byte for byte (the streaming reader used before broke 李晓东 into 李晓��), LibreOffice's own CSV
// conversion of the same file agrees, and the .xls and .ods LibreOffice makes from it read the same.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { convertToCsv, findLibreOffice } from '../../tests/support/libreoffice'
import type { Cell } from './grid'
import { readWorkbookSheets } from './read-grid'

const SURNAMES = '李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'
const GIVEN = '晓东伟娜强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红鹏飞宇浩然婷雪梅琳颖欣怡嘉懿煜城懋'
const ROWS = 3200

/** Deterministic Chinese names and texts, 3–40 characters, some 4-byte (𠮷) and full-width punctuation. */
function chineseRows(): Cell[][] {
  const rows: Cell[][] = [['序号', '姓名', '项目名称', '投资方', '总投资（万元）', '备注']]
  for (let i = 0; i < ROWS; i++) {
    const name = SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + GIVEN[(i * 13 + 3) % GIVEN.length]!
    const project = `${name}牵头的第${i + 1}号智能装备产业园项目（一期）`
    const investor = i % 50 === 0 ? `𠮷野家${i}餐饮管理有限公司` : `山东${name}科技股份有限公司`
    const note = '推进中，已完成土地摘牌；'.repeat(1 + (i % 3)) + (i % 17 === 0 ? '“引号”、《书名号》' : '')
    rows.push([i + 1, name, project, investor, 1000 + i * 3.5, note])
  }
  return rows
}

let work: string
let xlsxPath: string
const expected = chineseRows()
const soffice = findLibreOffice()
const withLibreOffice = soffice ? it : it.skip

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'read-formats-'))
  xlsxPath = join(work, '人员台账.xlsx')
  // the streaming writer, as our own exports are written
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxPath, useSharedStrings: true })
  const ws = wb.addWorksheet('名单')
  for (const row of expected) ws.addRow(row).commit()
  ws.commit()
  await wb.commit()
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

async function libreOfficeConvert(source: string, to: 'xls' | 'ods'): Promise<string> {
  const outDir = join(work, to)
  await new Promise<void>((done, fail) =>
    execFile(
      soffice!,
      [`-env:UserInstallation=${pathToFileURL(join(work, `profile-${to}`)).href}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, source],
      { timeout: 120_000 },
      (error, stdout, stderr) => (error ? fail(new Error(`${error.message}\n${stdout}\n${stderr}`)) : done()),
    ),
  )
  return join(outDir, `人员台账.${to}`)
}

describe('reading workbooks with Chinese text', () => {
  it(`reads ${ROWS} rows of Chinese names back cell for cell`, async () => {
    const [sheet] = await readWorkbookSheets(xlsxPath)
    expect(sheet!.name).toBe('名单')
    expect(sheet!.rows).toHaveLength(expected.length)
    // every cell, and no replacement character anywhere
    expect(sheet!.rows).toEqual(expected)
    expect(JSON.stringify(sheet!.rows)).not.toContain('\uFFFD')
  })

  withLibreOffice('agrees with LibreOffice’s own CSV conversion of the file', async () => {
    const [sheet] = await readWorkbookSheets(xlsxPath)
    const csv = await convertToCsv(xlsxPath)
    const ours = sheet!.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))))
    expect(csv).toEqual(ours)
  }, 180_000)

  withLibreOffice('reads the .xls (Excel 97–2003) and .ods LibreOffice saves from it', async () => {
    for (const format of ['xls', 'ods'] as const) {
      const path = await libreOfficeConvert(xlsxPath, format)
      const [sheet] = await readWorkbookSheets(await readFile(path))
      expect(sheet!.name, format).toBe('名单')
      expect(sheet!.rows, format).toEqual(expected)
    }
  }, 300_000)

  withLibreOffice('reads dates and merged cells from .xls and .ods', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('2024年3月')
    ws.addRow(['投资情况（万元）', null, '签约日期'])
    ws.mergeCells('A1:B1')
    ws.addRow(['小计', '固定资产投资', null])
    ws.addRow([1200, 800, new Date(Date.UTC(2024, 2, 15))])
    ws.getCell('C3').numFmt = 'yyyy-mm-dd'
    const source = join(work, '日期.xlsx')
    await writeFile(source, Buffer.from(await wb.xlsx.writeBuffer()))
    for (const format of ['xls', 'ods'] as const) {
      const outDir = join(work, `dates-${format}`)
      await new Promise<void>((done, fail) =>
        execFile(soffice!, [`-env:UserInstallation=${pathToFileURL(join(work, 'profile-dates')).href}`, '--headless', '--convert-to', format, '--outdir', outDir, source], (e) =>
          e ? fail(e) : done(),
        ),
      )
      const [sheet] = await readWorkbookSheets(await readFile(join(outDir, `日期.${format}`)))
      expect(sheet!.name, format).toBe('2024年3月')
      expect(sheet!.rows, format).toEqual([
        ['投资情况（万元）', '投资情况（万元）', '签约日期'],
        ['小计', '固定资产投资'],
        [1200, 800, new Date(Date.UTC(2024, 2, 15))],
      ])
    }
  }, 300_000)
})

describe('reading CSV saved as UTF-16 without a byte-order mark', () => {
  it('detects little- and big-endian UTF-16 from the zero bytes beside ASCII', async () => {
    const text = '项目名称,总投资（万元）\r\n济南智能装备产业园项目,50000\r\n长清生物医药项目,35000\r\n'
    const le = Buffer.from(text, 'utf16le')
    const be = Buffer.from(le).swap16()
    for (const bytes of [le, be]) {
      const [sheet] = await readWorkbookSheets(bytes, { fileName: '台账.csv' })
      expect(sheet!.rows).toEqual([
        ['项目名称', '总投资（万元）'],
        ['济南智能装备产业园项目', '50000'],
        ['长清生物医药项目', '35000'],
      ])
    }
  })

  it('still detects it when characters such as 一 (U+4E00) put a zero byte on the other side', async () => {
    const text = '项目名称,总投资（万元）\r\n一期智能装备项目,50000\r\n长清生物医药项目二期,35000\r\n'
    const le = Buffer.from(text, 'utf16le')
    for (const bytes of [le, Buffer.from(le).swap16()]) {
      const [sheet] = await readWorkbookSheets(bytes, { fileName: '台账.csv' })
      expect(sheet!.rows[1]).toEqual(['一期智能装备项目', '50000'])
    }
  })
})
