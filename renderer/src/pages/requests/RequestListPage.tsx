// 企业诉求: filter by status, category, assignee and lateness; the overdue ones stand out.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Checkbox, Empty, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { RequestView } from '../../../../db/domain/request'
import { REQUEST_CATEGORY, REQUEST_STATUS, type RequestCategory, type RequestStatus } from '../../../../db/domain/vocab'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { UserSelect } from '../../components/selects'
import { useUndoableDelete } from '../../shell/useUndoableDelete'
import { RequestForm } from './RequestForm'
import { StatusTag, isOverdue } from './status'

const PAGE_SIZE = 50

export function RequestListPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [statuses, setStatuses] = useState<RequestStatus[]>([])
  const [categories, setCategories] = useState<RequestCategory[]>([])
  const [assigneeId, setAssigneeId] = useState<string | null>(null)
  const [overdue, setOverdue] = useState(false)
  const [text, setText] = useState('')
  const [page, setPage] = useState(1)
  const [editing, setEditing] = useState<RequestView | null | undefined>(undefined)
  const remove = useUndoableDelete('request-delete', 'request')
  const filtered = statuses.length > 0 || categories.length > 0 || !!assigneeId || overdue || !!text
  const list = useApiQuery('request-list', {
    status: statuses.length ? statuses : undefined,
    category: categories.length ? categories : undefined,
    assigneeId: assigneeId ?? undefined,
    overdue: overdue || undefined,
    text: text || undefined,
    page,
    pageSize: PAGE_SIZE,
  })
  // Any filter change starts again at page 1.
  const filter = <T,>(set: (value: T) => void) => (value: T) => {
    set(value)
    setPage(1)
  }

  return (
    <div className="page">
      <Card
        size="small"
        title={t('request.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="request-add">
            {t('request.add')}
          </Button>
        }
      >
        <div className="page-toolbar">
          <Select<RequestStatus[]>
            mode="multiple"
            allowClear
            style={{ minWidth: 160 }}
            placeholder={t('request.allStatuses')}
            value={statuses}
            onChange={filter(setStatuses)}
            options={REQUEST_STATUS.keys.map((key) => ({ value: key, label: t(`vocab.requestStatus.${key}`) }))}
          />
          <Select<RequestCategory[]>
            mode="multiple"
            allowClear
            style={{ minWidth: 160 }}
            placeholder={t('request.allCategories')}
            value={categories}
            onChange={filter(setCategories)}
            options={REQUEST_CATEGORY.keys.map((key) => ({ value: key, label: t(`vocab.requestCategory.${key}`) }))}
          />
          <UserSelect
            value={assigneeId}
            onChange={(value) => filter(setAssigneeId)(value as string | null)}
            placeholder={t('request.allAssignees')}
            style={{ width: 140 }}
          />
          <Checkbox checked={overdue} onChange={(event) => filter(setOverdue)(event.target.checked)}>
            {t('request.overdueOnly')}
          </Checkbox>
          <Input.Search allowClear style={{ width: 240 }} placeholder={t('request.searchPlaceholder')} onSearch={(next) => filter(setText)(next.trim())} />
        </div>
        {list.error ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<RequestView>
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            dataSource={list.data?.rows ?? []}
            onRow={(request) => ({ onDoubleClick: () => navigate(`/requests/${request.id}`) })}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              hideOnSinglePage: true,
              showSizeChanger: false,
              onChange: setPage,
              showTotal: (count) => t('common.total', { count }),
            }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('request.emptyFiltered') : t('request.empty')} /> }}
            columns={[
              {
                title: t('request.titleField'),
                dataIndex: 'title',
                render: (title: string, request) => <Link to={`/requests/${request.id}`}>{title}</Link>,
              },
              {
                title: t('request.category'),
                dataIndex: 'category',
                width: 96,
                render: (category: RequestCategory) => <Tag>{t(`vocab.requestCategory.${category}`)}</Tag>,
              },
              {
                title: t('request.company'),
                key: 'company',
                width: 180,
                ellipsis: true,
                render: (_, request) => request.projectName ?? request.investorName ?? '—',
              },
              { title: t('request.receivedOn'), dataIndex: 'receivedOn', width: 104 },
              {
                title: t('request.deadlineOn'),
                dataIndex: 'deadlineOn',
                width: 140,
                render: (deadline: string | null, request) =>
                  isOverdue(request) ? (
                    <Typography.Text type="danger">
                      {deadline} <Tag color="red">{t('request.overdue')}</Tag>
                    </Typography.Text>
                  ) : (
                    (deadline ?? '—')
                  ),
              },
              { title: t('request.assignee'), key: 'assignee', width: 96, render: (_, r) => r.assigneeName ?? r.department ?? '—' },
              { title: t('request.status'), dataIndex: 'status', width: 80, render: (status: RequestStatus) => <StatusTag status={status} /> },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 88,
                render: (_, request) => (
                  <Space size={0}>
                    <Button type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(request)} />
                    <Popconfirm title={t('common.confirmDelete', { name: request.title })} onConfirm={() => remove(request.id, request.title)}>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <RequestForm request={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </div>
  )
}
