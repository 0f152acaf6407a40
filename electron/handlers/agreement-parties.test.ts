// 签约各方 is a field of its own (migration 0006): saved, changed and listed through the contract,
// recorded with the 签约 stage change, limited in length, and carried between laptops per field.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportPackage, importPackage } from '../../db/sync/package'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { addProject, journalOf } from './followups-fixtures'

const PARTIES = '甲方：长清区人民政府；乙方：齐鲁制药有限公司'

describe('签约各方 through the contract', () => {
  let api: TestBackend
  let projectId: string
  beforeEach(async () => {
    api = await testBackend({ now: '2027-01-15T12:00:00+08:00' })
    projectId = await addProject(api, '生物医药创新港', { stage: 'negotiating' })
  })
  afterEach(() => api.close())

  it('keeps the parties apart from the note, changes them alone, and journals the change', async () => {
    const created = await api.call('agreement-create', {
      projectId,
      type: 'investment',
      signedOn: '2027-01-10',
      parties: `  ${PARTIES} `,
      note: '土地指标另议',
    })
    expect(created).toMatchObject({ parties: PARTIES, note: '土地指标另议' })
    const edited = await api.call('agreement-update', { id: created.id, parties: '甲方：园区管委会；乙方：齐鲁制药有限公司' })
    expect(edited).toMatchObject({ parties: '甲方：园区管委会；乙方：齐鲁制药有限公司', note: '土地指标另议' })
    expect((await api.call('agreement-list-by-project', { projectId }))[0]!.parties).toBe('甲方：园区管委会；乙方：齐鲁制药有限公司')
    const cleared = await api.call('agreement-update', { id: created.id, parties: '' })
    expect(cleared.parties).toBeNull()
    const journal = await journalOf(api, created.id)
    expect(journal.map((c) => c.action)).toEqual(['create', 'update', 'update'])
    expect(JSON.stringify(journal[1]!.changes)).toContain('parties')
  })

  it('records the parties with the change to 签约', async () => {
    const signed = await api.call('project-stage-change', {
      id: projectId,
      toStage: 'signed',
      happenedOn: '2027-01-12',
      agreement: { type: 'framework', parties: PARTIES },
    })
    const [agreement] = await api.call('agreement-list-by-project', { projectId })
    expect(agreement).toMatchObject({ id: signed.agreementId, parties: PARTIES, note: null, signedOn: '2027-01-12' })
  })

  it('refuses parties longer than 500 characters with the field and the limit, instead of cutting them', async () => {
    const error = await api.fail('agreement-create', { projectId, type: 'investment', signedOn: '2027-01-10', parties: '甲'.repeat(501) })
    expect(error).toMatchObject({ code: 'validation', message: expect.stringContaining('签约各方不能超过500个字') })
    expect(await api.call('agreement-list-by-project', { projectId })).toEqual([])
  })
})

describe('签约各方 between two laptops', () => {
  it('travels with the agreement, and a later edit of the parties wins without touching the note', async () => {
    const a = await testBackend({ now: '2027-01-15T09:00:00+08:00' })
    const b = await testBackend({ now: '2027-01-15T09:00:00+08:00' })
    const send = async (from: TestBackend, to: TestBackend) => importPackage(to.env.ctx, (await exportPackage(from.env.ctx)).bytes, 'test')
    const projectId = await addProject(a, '液压件项目', { stage: 'negotiating' })
    const agreement = await a.call('agreement-create', { projectId, type: 'investment', signedOn: '2027-01-10', parties: PARTIES, note: '备注甲' })
    await send(a, b)
    expect((await b.call('agreement-list-by-project', { projectId }))[0]).toMatchObject({ parties: PARTIES, note: '备注甲' })

    a.setNow('2027-01-15T10:00:00+08:00')
    await a.call('agreement-update', { id: agreement.id, note: '备注乙' })
    b.setNow('2027-01-15T10:05:00+08:00')
    await b.call('agreement-update', { id: agreement.id, parties: '甲方：园区管委会' })
    await send(a, b)
    await send(b, a)
    for (const side of [a, b]) {
      expect((await side.call('agreement-list-by-project', { projectId }))[0]).toMatchObject({ parties: '甲方：园区管委会', note: '备注乙' })
    }
    await a.close()
    await b.close()
  })
})
