// Negotiation records (洽谈记录) and their next steps: overdue next steps are the most important
// daily list, so the due filters are written to match the partial index negotiation_due.
import { type Kysely, sql } from 'kysely'
import { type Ctx, inTransaction } from '../context'
import { addDays } from '../domain/dates'
import { conflict } from '../domain/errors'
import {
  DUE_SOON_DAYS,
  type DueFilter,
  type DueSummary,
  type DueSummaryQuery,
  type NegotiationCompleteStep,
  type NegotiationFields,
  type NegotiationListQuery,
  type NegotiationUpdate,
  type NegotiationView,
  type Page,
  negotiationIssues,
} from '../domain/negotiation'
import type { Database, Negotiation } from '../schema'
import {
  assertLive,
  assertNotFuture,
  invalid,
  investorFor,
  investorOnUpdate,
  likeAny,
  likePattern,
  pageWindow,
  today,
} from './followup-refs'
import { deleteRecord, getLive, insertRecord, restoreRecord, updateRecord } from './records'

const WHAT = '洽谈记录'

/** How many overdue rows the workbench summary carries. */
const SUMMARY_ROWS = 20

/** Live negotiations, on their own: what the filters and the count need. */
function fromNegotiations(db: Kysely<Database>) {
  return db.selectFrom('negotiation as n').where('n.deletedAt', 'is', null)
}

type NegotiationQuery = ReturnType<typeof fromNegotiations>

/** The rows with the names they show (project, investor, owner, event). */
function withNames(q: NegotiationQuery) {
  return q
    .leftJoin('project as p', 'p.id', 'n.projectId')
    .leftJoin('investor as i', 'i.id', 'n.investorId')
    .leftJoin('user as u', 'u.id', 'n.ownerId')
    .leftJoin('event as e', 'e.id', 'n.eventId')
    .selectAll('n')
    .select(['p.name as projectName', 'i.name as investorName', 'u.name as ownerName', 'e.name as eventName'])
}

// The three terms of the index's WHERE are spelled out so SQLite can use negotiation_due.
function whereDue(q: NegotiationQuery, due: DueFilter, day: string): NegotiationQuery {
  if (due === 'open') return q.where('n.nextStep', 'is not', null).where('n.nextDoneOn', 'is', null)
  const pending = q.where('n.nextDueOn', 'is not', null).where('n.nextDoneOn', 'is', null)
  if (due === 'overdue') return pending.where('n.nextDueOn', '<', day)
  if (due === 'today') return pending.where('n.nextDueOn', '=', day)
  return pending.where('n.nextDueOn', '>', day).where('n.nextDueOn', '<=', addDays(day, DUE_SOON_DAYS))
}

/**
 * The filters, with no join: the count then reads only the index it searches. Joined, the count
 * of a city's 65,000 overdue steps (of 10⁶ negotiations) fetched each one from the table: about
 * 370 ms of the backend's time at every refresh of the reminder badge, against 4 ms from the index.
 * The text search reads the project's and the investor's names through subqueries instead.
 */
function filtered(ctx: Ctx, query: NegotiationListQuery): NegotiationQuery {
  const text = likePattern(query.text)
  let q = fromNegotiations(ctx.db)
  if (query.projectId) q = q.where('n.projectId', '=', query.projectId)
  if (query.investorId) q = q.where('n.investorId', '=', query.investorId)
  if (query.ownerId) q = q.where('n.ownerId', '=', query.ownerId)
  if (query.eventId) q = q.where('n.eventId', '=', query.eventId)
  if (query.type?.length) q = q.where('n.type', 'in', query.type)
  if (query.from) q = q.where('n.happenedOn', '>=', query.from)
  if (query.to) q = q.where('n.happenedOn', '<=', query.to)
  if (query.due) q = whereDue(q, query.due, today(ctx))
  if (text) {
    const projectName = sql`(SELECT name FROM project WHERE id = n.project_id)`
    const investorName = sql`(SELECT name FROM investor WHERE id = n.investor_id)`
    q = q.where(likeAny(['n.summary', 'n.result', 'n.nextStep', 'n.ourPeople', 'n.theirPeople', projectName, investorName], text))
  }
  return q
}

const SORT_COLUMNS = { happenedOn: 'n.happenedOn', nextDueOn: 'n.nextDueOn', updatedAt: 'n.updatedAt' } as const

/** The rows query of negotiation-list (exported so a test can read its query plan). */
export function negotiationRowsQuery(ctx: Ctx, query: NegotiationListQuery) {
  const sort = query.sort ?? (query.due ? 'nextDueOn' : 'happenedOn')
  const order = query.order ?? (sort === 'nextDueOn' ? 'asc' : 'desc')
  const { limit, offset } = pageWindow(query)
  return withNames(filtered(ctx, query))
    .orderBy(SORT_COLUMNS[sort], order)
    .orderBy('n.id', order)
    .limit(limit)
    .offset(offset)
}

/** The count of negotiation-list: the filters alone (exported so a test can read its query plan). */
export function negotiationCountQuery(ctx: Ctx, query: NegotiationListQuery) {
  return filtered(ctx, query).select((eb) => eb.fn.countAll<number>().as('total'))
}

export async function listNegotiations(ctx: Ctx, query: NegotiationListQuery): Promise<Page<NegotiationView>> {
  const rows = await negotiationRowsQuery(ctx, query).execute()
  const { total } = await negotiationCountQuery(ctx, query).executeTakeFirstOrThrow()
  return { rows, total }
}

export async function getNegotiation(ctx: Ctx, id: string): Promise<NegotiationView> {
  await getLive(ctx.db, 'negotiation', id, WHAT)
  return withNames(fromNegotiations(ctx.db).where('n.id', '=', id))
    .executeTakeFirstOrThrow()
}

function assertRules(row: Partial<Negotiation>): void {
  const [issue] = negotiationIssues(row)
  if (issue) throw invalid(issue.message, issue.path)
}

export async function createNegotiation(ctx: Ctx, input: NegotiationFields): Promise<NegotiationView> {
  assertNotFuture(ctx, input.happenedOn, '洽谈日期', 'happenedOn')
  const id = await inTransaction(ctx, async (trx) => {
    const investorId = (await investorFor(trx, input.projectId, input.investorId)) ?? null
    await assertLive(trx, 'user', input.ownerId, '负责人')
    await assertLive(trx, 'event', input.eventId, '招商活动')
    const values = {
      ...input,
      projectId: input.projectId ?? null,
      investorId,
      ownerId: input.ownerId === undefined ? ctx.userId : input.ownerId,
      eventId: input.eventId ?? null,
    }
    assertRules(values)
    return insertRecord(trx, ctx, 'negotiation', values)
  })
  return getNegotiation(ctx, id)
}

export async function updateNegotiation(ctx: Ctx, { id, ...patch }: NegotiationUpdate): Promise<NegotiationView> {
  assertNotFuture(ctx, patch.happenedOn, '洽谈日期', 'happenedOn')
  await inTransaction(ctx, async (trx) => {
    const before = await getLive(trx, 'negotiation', id, WHAT)
    const changes: Partial<Negotiation> = { ...patch }
    const investorId = await investorOnUpdate(trx, before, patch)
    if (investorId !== undefined) changes.investorId = investorId
    await assertLive(trx, 'user', patch.ownerId, '负责人')
    await assertLive(trx, 'event', patch.eventId, '招商活动')
    const after = { ...before, ...changes }
    // A cleared step has nothing left to be done; a step rescheduled is open again.
    if (!after.nextStep) changes.nextDoneOn = null
    else if (patch.nextDueOn !== undefined && patch.nextDueOn !== before.nextDueOn) changes.nextDoneOn = null
    assertRules(after)
    await updateRecord(trx, ctx, 'negotiation', id, changes, WHAT)
  })
  return getNegotiation(ctx, id)
}

/** Marks the next step done (by default today). */
export async function completeNextStep(ctx: Ctx, { id, doneOn }: NegotiationCompleteStep): Promise<NegotiationView> {
  const on = doneOn ?? today(ctx)
  assertNotFuture(ctx, on, '完成日期', 'doneOn')
  await inTransaction(ctx, async (trx) => {
    const before = await getLive(trx, 'negotiation', id, WHAT)
    if (!before.nextStep) throw conflict('这条洽谈记录没有下一步工作', { id })
    if (before.nextDoneOn) throw conflict(`下一步工作已于${before.nextDoneOn}完成`, { id })
    if (on < before.happenedOn) throw invalid('完成日期不能早于洽谈日期', 'doneOn')
    await updateRecord(trx, ctx, 'negotiation', id, { nextDoneOn: on }, WHAT)
  })
  return getNegotiation(ctx, id)
}

export async function deleteNegotiation(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, (trx) => deleteRecord(trx, ctx, 'negotiation', id, WHAT))
}

export async function restoreNegotiation(ctx: Ctx, id: string): Promise<NegotiationView> {
  await inTransaction(ctx, (trx) => restoreRecord(trx, ctx, 'negotiation', id, WHAT))
  return getNegotiation(ctx, id)
}

/** Counts for the badge: one pass over the index range up to the end of the due-soon window. */
export async function dueSummary(ctx: Ctx, { ownerId }: DueSummaryQuery): Promise<DueSummary> {
  const day = today(ctx)
  const due = sql.ref('nextDueOn')
  const counts = await ctx.db
    .selectFrom('negotiation')
    .select([
      sql<number>`count(*) filter (where ${due} < ${day})`.as('overdue'),
      sql<number>`count(*) filter (where ${due} = ${day})`.as('dueToday'),
      sql<number>`count(*) filter (where ${due} > ${day})`.as('dueSoon'),
    ])
    .where('nextDueOn', 'is not', null)
    .where('nextDoneOn', 'is', null)
    .where('deletedAt', 'is', null)
    .where('nextDueOn', '<=', addDays(day, DUE_SOON_DAYS))
    .$if(ownerId !== undefined, (q) => q.where('ownerId', '=', ownerId!))
    .executeTakeFirstOrThrow()
  const overdue = await listNegotiations(ctx, { due: 'overdue', ownerId, page: 1, pageSize: SUMMARY_ROWS })
  return { today: day, ...counts, overdueRows: overdue.rows }
}
