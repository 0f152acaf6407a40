// Negotiation records (洽谈记录) and their next step: the input schemas of their API and what lists show.
import { z } from 'zod'
import type { Negotiation } from '../schema'
import { id, isoDate, optionalDate, optionalText, paging, requiredText, textQuery } from './fields'
import { NEGOTIATION_TYPE } from './vocab'

/** "Due soon" means after today and at most this many days ahead (workbench badge, notifications). */
export const DUE_SOON_DAYS = 7

/** A page of a list, filtered and counted in SQL. */
export interface Page<T> {
  rows: T[]
  total: number
}

/** One value or several: filters accept `type: 'phone'` as well as `type: ['phone', 'video']`. */
export const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z
    .union([schema, z.array(schema).max(50, '筛选项过多')])
    .transform((value) => (Array.isArray(value) ? value : [value]) as z.output<T>[])
    .optional()

export const negotiationType = z.enum(NEGOTIATION_TYPE.keys, { error: '请选择洽谈方式' })

const NegotiationObject = z.object({
  /** Not in the future: checked by the service, which knows today. */
  happenedOn: isoDate('洽谈日期'),
  type: negotiationType,
  /** At least one of project and investor; a project alone brings its investor along. */
  projectId: id.nullish(),
  investorId: id.nullish(),
  ourPeople: optionalText('我方人员', 200),
  theirPeople: optionalText('对方人员', 200),
  summary: requiredText('洽谈内容', 5000),
  result: optionalText('洽谈结果', 2000),
  nextStep: optionalText('下一步工作', 500),
  nextDueOn: optionalDate('下一步期限'),
  /** Missing: the person at the keyboard. */
  ownerId: id.nullish(),
  eventId: id.nullish(),
})

export interface NegotiationIssue {
  path: 'projectId' | 'nextDueOn'
  message: string
}

type Rules = Partial<Pick<Negotiation, 'projectId' | 'investorId' | 'nextStep' | 'nextDueOn'>>

/** The cross-field rules, for forms and for the service (which applies them to the merged row). */
export function negotiationIssues(row: Rules): NegotiationIssue[] {
  const issues: NegotiationIssue[] = []
  if (!row.projectId && !row.investorId) issues.push({ path: 'projectId', message: '请选择项目或客商' })
  if (row.nextDueOn && !row.nextStep) issues.push({ path: 'nextDueOn', message: '填写下一步期限时请同时填写下一步工作' })
  return issues
}

export const NegotiationFields = NegotiationObject.superRefine((value, context) => {
  for (const issue of negotiationIssues(value)) context.addIssue({ code: 'custom', path: [issue.path], message: issue.message })
})
export type NegotiationFields = z.output<typeof NegotiationFields>

export const NegotiationUpdate = NegotiationObject.partial().extend({ id })
export type NegotiationUpdate = z.output<typeof NegotiationUpdate>

export const NegotiationCompleteStep = z.object({
  id,
  /** Missing: today. */
  doneOn: isoDate('完成日期').optional(),
})
export type NegotiationCompleteStep = z.output<typeof NegotiationCompleteStep>

/**
 * Next steps relative to today: overdue (due before today), today, upcoming (the next
 * DUE_SOON_DAYS days), open (any step not done yet, with or without a due date).
 */
export const DUE_FILTERS = ['overdue', 'today', 'upcoming', 'open'] as const
export type DueFilter = (typeof DUE_FILTERS)[number]

export const NEGOTIATION_SORTS = ['happenedOn', 'nextDueOn', 'updatedAt'] as const

export const NegotiationListQuery = z.object({
  projectId: id.optional(),
  investorId: id.optional(),
  ownerId: id.optional(),
  eventId: id.optional(),
  type: oneOrMany(negotiationType),
  from: isoDate('起始日期').optional(),
  to: isoDate('截止日期').optional(),
  due: z.enum(DUE_FILTERS, { error: '下一步筛选不正确' }).optional(),
  text: textQuery,
  /** Missing: by due date when `due` is given, else newest first. */
  sort: z.enum(NEGOTIATION_SORTS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  ...paging,
})
export type NegotiationListQuery = z.output<typeof NegotiationListQuery>

export const DueSummaryQuery = z.object({ ownerId: id.optional() })
export type DueSummaryQuery = z.output<typeof DueSummaryQuery>

export interface NegotiationView extends Negotiation {
  projectName: string | null
  investorName: string | null
  ownerName: string | null
  eventName: string | null
}

/** Counts for the workbench badge, and the first page of the overdue list. */
export interface DueSummary {
  today: string
  overdue: number
  dueToday: number
  /** Due after today, within DUE_SOON_DAYS. */
  dueSoon: number
  overdueRows: NegotiationView[]
}
