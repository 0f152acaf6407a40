// Investment promotion events (招商活动) with the investors met and the projects signed there.
// The link tables have no record columns, so their changes are journaled here as the event's own
// `investorIds` / `projectIds` fields.
import { type Kysely, sql } from 'kysely'
import { type Ctx, type Trx, inTransaction, nowIso } from '../context'
import { notFound } from '../domain/errors'
import type { EventDetail, EventFields, EventListQuery, EventUpdate, EventView } from '../domain/event'
import { eventDatesProblem } from '../domain/event'
import type { Page } from '../domain/negotiation'
import type { Database } from '../schema'
import { assertLive, invalid, likeAny, likePattern, pageWindow } from './followup-refs'
import { deleteRecord, getLive, insertRecord, restoreRecord, untyped, updateRecord } from './records'
import { captureLink } from '../sync/capture'

const WHAT = '招商活动'

const LINKS = {
  investorIds: { table: 'eventInvestor', column: 'investorId', target: 'investor', what: '客商' },
  projectIds: { table: 'eventProject', column: 'projectId', target: 'project', what: '项目' },
} as const

type LinkField = keyof typeof LINKS

async function assertAllLive(trx: Trx, field: LinkField, ids: string[]): Promise<void> {
  if (ids.length === 0) return
  const { target, what } = LINKS[field]
  const found = await trx.selectFrom(target).select('id').where('id', 'in', ids).where('deletedAt', 'is', null).execute()
  const live = new Set(found.map((row) => row.id))
  const missing = ids.find((id) => !live.has(id))
  if (missing) throw notFound(what, missing)
}

async function linkedIds(db: Kysely<Database>, field: LinkField, eventId: string): Promise<string[]> {
  const rows =
    field === 'investorIds'
      ? await db.selectFrom('eventInvestor').select('investorId as id').where('eventId', '=', eventId).execute()
      : await db.selectFrom('eventProject').select('projectId as id').where('eventId', '=', eventId).execute()
  return rows.map((row) => row.id).sort()
}

/** Replaces the event's set of linked ids, writing only the difference, and journals it. */
async function setLinks(trx: Trx, ctx: Ctx, eventId: string, field: LinkField, ids: string[]): Promise<void> {
  const before = await linkedIds(trx, field, eventId)
  const after = [...ids].sort()
  const added = after.filter((id) => !before.includes(id))
  const removed = before.filter((id) => !after.includes(id))
  if (added.length === 0 && removed.length === 0) return
  // Only new links must point at live rows: one kept from before may have been deleted since.
  await assertAllLive(trx, field, added)
  const { table, column } = LINKS[field]
  const db = untyped(trx)
  if (removed.length > 0) await db.deleteFrom(table).where('eventId', '=', eventId).where(column, 'in', removed).execute()
  if (added.length > 0) await db.insertInto(table).values(added.map((id) => ({ eventId, [column]: id }))).execute()
  for (const id of removed) captureLink(ctx, table, { eventId, [column]: id }, false)
  for (const id of added) captureLink(ctx, table, { eventId, [column]: id }, true)
  await trx
    .insertInto('change')
    .values({
      entity: 'event',
      entityId: eventId,
      action: 'update',
      changes: JSON.stringify({ [field]: [before, after] }),
      userId: ctx.userId,
      at: nowIso(ctx),
    })
    .execute()
}

function fromEvents(db: Kysely<Database>) {
  return db.selectFrom('event as e').leftJoin('user as u', 'u.id', 'e.ownerId').where('e.deletedAt', 'is', null)
}

function filtered(ctx: Ctx, query: EventListQuery) {
  const text = likePattern(query.text)
  let q = fromEvents(ctx.db)
  if (query.type?.length) q = q.where('e.type', 'in', query.type)
  if (query.ownerId) q = q.where('e.ownerId', '=', query.ownerId)
  if (query.to) q = q.where('e.startOn', '<=', query.to)
  if (query.from) q = q.where((eb) => eb(eb.fn.coalesce('e.endOn', 'e.startOn'), '>=', query.from!))
  if (query.investorId) {
    const investorId = query.investorId
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('eventInvestor as ei')
          .select('ei.eventId')
          .whereRef('ei.eventId', '=', 'e.id')
          .where('ei.investorId', '=', investorId),
      ),
    )
  }
  if (query.projectId) {
    const projectId = query.projectId
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('eventProject as ep')
          .select('ep.eventId')
          .whereRef('ep.eventId', '=', 'e.id')
          .where('ep.projectId', '=', projectId),
      ),
    )
  }
  if (text) q = q.where(likeAny(['e.name', 'e.city', 'e.organizer', 'e.note'], text))
  return q
}

export async function listEvents(ctx: Ctx, query: EventListQuery): Promise<Page<EventView>> {
  const { limit, offset } = pageWindow(query)
  const rows = await filtered(ctx, query)
    .selectAll('e')
    .select('u.name as ownerName')
    .select((eb) => [
      eb
        .selectFrom('eventInvestor as ei')
        .innerJoin('investor as i', 'i.id', 'ei.investorId')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('ei.eventId', '=', 'e.id')
        .where('i.deletedAt', 'is', null)
        .as('investorCount'),
      eb
        .selectFrom('eventProject as ep')
        .innerJoin('project as p', 'p.id', 'ep.projectId')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('ep.eventId', '=', 'e.id')
        .where('p.deletedAt', 'is', null)
        .as('projectCount'),
    ])
    .orderBy('e.startOn', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
  const { total } = await filtered(ctx, query).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  return { rows: rows as EventView[], total }
}

export async function getEvent(ctx: Ctx, id: string): Promise<EventDetail> {
  await getLive(ctx.db, 'event', id, WHAT)
  const event = await fromEvents(ctx.db)
    .selectAll('e')
    .select('u.name as ownerName')
    .where('e.id', '=', id)
    .executeTakeFirstOrThrow()
  const investors = await ctx.db
    .selectFrom('eventInvestor as ei')
    .innerJoin('investor as i', 'i.id', 'ei.investorId')
    .select(['i.id', 'i.name'])
    .where('ei.eventId', '=', id)
    .where('i.deletedAt', 'is', null)
    .orderBy('i.name')
    .execute()
  const projects = await ctx.db
    .selectFrom('eventProject as ep')
    .innerJoin('project as p', 'p.id', 'ep.projectId')
    .select(['p.id', 'p.name'])
    .where('ep.eventId', '=', id)
    .where('p.deletedAt', 'is', null)
    .orderBy('p.name')
    .execute()
  return { ...event, investors, projects }
}

export async function createEvent(ctx: Ctx, { investorIds, projectIds, ...input }: EventFields): Promise<EventDetail> {
  const id = await inTransaction(ctx, async (trx) => {
    await assertLive(trx, 'user', input.ownerId, '负责人')
    const ownerId = input.ownerId === undefined ? ctx.userId : input.ownerId
    const eventId = await insertRecord(trx, ctx, 'event', { ...input, ownerId })
    await setLinks(trx, ctx, eventId, 'investorIds', investorIds)
    await setLinks(trx, ctx, eventId, 'projectIds', projectIds)
    return eventId
  })
  return getEvent(ctx, id)
}

export async function updateEvent(ctx: Ctx, { id, investorIds, projectIds, ...patch }: EventUpdate): Promise<EventDetail> {
  await inTransaction(ctx, async (trx) => {
    const before = await getLive(trx, 'event', id, WHAT)
    const problem = eventDatesProblem(patch.startOn ?? before.startOn, patch.endOn === undefined ? before.endOn : patch.endOn)
    if (problem) throw invalid(problem, 'endOn')
    await assertLive(trx, 'user', patch.ownerId, '负责人')
    await updateRecord(trx, ctx, 'event', id, patch, WHAT)
    if (investorIds !== undefined) await setLinks(trx, ctx, id, 'investorIds', investorIds)
    if (projectIds !== undefined) await setLinks(trx, ctx, id, 'projectIds', projectIds)
  })
  return getEvent(ctx, id)
}

export async function deleteEvent(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, (trx) => deleteRecord(trx, ctx, 'event', id, WHAT))
}

export async function restoreEvent(ctx: Ctx, id: string): Promise<EventDetail> {
  await inTransaction(ctx, (trx) => restoreRecord(trx, ctx, 'event', id, WHAT))
  return getEvent(ctx, id)
}
