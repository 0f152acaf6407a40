// What the stage-change dialog asks (renderer/src/pages/projects/stageRules.ts) must match what the
// API refuses (db/domain/stage-transition.ts): a dialog that does not ask for a reason the API
// requires makes the user fill the form twice.
import { describe, expect, it } from 'vitest'
import type { StageProject } from '../../db/domain/stage-transition'
import { needsReason } from '../../renderer/src/pages/projects/stageRules'

const none = { signedOn: null, registeredOn: null, startedOn: null, completedOn: null, operatingOn: null, evaluatedOn: null }
const paused: StageProject = { stage: 'on_hold', ...none, signedOn: '2024-02-01', startedOn: '2024-03-01' }
const leftAtStarted = [
  { fromStage: null, toStage: 'signed' as const },
  { fromStage: 'signed' as const, toStage: 'started' as const },
  { fromStage: 'started' as const, toStage: 'on_hold' as const },
]

describe('the stage dialog asks for a reason', () => {
  it('when a project goes back from a side stage behind where it left (the board: stage only)', () => {
    expect(needsReason('on_hold', 'signed')).toBe(true)
    expect(needsReason('lost', 'negotiating')).toBe(true)
  })

  it('when a project goes back from a side stage behind where it left (the detail: with history)', () => {
    expect(needsReason('on_hold', 'signed', { project: paused, stageEvents: leftAtStarted })).toBe(true)
  })

  it('not when it resumes where it left or beyond, once the history says where that was', () => {
    expect(needsReason('on_hold', 'started', { project: paused, stageEvents: leftAtStarted })).toBe(false)
    expect(needsReason('on_hold', 'completed', { project: paused, stageEvents: leftAtStarted })).toBe(false)
  })

  it('when moving back one stage on the main path, and for every side stage', () => {
    expect(needsReason('negotiating', 'contacted')).toBe(true)
    for (const side of ['on_hold', 'lost', 'terminated'] as const) expect(needsReason('lead', side)).toBe(true)
  })

  it('not for a forward move, nor before a stage is chosen', () => {
    expect(needsReason('lead', 'contacted')).toBe(false)
    expect(needsReason('lead', undefined)).toBe(false)
  })
})
