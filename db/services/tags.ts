// Tags (世界500强, 瞪羚企业, 专精特新…) shared by investors and projects. Deleting a tag keeps its
// links, so a restore brings the tag back where it was; lists only show live tags.
import { type Ctx, type Trx, inTransaction } from '../context'
import type { TagFields, TagUpdate, TagView } from '../domain/catalog'
import { conflict } from '../domain/errors'
import type { Tag } from '../schema'
import { deleteRecord, getLive, insertRecord, restoreRecord, updateRecord } from './records'

const WHAT = '标签'

export async function listTags(ctx: Ctx): Promise<TagView[]> {
  return ctx.db
    .selectFrom('tag as t')
    .selectAll('t')
    .select((eb) => [
      eb
        .selectFrom('investorTag as it')
        .innerJoin('investor as i', 'i.id', 'it.investorId')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('it.tagId', '=', 't.id')
        .where('i.deletedAt', 'is', null)
        .as('investorCount'),
      eb
        .selectFrom('projectTag as pt')
        .innerJoin('project as p', 'p.id', 'pt.projectId')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('pt.tagId', '=', 't.id')
        .where('p.deletedAt', 'is', null)
        .as('projectCount'),
    ])
    .where('t.deletedAt', 'is', null)
    .orderBy('t.name')
    .execute() as Promise<TagView[]>
}

export async function getTag(ctx: Ctx, id: string): Promise<Tag> {
  return await getLive(ctx.db, 'tag', id, WHAT)
}

async function assertNameFree(trx: Trx, name: string, exceptId?: string): Promise<void> {
  const clash = await trx
    .selectFrom('tag')
    .select('id')
    .where('name', '=', name)
    .where('deletedAt', 'is', null)
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!))
    .executeTakeFirst()
  if (clash) throw conflict(`标签“${name}”已存在`, { field: 'name', id: clash.id })
}

export async function createTag(ctx: Ctx, input: TagFields): Promise<Tag> {
  const id = await inTransaction(ctx, async (trx) => {
    await assertNameFree(trx, input.name)
    return insertRecord(trx, ctx, 'tag', input)
  })
  return getTag(ctx, id)
}

export async function updateTag(ctx: Ctx, { id, ...patch }: TagUpdate): Promise<Tag> {
  await inTransaction(ctx, async (trx) => {
    if (patch.name !== undefined) await assertNameFree(trx, patch.name, id)
    await updateRecord(trx, ctx, 'tag', id, patch, WHAT)
  })
  return getTag(ctx, id)
}

export async function deleteTag(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, (trx) => deleteRecord(trx, ctx, 'tag', id, WHAT))
}

export async function restoreTag(ctx: Ctx, id: string): Promise<Tag> {
  await inTransaction(ctx, async (trx) => {
    const row = await trx.selectFrom('tag').select(['name', 'deletedAt']).where('id', '=', id).executeTakeFirst()
    if (row?.deletedAt) await assertNameFree(trx, row.name, id)
    await restoreRecord(trx, ctx, 'tag', id, WHAT)
  })
  return getTag(ctx, id)
}

/** Reads live tags by id, refusing unknown or deleted ones: what investor and project writes use. */
export async function liveTags(trx: Trx, ids: readonly string[]): Promise<Tag[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const rows = await trx.selectFrom('tag').selectAll().where('id', 'in', unique).where('deletedAt', 'is', null).execute()
  const missing = unique.find((id) => !rows.some((row) => row.id === id))
  if (missing !== undefined) await getLive(trx, 'tag', missing, WHAT)
  return rows
}
