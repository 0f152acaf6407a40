import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import type { ImportPreview } from '../domain/ledger'
import { corpusRows, corpusXlsx, gbkCsv, utf8Csv } from './fixtures'

let api: TestBackend
beforeEach(async () => {
  api = await testBackend()
})
afterEach(() => api.close())

const file = (bytes: Buffer, fileName = '台账.xlsx') => ({ fileName, dataBase64: bytes.toString('base64') })
const outcome = (p: ImportPreview) => Object.fromEntries(p.rows.map((r) => [r.excelRow, r.action]))

/** Every live row of the tables an import touches, for before/after comparisons. */
async function snapshot() {
  const db = api.env.ctx.db
  const live = async (table: 'project' | 'district' | 'park' | 'industry' | 'user' | 'investor' | 'stageEvent') =>
    (await db.selectFrom(table).selectAll().where('deletedAt', 'is', null).orderBy('id').execute()).map((r) => {
      const { updatedAt: _u, updatedBy: _b, ...rest } = r as Record<string, unknown>
      return rest
    })
  return {
    project: await live('project'),
    district: await live('district'),
    park: await live('park'),
    industry: await live('industry'),
    user: await live('user'),
    investor: await live('investor'),
    stageEvent: await live('stageEvent'),
  }
}

const projectsByName = async () => {
  const rows = await api.env.ctx.db.selectFrom('project').selectAll().where('deletedAt', 'is', null).execute()
  return new Map(rows.map((r) => [r.name, r]))
}

describe('ledger import: the messy corpus', () => {
  it('previews every row with its exact outcome and messages, writing nothing', async () => {
    const preview = await api.call('ledger-import-preview', { ...file(await corpusXlsx()), createPeople: true })
    expect(preview.sheet).toBe('2024台账')
    expect(preview.sheets).toEqual(['说明', '2024台账'])
    expect(preview.headerRow).toBe(3)
    expect(outcome(preview)).toEqual({ 4: 'create', 5: 'create', 7: 'create', 8: 'error', 9: 'error', 10: 'error', 11: 'create', 12: 'error', 13: 'skip', 14: 'skip' })
    expect(preview.counts).toMatchObject({ rowsRead: 8, create: 4, update: 0, unchanged: 0, skip: 2, error: 4 })
    const errors = preview.messages.filter((m) => m.level === 'error').map((m) => [m.excelRow, m.column, m.message])
    expect(errors).toEqual([
      [8, 'G', '总投资：不是有效金额（“abc”）'],
      [9, 'I', '签约日期：日期无效（“2024-13-45”）'],
      [10, 'H', expect.stringContaining('无法识别的项目状态“神秘状态”')],
      [12, 'B', '与第4行是同一项目（项目名称和所属区县相同），请合并为一行'],
    ])
    expect(preview.messages).toContainEqual(expect.objectContaining({ excelRow: 11, level: 'warning', field: 'startedDate', message: expect.stringContaining('只写到月') }))
    // 50000 + 35000 + 12000 + 8000.5 万元, exactly, and the ledger's 合计 agrees (no warning)
    expect(preview.rowsTotalYuan).toBe(1_050_005_000)
    expect(preview.ledgerTotalYuan).toBe(1_050_005_000)
    expect(preview.messages.some((m) => m.excelRow === 13)).toBe(false)
    expect(preview.rows.find((r) => r.excelRow === 4)?.creates).toEqual(['区县“槐荫区”', '园区“西城科创园”', '客商“山东巨能液压有限公司”', '产业“高端装备”', '责任人“张伟”'])
    expect((await snapshot()).project).toEqual([])
  })

  it('refuses a file with errors unless skipErrors, then imports the valid rows exactly', async () => {
    const bytes = await corpusXlsx()
    const refused = await api.fail('ledger-import', file(bytes))
    expect(refused.code).toBe('validation')
    expect(refused.message).toContain('有4行存在错误，未导入任何数据')
    expect((await snapshot()).project).toEqual([])

    const result = await api.call('ledger-import', { ...file(bytes), skipErrors: true, createPeople: true })
    expect(result.batchId).toBeTruthy()
    expect(result.counts).toMatchObject({ create: 4, error: 4 })
    const s = await snapshot()
    expect(s.district.map((d) => d.name).sort()).toEqual(['平阴县', '槐荫区', '长清区'].sort())
    expect(s.park.map((p) => p.name).sort()).toEqual(['大学科技园', '西城科创园'].sort())
    expect(s.investor.map((i) => i.name).sort()).toEqual(['北京康泰医药科技股份有限公司', '上海新材集团有限公司', '山东巨能液压有限公司'].sort())
    expect(s.user.map((u) => u.name).sort()).toEqual(['张伟', '李娜', '王强'].sort())
    expect(s.industry).toHaveLength(4)

    const p = await projectsByName()
    const total = await api.env.ctx.db.selectFrom('project').select((eb) => eb.fn.sum<number>('totalInvestmentYuan').as('s')).where('deletedAt', 'is', null).executeTakeFirstOrThrow()
    expect(total.s).toBe(result.ledgerTotalYuan)
    const equip = p.get('济南智能装备产业园项目')!
    expect(equip).toMatchObject({ stage: 'started', stageOn: '2024-06-01', signedOn: '2024-03-15', startedOn: '2024-06-01', reserveOn: '2024-03-15', totalInvestmentYuan: 500_000_000, progress: '=开工仪式已完成' })
    const logistics = p.get('@智慧物流项目')!
    expect(logistics).toMatchObject({ stage: 'operating', signedOn: '2023-01-05', startedOn: '2023-03-01', operatingOn: '2024-01-20', totalInvestmentYuan: 80_005_000 })
    expect(logistics.investorId).toBe(equip.investorId)
    expect(p.get('平阴新材料项目')).toMatchObject({ stage: 'negotiating', stageOn: '2024-12-31', reserveOn: '2024-12-31', districtId: s.district.find((d) => d.name === '平阴县')!.id, parkId: null })

    const events = (id: string) => s.stageEvent.filter((e) => e.projectId === id).map((e) => [e.fromStage, e.toStage, e.happenedOn])
    expect(events(equip.id)).toEqual([[null, 'signed', '2024-03-15'], ['signed', 'started', '2024-06-01']])
    expect(events(logistics.id)).toEqual([[null, 'signed', '2023-01-05'], ['signed', 'started', '2023-03-01'], ['started', 'operating', '2024-01-20']])

    const batches = await api.call('ledger-import-batches', {})
    expect(batches).toHaveLength(1)
    expect(batches[0]).toMatchObject({ fileName: '台账.xlsx', sheetName: '2024台账', createdCount: 4, errorCount: 4, undoneAt: null })
    // undo says what it would remove, in projects and related records
    expect(batches[0]!.undoSummary).toBe(
      '撤销将移入回收站：项目 4 个、阶段记录 7 条、客商 3 家、区县 3 个、园区 2 个、产业 4 个、责任人 3 人（区县、园区、客商等仍被其他记录使用的保留）。',
    )
  })

  it('re-importing the same file changes nothing; a changed file updates; undo restores exactly', async () => {
    const empty = await snapshot()
    const bytes = await corpusXlsx()
    const first = await api.call('ledger-import', { ...file(bytes), skipErrors: true, createPeople: true })
    const afterFirst = await snapshot()

    const again = await api.call('ledger-import', { ...file(bytes), skipErrors: true, createPeople: true })
    expect(again.batchId).toBeNull()
    expect(outcome(again)).toMatchObject({ 4: 'unchanged', 5: 'unchanged', 7: 'unchanged', 11: 'unchanged' })
    expect(again.previousBatches).toEqual([first.batchId])
    expect(await snapshot()).toEqual(afterFirst)

    // next month: 长清生物医药 started, figure revised; 新材料 signed without a date
    const changed = corpusRows({ 5: { 6: '4亿元', 7: '已开工', 9: '2024-09-01' }, 7: { 7: '签约' } })
    const second = await api.call('ledger-import', { ...file(await corpusXlsx(changed)), skipErrors: true, createPeople: true })
    expect(outcome(second)).toMatchObject({ 4: 'unchanged', 5: 'update', 7: 'update', 11: 'unchanged' })
    expect(second.rows.find((r) => r.excelRow === 5)?.changes).toMatchObject({ stage: ['signed', 'started'], totalInvestmentYuan: [350_000_000, 400_000_000], startedOn: [null, '2024-09-01'] })
    expect(second.messages).toContainEqual(expect.objectContaining({ excelRow: 7, level: 'warning', message: expect.stringContaining('未填写“签约”的日期') }))
    const p = await projectsByName()
    expect(p.get('长清生物医药项目')).toMatchObject({ stage: 'started', startedOn: '2024-09-01', signedOn: '2024-03-15' })
    // no 签约日期 in the ledger: its own date (截至2024年12月31日), marked inferred — never the import day
    expect(p.get('平阴新材料项目')).toMatchObject({ stage: 'signed', signedOn: '2024-12-31' })

    // undo out of order is refused: the later batch touched the same projects
    const order = await api.fail('ledger-import-undo', { id: first.batchId! })
    expect(order.code).toBe('conflict')

    const undone = await api.call('ledger-import-undo', { id: second.batchId! })
    expect(undone.restored).toBe(2)
    expect(await snapshot()).toEqual(afterFirst)
    expect((await api.fail('ledger-import-undo', { id: second.batchId! })).code).toBe('conflict')

    await api.call('ledger-import-undo', { id: first.batchId! })
    expect(await snapshot()).toEqual(empty)
    const journal = await api.env.ctx.db.selectFrom('change').select('action').where('action', '=', 'delete').execute()
    expect(journal.length).toBeGreaterThan(10)
  })

  it('refuses to undo over a later manual edit', async () => {
    const { batchId } = await api.call('ledger-import', { ...file(await corpusXlsx(corpusRows({ 5: { 6: '3.5亿元' } }))), skipErrors: true })
    const changed = corpusRows({ 5: { 6: '4亿元' } })
    const second = await api.call('ledger-import', { ...file(await corpusXlsx(changed)), skipErrors: true })
    expect(second.batchId).not.toBe(batchId)
    const id = (await projectsByName()).get('长清生物医药项目')!.id
    await api.call('project-update', { id, totalInvestment: '5亿' })
    const refused = await api.fail('ledger-import-undo', { id: second.batchId! })
    expect(refused.code).toBe('conflict')
    expect(refused.message).toContain('长清生物医药项目')
  })

  it('reads GBK and UTF-8 CSV ledgers the same way', async () => {
    for (const bytes of [gbkCsv(), utf8Csv()]) {
      const preview = await api.call('ledger-import-preview', file(bytes, '历城.csv'))
      expect(outcome(preview)).toEqual({ 3: 'create', 4: 'create', 5: 'skip' })
      expect(preview.rowsTotalYuan).toBe(35_000_000)
      expect(preview.ledgerTotalYuan).toBe(35_000_000)
    }
    await api.call('ledger-import', file(gbkCsv(), '历城.csv'))
    const p = await projectsByName()
    expect(p.get('历城数据中心项目')).toMatchObject({ stage: 'signed', signedOn: '2024-05-06', totalInvestmentYuan: 20_000_000 })
    expect(p.get('历城冷链项目')).toMatchObject({ stage: 'lead', totalInvestmentYuan: 15_000_000 })
    // the UTF-8 copy is the same ledger: nothing to do
    const again = await api.call('ledger-import', file(utf8Csv(), '历城.csv'))
    expect(again.batchId).toBeNull()
  })

  it('maps columns by --map style overrides and saved templates', async () => {
    const csv = file(Buffer.from('项目名称,合作企业,总投资（亿元）,项目状态\n园区服务中心,济南云端科技有限公司,2.5,在谈\n'), 'x.csv')
    const plain = await api.call('ledger-import-preview', csv)
    expect(plain.columns.find((c) => c.header === '合作企业')?.field).toBeNull()
    expect(plain.rows[0]?.creates).not.toContain('客商“济南云端科技有限公司”')

    await api.call('ledger-template-save', { name: '客户表', mapping: { 合作企业: 'investor' } })
    expect((await api.call('ledger-template-list', {})).map((t) => t.name)).toEqual(['客户表'])
    const viaTemplate = await api.call('ledger-import-preview', { ...csv, template: '客户表' })
    expect(viaTemplate.columns.find((c) => c.header === '合作企业')?.field).toBe('investor')
    expect(viaTemplate.rows[0]?.creates).toContain('客商“济南云端科技有限公司”')
    const viaMapping = await api.call('ledger-import-preview', { ...csv, mapping: { B: 'investor', 项目状态: 'ignore' } })
    expect(viaMapping.columns.map((c) => c.field)).toEqual(['name', 'investor', 'investment', null])

    const bad = await api.fail('ledger-import-preview', { ...csv, mapping: { 不存在: 'name' } })
    expect(bad.message).toContain('找不到表头“不存在”')
    await api.call('ledger-template-delete', { name: '客户表' })
    expect(await api.call('ledger-template-list', {})).toEqual([])
  })

  it('explains bad files and writes nothing', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    const pad = Buffer.alloc(512)
    const cases: [Buffer, string, string][] = [
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]), 'a.xlsx', '这不是表格文件'],
      [Buffer.from('\n\n,,\n'), 'empty.csv', '空'],
      [Buffer.concat([ole, pad, Buffer.from('EncryptionInfo', 'utf16le'), pad]), 'secret.xlsx', '密码'],
      [Buffer.from('姓名,年龄\n张三,30\n'), 'people.csv', '找不到项目台账的表头'],
      [Buffer.from('<html><table><tr><td>1</td></tr></table></html>'), 'fake.xls', 'HTML'],
    ]
    for (const [bytes, name, words] of cases) {
      const error = await api.fail('ledger-import', { ...file(bytes, name), skipErrors: true })
      expect(error.code).toBe('validation')
      expect(error.message).toContain(words)
    }
    expect((await snapshot()).project).toEqual([])
    expect(await api.call('ledger-import-batches', {})).toEqual([])
  })

  it('refuses a sheet that is too long with a reason instead of hanging', async () => {
    const { previewImport } = await import('./apply')
    const lines = ['项目名称,总投资（万元）', ...Array.from({ length: 1200 }, (_, i) => `项目${i},${i}`)].join('\n')
    await expect(previewImport(api.env.ctx, { bytes: Buffer.from(lines), fileName: 'big.csv' }, { maxRows: 1000 })).rejects.toThrow('文件过大')
  })

  it('exports the error list as a workbook', async () => {
    const out = await api.call('ledger-import-errors', file(await corpusXlsx()))
    expect(out.fileName).toBe('导入问题-台账.xlsx')
    const { readWorkbookSheets } = await import('../spreadsheet/read-grid')
    const [sheet] = await readWorkbookSheets(Buffer.from(out.dataBase64, 'base64'))
    const rows = sheet!.rows.slice(2).filter((r) => r[2] === '错误')
    expect(rows.map((r) => r[0])).toEqual([8, 9, 10, 12])
    expect(rows[0]![3]).toBe('坏金额项目')
  })
})

describe('ledger import: the unit of a ‘单位：万元’ line above the table', () => {
  // 对接人 is no header the app knows (so it starts unmapped), 备注 reads as 项目进展情况.
  const csv = file(utf8Csv(['单位：万元,,,', '项目名称,总投资,对接人,备注', '历城数据中心项目,2000,张伟,3000'].join('\r\n')), '台账.csv')
  const units = (p: ImportPreview) => Object.fromEntries(p.columns.map((c) => [c.header, c.unit]))

  it('stands beside the amount columns only, whatever a column is mapped to', async () => {
    const detected = await api.call('ledger-import-preview', csv)
    expect(detected.columns.map((c) => c.field)).toEqual(['name', 'investment', null, 'progress'])
    expect(units(detected)).toEqual({ 项目名称: null, 总投资: '万元', 对接人: null, 备注: null })
    const owner = await api.call('ledger-import-preview', { ...csv, mapping: { 对接人: 'owner' }, createPeople: true })
    expect(units(owner)).toEqual({ 项目名称: null, 总投资: '万元', 对接人: null, 备注: null })
  })

  it('reaches a column the user makes the amount by hand, as it does the detected one', async () => {
    const byHand = await api.call('ledger-import-preview', { ...csv, mapping: { 备注: 'investment' } })
    expect(units(byHand)).toEqual({ 项目名称: null, 总投资: null, 对接人: null, 备注: '万元' })
    expect(byHand.rowsTotalYuan).toBe(3000 * 10_000)
    expect(byHand.messages.map((m) => m.message).join('\n')).not.toContain('未注明单位')
  })
})
