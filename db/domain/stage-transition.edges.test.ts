// The stage rules at their edges, one rule per test (issue 17: each of these let a mutant of
// stage-transition.ts live — the rule held only by accident of the other tests' fixtures).
import { describe, expect, it } from 'vitest'
import type { MilestoneColumn } from './project'
import { type StageProject, type StageStep, mainRank, planStageChange, reasonRequired } from './stage-transition'

const none: Record<MilestoneColumn, string | null> = { signedOn: null, registeredOn: null, startedOn: null, completedOn: null, operatingOn: null, evaluatedOn: null }
const at = (stage: StageProject['stage'], milestones: Partial<typeof none> = {}, reserveOn: string | null = '2024-01-01'): StageProject => ({
  stage,
  reserveOn,
  ...none,
  ...milestones,
})
const on = '2024-06-01'

describe('mainRank: where a project on a side stage left the main path', () => {
  it('is the main stage the latest event went to', () => {
    // a 签约 event with no later side-stage event on file (e.g. that event was deleted)
    expect(mainRank(at('lost'), [{ fromStage: 'negotiating', toStage: 'signed' }])).toBe(3)
  })

  it('skips side-to-side moves and finds the main stage it left from', () => {
    const history: StageStep[] = [
      { fromStage: 'on_hold', toStage: 'lost' },
      { fromStage: 'started', toStage: 'on_hold' },
    ]
    expect(mainRank(at('lost'), history)).toBe(5)
  })

  it('without a history is its latest milestone, not its first', () => {
    expect(mainRank(at('on_hold', { signedOn: '2024-02-01', startedOn: '2024-03-01' }), [])).toBe(5)
  })

  it('is the project\'s own stage on the main path, whatever the history says', () => {
    expect(mainRank(at('registered'), [{ fromStage: 'started', toStage: 'on_hold' }])).toBe(4)
  })
})

describe('reasonRequired', () => {
  it('asks none for a forward move, and asks one for a side stage', () => {
    expect(reasonRequired(at('lead'), [], 'contacted')).toBe(false)
    expect(reasonRequired(at('evaluated'), [], 'on_hold')).toBe(true)
  })
})

describe('planStageChange: the milestone of a forward move', () => {
  it('is dated by the move even when an older date is on file', () => {
    // an import recorded 签约 on 03-01 for a project still at 在谈; the move on 06-01 is the signing
    const plan = planStageChange(at('negotiating', { signedOn: '2024-03-01' }), [], { toStage: 'signed', happenedOn: on })
    expect(plan.patch).toMatchObject({ signedOn: on })
  })

  it('writes no milestone for a stage that has none', () => {
    const plan = planStageChange(at('lead'), [], { toStage: 'negotiating', happenedOn: on })
    expect(plan.patch).toEqual({ stage: 'negotiating', stageOn: on, signedOn: null, registeredOn: null, startedOn: null, completedOn: null, operatingOn: null, evaluatedOn: null })
    expect(Object.keys(plan.patch!)).not.toContain('undefined')
  })
})

describe('planStageChange: the milestone of the stage moved back to', () => {
  it('takes the move\'s date when the stage was never dated', () => {
    // registered without a signing date (a ledger import can leave that): back to 签约
    const plan = planStageChange(at('registered', { registeredOn: '2024-04-01' }), [], { toStage: 'signed', happenedOn: on, reason: '注册撤回' })
    expect(plan.patch).toEqual({ stage: 'signed', stageOn: on, signedOn: on, registeredOn: null, startedOn: null, completedOn: null, operatingOn: null, evaluatedOn: null })
  })

  it('clears every milestone beyond a stage that has none of its own', () => {
    const plan = planStageChange(at('signed', { signedOn: '2024-03-01' }), [], { toStage: 'negotiating', happenedOn: on, reason: '协议作废' })
    expect(plan.patch).toEqual({ stage: 'negotiating', stageOn: on, signedOn: null, registeredOn: null, startedOn: null, completedOn: null, operatingOn: null, evaluatedOn: null })
  })
})

describe('planStageChange: 解约 gate', () => {
  it('allows 解约 at 签约 itself, without a milestone', () => {
    expect(planStageChange(at('signed'), [], { toStage: 'terminated', happenedOn: on, reason: '违约' }).refusal).toBeUndefined()
  })

  it('asks for the reason first when 解约 has neither reason nor signing', () => {
    expect(planStageChange(at('lead'), [], { toStage: 'terminated', happenedOn: on }).refusal?.field).toBe('reason')
  })

  it('a refused change writes nothing and warns of nothing', () => {
    expect(planStageChange(at('lead'), [], { toStage: 'terminated', happenedOn: on, reason: '不谈了' })).toEqual({
      reasonRequired: true,
      warnings: [],
      refusal: { message: expect.stringContaining('不能解约'), field: 'toStage' },
      patch: null,
      events: [],
    })
  })
})

describe('planStageChange: the event it writes', () => {
  it('keeps the note, and the reason only when it says something', () => {
    const plan = planStageChange(at('lead'), [], { toStage: 'contacted', happenedOn: on, note: '首次拜访', reason: '  ' })
    expect(plan.events).toEqual([{ fromStage: 'lead', toStage: 'contacted', happenedOn: on, note: '首次拜访', reason: null }])
    const withReason = planStageChange(at('lead'), [], { toStage: 'contacted', happenedOn: on, reason: '客商来访' })
    expect(withReason.events[0]!.reason).toBe('客商来访')
  })
})

describe('planStageChange: date warnings', () => {
  it('compares the new milestone with the project\'s 入库 date', () => {
    const plan = planStageChange(at('negotiating', {}, '2024-08-01'), [], { toStage: 'signed', happenedOn: on })
    expect(plan.warnings).toEqual(['签约日期（2024-06-01）早于入库日期（2024-08-01）'])
  })

  it('has no 入库 warning when the 入库 date is unknown', () => {
    expect(planStageChange(at('negotiating', {}, null), [], { toStage: 'signed', happenedOn: on }).warnings).toEqual([])
  })

  it('reads the history oldest first (it is given latest first)', () => {
    const history: StageStep[] = [
      { fromStage: 'signed', toStage: 'started', happenedOn: '2024-03-01' },
      { fromStage: 'lead', toStage: 'signed', happenedOn: '2024-02-01' },
    ]
    const plan = planStageChange(at('started', { signedOn: '2024-02-01', startedOn: '2024-03-01' }), history, { toStage: 'completed', happenedOn: '2024-04-01' })
    expect(plan.warnings).toEqual([])
  })

  it('compares dated steps across an undated one (the undated step is left out, not a gap)', () => {
    const history: StageStep[] = [
      { fromStage: 'negotiating', toStage: 'signed', happenedOn: '2024-03-01' },
      { fromStage: 'lead', toStage: 'negotiating' },
      { fromStage: null, toStage: 'lead', happenedOn: '2024-05-01' },
    ]
    const plan = planStageChange(at('signed', { signedOn: '2024-03-01' }), history, { toStage: 'started', happenedOn: on })
    expect(plan.warnings).toEqual(['转为“签约”的日期（2024-03-01）早于上一阶段“线索”（2024-05-01）'])
  })
})
