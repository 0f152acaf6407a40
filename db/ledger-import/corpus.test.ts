// The corpus: ledgers of every shape district offices send, generated here, each with its exact
// expected outcome — how many projects, the total in 万元, the figures per district, and named rows
// with their amount and stage. Either a ledger imports with the totals a careful person would type
// in, or it stops and says why.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { findLibreOffice } from '../../tests/support/libreoffice'
import { INFERRED_NOTE } from './plan'

let api: TestBackend
beforeEach(async () => {
  api = await testBackend({ now: '2026-11-30T09:00:00Z' })
})
afterEach(() => api.close())

type Row = (string | number | Date | null)[]
const file = (bytes: Buffer, fileName: string) => ({ fileName, dataBase64: bytes.toString('base64') })

async function xlsx(sheets: { name: string; rows: Row[]; merges?: string[] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name)
    for (const row of s.rows) ws.addRow(row)
    for (const m of s.merges ?? []) ws.mergeCells(m)
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** What the database holds after the import: count, total 万元, per district, and each project. */
async function outcome() {
  const db = api.env.ctx.db
  const projects = await db
    .selectFrom('project as p')
    .leftJoin('district as d', 'd.id', 'p.districtId')
    .select(['p.id', 'p.name', 'p.stage', 'p.stageOn', 'p.reserveOn', 'p.signedOn', 'p.startedOn', 'p.totalInvestmentYuan', 'p.fixedAssetYuan', 'd.name as district'])
    .where('p.deletedAt', 'is', null)
    .execute()
  const wan = (yuan: number | null) => (yuan === null ? null : yuan / 10_000)
  const byDistrict: Record<string, number> = {}
  for (const p of projects) byDistrict[p.district ?? '（无）'] = (byDistrict[p.district ?? '（无）'] ?? 0) + (wan(p.totalInvestmentYuan) ?? 0)
  return {
    count: projects.length,
    totalWan: projects.reduce((sum, p) => sum + (wan(p.totalInvestmentYuan) ?? 0), 0),
    byDistrict,
    named: Object.fromEntries(projects.map((p) => [p.name, { ...p, wan: wan(p.totalInvestmentYuan), fixedAssetWan: wan(p.fixedAssetYuan) }])),
  }
}

// Shape 1: a two-row header with 投资情况（万元） merged over 小计 and 固定资产投资, a 2024年计划投资
// column that must never be taken for the total, no 区县 column (the title names it), office
// stage words, an approximate amount, no dates for the stages reached, a 合计 row.
const MERGED_HEADER: { name: string; rows: Row[]; merges: string[] } = {
  name: '台账',
  rows: [
    ['槐荫区2024年招商引资重点项目台账'],
    ['序号', '项目名称', '投资情况（万元）', null, '2024年计划投资', '项目状态', '签约日期', '建设地点', '包挂领导'],
    [null, null, '总投资', '其中：固定资产投资', null, null, null, null, null],
    [1, '智能装备产业园项目', 50000, 30000, 8000, '已开工建设', '2024.3.15', '美里湖片区', '王副区长'],
    [2, '生物医药中试基地项目', 35000, 20000, 5000, '签约未开工', null, '西城科创园', null],
    [3, '新材料研发中心项目', '约1.2亿', null, null, '推进中', null, null, null],
    ['合计', null, 97000, 50000, 13000, null, null, null, null],
  ],
  merges: ['A1:I1', 'C2:D2', 'A2:A3', 'B2:B3', 'E2:E3', 'F2:F3', 'G2:G3', 'H2:H3', 'I2:I3'],
}

describe('the ledger corpus: every shape with its exact outcome', () => {
  it('a two-row merged header: the unit from 投资情况（万元） above 总投资, 计划投资 left alone', async () => {
    const bytes = await xlsx([MERGED_HEADER])
    const preview = await api.call('ledger-import-preview', file(bytes, '槐荫区.xlsx'))
    expect(preview.columns.map((c) => [c.letter, c.field, c.field === 'investment' || c.field === 'fixedAsset' ? c.unit : null])).toEqual([
      ['A', 'seq', null],
      ['B', 'name', null],
      ['C', 'investment', '万元'],
      ['D', 'fixedAsset', '万元'],
      ['E', null, null],
      ['F', 'stage', null],
      ['G', 'signedDate', null],
      ['H', null, null],
      ['I', 'leader', null],
    ])
    expect(preview.notImported).toEqual(['2024年计划投资', '建设地点'])
    expect(preview.asOf).toBe('2024-12-31')
    expect(preview.confirmations).toEqual([])
    expect(preview.rowsTotalYuan).toBe(970_000_000)
    expect(preview.ledgerTotalYuan).toBe(970_000_000)
    expect(preview.newPeople).toEqual(['王副区长'])
    expect(preview.messages).toContainEqual(expect.objectContaining({ excelRow: 6, level: 'warning', message: expect.stringContaining('约数') }))

    await api.call('ledger-import', file(bytes, '槐荫区.xlsx'))
    const o = await outcome()
    expect(o.count).toBe(3)
    expect(o.totalWan).toBe(97000)
    expect(o.byDistrict).toEqual({ 槐荫区: 97000 })
    expect(o.named['智能装备产业园项目']).toMatchObject({ stage: 'started', signedOn: '2024-03-15', startedOn: '2024-12-31', wan: 50000, fixedAssetWan: 30000 })
    expect(o.named['生物医药中试基地项目']).toMatchObject({ stage: 'signed', signedOn: '2024-12-31', reserveOn: '2024-12-31', wan: 35000 })
    expect(o.named['新材料研发中心项目']).toMatchObject({ stage: 'negotiating', wan: 12000, reserveOn: '2024-12-31' })
    // the inferred date says so in the stage history
    const event = await api.env.ctx.db
      .selectFrom('stageEvent')
      .select(['toStage', 'happenedOn', 'note'])
      .where('projectId', '=', o.named['生物医药中试基地项目']!.id)
      .execute()
    expect(event).toEqual([{ toStage: 'signed', happenedOn: '2024-12-31', note: INFERRED_NOTE }])
    // nobody was created silently: 王副区长 is listed, not an account
    expect(await api.env.ctx.db.selectFrom('user').select('name').where('name', '=', '王副区长').execute()).toEqual([])
    // a 2024 ledger's projects are 2024's in the report
    const report = await api.call('report-breakdown', { year: 2024, by: 'district' })
    expect(report.total).toMatchObject({ projects: 3, investmentYuan: 970_000_000 })
  })

  withLibreOffice('the same ledger saved as .xls by LibreOffice imports identically', async () => {
    const work = await mkdtemp(join(tmpdir(), 'corpus-xls-'))
    try {
      const source = join(work, '槐荫区.xlsx')
      await writeFile(source, await xlsx([MERGED_HEADER]))
      await new Promise<void>((done, fail) =>
        execFile(findLibreOffice()!, [`-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--headless', '--convert-to', 'xls', '--outdir', work, source], (e) =>
          e ? fail(e) : done(),
        ),
      )
      await api.call('ledger-import', file(await readFile(join(work, '槐荫区.xls')), '槐荫区.xls'))
      const o = await outcome()
      expect(o.count).toBe(3)
      expect(o.totalWan).toBe(97000)
      expect(o.byDistrict).toEqual({ 槐荫区: 97000 })
      expect(o.named['智能装备产业园项目']).toMatchObject({ stage: 'started', wan: 50000, fixedAssetWan: 30000 })
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  }, 300_000)

  it('a UTF-8-BOM CSV with 单位：万元 above the table and the words offices write', async () => {
    const csv = [
      '历下区重点项目台账（截至2024年10月31日）',
      '单位：万元',
      '项目名称,落户县区,总投资,签约金额,当前状态,签约日期,建设单位',
      '数字经济产业园项目,历下区,20000,15000,正式签约,24.3.15,山东数产科技有限公司',
      '冷链物流基地项目,历下区,5千万,待定,对接中,,',
      '总部大楼项目,历城区,五亿,,建成投产,2023年底,',
      '合计,,75000,,,,',
    ].join('\r\n')
    const bytes = Buffer.from('\uFEFF' + csv, 'utf8')
    const preview = await api.call('ledger-import-preview', file(bytes, '历下.csv'))
    expect(preview.columns.filter((c) => c.field).map((c) => c.field)).toEqual(['name', 'district', 'investment', 'agreementAmount', 'stage', 'signedDate', 'investor'])
    expect(preview.asOf).toBe('2024-10-31')
    expect(preview.ledgerTotalYuan).toBe(750_000_000)
    expect(preview.messages).toContainEqual(expect.objectContaining({ excelRow: 6, field: 'signedDate', message: expect.stringContaining('大约') }))
    await api.call('ledger-import', file(bytes, '历下.csv'))
    const o = await outcome()
    expect(o.count).toBe(3)
    expect(o.totalWan).toBe(75000)
    expect(o.byDistrict).toEqual({ 历下区: 25000, 历城区: 50000 })
    expect(o.named['数字经济产业园项目']).toMatchObject({ stage: 'signed', signedOn: '2024-03-15', wan: 20000 })
    expect(o.named['冷链物流基地项目']).toMatchObject({ stage: 'contacted', wan: 5000, reserveOn: '2024-10-31' })
    expect(o.named['总部大楼项目']).toMatchObject({ stage: 'operating', signedOn: '2023-12-01', wan: 50000 })
  })

  it('amounts implausible for their unit stop the import until the unit is given or confirmed', async () => {
    const bytes = await xlsx([{ name: 'Sheet1', rows: [['项目名称', '总投资', '项目状态'], ['港口物流园项目', 50000, '在谈'], ['合计', 50000, null]] }])
    const preview = await api.call('ledger-import-preview', file(bytes, 'x.xlsx'))
    expect(preview.confirmations).toHaveLength(1)
    expect(preview.confirmations[0]).toMatchObject({ excelRow: 2, message: expect.stringContaining('超过 1000 亿元') })
    const refused = await api.fail('ledger-import', { ...file(bytes, 'x.xlsx'), skipErrors: true })
    expect(refused.message).toContain('金额与单位对不上，未导入任何数据')
    expect((await outcome()).count).toBe(0)

    // the unit given in the mapping step (or --unit 总投资=万元) fixes it
    await api.call('ledger-import', { ...file(bytes, 'x.xlsx'), units: { 总投资: '万元' } })
    expect((await outcome()).named['港口物流园项目']).toMatchObject({ wan: 50000 })
  })

  it('a 合计 ten thousand times its rows stops the import; confirming imports as read', async () => {
    const rows: Row[] = [['单位：亿元'], ['项目名称', '总投资', '项目状态'], ['甲项目', 3, '在谈'], ['乙项目', 2, '在谈'], ['合计', 50000, null]]
    const bytes = await xlsx([{ name: 'Sheet1', rows }])
    const preview = await api.call('ledger-import-preview', file(bytes, 'x.xlsx'))
    expect(preview.confirmations).toEqual([expect.objectContaining({ excelRow: 5, message: expect.stringContaining('约10000倍') })])
    await api.fail('ledger-import', file(bytes, 'x.xlsx'))
    await api.call('ledger-import', { ...file(bytes, 'x.xlsx'), confirmAmounts: true })
    expect((await outcome()).totalWan).toBe(50000)
  })

  it('a 小计 column under a merged 总投资 header is the total', async () => {
    const rows: Row[] = [
      ['项目名称', '总投资（万元）', null, '项目状态'],
      [null, '小计', '其中：固定资产投资', null],
      ['光电产业园项目', 60000, 45000, '在谈'],
    ]
    const bytes = await xlsx([{ name: 'S', rows, merges: ['B1:C1', 'A1:A2', 'D1:D2'] }])
    const preview = await api.call('ledger-import-preview', file(bytes, 'x.xlsx'))
    expect(preview.columns.map((c) => [c.letter, c.field, c.unit])).toEqual([
      ['A', 'name', null],
      ['B', 'investment', '万元'],
      ['C', 'fixedAsset', '万元'],
      ['D', 'stage', null],
    ])
    await api.call('ledger-import', file(bytes, 'x.xlsx'))
    expect((await outcome()).named['光电产业园项目']).toMatchObject({ wan: 60000, fixedAssetWan: 45000 })
  })

  it('签约金额 stands in for the total where the ledger has no 总投资', async () => {
    const bytes = await xlsx([{ name: 'S', rows: [['项目名称', '所属区县', '签约金额（万元）', '项目状态', '签约日期'], ['光伏组件项目', '平阴县', 80000, '签约', '2024-05-06']] }])
    const preview = await api.call('ledger-import-preview', file(bytes, 'x.xlsx'))
    expect(preview.messages).toContainEqual(expect.objectContaining({ message: '台账没有“总投资”列，按“签约金额”作为项目总投资' }))
    await api.call('ledger-import', file(bytes, 'x.xlsx'))
    expect((await outcome()).named['光伏组件项目']).toMatchObject({ stage: 'signed', wan: 80000 })
  })

  it('one sheet per month: the latest month by default, its month as the as-of date', async () => {
    const month = (m: number, stage: string): { name: string; rows: Row[] } => ({
      name: `2024年${m}月`,
      rows: [[`2024年${m}月项目进展表`], ['项目名称', '所属区县', '总投资（亿元）', '项目状态'], ['高端装备项目', '长清区', 3, stage], ['商贸综合体项目', '长清区', 2, '在谈']],
    })
    const bytes = await xlsx([{ name: '说明', rows: [['本表每月更新']] }, month(1, '在谈'), month(2, '签约'), month(3, '开工')])
    const preview = await api.call('ledger-import-preview', file(bytes, '月报.xlsx'))
    expect(preview.sheet).toBe('2024年3月')
    expect(preview.ledgerSheets).toEqual(['2024年1月', '2024年2月', '2024年3月'])
    expect(preview.asOf).toBe('2024-03-31')
    await api.call('ledger-import', file(bytes, '月报.xlsx'))
    const o = await outcome()
    expect(o.count).toBe(2)
    expect(o.totalWan).toBe(50000)
    expect(o.named['高端装备项目']).toMatchObject({ stage: 'started', startedOn: '2024-03-31', wan: 30000 })
  })

  it('one sheet per district without a 区县 column: the sheet name gives the district; 小计 rows are checked, not imported', async () => {
    const district = (name: string, rows: Row[]) => ({ name, rows: [['单位：万元'], ['序号', '项目名称', '所属园区', '总投资', '项目状态'], ...rows] })
    const bytes = await xlsx([
      district('槐荫区', [[1, '甲项目', '西城科创园', 100, '在谈'], [2, '乙项目', '西城科创园', 200, '在谈'], ['西城科创园小计', null, null, 300, null], [3, '丙项目', '美里湖园区', 50, '在谈'], ['小计', null, null, 60, null], ['合计', null, null, 350, null]]),
      district('长清区', [[1, '丁项目', '大学科技园', 400, '签约']]),
    ])
    const preview = await api.call('ledger-import-preview', file(bytes, '分区.xlsx'))
    expect(preview.sheet).toBe('槐荫区')
    expect(preview.ledgerSheets).toEqual(['槐荫区', '长清区'])
    expect(preview.rows.filter((r) => r.action === 'skip').map((r) => [r.excelRow, r.note])).toEqual([
      [5, '小计行，不导入'],
      [7, '小计行，不导入'],
      [8, '合计行，不导入'],
    ])
    // the second 小计 (60) does not match its group (50): said, with the row
    expect(preview.messages).toContainEqual(expect.objectContaining({ excelRow: 7, message: expect.stringContaining('小计') }))
    expect(preview.messages.some((m) => m.excelRow === 5)).toBe(false)
    await api.call('ledger-import', file(bytes, '分区.xlsx'))
    await api.call('ledger-import', { ...file(bytes, '分区.xlsx'), sheet: '长清区' })
    const o = await outcome()
    expect(o.count).toBe(4)
    expect(o.totalWan).toBe(750)
    expect(o.byDistrict).toEqual({ 槐荫区: 350, 长清区: 400 })
    expect(o.named['丁项目']).toMatchObject({ stage: 'signed', wan: 400 })
  })
})

function withLibreOffice(name: string, fn: () => Promise<void>, timeout: number) {
  return (findLibreOffice() ? it : it.skip)(name, fn, timeout)
}
