// How a request's status and lateness look everywhere in the area.
import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { DONE_STATUSES, REQUEST_FLOW } from '../../../../db/domain/request'
import type { RequestStatus } from '../../../../db/domain/vocab'
import { today } from '../../shell/formDates'

const COLORS: Record<RequestStatus, string> = {
  received: 'default',
  assigned: 'blue',
  in_progress: 'processing',
  resolved: 'green',
  revisited: 'cyan',
}

export function StatusTag({ status }: { status: RequestStatus }) {
  const { t } = useTranslation()
  return <Tag color={COLORS[status]}>{t(`vocab.requestStatus.${status}`)}</Tag>
}

/** Past the deadline and not resolved: the same rule as the API's overdue filter. */
export const isOverdue = (request: { deadlineOn: string | null; status: RequestStatus }): boolean =>
  !!request.deadlineOn && request.deadlineOn < today() && !DONE_STATUSES.includes(request.status)

export const nextStatus = (status: RequestStatus): RequestStatus | null => REQUEST_FLOW[REQUEST_FLOW.indexOf(status) + 1] ?? null

/** The statuses a request may move forward to (skipping is allowed, going back is not). */
export const laterStatuses = (status: RequestStatus): RequestStatus[] => REQUEST_FLOW.slice(REQUEST_FLOW.indexOf(status) + 1)
