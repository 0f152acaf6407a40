// Industries (产业) and their chain links (产业链/环节): a tree of exactly two levels, because the
// ledgers have two columns for it (产业类别, 产业链) and deeper trees would not fit them.
import { type Ctx, type Trx, inTransaction } from '../context'
import type { IndustryFields, IndustryNode, IndustryUpdate } from '../domain/catalog'
import { conflict } from '../domain/errors'
import type { Industry } from '../schema'
import { deleteRecord, getLive, insertRecord, restoreRecord, updateRecord } from './records'

const WHAT = '产业'

export async function listIndustries(ctx: Ctx): Promise<IndustryNode[]> {
  const rows = await ctx.db
    .selectFrom('industry')
    .selectAll()
    .where('deletedAt', 'is', null)
    .orderBy('sortOrder')
    .orderBy('name')
    .execute()
  const tops: IndustryNode[] = rows.filter((row) => row.parentId === null).map((row) => ({ ...row, children: [] }))
  const byId = new Map(tops.map((top) => [top.id, top]))
  // Rows arrive ordered, so pushing keeps each parent's children ordered too.
  for (const row of rows) if (row.parentId !== null) byId.get(row.parentId)?.children.push(row)
  return tops
}

export async function getIndustry(ctx: Ctx, id: string): Promise<Industry> {
  return await getLive(ctx.db, 'industry', id, WHAT)
}

/** Checks the two-level rule and the name among siblings for an industry placed under parentId. */
async function assertPlacement(trx: Trx, name: string, parentId: string | null, selfId?: string): Promise<void> {
  if (parentId !== null) {
    if (parentId === selfId) throw conflict('产业不能作为自己的上级')
    const parent = await getLive(trx, 'industry', parentId, '上级产业')
    if (parent.parentId !== null) {
      throw conflict(`“${parent.name}”已是产业链/环节，产业目录只有两级，请选择一级产业作为上级`)
    }
    if (selfId !== undefined) {
      const child = await liveChild(trx, selfId)
      if (child) throw conflict(`该产业下还有产业链/环节（如“${child.name}”），不能再放到其他产业下`)
    }
  }
  const clash = await trx
    .selectFrom('industry')
    .select('id')
    .where('name', '=', name)
    .where('deletedAt', 'is', null)
    .where((eb) => (parentId === null ? eb('parentId', 'is', null) : eb('parentId', '=', parentId)))
    .$if(selfId !== undefined, (q) => q.where('id', '!=', selfId!))
    .executeTakeFirst()
  if (clash) throw conflict(`同一级下已有名为“${name}”的产业`, { field: 'name', id: clash.id })
}

function liveChild(trx: Trx, id: string) {
  return trx.selectFrom('industry').select('name').where('parentId', '=', id).where('deletedAt', 'is', null).executeTakeFirst()
}

export async function createIndustry(ctx: Ctx, input: IndustryFields): Promise<Industry> {
  const id = await inTransaction(ctx, async (trx) => {
    await assertPlacement(trx, input.name, input.parentId)
    return insertRecord(trx, ctx, 'industry', { ...input, sortOrder: input.sortOrder ?? 0 })
  })
  return getIndustry(ctx, id)
}

export async function updateIndustry(ctx: Ctx, { id, ...patch }: IndustryUpdate): Promise<Industry> {
  await inTransaction(ctx, async (trx) => {
    const before = await getLive(trx, 'industry', id, WHAT)
    if (patch.name !== undefined || patch.parentId !== undefined) {
      await assertPlacement(trx, patch.name ?? before.name, patch.parentId === undefined ? before.parentId : patch.parentId, id)
    }
    await updateRecord(trx, ctx, 'industry', id, patch, WHAT)
  })
  return getIndustry(ctx, id)
}

export async function deleteIndustry(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const child = await liveChild(trx, id)
    if (child) throw conflict(`该产业下还有产业链/环节（如“${child.name}”），请先删除它们`)
    // Rare enough that scanning project and investor without an industry index is acceptable.
    const project = await trx
      .selectFrom('project')
      .select('name')
      .where('industryId', '=', id)
      .where('deletedAt', 'is', null)
      .executeTakeFirst()
    if (project) throw conflict(`该产业仍被项目“${project.name}”使用，请先修改项目的产业`)
    const investor = await trx
      .selectFrom('investor')
      .select('name')
      .where('industryId', '=', id)
      .where('deletedAt', 'is', null)
      .executeTakeFirst()
    if (investor) throw conflict(`该产业仍被客商“${investor.name}”使用，请先修改客商的产业`)
    await deleteRecord(trx, ctx, 'industry', id, WHAT)
  })
}

export async function restoreIndustry(ctx: Ctx, id: string): Promise<Industry> {
  await inTransaction(ctx, async (trx) => {
    const row = await trx.selectFrom('industry').select(['name', 'parentId', 'deletedAt']).where('id', '=', id).executeTakeFirst()
    // A chain link comes back only under a live 产业 (assertPlacement reads the parent as live).
    if (row?.deletedAt) await assertPlacement(trx, row.name, row.parentId, id)
    await restoreRecord(trx, ctx, 'industry', id, WHAT)
  })
  return getIndustry(ctx, id)
}
