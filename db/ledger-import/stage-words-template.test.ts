// Unknown 项目状态 words (#11): the preview names each word it cannot read (so the wizard can ask),
// the answer makes those rows import with the stage meant, and a template keeps the answers so
// next month's ledger of the same shape is read without asking again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'

let api: TestBackend
beforeEach(async () => {
  api = await testBackend()
})
afterEach(() => api.close())

// 挂牌督办 and 蹲点跟进 are words no rule knows; 在谈 is known.
const ledger = (rows: string) => ({
  fileName: '月报.csv',
  dataBase64: Buffer.from(`项目名称,所属区县,总投资（亿元）,项目状态\n${rows}`).toString('base64'),
})
const MARCH = ledger('甲项目,槐荫区,2,挂牌督办\n乙项目,槐荫区,3,蹲点跟进\n丙项目,槐荫区,1,挂牌督办\n丁项目,槐荫区,1,在谈\n')

describe('unknown 项目状态 words', () => {
  it('are named once each in the preview, and their rows wait as errors rather than being guessed', async () => {
    const preview = await api.call('ledger-import-preview', MARCH)
    const words = preview.messages.flatMap((m) => (m.stageWord ? [[m.excelRow, m.stageWord]] : []))
    expect(words).toEqual([
      [2, '挂牌督办'],
      [3, '蹲点跟进'],
      [4, '挂牌督办'],
    ])
    expect(preview.counts).toMatchObject({ create: 1, error: 3 })
  })

  it('are read as answered, and a template keeps the answers for the next import', async () => {
    const answered = await api.call('ledger-import-preview', { ...MARCH, stageWords: { 挂牌督办: 'signed', 蹲点跟进: 'negotiating' } })
    expect(answered.messages.filter((m) => m.stageWord)).toEqual([])
    expect(answered.counts).toMatchObject({ create: 4, error: 0 })

    await api.call('ledger-template-save', { name: '槐荫月报', mapping: {}, stageWords: { 挂牌督办: 'signed', 蹲点跟进: 'negotiating' } })
    const [saved] = await api.call('ledger-template-list', {})
    expect(saved).toMatchObject({ name: '槐荫月报', stageWords: { 挂牌督办: 'signed', 蹲点跟进: 'negotiating' } })

    // next month's file, imported by the template's name: nothing to ask, the stages as answered
    const result = await api.call('ledger-import', { ...MARCH, template: '槐荫月报' })
    expect(result.counts).toMatchObject({ create: 4, error: 0 })
    const stages = await api.env.ctx.db.selectFrom('project').select(['name', 'stage']).where('deletedAt', 'is', null).orderBy('name').execute()
    expect(Object.fromEntries(stages.map((p) => [p.name, p.stage]))).toEqual({ 甲项目: 'signed', 乙项目: 'negotiating', 丙项目: 'signed', 丁项目: 'negotiating' })
  })

  it('refuses a stage that does not exist, and a template saved before stage words reads as none', async () => {
    const bad = await api.fail('ledger-template-save', { name: '错', mapping: {}, stageWords: { 挂牌督办: 'sort_of_signed' } })
    expect(bad.message).toContain('阶段不正确')
    // the form templates had before #11: no stageWords key at all
    await api.env.ctx.db
      .insertInto('setting')
      .values({ key: 'import_templates', value: JSON.stringify({ 旧模板: { mapping: {}, sheet: null, savedAt: '2024-01-01T00:00:00Z' } }), updatedAt: '2024-01-01T00:00:00Z' })
      .execute()
    expect(await api.call('ledger-template-list', {})).toEqual([{ name: '旧模板', mapping: {}, sheet: null, stageWords: {}, months: null, savedAt: '2024-01-01T00:00:00Z' }])
  })
})
