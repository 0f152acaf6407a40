// The 台账 as it prints: converted to PDF by LibreOffice (the program offices without Excel use)
// and read back with pdftotext, page by page.
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { findLibreOffice } from '../../tests/support/libreoffice'
import { readWorkbookSheets } from '../spreadsheet/read-grid'

const run = promisify(execFile)
const lo = findLibreOffice()
const withLibreOffice = lo || process.env.CI ? it : it.skip

let api: TestBackend
beforeEach(async () => {
  api = await testBackend()
})
afterEach(() => api.close())

const LONG_PROGRESS = '已完成土地摘牌和规划设计方案审查，正在办理施工许可，预计下月开工；企业反映用电增容和道路配套需要协调，已报区政府专题会研究。'

/** n projects in two districts and three parks, some with long progress notes. */
function seedProjects(n: number, on: TestBackend = api): void {
  const db = on.env.ctx.sqlite
  db.transaction(() => insertProjects(db, n))()
}

function insertProjects(db: TestBackend['env']['ctx']['sqlite'], n: number): void {
  const at = '2024-01-01T00:00:00Z'
  db.prepare(`INSERT INTO district (id, created_at, updated_at, name) VALUES ('D1', ?, ?, '槐荫区'), ('D2', ?, ?, '长清区')`).run(at, at, at, at)
  db.prepare(
    `INSERT INTO park (id, created_at, updated_at, name, district_id) VALUES ('K1', ?, ?, '西城科创园', 'D1'), ('K2', ?, ?, '美里湖园区', 'D1'), ('K3', ?, ?, '长清经开区', 'D2')`,
  ).run(at, at, at, at, at, at)
  const insert = db.prepare(
    `INSERT INTO project (id, created_at, updated_at, name, search_keys, stage, stage_on, reserve_on, district_id, park_id, total_investment_yuan, progress)
     VALUES (?, ?, ?, ?, '', 'signed', '2024-03-01', ?, ?, ?, ?, ?)`,
  )
  for (let i = 1; i <= n; i++) {
    const park = ['K1', 'K2', 'K3'][i % 3]!
    insert.run(`P${String(i).padStart(4, '0')}`, at, at, `测试项目${i}号`, `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, park === 'K3' ? 'D2' : 'D1', park, 100_000_000 + i, i % 7 === 0 ? LONG_PROGRESS : '推进中')
  }
}

async function toPdf(xlsx: Buffer): Promise<{ pages: string[]; pdf: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'ledger-pdf-'))
  const path = join(dir, 'ledger.xlsx')
  await writeFile(path, xlsx)
  await run(lo!, [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, path], { timeout: 150_000 })
  const pdf = join(dir, (await readdir(dir)).find((f) => f.endsWith('.pdf'))!)
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })
  // pdftotext ends every page with a form feed
  return { pages: stdout.split('\f').filter((page) => page.trim()), pdf }
}

const bytesOf = (out: { dataBase64: string }) => Buffer.from(out.dataBase64, 'base64')

describe('the 台账 prints like one', () => {
  withLibreOffice('repeats the header on every page and numbers the pages 第 N 页 共 M 页', async () => {
    seedProjects(200)
    const out = await api.call('ledger-export', { query: { sort: 'reserveOn' }, signoff: { unit: '槐荫区投资促进局', preparer: '李晓东' } })
    const { pages, pdf } = await toPdf(bytesOf(out))
    if (process.env.KEEP_PDF) console.log('PDF:', pdf)
    expect(pages.length).toBeGreaterThanOrEqual(2)
    expect(pages[0]).toContain('招商引资项目台账（全部）')
    expect(pages[0]).toContain('填报单位：槐荫区投资促进局')
    // the header row on page 2 (the title is not repeated: it is not part of the print titles)
    expect(pages[1]).toMatch(/序号\s+项目名称\s+投资方/)
    expect(pages[1]).not.toContain('招商引资项目台账')
    // (pdftotext drops some of the footer's spaces)
    for (const [i, page] of pages.entries()) expect(page.replace(/\s+/g, '')).toContain(`第${i + 1}页共${pages.length}页`)
    // every project is printed once, the long notes whole (not clipped: their last words show)
    const text = pages.join('\n')
    for (const n of [1, 100, 200]) expect(text).toContain(`测试项目${n}号`)
    // (a wrapped note's lines sit among other columns' text: count its next-to-last character)
    expect(text.match(/究/g)?.length).toBe(Math.floor(200 / 7))
    expect(pages.at(-1)).toContain('合计（200个）')
    expect(pages.at(-1)).toContain('填报人：李晓东')
  }, 240_000)
})

describe('a file database', () => {
  it('is read through its own connection: the app keeps answering while an export is half-way', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledger-file-'))
    const file = await testBackend({ file: join(dir, 'crm.sqlite') })
    try {
      seedProjects(2500, file)
      const { exportLedger } = await import('./export-ledger')
      const { ProjectListQuery } = await import('../domain/project')
      const answers: number[] = []
      const summary = await exportLedger(file.env.ctx, join(dir, 'out.xlsx'), { query: ProjectListQuery.parse({ sort: 'reserveOn' }) }, ({ done, total }) => {
        // between pages the app's own connection is free (a statement stepped on it would refuse)
        if (done > 0 && done < total!) answers.push((file.env.ctx.sqlite.prepare('SELECT count(*) FROM project').pluck().get() as number))
      })
      expect(summary.rows).toBe(2500)
      expect(answers).toEqual([2500, 2500])
      const [sheet] = await readWorkbookSheets(await import('node:fs/promises').then((fs) => fs.readFile(join(dir, 'out.xlsx'))))
      expect(sheet!.rows.filter((r) => typeof r[0] === 'number')).toHaveLength(2500)
    } finally {
      await file.close()
    }
  }, 60_000)
})

describe('what the 台账 says about itself', () => {
  it('states the filters applied, gives long texts a row height, and adds 小计 per park', async () => {
    seedProjects(12)
    const out = await api.call('ledger-export', { query: { sort: 'reserveOn', districtId: 'D1', stages: ['signed'], minInvestment: 100_000_005 }, subtotalBy: 'park' })
    expect(out.fileName).toBe('槐荫区招商引资项目台账.xlsx')
    const [sheet] = await readWorkbookSheets(bytesOf(out))
    const rows = sheet!.rows
    expect(rows[0]![0]).toBe('槐荫区招商引资项目台账')
    expect(rows[2]![0]).toBe('筛选条件：项目状态：签约；总投资1.00000005亿元起')
    const header = rows[3]!
    const name = header.indexOf('项目名称')
    const total = header.indexOf('总投资（亿元）')
    const park = header.indexOf('所属园区')
    const body = rows.slice(4)
    // projects 5..12 in D1 are those not in K3 (i % 3 !== 2): 6, 7, 9, 10, 12 → K1 (i%3=0): 6, 9, 12; K2: 7, 10
    const labels = body.map((r) => String(r[name]))
    expect(labels).toEqual(['测试项目7号', '测试项目10号', '小计（美里湖园区，2个）', '测试项目6号', '测试项目9号', '测试项目12号', '小计（西城科创园，3个）', '合计（5个）'])
    expect(body.filter((r) => String(r[name]).startsWith('测试')).every((r) => ['美里湖园区', '西城科创园'].includes(String(r[park])))).toBe(true)
    expect(body[2]![total]).toBe((200_000_017) / 1e8)
    expect(body.at(-1)![total]).toBe((500_000_044) / 1e8)
    // the seq column counts projects only, as integers
    expect(body.map((r) => r[0] ?? null)).toEqual([1, 2, null, 3, 4, 5, null, null])
  })

  it('writes a row height for wrapped text and leaves short rows alone', async () => {
    seedProjects(7)
    const out = await api.call('ledger-export', { query: { sort: 'reserveOn' } })
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytesOf(out) as never)
    const ws = wb.worksheets[0]!
    const rowOf = (text: string) => {
      let found: import('exceljs').Row | undefined
      ws.eachRow((row) => {
        if (row.values && (row.values as unknown[]).includes(text)) found = row
      })
      return found!
    }
    expect(rowOf('测试项目7号').height).toBeGreaterThanOrEqual(4 * 14.4) // 124 units in a 30-unit column
    expect(rowOf('测试项目1号').height).toBeFalsy()
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' })
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页')
  })
})
