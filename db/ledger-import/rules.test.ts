// Two rules of the import plan that no other test pinned (issue 17's surviving mutants): a money
// column without a unit is said out loud, and float noise from formulas is not money.
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'

let api: TestBackend
beforeEach(async () => {
  api = await testBackend()
})
afterEach(() => api.close())

async function ledger(header: string, amount: number): Promise<{ fileName: string; dataBase64: string }> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('台账')
  ws.addRow(['序号', '项目名称', '所属区县', header])
  ws.addRow([1, '济南智能装备项目', '槐荫区', amount])
  return { fileName: '台账.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') }
}

describe('ledger import plan', () => {
  it('says when a money column names no unit, and reads it as 亿元', async () => {
    const preview = await api.call('ledger-import-preview', await ledger('总投资', 1.5))
    expect(preview.messages).toContainEqual(expect.objectContaining({ level: 'warning', field: 'investment', message: expect.stringContaining('未注明单位') }))
    expect(preview.rowsTotalYuan).toBe(150_000_000)
  })

  it('reads a formula result with float noise (1590.8300000000002 万元) as the amount Excel shows', async () => {
    const preview = await api.call('ledger-import-preview', await ledger('总投资（万元）', 1590.8300000000002))
    expect(preview.rows.map((row) => row.action)).toEqual(['create'])
    expect(preview.rowsTotalYuan).toBe(15_908_300)
  })
})
