// What the follow-up services (negotiations, agreements, funds, requests, events, targets) share:
// today on the user's clock, references that must point at live rows, text search, paging.
import { likeAny, likeContains } from './like'
import type { Ctx, Trx } from '../context'
import { todayIso } from '../domain/dates'
import { AppError } from '../domain/errors'
import type { Project } from '../schema'
import { getLive } from './records'

export const today = (ctx: Ctx): string => todayIso(ctx.now())

/** Things that happened (a talk, a signature, money arriving) cannot be dated after today. */
export function assertNotFuture(ctx: Ctx, date: string | null | undefined, label: string, field: string): void {
  if (date && date > today(ctx)) {
    throw new AppError('validation', `${label}不能晚于今天（${today(ctx)}）`, { issues: [{ path: field, message: `${label}不能晚于今天` }] })
  }
}

export function invalid(message: string, field: string): AppError {
  return new AppError('validation', message, { issues: [{ path: field, message }] })
}

type RefTable = 'project' | 'investor' | 'user' | 'event' | 'district' | 'park'

/** Throws not_found naming the thing when an id is given but its row is missing or deleted. */
export async function assertLive(trx: Trx, table: RefTable, id: string | null | undefined, what: string): Promise<void> {
  if (id) await getLive(trx, table, id, what)
}

/** The live project; its investor is what a record about the project is also about. */
export async function liveProject(trx: Trx, id: string): Promise<Project> {
  return await getLive(trx, 'project', id, '项目')
}

/**
 * Checks the project and investor a record is about, and returns the investor to store: the one
 * given, else the project's (a talk about a project is a talk with its investor). Undefined when
 * neither says anything, which for an update means "unchanged".
 */
export async function investorFor(
  trx: Trx,
  projectId: string | null | undefined,
  investorId: string | null | undefined,
): Promise<string | null | undefined> {
  const project = projectId ? await liveProject(trx, projectId) : null
  await assertLive(trx, 'investor', investorId, '客商')
  return investorId || (project?.investorId ?? investorId)
}

/**
 * The investor to store when an update touches project or investor (undefined: neither is touched).
 * A new project brings its own investor unless one is given with it.
 */
export async function investorOnUpdate(
  trx: Trx,
  before: { projectId: string | null; investorId: string | null },
  patch: { projectId?: string | null; investorId?: string | null },
): Promise<string | null | undefined> {
  if (patch.projectId === undefined && patch.investorId === undefined) return undefined
  const projectId = patch.projectId === undefined ? before.projectId : patch.projectId
  const projectChanged = projectId !== null && projectId !== before.projectId
  const investorId = patch.investorId !== undefined ? patch.investorId : projectChanged ? null : before.investorId
  return (await investorFor(trx, projectId, investorId)) ?? null
}

/** `%text%` for LIKE with its wildcards escaped (use with likeAny, which says ESCAPE). */
export const likePattern = (text: string | undefined): string | undefined => (text ? likeContains(text) : undefined)

export { likeAny }

export const pageWindow = (query: { page: number; pageSize: number }) => ({
  limit: query.pageSize,
  offset: (query.page - 1) * query.pageSize,
})
