// The status flow as Steps, each reached step dated: 受理 from the request, the others from its
// change history (the status column's before/after), 办结 from resolvedOn.
import { Steps } from 'antd'
import { useTranslation } from 'react-i18next'
import { entryChanges } from '../../../../db/domain/history'
import { REQUEST_FLOW, type RequestView } from '../../../../db/domain/request'
import type { RequestStatus } from '../../../../db/domain/vocab'
import { useApiQuery } from '../../api/hooks'
import { dateTime } from '../../format'

export function RequestSteps({ request }: { request: RequestView }) {
  const { t } = useTranslation()
  const history = useApiQuery('history-list', { entity: 'request', id: request.id, limit: 200 })
  const reachedAt = new Map<RequestStatus, string>()
  // Newest first: keep the first (latest) time each status was entered.
  for (const entry of history.data ?? []) {
    if (entry.entityId !== request.id) continue
    const status = entryChanges(entry).status?.[1] as RequestStatus | undefined
    if (status && !reachedAt.has(status)) reachedAt.set(status, dateTime(entry.at).slice(0, 10))
  }
  reachedAt.set('received', request.receivedOn)
  if (request.resolvedOn) reachedAt.set('resolved', request.resolvedOn)
  const current = REQUEST_FLOW.indexOf(request.status)

  return (
    <Steps
      size="small"
      current={current}
      status={request.status === 'revisited' ? 'finish' : 'process'}
      items={REQUEST_FLOW.map((status, index) => ({
        title: t(`vocab.requestStatus.${status}`),
        description: index <= current ? reachedAt.get(status) : undefined,
      }))}
    />
  )
}
