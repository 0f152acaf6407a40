// Districts (区县): the units that own parks and report upward.
import { type Ctx, type Trx, inTransaction } from '../context'
import { conflict } from '../domain/errors'
import type { DistrictFields, DistrictUpdate, DistrictView } from '../domain/park'
import type { District } from '../schema'
import { deleteRecord, getLive, insertRecord, restoreRecord, updateRecord } from './records'

const WHAT = '区县'

export async function listDistricts(ctx: Ctx): Promise<DistrictView[]> {
  return ctx.db
    .selectFrom('district as d')
    .selectAll('d')
    .select((eb) =>
      eb
        .selectFrom('park as p')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('p.districtId', '=', 'd.id')
        .where('p.deletedAt', 'is', null)
        .as('parkCount'),
    )
    .where('d.deletedAt', 'is', null)
    .orderBy('d.code')
    .orderBy('d.name')
    .execute() as Promise<DistrictView[]>
}

export async function getDistrict(ctx: Ctx, id: string): Promise<District> {
  return await getLive(ctx.db, 'district', id, WHAT)
}

async function assertNameFree(trx: Trx, name: string, exceptId?: string): Promise<void> {
  const clash = await trx
    .selectFrom('district')
    .select('id')
    .where('name', '=', name)
    .where('deletedAt', 'is', null)
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!))
    .executeTakeFirst()
  if (clash) throw conflict(`区县“${name}”已存在`, { field: 'name', id: clash.id })
}

export async function createDistrict(ctx: Ctx, input: DistrictFields): Promise<District> {
  const id = await inTransaction(ctx, async (trx) => {
    await assertNameFree(trx, input.name)
    return insertRecord(trx, ctx, 'district', input)
  })
  return getDistrict(ctx, id)
}

export async function updateDistrict(ctx: Ctx, { id, ...patch }: DistrictUpdate): Promise<District> {
  await inTransaction(ctx, async (trx) => {
    if (patch.name !== undefined) await assertNameFree(trx, patch.name, id)
    await updateRecord(trx, ctx, 'district', id, patch, WHAT)
  })
  return getDistrict(ctx, id)
}

export async function deleteDistrict(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const park = await trx
      .selectFrom('park')
      .select('name')
      .where('districtId', '=', id)
      .where('deletedAt', 'is', null)
      .executeTakeFirst()
    if (park) throw conflict(`区县下还有园区（如“${park.name}”），请先删除或移走园区`)
    await deleteRecord(trx, ctx, 'district', id, WHAT)
  })
}

export async function restoreDistrict(ctx: Ctx, id: string): Promise<District> {
  await inTransaction(ctx, async (trx) => {
    const row = await trx.selectFrom('district').select('name').where('id', '=', id).executeTakeFirst()
    if (row) await assertNameFree(trx, row.name, id)
    await restoreRecord(trx, ctx, 'district', id, WHAT)
  })
  return getDistrict(ctx, id)
}
