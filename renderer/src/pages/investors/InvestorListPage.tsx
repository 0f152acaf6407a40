// 客商: the investor list — its columns, its filters and its query on the list kit.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Popconfirm, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { INVESTOR_SORT, InvestorRow } from '../../../../db/domain/investor'
import { useApiQuery } from '../../api/hooks'
import { type ListColumn, ServerTable } from '../../components/list/ServerTable'
import { useListState } from '../../components/list/useListState'
import { type FilterShape, type ListDefaults, hasFilters } from '../../components/list/urlState'
import { PageTitle } from '../../components/PageTitle'
import { count, yi } from '../../format'
import { InvestorFilters, type InvestorFilterValues } from './InvestorFilters'
import { InvestorForm } from './InvestorForm'
import { useOfferNewProject } from './NewProjectForInvestor'
import { useDeleteInvestor } from './useDeleteInvestor'

const SHAPE: FilterShape<InvestorFilterValues> = {
  text: 'text',
  ownership: 'text',
  origin: 'text',
  industryId: 'text',
  sourceChannel: 'text',
  tagIds: 'list',
}
const DEFAULTS: ListDefaults = { pageSize: 20, sort: 'updatedAt', order: 'desc' }

export function InvestorListPage() {
  const { t } = useTranslation()
  const controls = useListState(SHAPE, DEFAULTS)
  const { filters, sort, order, page, pageSize } = controls.state
  const [editing, setEditing] = useState<InvestorRow | null | undefined>(undefined)
  const newProject = useOfferNewProject()
  const onDelete = useDeleteInvestor()
  const list = useApiQuery(
    'investor-list',
    { ...filters, sort: sort as (typeof INVESTOR_SORT)[number], desc: order === 'desc', page, pageSize },
    { placeholderData: (previous) => previous },
  )

  const columns: ListColumn<InvestorRow>[] = [
    {
      title: t('investors.fields.name'),
      key: 'name',
      sortKey: 'name',
      fullText: (investor) => investor.name,
      render: (_, investor) => <Link to={`/investors/${investor.id}`}>{investor.name}</Link>,
    },
    {
      title: t('investors.fields.creditCode'),
      key: 'creditCode',
      width: 160,
      render: (_, i) => (i.creditCode ? <Typography.Text style={{ fontFamily: 'monospace' }}>{i.creditCode}</Typography.Text> : '—'),
    },
    { title: t('investors.fields.ownership'), key: 'ownership', width: 80, render: (_, i) => (i.ownership ? t(`vocab.ownership.${i.ownership}`) : '—') },
    {
      title: t('investors.fields.origin'),
      key: 'origin',
      width: 100,
      render: (_, i) => (i.origin ? [t(`vocab.origin.${i.origin}`), i.originCity].filter(Boolean).join(' · ') : (i.originCity ?? '—')),
    },
    { title: t('investors.fields.industry'), key: 'industry', width: 100, render: (_, i) => i.industryName ?? '—' },
    {
      title: t('investors.fields.sourceChannel'),
      key: 'sourceChannel',
      width: 92,
      render: (_, i) => (i.sourceChannel ? t(`vocab.sourceChannel.${i.sourceChannel}`) : '—'),
    },
    { title: t('investors.fields.projectCount'), key: 'projectCount', width: 64, align: 'right', render: (_, i) => count(i.projectCount) },
    {
      title: t('investors.fields.totalInvestment'),
      key: 'totalInvestment',
      width: 112,
      align: 'right',
      render: (_, i) => (i.projectCount === 0 ? '—' : yi(i.totalInvestmentYuan)),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 84,
      wrap: true,
      render: (_, investor) => (
        <Space size={0}>
          <Button type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(investor)} />
          <Popconfirm title={t('common.confirmDelete', { name: investor.name })} onConfirm={() => onDelete(investor)}>
            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
          </Popconfirm>
        </Space>
      ),
    },
  ]

  return (
    <div className="page">
      <Card
        size="small"
        title={<PageTitle>{t('investors.title')}</PageTitle>}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="investor-add">
            {t('investors.add')}
          </Button>
        }
      >
        <ServerTable<InvestorRow, InvestorFilterValues>
          list={list}
          controls={controls}
          columns={columns}
          rowKey={(row) => row.id}
          filters={<InvestorFilters value={filters} onChange={controls.setFilters} />}
          filtered={hasFilters(filters)}
          empty={{
            text: t('investors.empty'),
            filtered: t('investors.emptyFiltered'),
            action: <Typography.Link onClick={() => setEditing(null)}>{t('investors.add')}</Typography.Link>,
          }}
        />
      </Card>
      <InvestorForm
        investorId={editing?.id ?? null}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
        onSaved={(saved) => {
          if (editing === null) newProject.offer(saved)
        }}
      />
      {newProject.dialog}
    </div>
  )
}
