// Agreements (协议): framework, investment and supplementary agreements signed for a project.
// Signing does not move the project's stage: that is a stage change of its own (project-stage-change),
// so a save only suggests it.
import { type Ctx, type Trx, inTransaction } from '../context'
import type { AgreementFields, AgreementUpdate, SavedAgreement } from '../domain/deal'
import { conflict } from '../domain/errors'
import { type Stage, stageRank } from '../domain/stages'
import type { Agreement } from '../schema'
import { assertNotFuture, liveProject } from './followup-refs'
import { deleteRecord, getLive, insertRecord, restoreRecord, updateRecord } from './records'

const WHAT = '协议'

// Off the main path, on_hold and lost projects can come back by signing; terminated ones cannot.
function suggestStage(stage: Stage): SavedAgreement['suggestStage'] {
  const before = stageRank(stage) >= 0 && stageRank(stage) < stageRank('signed')
  return before || stage === 'on_hold' || stage === 'lost' ? 'signed' : null
}

// Generic so that a full input gives a full row (typed insert) and a partial one a patch; an
// undefined amountYuan is left out of the write by kysely and by updateRecord.
function toColumns<F extends Partial<AgreementFields>>({ amount, ...rest }: F): Omit<F, 'amount'> & { amountYuan: F['amount'] } {
  return { ...rest, amountYuan: amount }
}

async function assertContractNoFree(trx: Trx, contractNo: string | null | undefined, exceptId?: string): Promise<void> {
  if (!contractNo) return
  const clash = await trx
    .selectFrom('agreement')
    .select('id')
    .where('contractNo', '=', contractNo)
    .where('deletedAt', 'is', null)
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!))
    .executeTakeFirst()
  if (clash) throw conflict(`合同编号“${contractNo}”已被另一份协议使用`, { field: 'contractNo', id: clash.id })
}

async function saved(ctx: Ctx, id: string): Promise<SavedAgreement> {
  const agreement = await getLive(ctx.db, 'agreement', id, WHAT)
  const project = await ctx.db
    .selectFrom('project')
    .select('stage')
    .where('id', '=', agreement.projectId)
    .executeTakeFirstOrThrow()
  return { ...agreement, suggestStage: suggestStage(project.stage) }
}

export async function listAgreementsByProject(ctx: Ctx, projectId: string): Promise<Agreement[]> {
  return ctx.db
    .selectFrom('agreement')
    .selectAll()
    .where('projectId', '=', projectId)
    .where('deletedAt', 'is', null)
    .orderBy('signedOn')
    .orderBy('id')
    .execute()
}

/** Writes a new agreement inside the caller's transaction (a create, or a change to 签约). */
export async function insertAgreement(trx: Trx, ctx: Ctx, input: AgreementFields): Promise<string> {
  assertNotFuture(ctx, input.signedOn, '签约日期', 'signedOn')
  await liveProject(trx, input.projectId)
  await assertContractNoFree(trx, input.contractNo)
  return insertRecord(trx, ctx, 'agreement', toColumns(input))
}

export async function createAgreement(ctx: Ctx, input: AgreementFields): Promise<SavedAgreement> {
  const id = await inTransaction(ctx, (trx) => insertAgreement(trx, ctx, input))
  return saved(ctx, id)
}

export async function updateAgreement(ctx: Ctx, { id, ...patch }: AgreementUpdate): Promise<SavedAgreement> {
  assertNotFuture(ctx, patch.signedOn, '签约日期', 'signedOn')
  await inTransaction(ctx, async (trx) => {
    await getLive(trx, 'agreement', id, WHAT)
    if (patch.projectId !== undefined) await liveProject(trx, patch.projectId)
    await assertContractNoFree(trx, patch.contractNo, id)
    await updateRecord(trx, ctx, 'agreement', id, toColumns(patch), WHAT)
  })
  return saved(ctx, id)
}

export async function deleteAgreement(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, (trx) => deleteRecord(trx, ctx, 'agreement', id, WHAT))
}

export async function restoreAgreement(ctx: Ctx, id: string): Promise<SavedAgreement> {
  await inTransaction(ctx, async (trx) => {
    const row = await trx.selectFrom('agreement').select('contractNo').where('id', '=', id).executeTakeFirst()
    if (row) await assertContractNoFree(trx, row.contractNo, id)
    await restoreRecord(trx, ctx, 'agreement', id, WHAT)
  })
  return saved(ctx, id)
}
