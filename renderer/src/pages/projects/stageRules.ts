// When a stage change must say why: asked of the same module the API applies
// (db/domain/stage-transition.ts), before the user submits.
import type { StageEvent } from '../../../../db/schema'
import { type StageProject, reasonRequired } from '../../../../db/domain/stage-transition'
import { type Stage, isMainStage } from '../../../../db/domain/stages'

/** What the detail page knows of a project: its milestones and its stage events, oldest first. */
export interface StageHistory {
  project: StageProject
  stageEvents: ReadonlyArray<Pick<StageEvent, 'fromStage' | 'toStage'>>
}

/**
 * Whether the dialog asks for a reason. With the history the answer is the API's own. Without it
 * (the board knows only the stage) a move from a side stage back onto the main path may go behind
 * where the project left, which the API refuses without a reason: the dialog asks, to be safe.
 */
export function needsReason(from: Stage, to: Stage | undefined, history?: StageHistory): boolean {
  if (!to) return false
  if (history) return reasonRequired({ ...history.project, stage: from }, [...history.stageEvents].reverse(), to)
  const unknownPlace = !isMainStage(from) && isMainStage(to)
  return unknownPlace || reasonRequired({ stage: from, ...NO_MILESTONES }, [], to)
}

const NO_MILESTONES = { signedOn: null, registeredOn: null, startedOn: null, completedOn: null, operatingOn: null, evaluatedOn: null }
