// What a tab shows before its numbers: a spinner, the error, or a clear empty state.
import { Empty, Spin } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorState } from '../../components/ErrorState'

interface Props<T> {
  query: { data: T | undefined; error: Error | null; isLoading: boolean; refetch(): unknown }
  /** True when the answer holds nothing worth a chart (e.g. no project in the period). */
  isEmpty?(data: T): boolean
  emptyText?: string
  /** Where to act when it is empty (e.g. a link to set the year's targets). */
  emptyAction?: ReactNode
  children(data: T): ReactNode
}

export function ReportState<T>({ query, isEmpty, emptyText, emptyAction, children }: Props<T>) {
  const { t } = useTranslation()
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  if (query.isLoading || query.data === undefined) return <Spin style={{ display: 'block', margin: '48px auto' }} />
  if (isEmpty?.(query.data)) {
    return (
      <Empty className="report-empty" data-testid="report-empty" description={emptyText ?? t('reports.empty')} style={{ margin: '48px 0' }}>
        {emptyAction}
      </Empty>
    )
  }
  return <>{children(query.data)}</>
}
