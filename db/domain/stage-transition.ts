// The one place that decides what a stage change does (issue #14). Pure: the stage service, the
// ledger import and the renderer's stage dialog all ask it, so the rules cannot drift apart.
//
// Milestones (signedOn … evaluatedOn) describe the project's current path, so that lists and
// reports count what is true now; stage events keep the whole history:
// - a forward move sets the reached stage's milestone to the event date; skipped stages stay empty;
// - a move back clears the milestones beyond the new stage, and keeps the reached stage's own date
//   when it is known (that is when it was first reached); resuming from a side stage does the same;
// - side stages (暂缓, 流失, 解约) leave the milestones alone: they show where the project stopped.
// A reason is required for a side stage and for any move back along the main path (one stage back
// included), also when the move starts from a side stage: the history says where the project left.
// 解约 needs a signing: a milestone from signing on, or a main-path position at or beyond 签约.
// Dates that run backwards are warnings, never refusals: real ledgers have them.
import type { Project, StageEvent } from '../schema'
import { MILESTONE_COLUMN, type MilestoneColumn, REASON_STAGES, dateWarnings, hasBeenSigned } from './project'
import { MAIN_STAGES, STAGE_LABELS, type Stage, isMainStage, stageRank } from './stages'

/** What the rules need to know of the project. reserveOn only feeds the date warnings. */
export type StageProject = Pick<Project, 'stage' | MilestoneColumn> & { reserveOn?: string | null }

/** One recorded stage event; happenedOn only feeds the date warnings. */
export type StageStep = Pick<StageEvent, 'fromStage' | 'toStage'> & { happenedOn?: string }

export type PlanColumn = 'planSignedOn' | 'planStartedOn' | 'planOperatingOn'

export interface StageChangeRequest extends Partial<Record<PlanColumn, string | null>> {
  toStage: Stage
  happenedOn: string
  reason?: string | null
  note?: string | null
}

/** The project columns the change writes. Plan dates only when the request gives them. */
export type StagePatch = { stage: Stage; stageOn: string } & Partial<Record<MilestoneColumn | PlanColumn, string | null>>

export interface StageEventWrite {
  fromStage: Stage
  toStage: Stage
  happenedOn: string
  note: string | null
  reason: string | null
}

export interface StageRefusal {
  /** Plain Chinese: what is wrong and what to do. */
  message: string
  field: 'toStage' | 'reason'
}

interface PlanCommon {
  /** Whether this change needs a reason at all (asked before the user submits). */
  reasonRequired: boolean
  /** Dates that will run backwards once the change is written (the project's, not only new ones). */
  warnings: string[]
}

export type StagePlan = PlanCommon &
  ({ refusal: StageRefusal; patch: null; events: [] } | { refusal?: undefined; patch: StagePatch; events: StageEventWrite[] })

/**
 * Where the project stands on the main path: its stage, or for a side stage the main stage it
 * left from (latest events first), else its latest milestone. -1 when it never was on the path.
 */
export function mainRank(project: StageProject, latestFirst: readonly StageStep[]): number {
  if (isMainStage(project.stage)) return stageRank(project.stage)
  for (const step of latestFirst) {
    if (isMainStage(step.toStage)) return stageRank(step.toStage)
    if (step.fromStage && isMainStage(step.fromStage)) return stageRank(step.fromStage)
  }
  let rank = -1
  for (const stage of MAIN_STAGES) {
    const column = MILESTONE_COLUMN[stage]
    if (column && project[column] !== null) rank = stageRank(stage)
  }
  return rank
}

/** Whether moving to `toStage` must say why. */
export function reasonRequired(project: StageProject, latestFirst: readonly StageStep[], toStage: Stage): boolean {
  if (REASON_STAGES.includes(toStage)) return true
  return isMainStage(toStage) && stageRank(toStage) < mainRank(project, latestFirst)
}

function refusalOf(project: StageProject, from: number, change: StageChangeRequest, needsReason: boolean): StageRefusal | undefined {
  const { toStage } = change
  const label = STAGE_LABELS[toStage]
  const hasReason = !!change.reason?.trim()
  if (toStage === project.stage) return { message: `项目已处于“${label}”阶段`, field: 'toStage' }
  if (REASON_STAGES.includes(toStage) && !hasReason) return { message: `转为“${label}”请填写原因`, field: 'reason' }
  if (toStage === 'terminated' && !hasBeenSigned(project) && from < stageRank('signed')) {
    return { message: '项目尚未签约，不能解约；未签约而不再推进的项目请选择“流失”', field: 'toStage' }
  }
  if (needsReason && !hasReason) return { message: `退回到“${label}”阶段请填写原因`, field: 'reason' }
  return undefined
}

function milestones(project: StageProject, from: number, toStage: Stage, on: string): Partial<Record<MilestoneColumn, string | null>> {
  if (!isMainStage(toStage)) return {}
  const rank = stageRank(toStage)
  const patch: Partial<Record<MilestoneColumn, string | null>> = {}
  for (const stage of MAIN_STAGES) {
    const column = MILESTONE_COLUMN[stage]
    if (column && stageRank(stage) > rank) patch[column] = null
  }
  const own = MILESTONE_COLUMN[toStage]
  if (own) patch[own] = rank > from || project[own] === null ? on : project[own]
  return patch
}

/** What a requested stage change writes, or why it is refused. */
export function planStageChange(project: StageProject, latestFirst: readonly StageStep[], change: StageChangeRequest): StagePlan {
  const from = mainRank(project, latestFirst)
  const needsReason = reasonRequired(project, latestFirst, change.toStage)
  const refusal = refusalOf(project, from, change, needsReason)
  if (refusal) return { reasonRequired: needsReason, warnings: [], refusal, patch: null, events: [] }

  const { toStage, happenedOn } = change
  const plans: Partial<Record<PlanColumn, string | null>> = {}
  for (const column of ['planSignedOn', 'planStartedOn', 'planOperatingOn'] as const) {
    if (change[column] !== undefined) plans[column] = change[column]
  }
  const patch: StagePatch = { stage: toStage, stageOn: happenedOn, ...milestones(project, from, toStage, happenedOn), ...plans }
  const event: StageEventWrite = {
    fromStage: project.stage,
    toStage,
    happenedOn,
    note: change.note ?? null,
    reason: change.reason?.trim() ? change.reason : null,
  }
  const after = { reserveOn: project.reserveOn ?? null, ...pickMilestones(project), ...patch }
  const dated = [...latestFirst]
    .reverse()
    .filter((step): step is StageStep & { happenedOn: string } => step.happenedOn !== undefined)
  const warnings = dateWarnings(after, [...dated, event])
  return { reasonRequired: needsReason, warnings, patch, events: [event] }
}

function pickMilestones(project: StageProject): Record<MilestoneColumn, string | null> {
  const picked = {} as Record<MilestoneColumn, string | null>
  for (const column of Object.values(MILESTONE_COLUMN)) picked[column] = project[column]
  return picked
}
