// Enterprise requests (企业诉求, "一企一员"): received, assigned, handled, resolved, revisited.
// The status only moves through advanceRequest, which keeps the flow one way.
import { type Kysely } from 'kysely'
import { type Ctx, inTransaction } from '../context'
import { AppError } from '../domain/errors'
import type { Page } from '../domain/negotiation'
import {
  DONE_STATUSES,
  REQUEST_FLOW,
  type RequestAdvance,
  type RequestFields,
  type RequestListQuery,
  type RequestUpdate,
  type RequestView,
  requestAdvanceProblem,
  requestIssues,
} from '../domain/request'
import type { RequestStatus } from '../domain/vocab'
import type { Database, Request } from '../schema'
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

const WHAT = '企业诉求'

// Listed as the statuses still open (not "not done") so the request_status index can serve it.
const OPEN_STATUSES = REQUEST_FLOW.filter((status) => !DONE_STATUSES.includes(status))

function fromRequests(db: Kysely<Database>) {
  return db
    .selectFrom('request as r')
    .leftJoin('investor as i', 'i.id', 'r.investorId')
    .leftJoin('project as p', 'p.id', 'r.projectId')
    .leftJoin('user as u', 'u.id', 'r.assigneeId')
    .where('r.deletedAt', 'is', null)
}

function filtered(ctx: Ctx, query: RequestListQuery) {
  const text = likePattern(query.text)
  let q = fromRequests(ctx.db)
  if (query.status?.length) q = q.where('r.status', 'in', query.status)
  if (query.category?.length) q = q.where('r.category', 'in', query.category)
  if (query.assigneeId) q = q.where('r.assigneeId', '=', query.assigneeId)
  if (query.investorId) q = q.where('r.investorId', '=', query.investorId)
  if (query.projectId) q = q.where('r.projectId', '=', query.projectId)
  if (query.overdue) q = q.where('r.status', 'in', OPEN_STATUSES).where('r.deadlineOn', '<', today(ctx))
  if (text) q = q.where(likeAny(['r.title', 'r.detail', 'r.department', 'i.name', 'p.name'], text))
  return q
}

const SORT_COLUMNS = { receivedOn: 'r.receivedOn', deadlineOn: 'r.deadlineOn', updatedAt: 'r.updatedAt' } as const

export async function listRequests(ctx: Ctx, query: RequestListQuery): Promise<Page<RequestView>> {
  const sort = query.sort ?? (query.overdue ? 'deadlineOn' : 'receivedOn')
  const order = query.order ?? (sort === 'deadlineOn' ? 'asc' : 'desc')
  const { limit, offset } = pageWindow(query)
  const rows = await filtered(ctx, query)
    .selectAll('r')
    .select(['i.name as investorName', 'p.name as projectName', 'u.name as assigneeName'])
    .orderBy(SORT_COLUMNS[sort], order)
    .orderBy('r.id', order)
    .limit(limit)
    .offset(offset)
    .execute()
  const { total } = await filtered(ctx, query).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  return { rows, total }
}

export async function getRequest(ctx: Ctx, id: string): Promise<RequestView> {
  await getLive(ctx.db, 'request', id, WHAT)
  return fromRequests(ctx.db)
    .selectAll('r')
    .select(['i.name as investorName', 'p.name as projectName', 'u.name as assigneeName'])
    .where('r.id', '=', id)
    .executeTakeFirstOrThrow()
}

function assertRules(row: Partial<Request>): void {
  const [issue] = requestIssues(row)
  if (issue) throw invalid(issue.message, issue.path)
}

export async function createRequest(ctx: Ctx, input: RequestFields): Promise<RequestView> {
  assertNotFuture(ctx, input.receivedOn, '受理日期', 'receivedOn')
  const id = await inTransaction(ctx, async (trx) => {
    const investorId = (await investorFor(trx, input.projectId, input.investorId)) ?? null
    await assertLive(trx, 'user', input.assigneeId, '承办人')
    // Handed to someone at once: 交办 rather than 受理.
    const status: RequestStatus = input.assigneeId || input.department ? 'assigned' : 'received'
    const values = { ...input, projectId: input.projectId ?? null, investorId, assigneeId: input.assigneeId ?? null, status }
    assertRules(values)
    return insertRecord(trx, ctx, 'request', values)
  })
  return getRequest(ctx, id)
}

export async function updateRequest(ctx: Ctx, { id, ...patch }: RequestUpdate): Promise<RequestView> {
  assertNotFuture(ctx, patch.receivedOn, '受理日期', 'receivedOn')
  await inTransaction(ctx, async (trx) => {
    const before = await getLive(trx, 'request', id, WHAT)
    const changes: Partial<Request> = { ...patch }
    const investorId = await investorOnUpdate(trx, before, patch)
    if (investorId !== undefined) changes.investorId = investorId
    await assertLive(trx, 'user', patch.assigneeId, '承办人')
    assertRules({ ...before, ...changes })
    await updateRecord(trx, ctx, 'request', id, changes, WHAT)
  })
  return getRequest(ctx, id)
}

/** Moves the status along 受理 → 交办 → 办理中 → 办结 → 回访, or reopens a resolved request. */
export async function advanceRequest(ctx: Ctx, input: RequestAdvance): Promise<RequestView> {
  const on = input.on ?? today(ctx)
  assertNotFuture(ctx, on, '日期', 'on')
  await inTransaction(ctx, async (trx) => {
    const before = await getLive(trx, 'request', input.id, WHAT)
    const problem = requestAdvanceProblem(before.status, input.toStatus, input)
    if (problem) throw new AppError(problem.code, problem.message, { from: before.status, to: input.toStatus })
    if (on < before.receivedOn) throw invalid(`日期不能早于受理日期（${before.receivedOn}）`, 'on')
    await assertLive(trx, 'user', input.assigneeId, '承办人')
    const changes: Partial<Request> = { status: input.toStatus, assigneeId: input.assigneeId, department: input.department }
    if (before.status === 'resolved' && input.toStatus === 'in_progress') {
      // Reopened: why stays with the request, dated, for whoever handles it next.
      const line = `【${on} 重新办理】${input.note}`
      Object.assign(changes, { resolvedOn: null, detail: before.detail ? `${before.detail}\n${line}` : line })
    } else if (input.toStatus === 'resolved') {
      changes.resolvedOn = on
    } else if (input.toStatus === 'revisited') {
      Object.assign(changes, { resolvedOn: before.resolvedOn ?? on, satisfaction: input.satisfaction, feedback: input.feedback })
    }
    await updateRecord(trx, ctx, 'request', input.id, changes, WHAT)
  })
  return getRequest(ctx, input.id)
}

export async function deleteRequest(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, (trx) => deleteRecord(trx, ctx, 'request', id, WHAT))
}

export async function restoreRequest(ctx: Ctx, id: string): Promise<RequestView> {
  await inTransaction(ctx, (trx) => restoreRecord(trx, ctx, 'request', id, WHAT))
  return getRequest(ctx, id)
}
