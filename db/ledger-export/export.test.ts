import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { convertToCsv, findLibreOffice } from '../../tests/support/libreoffice'
import { readWorkbookSheets } from '../spreadsheet/read-grid'
import { corpusXlsx, utc } from '../ledger-import/fixtures'

let api: TestBackend
beforeEach(async () => {
  api = await testBackend()
  await api.call('ledger-import', { fileName: '台账.xlsx', dataBase64: (await corpusXlsx()).toString('base64'), skipErrors: true, createPeople: true })
})
afterEach(() => api.close())

async function loadWhole(bytes: Buffer): Promise<{ name: string; rows: unknown[][] }[]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as never)
  return wb.worksheets.map((ws) => {
    const rows: unknown[][] = []
    ws.eachRow({ includeEmpty: true }, (row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1)))
    return { name: ws.name, rows }
  })
}

const bytesOf = (out: { dataBase64: string }) => Buffer.from(out.dataBase64, 'base64')
const HEADER = [
  '序号', '项目名称', '投资方', '统一社会信用代码', '所属区县', '所属园区', '产业类别', '产业链环节', '建设性质', '总投资（亿元）', '固定资产投资（亿元）',
  '项目状态', '重点级别', '谋划日期', '签约日期', '注册日期', '开工日期', '竣工日期', '投产日期', '责任人', '包挂领导', '联系电话', '项目进展情况',
]
/** A sheet row as { header: value }, empty cells left out. */
const named = (row: unknown[]) => Object.fromEntries(HEADER.flatMap((h, i) => (row[i] === null || row[i] === undefined || row[i] === '' ? [] : [[h, row[i]]])))

async function idOf(table: 'district' | 'park', name: string): Promise<string> {
  return (await api.env.ctx.db.selectFrom(table).select('id').where('name', '=', name).executeTakeFirstOrThrow()).id
}

const lo = findLibreOffice()
const withLibreOffice = lo || process.env.CI ? it : it.skip
if (!lo && !process.env.CI) console.warn('LibreOffice (soffice) not installed: skipping the tests that open exports in it')

describe('项目台账 export', () => {
  it('writes title, unit row, header, typed rows and an exact 合计', async () => {
    const out = await api.call('ledger-export', { query: { sort: 'reserveOn' } })
    expect(out.fileName).toBe('招商引资项目台账（全部）.xlsx')
    expect(out.rows).toBe(4)
    const [sheet] = await readWorkbookSheets(bytesOf(out))
    const rows = sheet!.rows
    expect(rows[0]![0]).toBe('招商引资项目台账（全部）')
    expect(rows[1]![0]).toBe('单位：亿元        导出日期：2026-11-27        共4个项目')
    expect(rows[2]).toEqual(HEADER)
    expect(named(rows[3]!)).toEqual({
      序号: 1, 项目名称: "'@智慧物流项目", 投资方: '山东巨能液压有限公司', 所属区县: '槐荫区', 所属园区: '西城科创园', 产业类别: '现代物流',
      '总投资（亿元）': 0.80005, 项目状态: '投产', 谋划日期: utc(2023, 1, 5), 签约日期: utc(2023, 1, 5), 开工日期: utc(2023, 3, 1), 投产日期: utc(2024, 1, 20),
      责任人: '王强', 项目进展情况: '投产运营',
    })
    const total = named(rows[rows.length - 1]!)
    // 5 + 3.5 + 1.2 + 0.80005 亿元, summed in 元
    expect(total).toEqual({ 项目名称: '合计（4个）', '总投资（亿元）': 10.50005, '固定资产投资（亿元）': 0 })
    expect(rows).toHaveLength(3 + 4 + 1)
  })

  it('titles a district and year and filters by them', async () => {
    const districtId = await idOf('district', '槐荫区')
    const out = await api.call('ledger-export', { query: { districtId, sort: 'reserveOn' }, year: 2024 })
    expect(out.fileName).toBe('槐荫区2024年招商引资项目台账.xlsx')
    const [sheet] = await readWorkbookSheets(bytesOf(out))
    expect(sheet!.rows.slice(3, -1).map((r) => r[1])).toEqual(['济南智能装备产业园项目'])
  })

  it('round-trips every ledger field: export → import elsewhere → export gives the same sheet', async () => {
    const first = bytesOf(await api.call('ledger-export', {}))
    // the same database: our own export changes nothing
    const again = await api.call('ledger-import', { fileName: '导出.xlsx', dataBase64: first.toString('base64') })
    expect(again.batchId).toBeNull()
    expect(again.counts).toMatchObject({ rowsRead: 4, unchanged: 4, error: 0 })
    expect(again.ledgerTotalYuan).toBe(again.rowsTotalYuan)

    const other = await testBackend()
    try {
      const imported = await other.call('ledger-import', { fileName: '导出.xlsx', dataBase64: first.toString('base64'), createPeople: true })
      expect(imported.counts).toMatchObject({ create: 4, error: 0 })
      const second = bytesOf(await other.call('ledger-export', {}))
      const [a] = await readWorkbookSheets(first)
      const [b] = await readWorkbookSheets(second)
      expect(b!.rows).toEqual(a!.rows)
      // CSV too: exact amounts as text, same rows
      const csv = await other.call('ledger-export', { format: 'csv' })
      expect(csv.fileName).toBe('招商引资项目台账（全部）.csv')
      const third = await testBackend()
      try {
        await third.call('ledger-import', { fileName: 'x.csv', dataBase64: csv.dataBase64, createPeople: true })
        const [c] = await readWorkbookSheets(bytesOf(await third.call('ledger-export', {})))
        expect(c!.rows).toEqual(a!.rows)
      } finally {
        await third.close()
      }
    } finally {
      await other.close()
    }
  })

  withLibreOffice('opens in LibreOffice with the values people see, formulas as text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledger-lo-'))
    const path = join(dir, 'ledger.xlsx')
    await writeFile(path, bytesOf(await api.call('ledger-export', {})))
    const shown = await convertToCsv(path, 1, { asShown: true })
    expect(shown[0]![0]).toBe('招商引资项目台账（全部）')
    expect(shown[2]).toEqual(HEADER)
    const equip = named(shown.find((r) => r[1] === '济南智能装备产业园项目')!)
    expect(equip).toMatchObject({ '总投资（亿元）': '5.00', 项目状态: '开工', 谋划日期: '2024-03-15', 签约日期: '2024-03-15', 开工日期: '2024-06-01' })
    expect(equip.项目进展情况).toBe("'=开工仪式已完成")
    expect(shown.find((r) => r[1] === "'@智慧物流项目")).toBeTruthy()
    const total = named(shown.find((r) => r[1] === '合计（4个）')!)
    expect(total['总投资（亿元）']).toBe('10.50')
  }, 180_000)
})

describe('monthly report workbook', () => {
  it('has the report sheets with the report services’ numbers', async () => {
    const out = await api.call('report-export', { year: 2024, month: 3 })
    expect(out.fileName).toBe('招商引资报表-2024-03.xlsx')
    // read whole (not streamed): the streaming reader sometimes misses a workbook.xml written last
    const sheets = await loadWhole(bytesOf(out))
    expect(sheets.map((s) => s.name)).toEqual([
      '汇总', '目标完成', '按区县', '按园区', '按产业', '新签约项目', '新开工项目',
      '签约未开工', '立项未开工', '开工未建设', '建设未竣工', '逾期未办的下一步', '长期未跟进', '逾期未办结的企业诉求',
    ])
    const flow = await api.call('report-flow', { year: 2024, month: 3 })
    const summary = sheets[0]!.rows
    expect(summary[0]![0]).toBe('2024年3月招商引资工作月报')
    const signed = flow.rows.find((r) => r.milestone === 'signed')!
    const row = summary.find((r) => r[0] === '签约项目')!
    expect(row[1]).toBe(signed.current.count)
    expect(signed.current.count).toBe(2)
    const signings = sheets[5]!.rows
    expect(signings.slice(3, -1).map((r) => r[1]).sort()).toEqual(['济南智能装备产业园项目', '长清生物医药项目'].sort())
    expect(signings[signings.length - 1]![5]).toBe(8.5)
  })

  it('shows 本月, 1–N月累计 and the 累计’s 同比, and says what an empty sheet holds', async () => {
    const sheets = await loadWhole(bytesOf(await api.call('report-export', { year: 2024, month: 3 })))
    const summary = sheets[0]!.rows
    expect(summary[2]).toEqual(['指标', '本月项目数', '本月总投资（亿元）', '1–3月累计项目数', '1–3月累计总投资（亿元）', '上年同期项目数', '上年同期总投资（亿元）', '项目数同比', '总投资同比'])
    const month = await api.call('report-flow', { year: 2024, month: 3 })
    const cumulative = await api.call('report-flow', { from: '2024-01-01', to: '2024-03-31' })
    for (const milestone of ['reserve', 'signed', 'started'] as const) {
      const m = month.rows.find((r) => r.milestone === milestone)!
      const c = cumulative.rows.find((r) => r.milestone === milestone)!
      const row = summary.find((r) => r[0] === `${c.label}项目`)!
      expect(row.slice(1, 7)).toEqual([m.current.count, m.current.sumYuan / 1e8, c.current.count, c.current.sumYuan / 1e8, c.lastYear.count, c.lastYear.sumYuan / 1e8])
      // counts are whole numbers in the sheet
      expect(Number.isInteger(row[1]) && Number.isInteger(row[3]) && Number.isInteger(row[5])).toBe(true)
    }
    // 2024年2月: nothing signed or started in the corpus → the sheets say so under their header
    const february = await loadWhole(bytesOf(await api.call('report-export', { year: 2024, month: 2 })))
    const signings = february.find((s) => s.name === '新签约项目')!.rows
    expect(signings[3]![0]).toBe('2024年2月没有新签约项目')
    expect(signings.at(-1)![1]).toBe('合计（0个）')
    const targets = february.find((s) => s.name === '目标完成')!.rows
    expect(targets[3]![0]).toBe('2024年还没有设定目标（在“目标”页填写后再导出）')
    for (const sheet of february) expect(sheet.rows.length, sheet.name).toBeGreaterThan(3)
  })

  withLibreOffice('opens in LibreOffice', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'report-lo-'))
    const path = join(dir, 'report.xlsx')
    await writeFile(path, bytesOf(await api.call('report-export', { year: 2024 })))
    const shown = await convertToCsv(path, 1, { asShown: true })
    expect(shown[0]![0]).toBe('2024年招商引资工作年报')
    expect(shown.find((r) => r[0] === '签约项目')?.[1]).toBe('2')
  }, 180_000)
})

describe('list exports', () => {
  it('exports the project list with its filter, sort and chosen columns', async () => {
    const parkId = await idOf('park', '西城科创园')
    const out = await api.call('project-list-export', { query: { parkId, sort: 'totalInvestment', order: 'desc' }, columns: ['name', 'stage', 'totalInvestment', 'signedOn'] })
    const [sheet] = await readWorkbookSheets(bytesOf(out))
    expect(sheet!.rows[2]).toEqual(['序号', '项目名称', '项目状态', '总投资（亿元）', '签约日期'])
    expect(sheet!.rows.slice(3, 5)).toEqual([
      [1, '济南智能装备产业园项目', '开工', 5, utc(2024, 3, 15)],
      [2, "'@智慧物流项目", '投产', 0.80005, utc(2023, 1, 5)],
    ])
    expect([sheet!.rows[5]![1], sheet!.rows[5]![3]]).toEqual(['合计', 5.80005])
    const csv = bytesOf(await api.call('project-list-export', { query: { parkId }, columns: ['name'], format: 'csv' })).toString('utf8')
    expect(csv.startsWith('\uFEFF序号,项目名称\r\n')).toBe(true)
  })

  it('exports investors and negotiations', async () => {
    const investors = await readWorkbookSheets(bytesOf(await api.call('investor-list-export', { query: { sort: 'name' } })))
    expect(investors[0]!.rows[1]![1]).toBe('客商名称')
    expect(investors[0]!.rows.slice(2).map((r) => r[1])).toHaveLength(3)
    const negotiations = await readWorkbookSheets(bytesOf(await api.call('negotiation-list-export', {})))
    expect(negotiations[0]!.rows[1]![1]).toBe('日期')
    expect(await api.fail('investor-list-export', { query: { sort: 'nonsense' } })).toMatchObject({ code: 'validation' })
  })
})
