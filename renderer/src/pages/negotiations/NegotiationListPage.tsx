// 洽谈记录: every negotiation across projects, filtered and paged on the server.
import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import { DUE_FILTERS, type DueFilter, type NegotiationView } from '../../../../db/domain/negotiation'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { useShortcut } from '../workbench/useShortcut'
import { NegotiationFilters, type NegotiationFilterValues } from './NegotiationFilters'
import { NegotiationForm } from './NegotiationForm'
import { type NegotiationSort, NegotiationTable } from './NegotiationTable'

const PAGE_SIZE = 20

/** The workbench links here with ?due=overdue (and the like). */
function dueFromUrl(params: URLSearchParams): DueFilter | undefined {
  const due = params.get('due')
  return DUE_FILTERS.includes(due as DueFilter) ? (due as DueFilter) : undefined
}

export function NegotiationListPage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const [filters, setFilters] = useState<NegotiationFilterValues>(() => ({ due: dueFromUrl(params) }))
  const [page, setPage] = useState(1)
  const [sort, setSort] = useState<NegotiationSort>(null)
  const [editing, setEditing] = useState<NegotiationView | null | undefined>(undefined)
  useShortcut('j', () => setEditing(null))

  const list = useApiQuery(
    'negotiation-list',
    { ...filters, ...(sort ?? {}), page, pageSize: PAGE_SIZE },
    { placeholderData: (previous) => previous },
  )
  const filtered = Object.values(filters).some((v) => v !== undefined)

  return (
    <div className="page">
      <Card
        size="small"
        title={t('negotiations.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="negotiation-add">
            {t('negotiations.add')}
          </Button>
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <NegotiationFilters
            value={filters}
            onChange={(next) => {
              setFilters(next)
              setPage(1)
            }}
          />
          {list.error ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : (
            <NegotiationTable
              rows={list.data?.rows ?? []}
              loading={list.isFetching}
              empty={filtered ? t('negotiations.emptyFiltered') : t('negotiations.empty')}
              sort={sort}
              onSort={(next) => {
                setSort(next)
                setPage(1)
              }}
              onEdit={setEditing}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: list.data?.total ?? 0,
                showSizeChanger: false,
                hideOnSinglePage: true,
                showTotal: (count) => t('common.total', { count }),
                onChange: setPage,
              }}
            />
          )}
        </Space>
      </Card>
      <NegotiationForm open={editing !== undefined} negotiation={editing} onClose={() => setEditing(undefined)} />
    </div>
  )
}
