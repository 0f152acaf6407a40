// A change to 签约 that carries its agreement writes both in one transaction: a refused agreement
// (its contract number already taken) leaves the project where it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { addInvestor, addProject } from './followups-fixtures'

describe('signing with its agreement', () => {
  let api: TestBackend
  let projectId: string
  beforeEach(async () => {
    api = await testBackend({ now: '2027-01-15T12:00:00+08:00' })
    projectId = await addProject(api, '生物医药创新港', { investorId: await addInvestor(api, '齐鲁制药'), stage: 'negotiating' })
  })
  afterEach(() => api.close())

  const stageOf = async () =>
    (await api.env.ctx.db.selectFrom('project').select(['stage', 'signedOn']).where('id', '=', projectId).executeTakeFirstOrThrow())

  it('saves the agreement dated on the signing day with the stage change', async () => {
    const result = await api.call('project-stage-change', {
      id: projectId,
      toStage: 'signed',
      happenedOn: '2027-01-10',
      agreement: { type: 'investment', amount: '12.5亿', contractNo: 'HY-2027-001', note: '甲方：槐荫区人民政府；乙方：齐鲁制药' },
    })
    expect(result.stage).toBe('signed')
    const agreements = await api.call('agreement-list-by-project', { projectId })
    expect(agreements).toMatchObject([{ id: result.agreementId, type: 'investment', signedOn: '2027-01-10', amountYuan: 1_250_000_000, contractNo: 'HY-2027-001' }])
  })

  it('writes neither when the agreement is refused', async () => {
    const other = await addProject(api, '另一个项目', { stage: 'negotiating' })
    await api.call('agreement-create', { projectId: other, type: 'framework', signedOn: '2027-01-02', contractNo: 'HY-2027-001' })
    const refused = await api.fail('project-stage-change', {
      id: projectId,
      toStage: 'signed',
      happenedOn: '2027-01-10',
      agreement: { type: 'investment', contractNo: 'HY-2027-001' },
    })
    expect(refused).toMatchObject({ code: 'conflict', details: { field: 'contractNo' } })
    expect(await stageOf()).toEqual({ stage: 'negotiating', signedOn: null })
    expect(await api.call('agreement-list-by-project', { projectId })).toEqual([])
  })

  it('takes an agreement only with a change to 签约', async () => {
    const refused = await api.fail('project-stage-change', { id: projectId, toStage: 'on_hold', happenedOn: '2027-01-10', reason: '企业暂缓', agreement: { type: 'framework' } })
    expect(refused).toMatchObject({ code: 'validation', message: expect.stringContaining('只有转为签约时') })
    expect((await stageOf()).stage).toBe('negotiating')
  })
})
