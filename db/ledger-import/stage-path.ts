// A ledger row's stage change as steps of the one stage rule (db/domain/stage-transition.ts): each
// step is the change the stage service would record had the user made it in the stage dialog, so
// an import and a hand-made change leave the same stage events and milestone dates behind.
import { MILESTONE_COLUMN, MILESTONE_COLUMNS, type MilestoneColumn, REASON_STAGES } from '../domain/project'
import { type StagePatch, type StageProject, type StageStep, planStageChange, reasonRequired } from '../domain/stage-transition'
import { type Stage, isMainStage } from '../domain/stages'

export interface EventWrite {
  fromStage: Stage | null
  toStage: Stage
  happenedOn: string
  reason: string | null
  /** Set when the date is inferred (the ledger gives none): INFERRED_NOTE. */
  note?: string | null
}

export type StagePathPatch = Partial<Omit<StagePatch, 'stage' | 'stageOn'>> & { stage?: Stage; stageOn?: string }

export class StagePath {
  readonly events: EventWrite[] = []
  /** The project columns the steps wrote; a later step's value wins. */
  readonly patch: StagePathPatch = {}
  private state: StageProject | null
  private readonly latestFirst: StageStep[]

  /**
   * `project` null for a project the import creates. `importReason` is the reason written when the
   * rule requires one (a ledger has no reason column: the ledger itself is the reason).
   */
  constructor(
    project: StageProject | null,
    latestFirst: readonly StageStep[],
    private readonly importReason: string,
  ) {
    this.state = project && { stage: project.stage, ...pickMilestones(project) }
    this.latestFirst = [...latestFirst]
  }

  /** Whether the rule asks a reason for moving on to `toStage` (a move back, a side stage). */
  needsReason(toStage: Stage): boolean {
    return this.state ? reasonRequired(this.state, this.latestFirst, toStage) : REASON_STAGES.includes(toStage)
  }

  /** One step; returns the rule's refusal message (and changes nothing) when it refuses. */
  step(toStage: Stage, happenedOn: string, note: string | null = null): string | null {
    const reason = this.needsReason(toStage) ? this.importReason : null
    if (!this.state) {
      // a new project: as createProject records it, its first stage is reached from nowhere
      const own = isMainStage(toStage) ? MILESTONE_COLUMN[toStage] : undefined
      const patch: StagePathPatch = { stage: toStage, stageOn: happenedOn, ...(own ? { [own]: happenedOn } : {}) }
      this.state = { stage: toStage, ...emptyMilestones(), ...(own ? { [own]: happenedOn } : {}) }
      this.record({ fromStage: null, toStage, happenedOn, reason, note }, patch)
      return null
    }
    const plan = planStageChange(this.state, this.latestFirst, { toStage, happenedOn, reason, note })
    if (plan.refusal) return plan.refusal.message
    this.state = { ...this.state, ...plan.patch }
    for (const event of plan.events) this.record(event, plan.patch)
    return null
  }

  private record(event: EventWrite, patch: StagePathPatch): void {
    this.events.push(event)
    this.latestFirst.unshift({ fromStage: event.fromStage, toStage: event.toStage, happenedOn: event.happenedOn })
    Object.assign(this.patch, patch)
  }
}

function emptyMilestones(): Record<MilestoneColumn, string | null> {
  return Object.fromEntries(MILESTONE_COLUMNS.map((column) => [column, null])) as Record<MilestoneColumn, string | null>
}

function pickMilestones(project: StageProject): Record<MilestoneColumn, string | null> {
  return Object.fromEntries(MILESTONE_COLUMNS.map((column) => [column, project[column]])) as Record<MilestoneColumn, string | null>
}
