// Negotiation rows as a dense table: shared by the list page and an investor's detail page.
import { DeleteOutlined, EditOutlined } from '@ant-design/icons'
import { Button, Empty, Popconfirm, Space, Table, type TableProps, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { NegotiationView } from '../../../../db/domain/negotiation'
import { CompleteStepButton } from './CompleteStepButton'
import { NextStepCell } from './NextStepCell'
import { negotiationName, useDeleteNegotiation } from './useDeleteNegotiation'

export type NegotiationSort = { sort: 'happenedOn' | 'nextDueOn'; order: 'asc' | 'desc' } | null

interface Props {
  rows: NegotiationView[]
  loading: boolean
  empty: ReactNode
  pagination: TableProps<NegotiationView>['pagination']
  sort?: NegotiationSort
  onSort?(sort: NegotiationSort): void
  onEdit(negotiation: NegotiationView): void
  /** Hide the project/investor column where the page already says it (an investor's detail). */
  hideTarget?: boolean
}

export function NegotiationTable({ rows, loading, empty, pagination, sort, onSort, onEdit, hideTarget }: Props) {
  const { t } = useTranslation()
  const onDelete = useDeleteNegotiation()
  const sortOrder = (key: string) => (sort?.sort === key ? (sort.order === 'asc' ? 'ascend' : 'descend') : null)

  const columns: TableProps<NegotiationView>['columns'] = [
    {
      title: t('negotiations.fields.happenedOn'),
      dataIndex: 'happenedOn',
      key: 'happenedOn',
      width: 108,
      sorter: !!onSort,
      sortOrder: onSort ? sortOrder('happenedOn') : undefined,
    },
    {
      title: t('negotiations.fields.type'),
      dataIndex: 'type',
      width: 92,
      render: (type: NegotiationView['type']) => <Tag style={{ marginInlineEnd: 0 }}>{t(`vocab.negotiationType.${type}`)}</Tag>,
    },
    ...(hideTarget
      ? []
      : [
          {
            title: t('negotiations.fields.target'),
            key: 'target',
            width: 210,
            render: (_: unknown, n: NegotiationView) => (
              <div style={{ minWidth: 0 }}>
                {n.projectId && (
                  <Typography.Text ellipsis={{ tooltip: n.projectName }} style={{ display: 'block' }}>
                    <Link to={`/projects/${n.projectId}`}>{n.projectName}</Link>
                  </Typography.Text>
                )}
                {n.investorId && (
                  <Typography.Text type={n.projectId ? 'secondary' : undefined} ellipsis={{ tooltip: n.investorName }} style={{ display: 'block', fontSize: n.projectId ? 12 : undefined }}>
                    <Link to={`/investors/${n.investorId}`} style={{ color: 'inherit' }}>
                      {n.investorName}
                    </Link>
                  </Typography.Text>
                )}
              </div>
            ),
          },
        ]),
    {
      title: t('negotiations.fields.summary'),
      dataIndex: 'summary',
      render: (summary: string, n) => (
        <div style={{ minWidth: 0 }}>
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: summary }} style={{ marginBottom: 0 }}>
            {summary}
          </Typography.Paragraph>
          {n.result && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: n.result }} style={{ fontSize: 12, display: 'block' }}>
              {t('negotiations.resultLine', { text: n.result })}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('negotiations.fields.nextStep'),
      key: 'nextDueOn',
      width: 210,
      sorter: !!onSort,
      sortOrder: onSort ? sortOrder('nextDueOn') : undefined,
      render: (_, n) => <NextStepCell step={n} />,
    },
    { title: t('negotiations.fields.owner'), dataIndex: 'ownerName', width: 76, render: (name: string | null) => name ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 146,
      render: (_, n) => (
        <Space size={0}>
          {n.nextStep && !n.nextDoneOn && <CompleteStepButton negotiation={n} />}
          <Button type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => onEdit(n)} />
          <Popconfirm title={t('common.confirmDelete', { name: negotiationName(n) })} onConfirm={() => onDelete(n)}>
            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
          </Popconfirm>
        </Space>
      ),
    },
  ]

  return (
    <Table<NegotiationView>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={pagination}
      tableLayout="fixed"
      // Below this the summary column would be too narrow to read: scroll instead.
      scroll={{ x: 1000 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      onChange={(_, __, sorter) => {
        if (!onSort || Array.isArray(sorter)) return
        const key = sorter.columnKey as 'happenedOn' | 'nextDueOn' | undefined
        onSort(sorter.order && key ? { sort: key, order: sorter.order === 'ascend' ? 'asc' : 'desc' } : null)
      }}
    />
  )
}
