// 客商: the investor list, filtered, sorted and paged on the server.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Popconfirm, Space, Table, type TableProps, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { INVESTOR_SORT, InvestorRow } from '../../../../db/domain/investor'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { count, yi } from '../../format'
import { InvestorFilters, type InvestorFilterValues } from './InvestorFilters'
import { InvestorForm } from './InvestorForm'
import { useDeleteInvestor } from './useDeleteInvestor'

const PAGE_SIZE = 20
type Sort = { sort: (typeof INVESTOR_SORT)[number]; desc: boolean }

export function InvestorListPage() {
  const { t } = useTranslation()
  const [filters, setFilters] = useState<InvestorFilterValues>({})
  const [page, setPage] = useState(1)
  const [sort, setSort] = useState<Sort>({ sort: 'updatedAt', desc: true })
  const [editing, setEditing] = useState<InvestorRow | null | undefined>(undefined)
  const onDelete = useDeleteInvestor()
  const list = useApiQuery('investor-list', { ...filters, ...sort, page, pageSize: PAGE_SIZE }, { placeholderData: (previous) => previous })
  const filtered = Object.values(filters).some((v) => v !== undefined)
  const order = (key: Sort['sort']) => (sort.sort === key ? (sort.desc ? 'descend' : 'ascend') : null)

  const columns: TableProps<InvestorRow>['columns'] = [
    {
      title: t('investors.fields.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: order('name'),
      render: (name: string, investor) => (
        <Typography.Text ellipsis={{ tooltip: name }}>
          <Link to={`/investors/${investor.id}`}>{name}</Link>
        </Typography.Text>
      ),
    },
    {
      title: t('investors.fields.creditCode'),
      dataIndex: 'creditCode',
      width: 170,
      render: (code: string | null) => (code ? <Typography.Text style={{ fontFamily: 'monospace' }}>{code}</Typography.Text> : '—'),
    },
    {
      title: t('investors.fields.ownership'),
      dataIndex: 'ownership',
      width: 84,
      ellipsis: true,
      render: (v: InvestorRow['ownership']) => (v ? t(`vocab.ownership.${v}`) : '—'),
    },
    {
      title: t('investors.fields.origin'),
      key: 'origin',
      width: 120,
      ellipsis: true,
      render: (_, i) => (i.origin ? [t(`vocab.origin.${i.origin}`), i.originCity].filter(Boolean).join(' · ') : (i.originCity ?? '—')),
    },
    {
      title: t('investors.fields.industry'),
      dataIndex: 'industryName',
      width: 120,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('investors.fields.sourceChannel'),
      dataIndex: 'sourceChannel',
      width: 92,
      ellipsis: true,
      render: (v: InvestorRow['sourceChannel']) => (v ? t(`vocab.sourceChannel.${v}`) : '—'),
    },
    { title: t('investors.fields.projectCount'), dataIndex: 'projectCount', width: 64, align: 'right', render: count },
    {
      title: t('investors.fields.totalInvestment'),
      dataIndex: 'totalInvestmentYuan',
      width: 112,
      align: 'right',
      render: (yuan: number, i) => (i.projectCount === 0 ? '—' : yi(yuan)),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 84,
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
        title={t('investors.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="investor-add">
            {t('investors.add')}
          </Button>
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <InvestorFilters
            value={filters}
            onChange={(next) => {
              setFilters(next)
              setPage(1)
            }}
          />
          {list.error ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : (
            <Table<InvestorRow>
              rowKey="id"
              size="middle"
              tableLayout="fixed"
              // Keeps the name readable on narrow windows: the table scrolls rather than squeezing it.
              scroll={{ x: 1000 }}
              loading={list.isFetching}
              dataSource={list.data?.rows ?? []}
              columns={columns}
              locale={{
                emptyText: (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={filtered ? t('investors.emptyFiltered') : t('investors.empty')}
                  />
                ),
              }}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: list.data?.total ?? 0,
                showSizeChanger: false,
                hideOnSinglePage: true,
                showTotal: (total) => t('common.total', { count: total }),
                onChange: setPage,
              }}
              onChange={(_, __, sorter) => {
                if (Array.isArray(sorter)) return
                const key = sorter.columnKey as Sort['sort'] | undefined
                setSort(sorter.order && key ? { sort: key, desc: sorter.order === 'descend' } : { sort: 'updatedAt', desc: true })
                setPage(1)
              }}
            />
          )}
        </Space>
      </Card>
      <InvestorForm investorId={editing?.id ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </div>
  )
}
