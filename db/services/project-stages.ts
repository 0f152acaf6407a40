// Moving a project along its stages. The rules live in db/domain/stage-transition.ts; this file
// reads what they need and writes their plan in one transaction: the stage event, the project's
// stage and milestone dates, and their journal entries; with a change to 签约, its agreement too.
import { type Ctx, type Trx, inTransaction } from '../context'
import { AppError } from '../domain/errors'
import type { ProjectStageChange, StageChangeResult } from '../domain/project'
import { type StageEventWrite, planStageChange } from '../domain/stage-transition'
import type { Stage } from '../domain/stages'
import { insertAgreement } from './agreements'
import { WHAT, getProject, refuseFutureDate } from './projects'
import { getLive, insertRecords, updateRecord } from './records'

export async function changeStage(ctx: Ctx, { agreement, ...change }: ProjectStageChange): Promise<StageChangeResult> {
  const { id } = change
  refuseFutureDate(ctx, change.happenedOn)
  const agreementId = await inTransaction(ctx, async (trx) => {
    const project = await getLive(trx, 'project', id, WHAT)
    const latestFirst = await trx
      .selectFrom('stageEvent')
      .select(['fromStage', 'toStage'])
      .where('projectId', '=', id)
      .where('deletedAt', 'is', null)
      .orderBy('id', 'desc')
      .execute()
    const plan = planStageChange(project, latestFirst, change)
    if (plan.refusal) throw new AppError('validation', plan.refusal.message, { field: plan.refusal.field })
    await recordStageEvents(trx, ctx, id, plan.events)
    await updateRecord(trx, ctx, 'project', id, plan.patch, WHAT)
    return agreement ? insertAgreement(trx, ctx, { ...agreement, projectId: id, signedOn: change.happenedOn }) : null
  })
  return { ...(await getProject(ctx, id)), agreementId }
}

/**
 * Writes the stage events a plan of the stage rule made, in order; the ledger import writes its
 * rows' events through here too. Returns their ids.
 */
export async function recordStageEvents(trx: Trx, ctx: Ctx, projectId: string, events: readonly StageEventRecord[]): Promise<string[]> {
  // prepared statements, not a kysely query per event: the import writes 10⁴ of these at once
  return insertRecords(trx, ctx, 'stageEvent', events.map(({ fromStage, toStage, happenedOn, note, reason }) => ({ projectId, fromStage, toStage, happenedOn, note: note ?? null, reason })))
}

/** A stage event as a plan wrote it; a new project's first event comes from no stage. */
export type StageEventRecord = Omit<StageEventWrite, 'fromStage' | 'note'> & { fromStage: Stage | null; note?: string | null }
