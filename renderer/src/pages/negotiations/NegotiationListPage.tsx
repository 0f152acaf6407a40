// 洽谈记录: every negotiation across projects — its columns, its filters and its query on the list kit.
import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NEGOTIATION_SORTS, NegotiationView } from '../../../../db/domain/negotiation'
import { useApiQuery } from '../../api/hooks'
import { ServerTable } from '../../components/list/ServerTable'
import { useListState } from '../../components/list/useListState'
import { type FilterShape, type ListDefaults, hasFilters } from '../../components/list/urlState'
import { PageTitle } from '../../components/PageTitle'
import { useNegotiationColumns } from './negotiationColumns'
import { NegotiationFilters, type NegotiationFilterValues } from './NegotiationFilters'
import { NegotiationForm } from './NegotiationForm'

// The workbench links here with ?due=overdue (and the like): that is this shape's `due`.
const SHAPE: FilterShape<NegotiationFilterValues> = { text: 'text', type: 'list', ownerId: 'text', from: 'text', to: 'text', due: 'text' }
const DEFAULTS: ListDefaults = { pageSize: 20 }

export function NegotiationListPage() {
  const { t } = useTranslation()
  const controls = useListState(SHAPE, DEFAULTS)
  const { filters, sort, order, page, pageSize } = controls.state
  const [editing, setEditing] = useState<NegotiationView | null | undefined>(undefined)
  const columns = useNegotiationColumns({ onEdit: setEditing })

  const list = useApiQuery(
    'negotiation-list',
    { ...filters, sort: sort as (typeof NEGOTIATION_SORTS)[number] | undefined, order, page, pageSize },
    { placeholderData: (previous) => previous },
  )

  return (
    <div className="page">
      <Card
        size="small"
        title={<PageTitle>{t('negotiations.title')}</PageTitle>}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="negotiation-add">
            {t('negotiations.add')}
          </Button>
        }
      >
        <ServerTable<NegotiationView, NegotiationFilterValues>
          list={list}
          controls={controls}
          columns={columns}
          rowKey={(row) => row.id}
          filters={<NegotiationFilters value={filters} onChange={controls.setFilters} />}
          filtered={hasFilters(filters)}
          empty={{
            text: t('negotiations.empty'),
            filtered: t('negotiations.emptyFiltered'),
            action: <Typography.Link onClick={() => setEditing(null)}>{t('negotiations.add')}</Typography.Link>,
          }}
        />
      </Card>
      <NegotiationForm open={editing !== undefined} negotiation={editing} onClose={() => setEditing(undefined)} />
    </div>
  )
}
