// The stage rules of DOMAIN.md, one rule per test (issue 17: each of these let a mutant live).
// Every rule is checked where the user meets it (the API), and the two checks for a reason, in the
// input schema and in the stage service, are each checked alone: either one must hold by itself.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inTransaction } from '../../db/context'
import { ProjectStageChange } from '../../db/domain/project'
import { changeStage } from '../../db/services/project-stages'
import { insertRecord } from '../../db/services/records'
import { type TestBackend, testBackend } from '../../tests/support/backend'

let api: TestBackend
beforeEach(async () => {
  api = await testBackend({ now: '2026-11-27T09:00:00+08:00' })
})
afterEach(() => api.close())

const move = (id: string, toStage: string, happenedOn: string, extra: Record<string, unknown> = {}) =>
  api.call('project-stage-change', { id, toStage: toStage as 'lead', happenedOn, ...extra })
const refuse = (id: string, toStage: string, happenedOn: string, extra: Record<string, unknown> = {}) =>
  api.fail('project-stage-change', { id, toStage, happenedOn, ...extra })

describe('stage rules', () => {
  it('asks for a reason when a project moves back one stage', async () => {
    const { id } = await api.call('project-create', { name: '退回一步' })
    await move(id, 'contacted', '2026-01-05')
    await move(id, 'negotiating', '2026-02-05')
    const error = await refuse(id, 'contacted', '2026-03-05')
    expect(error.code).toBe('validation')
    expect(error.details).toMatchObject({ field: 'reason' })
    const back = await move(id, 'contacted', '2026-03-05', { reason: '企业重新评估' })
    expect(back.stage).toBe('contacted')
  })

  it('allows 解约 for a project whose signing date is on file, whatever stage it shows', async () => {
    // A ledger may carry a 签约日期 while its stage word says 在谈: the milestone proves the signing.
    const ctx = api.env.ctx
    const id = await inTransaction(ctx, (trx) =>
      insertRecord(trx, ctx, 'project', { name: '已签约仍写在谈', searchKeys: '', stage: 'negotiating', stageOn: '2026-01-10', reserveOn: '2026-01-01', signedOn: '2026-02-01' } as never),
    )
    const ended = await move(id, 'terminated', '2026-06-01', { reason: '企业违约' })
    expect(ended.stage).toBe('terminated')
  })

  it('refuses 解约 for a project that never signed', async () => {
    const { id } = await api.call('project-create', { name: '从未签约' })
    await move(id, 'negotiating', '2026-02-05')
    expect((await refuse(id, 'terminated', '2026-03-05', { reason: '不再推进' })).message).toContain('流失')
  })

  it('the input schema alone refuses 暂缓/流失/解约 without a reason', () => {
    for (const toStage of ['on_hold', 'lost', 'terminated']) {
      const parsed = ProjectStageChange.safeParse({ id: '01JC0000000000000000000000', toStage, happenedOn: '2026-01-01', reason: '' })
      expect(parsed.success, toStage).toBe(false)
    }
  })

  it('the stage service alone refuses 暂缓/流失/解约 without a reason (callers that skip the schema)', async () => {
    const { id } = await api.call('project-create', { name: '无原因' })
    for (const [toStage, label] of [['on_hold', '暂缓'], ['lost', '流失']] as const) {
      await expect(
        changeStage(api.env.ctx, { id, toStage, happenedOn: '2026-01-01', note: null, reason: null } as never),
      ).rejects.toMatchObject({ code: 'validation', message: `转为“${label}”请填写原因` })
    }
  })
})
