// Moving a project along its stages. One transaction writes the stage event, the project's stage
// and milestone dates, and their journal entries.
//
// Milestones (signedOn … evaluatedOn) describe the project's current path, so that lists and
// reports count what is true now; stage_event keeps the whole history:
// - a forward move sets the reached stage's milestone to the event date; skipped stages stay empty;
// - a move back clears the milestones beyond the new stage, and keeps the reached stage's own date
//   when it is known (that is when it was first reached); resuming from a side stage does the same;
// - side stages (暂缓, 流失, 解约) leave the milestones alone: they show where the project stopped.
// Dates that run backwards are warnings in the answer (ProjectDetail.warnings), never refusals.
import { type Ctx, inTransaction } from '../context'
import { AppError } from '../domain/errors'
import { MILESTONE_COLUMN, type ProjectDetail, type ProjectStageChange, REASON_STAGES, hasBeenSigned } from '../domain/project'
import { MAIN_STAGES, STAGE_LABELS, type Stage, isMainStage, stageRank } from '../domain/stages'
import type { Project, StageEvent } from '../schema'
import { WHAT, getProject, refuseFutureDate } from './projects'
import { getLive, insertRecord, updateRecord } from './records'

const refuse = (message: string, field = 'toStage') => new AppError('validation', message, { field })

type Step = Pick<StageEvent, 'fromStage' | 'toStage'>

/**
 * Where the project stands on the main path: its stage, or for a side stage the main stage it
 * left from (latest events first). -1 when it never was on the main path.
 */
export function mainRank(project: Project, latestFirst: readonly Step[]): number {
  if (isMainStage(project.stage)) return stageRank(project.stage)
  for (const step of latestFirst) {
    if (isMainStage(step.toStage)) return stageRank(step.toStage)
    if (step.fromStage && isMainStage(step.fromStage)) return stageRank(step.fromStage)
  }
  let rank = -1
  for (const stage of MAIN_STAGES) if (MILESTONE_COLUMN[stage] && project[MILESTONE_COLUMN[stage]] !== null) rank = stageRank(stage)
  return rank
}

function assertAllowed(project: Project, from: number, change: ProjectStageChange): void {
  const { toStage, reason } = change
  const label = STAGE_LABELS[toStage]
  if (toStage === project.stage) throw refuse(`项目已处于“${label}”阶段`)
  if (REASON_STAGES.includes(toStage) && !reason) throw refuse(`转为“${label}”请填写原因`, 'reason')
  if (toStage === 'terminated' && !hasBeenSigned(project) && from < stageRank('signed')) {
    throw refuse('项目尚未签约，不能解约；未签约而不再推进的项目请选择“流失”')
  }
  if (isMainStage(toStage) && stageRank(toStage) < from && !reason) {
    throw refuse(`退回到“${label}”阶段请填写原因`, 'reason')
  }
}

function milestones(project: Project, from: number, toStage: Stage, on: string): Record<string, string | null> {
  if (!isMainStage(toStage)) return {}
  const rank = stageRank(toStage)
  const patch: Record<string, string | null> = {}
  for (const stage of MAIN_STAGES) {
    const column = MILESTONE_COLUMN[stage]
    if (column && stageRank(stage) > rank) patch[column] = null
  }
  const own = MILESTONE_COLUMN[toStage]
  if (own) patch[own] = rank > from || project[own] === null ? on : project[own]
  return patch
}

export async function changeStage(ctx: Ctx, change: ProjectStageChange): Promise<ProjectDetail> {
  const { id, toStage, happenedOn, note, reason, planSignedOn, planStartedOn, planOperatingOn } = change
  refuseFutureDate(ctx, happenedOn)
  await inTransaction(ctx, async (trx) => {
    const project = (await getLive(trx, 'project', id, WHAT)) as unknown as Project
    const latestFirst = await trx
      .selectFrom('stageEvent')
      .select(['fromStage', 'toStage'])
      .where('projectId', '=', id)
      .where('deletedAt', 'is', null)
      .orderBy('id', 'desc')
      .execute()
    const from = mainRank(project, latestFirst)
    assertAllowed(project, from, change)
    await insertRecord(trx, ctx, 'stageEvent', { projectId: id, fromStage: project.stage, toStage, happenedOn, note, reason })
    const plans = Object.fromEntries(
      Object.entries({ planSignedOn, planStartedOn, planOperatingOn }).filter(([, value]) => value !== undefined),
    )
    const patch = { stage: toStage, stageOn: happenedOn, ...milestones(project, from, toStage, happenedOn), ...plans }
    await updateRecord(trx, ctx, 'project', id, patch, WHAT)
  })
  return getProject(ctx, id)
}
