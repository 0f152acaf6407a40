// "All months in order": a month-per-sheet workbook built here (2024年1月–3月), each sheet applied
// as the ledger's state as of its month, in one transaction and one import batch.
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { threeMonthWorkbook } from './fixtures'
import { importMonths, previewMonths } from './months'

let api: TestBackend
beforeEach(async () => {
  api = await testBackend({ now: '2026-11-30T09:00:00Z' })
})
afterEach(() => api.close())

const file = (bytes: Buffer) => ({ fileName: '长清区月报.xlsx', dataBase64: bytes.toString('base64') })

async function projects() {
  const rows = await api.env.ctx.db.selectFrom('project').selectAll().where('deletedAt', 'is', null).orderBy('name').execute()
  return new Map(rows.map((r) => [r.name, r]))
}

async function stageHistory(projectId: string) {
  return api.env.ctx.db
    .selectFrom('stageEvent')
    .select(['fromStage', 'toStage', 'happenedOn'])
    .where('projectId', '=', projectId)
    .where('deletedAt', 'is', null)
    .orderBy('happenedOn')
    .orderBy('id')
    .execute()
}

describe('ledger import: all months of a month-per-sheet workbook in order', () => {
  it('dates a step back or aside without its own date by its month, not by the day of the import', async () => {
    const wb = new ExcelJS.Workbook()
    const month = (m: number, stage: string) => {
      const ws = wb.addWorksheet(`2024年${m}月`)
      ws.addRow([`长清区2024年${m}月招商引资项目进展表`])
      ws.addRow(['项目名称', '所属区县', '总投资（亿元）', '项目状态'])
      ws.addRow(['高端装备项目', '长清区', 3, stage])
    }
    month(1, '签约')
    month(2, '暂缓')
    month(3, '在谈')
    await api.call('ledger-import', { ...file(Buffer.from(await wb.xlsx.writeBuffer())), months: 'all' })
    const equipment = (await projects()).get('高端装备项目')!
    expect((await stageHistory(equipment.id)).map((e) => [e.toStage, e.happenedOn])).toEqual([
      ['signed', '2024-01-31'],
      ['on_hold', '2024-02-29'],
      ['negotiating', '2024-03-31'],
    ])
  })

  it('previews what each month changes, writing nothing', async () => {
    const bytes = await threeMonthWorkbook()
    const latest = await api.call('ledger-import-preview', file(bytes))
    expect(latest.sheet).toBe('2024年3月')
    expect(latest.monthSheets).toEqual(['2024年1月', '2024年2月', '2024年3月'])
    expect(latest.months).toBeNull()

    const preview = await api.call('ledger-import-preview', { ...file(bytes), months: 'all' })
    expect(preview.months?.map((m) => ({ sheet: m.sheet, asOf: m.asOf, create: m.counts.create, update: m.counts.update, unchanged: m.counts.unchanged, missing: m.missing }))).toEqual([
      { sheet: '2024年1月', asOf: '2024-01-31', create: 3, update: 0, unchanged: 0, missing: [] },
      { sheet: '2024年2月', asOf: '2024-02-29', create: 0, update: 1, unchanged: 2, missing: [] },
      { sheet: '2024年3月', asOf: '2024-03-31', create: 0, update: 2, unchanged: 0, missing: ['冷链物流项目'] },
    ])
    expect(preview.months![0]!.stageChanges).toBe(3)
    expect(preview.months![1]!.stageChanges).toBeGreaterThanOrEqual(1)
    // the summary counts every month; the totals are the last month's
    expect(preview.counts).toMatchObject({ create: 3, update: 3, error: 0 })
    expect(preview.rowsTotalYuan).toBe(650_000_000)
    expect(preview.rows.filter((r) => r.name === '高端装备项目').map((r) => [r.sheet, r.action])).toEqual([
      ['2024年1月', 'create'],
      ['2024年2月', 'update'],
      ['2024年3月', 'update'],
    ])
    expect((await projects()).size).toBe(0)
    expect(await api.call('ledger-import-batches', {})).toEqual([])
  })

  it('dates each stage by its month, ends with the last month amounts, in one batch that one undo removes', async () => {
    const bytes = await threeMonthWorkbook()
    const result = await api.call('ledger-import', { ...file(bytes), months: 'all' })
    expect(result.batchId).not.toBeNull()

    const after = await projects()
    expect([...after.keys()]).toEqual(['冷链物流项目', '商贸综合体项目', '高端装备项目'])
    const equipment = after.get('高端装备项目')!
    expect(equipment).toMatchObject({ stage: 'started', signedOn: '2024-02-29', startedOn: '2024-03-31', totalInvestmentYuan: 400_000_000 })
    const history = await stageHistory(equipment.id)
    expect(history[0]).toMatchObject({ fromStage: null, toStage: 'negotiating', happenedOn: '2024-01-31' })
    expect(history).toContainEqual({ fromStage: 'negotiating', toStage: 'signed', happenedOn: '2024-02-29' })
    expect(history.at(-1)).toMatchObject({ toStage: 'started', happenedOn: '2024-03-31' })
    expect(after.get('商贸综合体项目')).toMatchObject({ stage: 'signed', signedOn: '2024-03-31', totalInvestmentYuan: 250_000_000 })
    // dropped from March's sheet: kept as January and February left it
    expect(after.get('冷链物流项目')).toMatchObject({ stage: 'negotiating', totalInvestmentYuan: 100_000_000 })

    const batches = await api.call('ledger-import-batches', {})
    expect(batches).toHaveLength(1)
    expect(batches[0]).toMatchObject({ id: result.batchId, sheetName: '2024年1月—2024年3月（全部月份）', createdCount: 3, updatedCount: 3 })

    await api.call('ledger-import-undo', { id: result.batchId! })
    expect((await projects()).size).toBe(0)
    const events = await api.env.ctx.db.selectFrom('stageEvent').select('id').where('deletedAt', 'is', null).execute()
    expect(events).toEqual([])
  })

  it('plans each month once: the import writes its trial run\'s plans, with the outcome its preview announced', async () => {
    const bytes = await threeMonthWorkbook()
    const source = { fileName: '长清区月报.xlsx', bytes }
    const preview = await previewMonths(api.env.ctx, source, { months: 'all' })
    const planned: string[] = []
    const result = await importMonths(api.env.ctx, source, {
      months: 'all',
      onProgress: (p) => void (p.phase === 'plan' && p.done === 0 && planned.push('month')),
    })
    expect(planned).toHaveLength(3)
    expect(result.months).toEqual(preview.months)
    expect(result.counts).toEqual(preview.counts)
    const after = await projects()
    expect([...after.values()].map((p) => [p.name, p.stage, p.totalInvestmentYuan])).toEqual([
      ['冷链物流项目', 'negotiating', 100_000_000],
      ['商贸综合体项目', 'signed', 250_000_000],
      ['高端装备项目', 'started', 400_000_000],
    ])
    // the ids the trial planned are the ids written, and every row of the batch points at a live record
    const rows = await api.env.ctx.db.selectFrom('importBatchRow').select(['entity', 'entityId']).where('batchId', '=', result.batchId!).execute()
    const written = [...new Set(rows.filter((r) => r.entity === 'project').map((r) => r.entityId))].sort()
    expect(written).toEqual([...new Set(result.rows.flatMap((r) => (r.projectId ? [r.projectId] : [])))].sort())
    expect(written).toEqual([...after.values()].map((p) => p.id).sort())
  })

  it('lists each problem with its month sheet in the problems workbook', async () => {
    const exported = await api.call('ledger-import-errors', { ...file(await threeMonthWorkbook()), months: 'all' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(exported.dataBase64, 'base64') as unknown as ArrayBuffer)
    // the title names the months imported, not only the last one
    expect(wb.worksheets[0]!.getCell('A1').value).toBe('导入检查结果：长清区月报.xlsx（2024年1月—2024年3月（全部月份））')
    const rows = wb.worksheets[0]!.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1, 6) : []))
    expect(rows).toContainEqual(['工作表', 'Excel行号', '列', '级别', '项目名称'])
    expect(rows).toContainEqual(['2024年2月', 3, 'D', '提醒', '高端装备项目'])
    expect(rows).toContainEqual(['2024年3月', 4, 'D', '提醒', '商贸综合体项目'])
  })

  it('refuses a workbook that is not one sheet per month, saying what to do', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('台账')
    ws.addRow(['项目名称', '总投资（亿元）', '项目状态'])
    ws.addRow(['高端装备项目', 3, '在谈'])
    const error = await api.fail('ledger-import-preview', { ...file(Buffer.from(await wb.xlsx.writeBuffer())), months: 'all' })
    expect(error.message).toContain('不是每月一张工作表的台账')
  })

  it('a month with an error row stops the whole import and names the month', async () => {
    const wb = new ExcelJS.Workbook()
    for (const [m, amount] of [[1, 3], [2, 'abc']] as const) {
      const ws = wb.addWorksheet(`2024年${m}月`)
      ws.addRow(['项目名称', '总投资（亿元）', '项目状态'])
      ws.addRow(['高端装备项目', amount, '在谈'])
    }
    const error = await api.fail('ledger-import', { ...file(Buffer.from(await wb.xlsx.writeBuffer())), months: 'all' })
    expect(error.message).toMatch(/^工作表“2024年2月”：有1行存在错误，未导入任何数据/)
    expect((await projects()).size).toBe(0)
  })

  it('a template remembers the months choice: imported with it, the workbook is all months in order again', async () => {
    const bytes = await threeMonthWorkbook()
    await api.call('ledger-template-save', { name: '长清月报', mapping: {}, sheet: '2024年3月', months: 'all' })
    await api.call('ledger-template-save', { name: '长清最新月', mapping: {}, sheet: '2024年3月' })
    const templates = await api.call('ledger-template-list', {})
    expect(templates.map((t) => [t.name, t.months, t.sheet])).toEqual([
      ['长清月报', 'all', null],
      ['长清最新月', null, '2024年3月'],
    ])

    const preview = await api.call('ledger-import-preview', { ...file(bytes), template: '长清月报' })
    expect(preview.months?.map((m) => m.sheet)).toEqual(['2024年1月', '2024年2月', '2024年3月'])
    // a sheet named by hand is that sheet alone, whatever the template says
    expect((await api.call('ledger-import-preview', { ...file(bytes), template: '长清月报', sheet: '2024年2月' })).months).toBeNull()
    expect((await api.call('ledger-import-preview', { ...file(bytes), template: '长清最新月' })).months).toBeNull()

    const result = await api.call('ledger-import', { ...file(bytes), template: '长清月报' })
    expect((await api.call('ledger-import-batches', {}))[0]).toMatchObject({ id: result.batchId, sheetName: '2024年1月—2024年3月（全部月份）' })
  })
})
