// Industrial parks (产业园区): each belongs to a district.
import { type Ctx, type Trx, inTransaction } from '../context'
import { conflict } from '../domain/errors'
import type { ParkFields, ParkListQuery, ParkUpdate, ParkView } from '../domain/park'
import { containsText } from './like'
import { deleteRecord, getLive, insertRecord, restoreRecord, updateRecord } from './records'

const WHAT = '园区'

/** Maps API fields to columns: land arrives in 1/100 亩 already (see fields.hundredths). */
// Generic so that a full input gives a full row (typed insert) and a partial one a patch; an
// undefined freeLandCentiMu is left out of the write by kysely and by updateRecord.
function toColumns<F extends Partial<ParkFields>>({ freeLandMu, ...rest }: F): Omit<F, 'freeLandMu'> & { freeLandCentiMu: F['freeLandMu'] } {
  return { ...rest, freeLandCentiMu: freeLandMu }
}

function selectParks(ctx: Ctx) {
  return ctx.db
    .selectFrom('park as p')
    .innerJoin('district as d', 'd.id', 'p.districtId')
    .selectAll('p')
    .select('d.name as districtName')
    .where('p.deletedAt', 'is', null)
}

export async function listParks(ctx: Ctx, query: ParkListQuery = {}): Promise<ParkView[]> {
  const text = query.text
  return selectParks(ctx)
    .$if(query.districtId !== undefined, (q) => q.where('p.districtId', '=', query.districtId!))
    .$if(text !== undefined, (q) =>
      q.where((eb) =>
        eb.or([containsText('p.name', text!), containsText('p.focus_industries', text!)]),
      ),
    )
    .orderBy('d.code')
    .orderBy('d.name')
    .orderBy('p.name')
    .execute()
}

export async function getPark(ctx: Ctx, id: string): Promise<ParkView> {
  await getLive(ctx.db, 'park', id, WHAT)
  return selectParks(ctx).where('p.id', '=', id).executeTakeFirstOrThrow()
}

async function assertValid(trx: Trx, districtId: string, name: string, exceptId?: string): Promise<void> {
  await getLive(trx, 'district', districtId, '所属区县')
  const clash = await trx
    .selectFrom('park')
    .select('id')
    .where('districtId', '=', districtId)
    .where('name', '=', name)
    .where('deletedAt', 'is', null)
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!))
    .executeTakeFirst()
  if (clash) throw conflict(`该区县已有名为“${name}”的园区`, { field: 'name', id: clash.id })
}

export async function createPark(ctx: Ctx, input: ParkFields): Promise<ParkView> {
  const id = await inTransaction(ctx, async (trx) => {
    await assertValid(trx, input.districtId, input.name)
    return insertRecord(trx, ctx, 'park', toColumns(input))
  })
  return getPark(ctx, id)
}

export async function updatePark(ctx: Ctx, { id, ...patch }: ParkUpdate): Promise<ParkView> {
  await inTransaction(ctx, async (trx) => {
    const before = await getLive(trx, 'park', id, WHAT)
    if (patch.districtId !== undefined || patch.name !== undefined) {
      await assertValid(trx, patch.districtId ?? before.districtId, patch.name ?? before.name, id)
    }
    await updateRecord(trx, ctx, 'park', id, toColumns(patch), WHAT)
  })
  return getPark(ctx, id)
}

export async function deletePark(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, (trx) => deleteRecord(trx, ctx, 'park', id, WHAT))
}

export async function restorePark(ctx: Ctx, id: string): Promise<ParkView> {
  await inTransaction(ctx, async (trx) => {
    const row = await trx.selectFrom('park').select(['districtId', 'name']).where('id', '=', id).executeTakeFirst()
    if (row) await assertValid(trx, row.districtId, row.name, id)
    await restoreRecord(trx, ctx, 'park', id, WHAT)
  })
  return getPark(ctx, id)
}
