// Merging a duplicate investor (source) into the one that stays (target): everything that points at
// the source moves, each moved row journaled, so both histories stay readable. The source is kept
// in the recycle bin with merged_into set, and cannot be restored.
import { type Kysely, sql } from 'kysely'
import { type Ctx, type Trx, inTransaction, nowIso } from '../context'
import { conflict } from '../domain/errors'
import {
  MERGE_FIELDS,
  type InvestorDetail,
  type InvestorView,
  type MergeConflict,
  type MergeField,
  type MergeGroup,
  type MergeInput,
  type MergePair,
  type MergePreview,
} from '../domain/investor'
import type { Database, Investor } from '../schema'
import { getInvestor, getInvestorView, journalUpdate, nameColumns } from './investors'
import { deleteRecord, getLive, untyped, updateRecord } from './records'
import { captureLink, captureRow } from '../sync/capture'

const SHOWN = 20

type Db = Kysely<Database>

/**
 * How many rows a query finds, and the first names; `label` is the SQL that names a row. The moved
 * tables share an investor_id column and are chosen at run time, hence untyped().
 */
async function group(db: Db, table: string, label: string, where: (q: any) => any): Promise<MergeGroup> {
  const rows: { label: string; n: number }[] = await where(
    untyped(db)
      .selectFrom(table)
      .select([sql.raw<string>(label).as('label'), sql<number>`count(*) OVER ()`.as('n')])
      .where('deletedAt', 'is', null),
  )
    .orderBy('label')
    .limit(SHOWN)
    .execute()
  return { count: rows[0]?.n ?? 0, names: rows.map((row) => row.label) }
}

const ofInvestor = (id: string) => (q: any) => q.where('investorId', '=', id)

async function tagNames(db: Db, investorId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('investorTag as it')
    .innerJoin('tag as t', 't.id', 'it.tagId')
    .select('t.name')
    .where('it.investorId', '=', investorId)
    .where('t.deletedAt', 'is', null)
    .orderBy('t.name')
    .execute()
  return rows.map((row) => row.name)
}

async function eventNames(db: Db, investorId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('eventInvestor as ei')
    .innerJoin('event as e', 'e.id', 'ei.eventId')
    .select('e.name')
    .where('ei.investorId', '=', investorId)
    .orderBy('e.name')
    .execute()
  return rows.map((row) => row.name)
}

const display = (investor: InvestorView, field: MergeField) =>
  field === 'industryId' ? (investor.industryName ?? investor.industryId!) : (investor[field] as string | number)

function fieldConflicts(source: InvestorView, target: InvestorView): MergeConflict[] {
  const conflicts: MergeConflict[] = []
  for (const field of Object.keys(MERGE_FIELDS) as MergeField[]) {
    if (source[field] === null || target[field] === null || source[field] === target[field]) continue
    conflicts.push({ field, label: MERGE_FIELDS[field], source: display(source, field), target: display(target, field) })
  }
  return conflicts
}

async function loadPair(db: Db, { sourceId, targetId }: MergePair) {
  if (sourceId === targetId) throw conflict('不能把客商合并到它自己')
  return { source: await getInvestorView(db, sourceId), target: await getInvestorView(db, targetId) }
}

export async function previewMerge(ctx: Ctx, pair: MergePair): Promise<MergePreview> {
  const { source, target } = await loadPair(ctx.db, pair)
  const id = source.id
  const tags = await tagNames(ctx.db, id)
  const targetTags = new Set(await tagNames(ctx.db, target.id))
  const events = await eventNames(ctx.db, id)
  return {
    source,
    target,
    contacts: await group(ctx.db, 'contact', 'name', ofInvestor(id)),
    projects: await group(ctx.db, 'project', 'name', ofInvestor(id)),
    negotiations: await group(ctx.db, 'negotiation', "happened_on || ' ' || substr(summary, 1, 30)", ofInvestor(id)),
    requests: await group(ctx.db, 'request', 'title', ofInvestor(id)),
    attachments: await group(ctx.db, 'attachment', 'file_name', (q) =>
      q.where('entity', '=', 'investor').where('entityId', '=', id),
    ),
    events: { count: events.length, names: events.slice(0, SHOWN) },
    tags: { count: tags.length, names: tags.slice(0, SHOWN) },
    newTags: tags.filter((name) => !targetTags.has(name)),
    conflicts: fieldConflicts(source, target),
  }
}

type Moved = 'contact' | 'project' | 'negotiation' | 'request' | 'attachment'

/**
 * Points rows at the target, deleted rows included (a later restore must not bring back a row
 * pointing at a merged investor). Live rows go through updateRecord; deleted ones cannot, so they
 * are written and journaled here in the same shape.
 */
async function reassign(trx: Trx, ctx: Ctx, table: Moved, column: 'investorId' | 'entityId', what: string,
  rows: { id: string; deletedAt: string | null }[], move: [string, string], extra: Record<string, unknown> = {}): Promise<void> {
  const [sourceId, targetId] = move
  for (const row of rows) {
    if (row.deletedAt === null) {
      await updateRecord(trx, ctx, table, row.id, { [column]: targetId, ...extra }, what)
      continue
    }
    await untyped(trx)
      .updateTable(table)
      .set({ [column]: targetId, updatedAt: nowIso(ctx), updatedBy: ctx.userId })
      .where('id', '=', row.id)
      .execute()
    await journalUpdate(trx, ctx, table, row.id, { [column]: [sourceId, targetId] })
    captureRow(ctx, table, row.id, [column])
  }
}

async function moveRows(trx: Trx, ctx: Ctx, table: Exclude<Moved, 'attachment'>, what: string, move: [string, string],
  extra?: Record<string, unknown>): Promise<void> {
  const rows = await untyped(trx).selectFrom(table).select(['id', 'deletedAt']).where('investorId', '=', move[0]).execute()
  await reassign(trx, ctx, table, 'investorId', what, rows, move, extra)
}

async function moveAttachments(trx: Trx, ctx: Ctx, move: [string, string]): Promise<void> {
  const rows = await trx
    .selectFrom('attachment')
    .select(['id', 'deletedAt'])
    .where('entity', '=', 'investor')
    .where('entityId', '=', move[0])
    .execute()
  await reassign(trx, ctx, 'attachment', 'entityId', '附件', rows, move)
}

/** Link tables have no journal of their own: the change is written on both investors, by name. */
async function moveLinks(trx: Trx, ctx: Ctx, sourceId: string, targetId: string): Promise<void> {
  const tagsBefore = await tagNames(trx, targetId)
  const sourceTags = await tagNames(trx, sourceId)
  const tagIds = await trx.selectFrom('investorTag').select('tagId').where('investorId', '=', sourceId).execute()
  if (tagIds.length > 0) {
    await trx
      .insertInto('investorTag')
      .values(tagIds.map(({ tagId }) => ({ investorId: targetId, tagId })))
      .onConflict((oc) => oc.doNothing())
      .execute()
    await trx.deleteFrom('investorTag').where('investorId', '=', sourceId).execute()
    for (const { tagId } of tagIds) {
      captureLink(ctx, 'investorTag', { investorId: targetId, tagId }, true)
      captureLink(ctx, 'investorTag', { investorId: sourceId, tagId }, false)
    }
  }
  const tagsAfter = await tagNames(trx, targetId)
  if (sourceTags.length > 0) await journalUpdate(trx, ctx, 'investor', sourceId, { tags: [sourceTags, []] })
  if (tagsAfter.length !== tagsBefore.length) {
    await journalUpdate(trx, ctx, 'investor', targetId, { tags: [tagsBefore, tagsAfter] })
  }

  const eventsBefore = await eventNames(trx, targetId)
  const sourceEvents = await eventNames(trx, sourceId)
  const links = await trx.selectFrom('eventInvestor').select('eventId').where('investorId', '=', sourceId).execute()
  if (links.length === 0) return
  await trx
    .insertInto('eventInvestor')
    .values(links.map(({ eventId }) => ({ eventId, investorId: targetId })))
    .onConflict((oc) => oc.doNothing())
    .execute()
  await trx.deleteFrom('eventInvestor').where('investorId', '=', sourceId).execute()
  for (const { eventId } of links) {
    captureLink(ctx, 'eventInvestor', { eventId, investorId: targetId }, true)
    captureLink(ctx, 'eventInvestor', { eventId, investorId: sourceId }, false)
  }
  const eventsAfter = await eventNames(trx, targetId)
  await journalUpdate(trx, ctx, 'investor', sourceId, { events: [sourceEvents, []] })
  if (eventsAfter.length !== eventsBefore.length) {
    await journalUpdate(trx, ctx, 'investor', targetId, { events: [eventsBefore, eventsAfter] })
  }
}

/** The target's new values: a chosen side wins; unchosen, the source only fills what the target lacks. */
function mergedFields(source: Investor, target: Investor, choices: MergeInput['fields'] = {}): Record<string, unknown> {
  const patch: Record<string, unknown> = {}
  for (const field of Object.keys(MERGE_FIELDS) as MergeField[]) {
    const value = source[field]
    if (value === null || value === target[field]) continue
    const choice = choices[field] ?? (target[field] === null ? 'source' : 'target')
    if (choice === 'source') patch[field] = value
  }
  return typeof patch.name === 'string' ? { ...patch, ...nameColumns(patch.name) } : patch
}

export async function mergeInvestors(ctx: Ctx, input: MergeInput): Promise<InvestorDetail> {
  const { sourceId, targetId } = input
  await inTransaction(ctx, async (trx) => {
    if (sourceId === targetId) throw conflict('不能把客商合并到它自己')
    const source = await getLive(trx, 'investor', sourceId, '被合并的客商')
    const target = await getLive(trx, 'investor', targetId, '保留的客商')
    const patch = mergedFields(source, target, input.fields)
    // The credit code is unique among live investors: it leaves the source before the target takes it.
    if (patch.creditCode !== undefined) await updateRecord(trx, ctx, 'investor', sourceId, { creditCode: null }, '客商')
    await updateRecord(trx, ctx, 'investor', targetId, patch, '客商')

    const targetPrimary = await trx
      .selectFrom('contact')
      .select('id')
      .where('investorId', '=', targetId)
      .where('isPrimary', '=', 1)
      .where('deletedAt', 'is', null)
      .executeTakeFirst()
    const move: [string, string] = [sourceId, targetId]
    // Only one primary contact survives: the target's, when it has one.
    await moveRows(trx, ctx, 'contact', '联系人', move, targetPrimary ? { isPrimary: 0 } : {})
    await moveRows(trx, ctx, 'project', '项目', move)
    await moveRows(trx, ctx, 'negotiation', '洽谈记录', move)
    await moveRows(trx, ctx, 'request', '企业诉求', move)
    await moveAttachments(trx, ctx, move)
    await moveLinks(trx, ctx, sourceId, targetId)

    // The source's own journal says where it went ([null, target]); the target's says what came in
    // ([source, target]): the same field, so one history view reads both.
    await updateRecord(trx, ctx, 'investor', sourceId, { mergedInto: targetId }, '客商')
    await journalUpdate(trx, ctx, 'investor', targetId, { mergedInto: [sourceId, targetId] })
    await deleteRecord(trx, ctx, 'investor', sourceId, '客商')
  })
  return getInvestor(ctx, targetId)
}
