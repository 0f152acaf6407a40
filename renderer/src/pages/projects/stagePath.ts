// The project's main path as the stage bar draws it, from the same facts the timeline lists, so the
// two cannot tell different stories. Pure, so the rules are tested without a browser.
//
// A stage behind the current one is "done" when the project is known to have been there: it is
// entered (线索 by its 入库日期 reserveOn), has its milestone, or a stage event moved into or out of
// it. Otherwise the project jumped over it (planStageChange allows forward jumps and leaves the
// skipped milestones empty): "skipped", never drawn as done.
//
// The date of a done stage is the one the timeline shows for reaching it: the milestone, which
// planStageChange sets to the date of the latest forward arrival; for 接洽 and 在谈 (no milestone
// column) the latest such arrival event; for 线索 the 入库日期, which the timeline's 项目入库 uses.
import { MILESTONE_COLUMN, type MilestoneColumn } from '../../../../db/domain/project'
import { type StageStep, mainRank } from '../../../../db/domain/stage-transition'
import { MAIN_STAGES, type MainStage, type Stage, isMainStage, stageRank } from '../../../../db/domain/stages'

export type PathState = 'done' | 'skipped' | 'current' | 'ahead'

export interface PathStep {
  stage: MainStage
  state: PathState
  /** When it was reached (YYYY-MM-DD), for done and current stages; null when no record says. */
  on: string | null
}

export type PathProject = { stage: Stage; reserveOn: string | null } & Record<MilestoneColumn, string | null> & {
    /** Oldest first, as the project detail gives them. */
    stageEvents: ReadonlyArray<StageStep & { happenedOn: string }>
  }

/** An event that moved forward into `stage` (a first event, or from an earlier main stage). */
function arrivesFromBehind(event: StageStep, stage: MainStage): boolean {
  if (event.toStage !== stage) return false
  return event.fromStage === null || !isMainStage(event.fromStage) || stageRank(event.fromStage) < stageRank(stage)
}

function reachedOn(project: PathProject, stage: MainStage): string | null {
  if (stage === 'lead') return project.reserveOn
  const column = MILESTONE_COLUMN[stage]
  if (column && project[column]) return project[column]
  const latestFirst = [...project.stageEvents].reverse()
  const arrival = latestFirst.find((event) => arrivesFromBehind(event, stage)) ?? latestFirst.find((event) => event.toStage === stage)
  return arrival?.happenedOn ?? null
}

function wasThere(project: PathProject, stage: MainStage): boolean {
  if (stage === 'lead' && project.reserveOn) return true
  const column = MILESTONE_COLUMN[stage]
  if (column && project[column]) return true
  return project.stageEvents.some((event) => event.toStage === stage || event.fromStage === stage)
}

export function stagePath(project: PathProject): PathStep[] {
  const rank = mainRank(project, [...project.stageEvents].reverse())
  return MAIN_STAGES.map((stage, index) => {
    if (index > rank) return { stage, state: 'ahead', on: null }
    if (index === rank) return { stage, state: 'current', on: reachedOn(project, stage) }
    return wasThere(project, stage) ? { stage, state: 'done', on: reachedOn(project, stage) } : { stage, state: 'skipped', on: null }
  })
}
