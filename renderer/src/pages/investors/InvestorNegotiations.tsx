// The negotiations with one investor (directly or through its projects), newest first.
import { PlusOutlined } from '@ant-design/icons'
import { Button, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NegotiationView } from '../../../../db/domain/negotiation'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { NegotiationForm } from '../negotiations/NegotiationForm'
import { NegotiationTable } from '../negotiations/NegotiationTable'

const PAGE_SIZE = 10

export function InvestorNegotiations({ investor }: { investor: { id: string; name: string } }) {
  const { t } = useTranslation()
  const [page, setPage] = useState(1)
  const [editing, setEditing] = useState<NegotiationView | null | undefined>(undefined)
  const list = useApiQuery('negotiation-list', { investorId: investor.id, page, pageSize: PAGE_SIZE }, { placeholderData: (previous) => previous })

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
        {t('negotiations.add')}
      </Button>
      {list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <NegotiationTable
          rows={list.data?.rows ?? []}
          loading={list.isFetching}
          empty={t('investors.negotiationsEmpty')}
          onEdit={setEditing}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        />
      )}
      <NegotiationForm
        open={editing !== undefined}
        negotiation={editing}
        preset={{ value: `investor:${investor.id}`, label: investor.name }}
        onClose={() => setEditing(undefined)}
      />
    </Space>
  )
}
