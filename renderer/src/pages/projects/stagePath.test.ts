// The stage bar's path: jumped-over stages are skipped (not done), and each reached stage carries
// the date of the event the timeline lists for reaching it.
import { describe, expect, it } from 'vitest'
import { type PathProject, stagePath } from './stagePath'

const NO_MILESTONES = { signedOn: null, registeredOn: null, startedOn: null, completedOn: null, operatingOn: null, evaluatedOn: null }

const states = (project: PathProject) => stagePath(project).map((step) => `${step.stage}:${step.state}${step.on ? `@${step.on}` : ''}`)

describe('stagePath', () => {
  it('marks the stages a forward jump went over as skipped, with no date', () => {
    const project: PathProject = {
      stage: 'signed',
      reserveOn: '2024-01-05',
      ...NO_MILESTONES,
      signedOn: '2024-05-10',
      stageEvents: [
        { fromStage: 'lead', toStage: 'contacted', happenedOn: '2024-02-01' },
        { fromStage: 'contacted', toStage: 'signed', happenedOn: '2024-05-10' },
      ],
    }
    expect(states(project).slice(0, 5)).toEqual([
      'lead:done@2024-01-05',
      'contacted:done@2024-02-01',
      'negotiating:skipped',
      'signed:current@2024-05-10',
      'registered:ahead',
    ])
  })

  it('dates a stage reached again after a move back by the arrival from behind, as the milestone rule does', () => {
    const project: PathProject = {
      stage: 'signed',
      reserveOn: '2024-01-05',
      ...NO_MILESTONES,
      signedOn: '2024-09-01',
      stageEvents: [
        { fromStage: 'lead', toStage: 'negotiating', happenedOn: '2024-02-01' },
        { fromStage: 'negotiating', toStage: 'signed', happenedOn: '2024-05-10' },
        { fromStage: 'signed', toStage: 'negotiating', happenedOn: '2024-06-01' },
        { fromStage: 'negotiating', toStage: 'signed', happenedOn: '2024-09-01' },
      ],
    }
    // 在谈 was reached from behind on 02-01; the 06-01 return came from ahead (a move back).
    expect(states(project).slice(0, 4)).toEqual(['lead:done@2024-01-05', 'contacted:skipped', 'negotiating:done@2024-02-01', 'signed:current@2024-09-01'])
  })

  it('keeps the stage a project left for a side stage as where it stands, and the stages it passed as done', () => {
    const project: PathProject = {
      stage: 'on_hold',
      reserveOn: '2024-01-05',
      ...NO_MILESTONES,
      stageEvents: [
        { fromStage: 'lead', toStage: 'contacted', happenedOn: '2024-02-01' },
        { fromStage: 'contacted', toStage: 'negotiating', happenedOn: '2024-03-01' },
        { fromStage: 'negotiating', toStage: 'on_hold', happenedOn: '2024-04-01' },
      ],
    }
    expect(states(project).slice(0, 4)).toEqual([
      'lead:done@2024-01-05',
      'contacted:done@2024-02-01',
      'negotiating:current@2024-03-01',
      'signed:ahead',
    ])
  })

  it('counts a stage a project was entered in (first event, no from) as reached, and the ones before as skipped', () => {
    const project: PathProject = {
      stage: 'negotiating',
      reserveOn: '2024-03-01',
      ...NO_MILESTONES,
      stageEvents: [{ fromStage: null, toStage: 'negotiating', happenedOn: '2024-03-01' }],
    }
    expect(states(project).slice(0, 3)).toEqual(['lead:done@2024-03-01', 'contacted:skipped', 'negotiating:current@2024-03-01'])
  })
})
