// The rules of a ledger row's stage path (stage-path.ts), each named in a test's title: a row's
// stage change is the steps the stage dialog would record one by one, so the import leaves the
// same stage events and milestone dates as a hand-made change (issue 17: mutation testing).
import { describe, expect, it } from 'vitest'
import type { StageProject, StageStep } from '../domain/stage-transition'
import { StagePath } from './stage-path'

const REASON = '台账导入：暂缓'
const NONE = { signedOn: null, registeredOn: null, startedOn: null, completedOn: null, operatingOn: null, evaluatedOn: null }
const project = (facts: Partial<StageProject> & Pick<StageProject, 'stage'>): StageProject => ({ ...NONE, ...facts })

describe('a project the import creates', () => {
  it('its first stage is reached from no stage, with the stage date and its own milestone date', () => {
    const path = new StagePath(null, [], REASON)
    expect(path.step('signed', '2024-03-01')).toBeNull()
    expect(path.events).toEqual([{ fromStage: null, toStage: 'signed', happenedOn: '2024-03-01', reason: null, note: null }])
    expect(path.patch).toEqual({ stage: 'signed', stageOn: '2024-03-01', signedOn: '2024-03-01' })
  })

  it('a first stage before 签约 has no milestone column: only the stage and its date are written', () => {
    const path = new StagePath(null, [], REASON)
    expect(path.step('negotiating', '2024-02-01', '推定')).toBeNull()
    expect(path.patch).toEqual({ stage: 'negotiating', stageOn: '2024-02-01' })
    expect(path.events).toEqual([{ fromStage: null, toStage: 'negotiating', happenedOn: '2024-02-01', reason: null, note: '推定' }])
  })

  it('a first stage that is a side stage carries the import reason; a main stage none', () => {
    const path = new StagePath(null, [], REASON)
    expect(path.needsReason('on_hold')).toBe(true)
    expect(path.needsReason('lost')).toBe(true)
    expect(path.needsReason('negotiating')).toBe(false)
    expect(path.step('on_hold', '2024-02-01')).toBeNull()
    expect(path.events[0]).toMatchObject({ fromStage: null, toStage: 'on_hold', reason: REASON })
    expect(path.patch).toEqual({ stage: 'on_hold', stageOn: '2024-02-01' })
  })

  it('the next steps follow the stage rule from the first: each starts where the last ended, milestones accumulate', () => {
    const path = new StagePath(null, [], REASON)
    path.step('signed', '2024-03-01')
    path.step('registered', '2024-04-01')
    expect(path.step('started', '2024-05-01')).toBeNull()
    expect(path.events.map((e) => [e.fromStage, e.toStage, e.reason])).toEqual([
      [null, 'signed', null],
      ['signed', 'registered', null],
      ['registered', 'started', null],
    ])
    expect(path.patch).toEqual({
      stage: 'started',
      stageOn: '2024-05-01',
      signedOn: '2024-03-01',
      registeredOn: '2024-04-01',
      startedOn: '2024-05-01',
      completedOn: null,
      operatingOn: null,
      evaluatedOn: null,
    })
  })

  it('a project created before 签约 has no signing on file, so 解约 is refused and nothing is written', () => {
    const path = new StagePath(null, [], REASON)
    path.step('negotiating', '2024-02-01')
    const refusal = path.step('terminated', '2024-06-01')
    expect(refusal).toContain('尚未签约')
    expect(path.events).toHaveLength(1)
    expect(path.patch).toEqual({ stage: 'negotiating', stageOn: '2024-02-01' })
  })

  it('the steps taken count as history: leaving 暂缓 for a stage before the one it left from needs the reason', () => {
    // 在谈 has no milestone column: only the recorded step says where the project stood
    const path = new StagePath(null, [], REASON)
    path.step('negotiating', '2024-02-01')
    path.step('on_hold', '2024-03-01')
    expect(path.needsReason('contacted')).toBe(true)
    expect(path.needsReason('signed')).toBe(false)
    path.step('contacted', '2024-04-01')
    expect(path.events[2]).toMatchObject({ fromStage: 'on_hold', toStage: 'contacted', reason: REASON })
  })

  it('resuming 签约 after 暂缓 keeps the first signing date (it was reached then)', () => {
    const path = new StagePath(null, [], REASON)
    path.step('signed', '2024-03-01')
    path.step('on_hold', '2024-04-01')
    expect(path.step('signed', '2024-06-01')).toBeNull()
    expect(path.patch).toMatchObject({ stage: 'signed', stageOn: '2024-06-01', signedOn: '2024-03-01' })
  })
})

describe('a project already on file', () => {
  it('starts from its stage and milestones: a move back clears the later milestones and carries the import reason', () => {
    const path = new StagePath(project({ stage: 'started', signedOn: '2024-01-10', registeredOn: '2024-02-10', startedOn: '2024-03-10' }), [], REASON)
    expect(path.needsReason('signed')).toBe(true)
    expect(path.step('signed', '2024-05-01')).toBeNull()
    expect(path.events).toEqual([{ fromStage: 'started', toStage: 'signed', happenedOn: '2024-05-01', reason: REASON, note: null }])
    expect(path.patch).toMatchObject({ stage: 'signed', stageOn: '2024-05-01', signedOn: '2024-01-10', registeredOn: null, startedOn: null })
  })

  it('its signing date on file allows 解约 whatever stage it shows', () => {
    const path = new StagePath(project({ stage: 'negotiating', signedOn: '2024-01-10' }), [], REASON)
    expect(path.step('terminated', '2024-05-01')).toBeNull()
    expect(path.events[0]).toMatchObject({ fromStage: 'negotiating', toStage: 'terminated', reason: REASON })
  })

  it('its recorded history counts: back from 暂缓 to before where it left needs the reason; the caller\'s list is not changed', () => {
    const history: StageStep[] = [{ fromStage: 'negotiating', toStage: 'on_hold' }]
    const path = new StagePath(project({ stage: 'on_hold' }), history, REASON)
    expect(path.needsReason('contacted')).toBe(true)
    expect(path.needsReason('negotiating')).toBe(false)
    path.step('negotiating', '2024-05-01')
    expect(history).toEqual([{ fromStage: 'negotiating', toStage: 'on_hold' }])
  })

  it('a refused step changes nothing, and the next step still starts from where the project stands', () => {
    const path = new StagePath(project({ stage: 'contacted' }), [], REASON)
    expect(path.step('contacted', '2024-05-01')).toContain('已处于')
    expect(path.events).toEqual([])
    expect(path.patch).toEqual({})
    expect(path.step('negotiating', '2024-05-02')).toBeNull()
    expect(path.events).toEqual([{ fromStage: 'contacted', toStage: 'negotiating', happenedOn: '2024-05-02', reason: null, note: null }])
  })
})
