// The ledger's own sums as the import's safety net (plan.ts, planImport): a 合计 or 小计 row is
// compared with the rows it sums, and an amount or a sum that cannot be right for its unit stops
// the import until the user confirms. Each rule here was missing from the tests of plan.ts when
// its mutants were looked at (docs/mutation.md).
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { IMPLAUSIBLE_YUAN } from './plan'

// previews write nothing: one backend serves the whole file
let api: TestBackend
beforeAll(async () => {
  api = await testBackend({ now: '2026-11-30T09:00:00Z' })
})
afterAll(() => api.close())

type Row = (string | number | null)[]

async function preview(rows: Row[]) {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('台账')
  for (const row of rows) ws.addRow(row)
  const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
  return api.call('ledger-import-preview', { fileName: '台账.xlsx', dataBase64 })
}

const header: Row = ['项目名称', '总投资（亿元）', '项目状态']
const projects: Row[] = [
  ['甲项目', 3, '在谈'],
  ['乙项目', 2, '在谈'],
]
const YI = 100_000_000

describe('the 合计 row', () => {
  it('that agrees with the rows says nothing and is reported as the ledger total', async () => {
    const p = await preview([header, ...projects, ['合计', 5, null]])
    expect(p.ledgerTotalYuan).toBe(5 * YI)
    expect(p.rowsTotalYuan).toBe(5 * YI)
    expect(p.messages.filter((m) => m.excelRow === 4)).toEqual([])
    expect(p.confirmations).toEqual([])
  })

  it('off by a typo is a warning on its row, and does not stop the import', async () => {
    const p = await preview([header, ...projects, ['合计', 5.1, null]])
    expect(p.messages).toContainEqual(expect.objectContaining({ excelRow: 4, level: 'warning', field: 'investment', column: 'B', message: expect.stringContaining('不一致') }))
    expect(p.confirmations).toEqual([])
  })

  it('about ten times its rows stops the import: a unit or a column is wrong', async () => {
    const p = await preview([header, ...projects, ['合计', 50, null]])
    expect(p.confirmations).toEqual([expect.objectContaining({ excelRow: 4, field: 'investment', column: 'B', message: expect.stringContaining('约10倍') })])
    // the stop is also said among the messages, with what to do
    expect(p.messages).toContainEqual(expect.objectContaining({ excelRow: 4, message: expect.stringContaining('需确认后才能导入') }))
  })

  it('a tenth of its rows stops the import too (the rows read in the wrong unit)', async () => {
    const p = await preview([header, ...projects, ['合计', 0.5, null]])
    expect(p.confirmations).toEqual([expect.objectContaining({ excelRow: 4, message: expect.stringContaining('约10倍') })])
  })

  it('of 0 against rows that sum to more stops the import as far apart', async () => {
    const p = await preview([header, ...projects, ['合计', 0, null]])
    expect(p.confirmations).toEqual([expect.objectContaining({ excelRow: 4, message: expect.stringContaining('相差悬殊') })])
  })

  it('twice its rows is a warning only: a factor under ten is no unit mistake', async () => {
    const p = await preview([header, ...projects, ['合计', 10, null]])
    expect(p.messages).toContainEqual(expect.objectContaining({ excelRow: 4, message: expect.stringContaining('不一致') }))
    expect(p.confirmations).toEqual([])
  })

  it('with no amount is not compared', async () => {
    const p = await preview([header, ...projects, ['合计', null, null]])
    expect(p.ledgerTotalYuan).toBeNull()
    expect(p.messages.filter((m) => m.excelRow === 4)).toEqual([])
  })

  it('is compared only with the rows that will be imported, not with rows refused for an error', async () => {
    // 丙项目's stage word is unknown: the row is refused, its 4 亿元 are not imported
    const p = await preview([header, ...projects, ['丙项目', 4, '进展顺利'], ['合计', 5, null]])
    expect(p.rows.find((r) => r.excelRow === 4)?.action).toBe('error')
    expect(p.rowsTotalYuan).toBe(5 * YI)
    expect(p.messages.filter((m) => m.excelRow === 5)).toEqual([])
  })

  it('of 签约金额 is compared where the ledger has no 总投资', async () => {
    const p = await preview([['项目名称', '签约金额（亿元）', '项目状态'], ...projects, ['合计', 50, null]])
    expect(p.confirmations).toEqual([expect.objectContaining({ excelRow: 4, field: 'agreementAmount', column: 'B' })])
  })
})

describe('a 小计 row', () => {
  it('that disagrees with its group is a warning on its row, naming both sums', async () => {
    const p = await preview([header, ...projects, ['小计', 6, null]])
    expect(p.messages).toContainEqual(expect.objectContaining({ excelRow: 4, level: 'warning', field: 'investment', column: 'B', message: expect.stringMatching(/小计（6(\.0+)?亿元）.*（5(\.0+)?亿元）不一致/) }))
    expect(p.rows.find((r) => r.excelRow === 4)).toMatchObject({ action: 'skip', note: '小计行，不导入' })
  })

  it('with no amount is not compared', async () => {
    const p = await preview([header, ...projects, ['小计', null, null]])
    expect(p.messages.filter((m) => m.excelRow === 4)).toEqual([])
  })

  it('and the 合计 below it are not counted among the rows', async () => {
    const p = await preview([header, ...projects, ['小计', 5, null], ['合计', 5, null]])
    expect(p.rows.map((r) => [r.excelRow, r.action])).toEqual([[2, 'create'], [3, 'create'], [4, 'skip'], [5, 'skip']])
    expect(p.rowsTotalYuan).toBe(5 * YI)
    expect(p.messages.filter((m) => m.excelRow === 4 || m.excelRow === 5)).toEqual([])
  })
})

describe('one amount too large for its unit', () => {
  it('stops the import from 1000 亿元 on, and not below', async () => {
    const at = await preview([header, ['港口项目', IMPLAUSIBLE_YUAN / YI, '在谈']])
    expect(at.confirmations).toEqual([expect.objectContaining({ excelRow: 2, field: 'investment', column: 'B', message: expect.stringContaining('超过 1000 亿元') })])
    const below = await preview([header, ['港口项目', IMPLAUSIBLE_YUAN / YI - 0.01, '在谈']])
    expect(below.confirmations).toEqual([])
  })
})

describe('the columns the total is read from', () => {
  it('is 总投资 when the ledger has both 总投资 and 签约金额', async () => {
    const p = await preview([['项目名称', '总投资（亿元）', '签约金额（亿元）', '项目状态'], ['甲项目', 3, 1, '在谈'], ['合计', 3, 1, null]])
    expect(p.rowsTotalYuan).toBe(3 * YI)
    expect(p.ledgerTotalYuan).toBe(3 * YI)
    expect(p.messages.filter((m) => m.message.includes('没有“总投资”列'))).toEqual([])
  })

  it('names every money column without a unit, and none that has one', async () => {
    const p = await preview([['项目名称', '总投资', '固定资产投资', '签约金额（万元）', '项目状态'], ['甲项目', 3, 2, 100, '在谈']])
    const unnamed = p.messages.filter((m) => m.message.includes('未注明单位')).map((m) => [m.field, m.column, m.excelRow])
    expect(unnamed).toEqual([
      ['investment', 'B', null],
      ['fixedAsset', 'C', null],
    ])
  })
})
