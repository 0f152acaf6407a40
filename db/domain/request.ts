// Enterprise requests (企业诉求): what a landed company asks for, and how it is handled
// (受理 → 交办 → 办理中 → 办结 → 回访).
import { z } from 'zod'
import type { Request } from '../schema'
import { id, isoDate, optionalDate, optionalText, paging, requiredText, textQuery } from './fields'
import { oneOrMany } from './negotiation'
import { REQUEST_CATEGORY, REQUEST_STATUS, type RequestStatus } from './vocab'

// Said the way the 回访 form shows it: stars, not integers.
const SATISFACTION_HINT = '满意度请选 1–5 星（1 星很不满意，5 星很满意）'

export const requestCategory = z.enum(REQUEST_CATEGORY.keys, { error: '请选择诉求类别' })
export const requestStatus = z.enum(REQUEST_STATUS.keys, { error: '诉求状态不正确' })

/** The one way through; advancing may skip steps but never goes back (except a reopen). */
export const REQUEST_FLOW = REQUEST_STATUS.keys

/** Resolved and revisited requests are done: they are never overdue. */
export const DONE_STATUSES: readonly RequestStatus[] = ['resolved', 'revisited']

const RequestObject = z.object({
  category: requestCategory,
  title: requiredText('诉求标题', 200),
  detail: optionalText('诉求内容', 5000),
  /** Not in the future: checked by the service, which knows today. */
  receivedOn: isoDate('受理日期'),
  /** Given at creation, the request starts as 交办 (assigned) rather than 受理. */
  assigneeId: id.nullish(),
  department: optionalText('承办部门', 100),
  deadlineOn: optionalDate('办理期限'),
  /** At least one; a project alone brings its investor along. */
  investorId: id.nullish(),
  projectId: id.nullish(),
})

type Rules = Partial<Pick<Request, 'investorId' | 'projectId' | 'receivedOn' | 'deadlineOn'>>

export interface RequestIssue {
  path: 'projectId' | 'deadlineOn'
  message: string
}

/** The cross-field rules, for forms and for the service (which applies them to the merged row). */
export function requestIssues(row: Rules): RequestIssue[] {
  const issues: RequestIssue[] = []
  if (!row.projectId && !row.investorId) issues.push({ path: 'projectId', message: '请选择企业（客商）或项目' })
  if (row.deadlineOn && row.receivedOn && row.deadlineOn < row.receivedOn) {
    issues.push({ path: 'deadlineOn', message: '办理期限不能早于受理日期' })
  }
  return issues
}

export const RequestFields = RequestObject.superRefine((value, context) => {
  for (const issue of requestIssues(value)) context.addIssue({ code: 'custom', path: [issue.path], message: issue.message })
})
export type RequestFields = z.output<typeof RequestFields>

/** The status moves only through request-advance. */
export const RequestUpdate = RequestObject.partial().extend({ id })
export type RequestUpdate = z.output<typeof RequestUpdate>

export const RequestAdvance = z.object({
  id,
  toStatus: requestStatus,
  /** The date of the step (办结 date when resolving); missing: today. */
  on: isoDate('日期').optional(),
  /** 1..5, required when revisiting. */
  satisfaction: z.number({ error: SATISFACTION_HINT }).int(SATISFACTION_HINT).min(1, SATISFACTION_HINT).max(5, SATISFACTION_HINT).optional(),
  feedback: optionalText('回访意见', 2000),
  /** Required to reopen a resolved request; kept in its detail with the date. */
  note: optionalText('说明', 500),
  /** Assign while advancing (交办 to a person or a department). */
  assigneeId: id.optional(),
  department: optionalText('承办部门', 100).optional(),
})
export type RequestAdvance = z.output<typeof RequestAdvance>

export interface AdvanceProblem {
  /** conflict: the request is past that status; validation: something the step needs is missing. */
  code: 'conflict' | 'validation'
  message: string
}

/**
 * Why a status change is refused, or null when it is allowed: forward by one step or more, or a
 * reopen from resolved back to in_progress with a note.
 */
export function requestAdvanceProblem(
  from: RequestStatus,
  to: RequestStatus,
  input: { satisfaction?: number | null; note?: string | null },
): AdvanceProblem | null {
  const rank = (status: RequestStatus) => REQUEST_FLOW.indexOf(status)
  const label = REQUEST_STATUS.labels
  if (from === 'resolved' && to === 'in_progress') {
    return input.note ? null : { code: 'validation', message: '重新办理请填写说明' }
  }
  if (rank(to) <= rank(from)) return { code: 'conflict', message: `诉求已是“${label[from]}”，不能改为“${label[to]}”` }
  if (to === 'revisited' && !input.satisfaction) return { code: 'validation', message: `回访请填写满意度：${SATISFACTION_HINT}` }
  return null
}

export const RequestListQuery = z.object({
  status: oneOrMany(requestStatus),
  category: oneOrMany(requestCategory),
  assigneeId: id.optional(),
  investorId: id.optional(),
  projectId: id.optional(),
  /** Past the deadline and not resolved: the exception list. */
  overdue: z.boolean().optional(),
  text: textQuery,
  /** Missing: deadline first when overdue, else the newest received first. */
  sort: z.enum(['receivedOn', 'deadlineOn', 'updatedAt']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  ...paging,
})
export type RequestListQuery = z.output<typeof RequestListQuery>

export interface RequestView extends Request {
  investorName: string | null
  projectName: string | null
  assigneeName: string | null
}
