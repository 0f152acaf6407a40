// When a stage change must say why: the same rule the API applies, asked before the user submits.
import { REASON_STAGES } from '../../../../db/domain/project'
import { type Stage, isMainStage, stageRank } from '../../../../db/domain/stages'

export function needsReason(from: Stage, to: Stage | undefined): boolean {
  if (!to) return false
  if (REASON_STAGES.includes(to)) return true
  return isMainStage(from) && isMainStage(to) && stageRank(to) < stageRank(from)
}
