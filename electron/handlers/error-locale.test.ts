// Backend messages follow the caller's language: a call whose input carries locale 'en' gets its
// errors in English for the cases users meet most; without it, Chinese as before.
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { englishMessage } from '../../db/domain/error-text'
import { ApiCallError, callAnyApi } from './call-api'

let api: TestBackend
beforeEach(async () => {
  api = await testBackend()
})
afterEach(() => api.close())

const en = (input: object) => ({ ...input, locale: 'en' })
const MISSING = '01JZZZZZZZZZZZZZZZZZZZZZZZ'
const noChinese = (text: string) => expect(text).not.toMatch(/[\u4e00-\u9fff]/)

describe('errors in the English UI', () => {
  it('not found', async () => {
    expect((await api.fail('project-get', { id: MISSING })).message).toBe('项目不存在或已删除')
    const error = await api.fail('project-get', en({ id: MISSING }))
    expect(error).toMatchObject({ code: 'not_found', message: 'Project does not exist or has been deleted.' })
  })

  it('validation by the contract: field and English words', async () => {
    const error = await api.fail('park-create', en({ name: 12, districtId: MISSING }))
    expect(error.code).toBe('validation')
    expect(error.message).toMatch(/^name: Invalid input: expected string/)
    noChinese(error.message)
  })

  it('a stage rule: moving back needs a reason', async () => {
    const project = await api.call('project-create', { name: '甲项目', stage: 'signed', stageOn: '2024-03-15' })
    const error = await api.fail('project-stage-change', en({ id: project.id, toStage: 'negotiating', happenedOn: '2024-05-01', reason: null, note: null }))
    expect(error).toMatchObject({ code: 'validation', message: 'Moving the project back to "Negotiating" needs a reason: please fill in the reason.' })
  })

  it('an import refused for its errors', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('台账')
    ws.addRow(['序号', '项目名称', '所属区县', '总投资（万元）'])
    ws.addRow([1, '坏金额项目', '槐荫区', 'abc'])
    const file = { fileName: '台账.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') }
    const error = await api.fail('ledger-import', en(file))
    expect(error.code).toBe('validation')
    expect(error.message).toMatch(/^1 row\(s\) have errors, so nothing was imported/)
  })

  it('an unknown method, through the command line’s caller', async () => {
    const error = (await callAnyApi(api.env, 'park-explode', {}, 'en').catch((e: unknown) => e)) as ApiCallError
    expect(error.apiError).toMatchObject({ code: 'unknown_method', message: 'There is no API method "park-explode".' })
  })

  it('a message not in the table still says in English what kind of problem it is', () => {
    expect(englishMessage('conflict', '某个少见的冲突')).toBe('This contradicts existing data: 某个少见的冲突')
  })
})
