// 企业诉求: its columns, its filters (status, category, assignee, lateness) and its query on the
// list kit; the overdue ones stand out.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Checkbox, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { RequestView } from '../../../../db/domain/request'
import { REQUEST_CATEGORY, REQUEST_STATUS, type RequestCategory, type RequestStatus } from '../../../../db/domain/vocab'
import { useApiQuery } from '../../api/hooks'
import { type ListColumn, ServerTable } from '../../components/list/ServerTable'
import { useListState } from '../../components/list/useListState'
import { type FilterShape, type ListDefaults, hasFilters } from '../../components/list/urlState'
import { PageTitle } from '../../components/PageTitle'
import { UserSelect } from '../../components/selects'
import { useUndoableDelete } from '../../shell/useUndoableDelete'
import { RequestForm } from './RequestForm'
import { StatusTag, isOverdue } from './status'

interface RequestFilters {
  status?: RequestStatus[]
  category?: RequestCategory[]
  assigneeId?: string
  /** '1' when only overdue requests are shown (the URL holds text). */
  overdue?: string
  text?: string
}
const SHAPE: FilterShape<RequestFilters> = { status: 'list', category: 'list', assigneeId: 'text', overdue: 'text', text: 'text' }
const DEFAULTS: ListDefaults = { pageSize: 50 }

export function RequestListPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const controls = useListState(SHAPE, DEFAULTS)
  const { filters, page, pageSize } = controls.state
  const set = (patch: Partial<RequestFilters>) => controls.setFilters({ ...filters, ...patch })
  const [editing, setEditing] = useState<RequestView | null | undefined>(undefined)
  const remove = useUndoableDelete('request-delete', 'request')
  const list = useApiQuery(
    'request-list',
    { ...filters, overdue: filters.overdue === '1' || undefined, page, pageSize },
    { placeholderData: (previous) => previous },
  )

  const columns: ListColumn<RequestView>[] = [
    {
      title: t('request.titleField'),
      key: 'title',
      fullText: (request) => request.title,
      render: (_, request) => <Link to={`/requests/${request.id}`}>{request.title}</Link>,
    },
    {
      title: t('request.category'),
      key: 'category',
      width: 96,
      wrap: true,
      render: (_, request) => <Tag>{t(`vocab.requestCategory.${request.category}`)}</Tag>,
    },
    { title: t('request.company'), key: 'company', width: 180, render: (_, request) => request.projectName ?? request.investorName ?? '—' },
    { title: t('request.receivedOn'), key: 'receivedOn', dataIndex: 'receivedOn', width: 104 },
    {
      title: t('request.deadlineOn'),
      key: 'deadlineOn',
      width: 150,
      wrap: true,
      render: (_, request) =>
        isOverdue(request) ? (
          <Typography.Text type="danger">
            {request.deadlineOn} <Tag color="red">{t('request.overdue')}</Tag>
          </Typography.Text>
        ) : (
          (request.deadlineOn ?? '—')
        ),
    },
    { title: t('request.assignee'), key: 'assignee', width: 96, render: (_, r) => r.assigneeName ?? r.department ?? '—' },
    { title: t('request.status'), key: 'status', width: 80, wrap: true, render: (_, request) => <StatusTag status={request.status} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 88,
      wrap: true,
      render: (_, request) => (
        <Space size={0}>
          <Button type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(request)} />
          <Popconfirm title={t('common.confirmDelete', { name: request.title })} onConfirm={() => remove(request.id, request.title)}>
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
        title={<PageTitle>{t('request.title')}</PageTitle>}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="request-add">
            {t('request.add')}
          </Button>
        }
      >
        <ServerTable<RequestView, RequestFilters>
          list={list}
          controls={controls}
          columns={columns}
          rowKey={(row) => row.id}
          filters={
            <div className="page-toolbar">
              <Select<RequestStatus[]>
                mode="multiple"
                allowClear
                style={{ minWidth: 160 }}
                placeholder={t('request.allStatuses')}
                aria-label={t('request.status')}
                value={filters.status ?? []}
                onChange={(status) => set({ status: status.length ? status : undefined })}
                options={REQUEST_STATUS.keys.map((key) => ({ value: key, label: t(`vocab.requestStatus.${key}`) }))}
              />
              <Select<RequestCategory[]>
                mode="multiple"
                allowClear
                style={{ minWidth: 160 }}
                placeholder={t('request.allCategories')}
                aria-label={t('request.category')}
                value={filters.category ?? []}
                onChange={(category) => set({ category: category.length ? category : undefined })}
                options={REQUEST_CATEGORY.keys.map((key) => ({ value: key, label: t(`vocab.requestCategory.${key}`) }))}
              />
              <UserSelect
                value={filters.assigneeId ?? null}
                onChange={(value) => set({ assigneeId: (value as string | null) ?? undefined })}
                placeholder={t('request.allAssignees')}
                aria-label={t('request.assignee')}
                style={{ width: 140 }}
              />
              <Checkbox checked={filters.overdue === '1'} onChange={(event) => set({ overdue: event.target.checked ? '1' : undefined })}>
                {t('request.overdueOnly')}
              </Checkbox>
              <Input.Search
                allowClear
                style={{ width: 240 }}
                defaultValue={filters.text}
                placeholder={t('request.searchPlaceholder')}
                aria-label={t('request.searchPlaceholder')}
                onSearch={(next) => set({ text: next.trim() || undefined })}
              />
            </div>
          }
          filtered={hasFilters(filters)}
          empty={{
            text: t('request.empty'),
            filtered: t('request.emptyFiltered'),
            action: <Typography.Link onClick={() => setEditing(null)}>{t('request.add')}</Typography.Link>,
          }}
          onRow={(request) => ({ onDoubleClick: () => navigate(`/requests/${request.id}`) })}
        />
      </Card>
      <RequestForm request={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </div>
  )
}
