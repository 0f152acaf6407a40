import { describe, expect, it } from 'vitest'
import type { MilestoneColumn } from './project'
import { type StageProject, type StageStep, mainRank, planStageChange } from './stage-transition'

const none: Record<MilestoneColumn, string | null> = { signedOn: null, registeredOn: null, startedOn: null, completedOn: null, operatingOn: null, evaluatedOn: null }
const at = (stage: StageProject['stage'], milestones: Partial<typeof none> = {}): StageProject => ({ stage, reserveOn: '2024-01-01', ...none, ...milestones })
const on = '2024-06-01'

describe('planStageChange: forward moves', () => {
  it('sets the reached milestone, leaves skipped ones empty and needs no reason', () => {
    const plan = planStageChange(at('negotiating'), [], { toStage: 'started', happenedOn: on })
    expect(plan.refusal).toBeUndefined()
    expect(plan.reasonRequired).toBe(false)
    expect(plan.patch).toEqual({ stage: 'started', stageOn: on, startedOn: on, completedOn: null, operatingOn: null, evaluatedOn: null })
    expect(plan.events).toEqual([{ fromStage: 'negotiating', toStage: 'started', happenedOn: on, note: null, reason: null }])
  })

  it('passes the plan dates the request gives, and only those', () => {
    const plan = planStageChange(at('lead'), [], { toStage: 'contacted', happenedOn: on, planSignedOn: '2024-12-01', planStartedOn: null })
    expect(plan.patch).toMatchObject({ planSignedOn: '2024-12-01', planStartedOn: null })
    expect(plan.patch).not.toHaveProperty('planOperatingOn')
  })
})

describe('planStageChange: moving back needs a reason', () => {
  it('one stage back is refused without a reason (issue #17)', () => {
    const plan = planStageChange(at('signed', { signedOn: '2024-03-01' }), [], { toStage: 'negotiating', happenedOn: on })
    expect(plan.reasonRequired).toBe(true)
    expect(plan.refusal).toEqual({ message: '退回到“在谈”阶段请填写原因', field: 'reason' })
    expect(plan.patch).toBeNull()
  })

  it('a blank reason is no reason', () => {
    const plan = planStageChange(at('signed', { signedOn: '2024-03-01' }), [], { toStage: 'negotiating', happenedOn: on, reason: '  ' })
    expect(plan.refusal?.field).toBe('reason')
  })

  it('one stage back with a reason clears the milestones beyond it', () => {
    const project = at('registered', { signedOn: '2024-03-01', registeredOn: '2024-04-01' })
    const plan = planStageChange(project, [], { toStage: 'signed', happenedOn: on, reason: '注册撤回' })
    expect(plan.refusal).toBeUndefined()
    // 签约 was first reached on 03-01: that date stays.
    expect(plan.patch).toMatchObject({ stage: 'signed', signedOn: '2024-03-01', registeredOn: null })
    expect(plan.events[0]!.reason).toBe('注册撤回')
  })

  it('resuming from a side stage below where the project left needs a reason', () => {
    const history: StageStep[] = [{ fromStage: 'started', toStage: 'on_hold' }]
    const project = at('on_hold', { signedOn: '2024-02-01', startedOn: '2024-03-01' })
    expect(mainRank(project, history)).toBe(5)
    const plan = planStageChange(project, history, { toStage: 'signed', happenedOn: on })
    expect(plan.reasonRequired).toBe(true)
    expect(plan.refusal?.field).toBe('reason')
  })

  it('resuming from a side stage where the project left, or beyond, needs none', () => {
    const history: StageStep[] = [{ fromStage: 'started', toStage: 'on_hold' }]
    const project = at('on_hold', { signedOn: '2024-02-01', startedOn: '2024-03-01' })
    const same = planStageChange(project, history, { toStage: 'started', happenedOn: on })
    expect(same.reasonRequired).toBe(false)
    expect(same.patch).toMatchObject({ startedOn: '2024-03-01' })
    expect(planStageChange(project, history, { toStage: 'completed', happenedOn: on }).reasonRequired).toBe(false)
  })

  it('without history a side stage falls back to its latest milestone', () => {
    expect(mainRank(at('lost', { signedOn: '2024-02-01' }), [])).toBe(3)
    expect(mainRank(at('lost'), [])).toBe(-1)
  })
})

describe('planStageChange: side stages', () => {
  it('暂缓, 流失 and 解约 need a reason and leave the milestones alone', () => {
    const project = at('signed', { signedOn: '2024-03-01' })
    for (const toStage of ['on_hold', 'lost', 'terminated'] as const) {
      const refused = planStageChange(project, [], { toStage, happenedOn: on })
      expect(refused.reasonRequired).toBe(true)
      expect(refused.refusal?.field).toBe('reason')
      const plan = planStageChange(project, [], { toStage, happenedOn: on, reason: '资金链断裂' })
      expect(plan.patch).toEqual({ stage: toStage, stageOn: on })
    }
  })

  it('解约 is refused for a project never signed', () => {
    const plan = planStageChange(at('negotiating'), [], { toStage: 'terminated', happenedOn: on, reason: '不谈了' })
    expect(plan.refusal).toEqual({ message: expect.stringContaining('尚未签约，不能解约'), field: 'toStage' })
  })

  it('解约 is allowed below 签约 when a signing milestone says it was signed (the milestone half of the gate, #17)', () => {
    // e.g. a ledger import that recorded 签约 on a project standing at 在谈
    const plan = planStageChange(at('negotiating', { signedOn: '2024-03-01' }), [], { toStage: 'terminated', happenedOn: on, reason: '违约' })
    expect(plan.refusal).toBeUndefined()
  })

  it('解约 is allowed from a side stage that left at 签约 or later, with no milestone', () => {
    const history: StageStep[] = [{ fromStage: 'signed', toStage: 'on_hold' }]
    const plan = planStageChange(at('on_hold'), history, { toStage: 'terminated', happenedOn: on, reason: '违约' })
    expect(plan.refusal).toBeUndefined()
  })

  it('refuses the stage the project is already at', () => {
    expect(planStageChange(at('lead'), [], { toStage: 'lead', happenedOn: on }).refusal).toEqual({ message: '项目已处于“线索”阶段', field: 'toStage' })
  })
})

describe('planStageChange: warnings', () => {
  it('warns about dates that will run backwards, without refusing', () => {
    const history: StageStep[] = [{ fromStage: 'lead', toStage: 'signed', happenedOn: '2024-07-01' }]
    const plan = planStageChange(at('signed', { signedOn: '2024-07-01' }), history, { toStage: 'started', happenedOn: on })
    expect(plan.refusal).toBeUndefined()
    expect(plan.warnings).toEqual(['开工日期（2024-06-01）早于签约日期（2024-07-01）', '转为“开工”的日期（2024-06-01）早于上一阶段“签约”（2024-07-01）'])
  })

  it('has none when the dates run forward', () => {
    expect(planStageChange(at('lead'), [], { toStage: 'signed', happenedOn: on }).warnings).toEqual([])
  })
})
