// Investment promotion events (招商活动): 推介会, 洽谈会, 签约仪式, 展会, 外出招商; who was met there
// and which projects were signed there.
import { z } from 'zod'
import type { Event } from '../schema'
import { id, isoDate, optionalDate, optionalText, paging, requiredText, textQuery } from './fields'
import { oneOrMany } from './negotiation'
import { EVENT_TYPE } from './vocab'

export const eventType = z.enum(EVENT_TYPE.keys, { error: '请选择活动类型' })

/** A set of ids: duplicates collapse, order is kept. */
const idSet = (label: string) =>
  z
    .array(id, { error: `${label}应为列表` })
    .max(500, `${label}过多`)
    .transform((ids) => [...new Set(ids)])

const EventObject = z.object({
  name: requiredText('活动名称', 200),
  type: eventType,
  startOn: isoDate('开始日期'),
  /** Missing: a one-day event. */
  endOn: optionalDate('结束日期'),
  city: optionalText('城市', 50),
  organizer: optionalText('主办单位', 100),
  ownerId: id.nullish(),
  note: optionalText('备注', 2000),
  /** Investors met at the event: the whole set (an update replaces it). */
  investorIds: idSet('客商'),
  /** Projects signed at the event: the whole set (an update replaces it). */
  projectIds: idSet('项目'),
})

export function eventDatesProblem(startOn: string, endOn: string | null | undefined): string | null {
  return endOn && endOn < startOn ? '结束日期不能早于开始日期' : null
}

export const EventFields = EventObject.extend({
  investorIds: EventObject.shape.investorIds.default([]),
  projectIds: EventObject.shape.projectIds.default([]),
}).superRefine((value, context) => {
  const problem = eventDatesProblem(value.startOn, value.endOn)
  if (problem) context.addIssue({ code: 'custom', path: ['endOn'], message: problem })
})
export type EventFields = z.output<typeof EventFields>

export const EventUpdate = EventObject.partial().extend({ id })
export type EventUpdate = z.output<typeof EventUpdate>

export const EventListQuery = z.object({
  type: oneOrMany(eventType),
  ownerId: id.optional(),
  /** Events that overlap [from, to]. */
  from: isoDate('起始日期').optional(),
  to: isoDate('截止日期').optional(),
  /** Events where this investor was met, or this project signed. */
  investorId: id.optional(),
  projectId: id.optional(),
  text: textQuery,
  ...paging,
})
export type EventListQuery = z.output<typeof EventListQuery>

export interface EventView extends Event {
  ownerName: string | null
  investorCount: number
  projectCount: number
}

export interface NamedRef {
  id: string
  name: string
}

export interface EventDetail extends Event {
  ownerName: string | null
  investors: NamedRef[]
  projects: NamedRef[]
}
