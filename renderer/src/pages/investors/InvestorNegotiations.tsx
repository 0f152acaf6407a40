// The negotiations with one investor (directly or through its projects), newest first.
import { PlusOutlined } from '@ant-design/icons'
import { Button, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NEGOTIATION_SORTS, NegotiationView } from '../../../../db/domain/negotiation'
import { useApiQuery } from '../../api/hooks'
import { ServerTable } from '../../components/list/ServerTable'
import { useLocalListState } from '../../components/list/useListState'
import { useNegotiationColumns } from '../negotiations/negotiationColumns'
import { NegotiationForm } from '../negotiations/NegotiationForm'

export function InvestorNegotiations({ investor }: { investor: { id: string; name: string } }) {
  const { t } = useTranslation()
  // A tab of the detail page: its paging stays with the tab, not in the URL.
  const controls = useLocalListState({ pageSize: 10 }, {})
  const { sort, order, page, pageSize } = controls.state
  const [editing, setEditing] = useState<NegotiationView | null | undefined>(undefined)
  const columns = useNegotiationColumns({ onEdit: setEditing })
  const list = useApiQuery(
    'negotiation-list',
    { investorId: investor.id, sort: sort as (typeof NEGOTIATION_SORTS)[number] | undefined, order, page, pageSize },
    { placeholderData: (previous) => previous },
  )

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
        {t('negotiations.add')}
      </Button>
      <ServerTable<NegotiationView, object>
        list={list}
        controls={controls}
        columns={columns}
        rowKey={(row) => row.id}
        filtered={false}
        empty={{ text: t('investors.negotiationsEmpty'), filtered: t('investors.negotiationsEmpty') }}
      />
      <NegotiationForm
        open={editing !== undefined}
        negotiation={editing}
        preset={{ value: `investor:${investor.id}`, label: investor.name }}
        onClose={() => setEditing(undefined)}
      />
    </Space>
  )
}
