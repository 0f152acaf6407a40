// 招商活动: its columns, its filters (type, dates, text) and its query on the list kit.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, DatePicker, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { EventView } from '../../../../db/domain/event'
import { EVENT_TYPE, type EventType } from '../../../../db/domain/vocab'
import { useApiQuery } from '../../api/hooks'
import { type ListColumn, ServerTable } from '../../components/list/ServerTable'
import { useListState } from '../../components/list/useListState'
import { type FilterShape, type ListDefaults, hasFilters } from '../../components/list/urlState'
import { PageTitle } from '../../components/PageTitle'
import { ISO } from '../../shell/formDates'
import { useUndoableDelete } from '../../shell/useUndoableDelete'
import { EventForm } from './EventForm'
import { eventDates } from './eventDates'

interface EventFilters {
  type?: EventType[]
  from?: string
  to?: string
  text?: string
}
const SHAPE: FilterShape<EventFilters> = { type: 'list', from: 'text', to: 'text', text: 'text' }
const DEFAULTS: ListDefaults = { pageSize: 50 }

export function EventListPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const controls = useListState(SHAPE, DEFAULTS)
  const { filters, page, pageSize } = controls.state
  const set = (patch: Partial<EventFilters>) => controls.setFilters({ ...filters, ...patch })
  const [editing, setEditing] = useState<string | null | undefined>(undefined)
  const remove = useUndoableDelete('event-delete', 'event')
  const list = useApiQuery('event-list', { ...filters, page, pageSize }, { placeholderData: (previous) => previous })

  const columns: ListColumn<EventView>[] = [
    { title: t('event.name'), key: 'name', fullText: (event) => event.name, render: (_, event) => <Link to={`/events/${event.id}`}>{event.name}</Link> },
    { title: t('event.type'), key: 'type', width: 90, wrap: true, render: (_, event) => <Tag>{t(`vocab.eventType.${event.type}`)}</Tag> },
    { title: t('event.dates'), key: 'dates', width: 180, render: (_, event) => eventDates(event) },
    { title: t('event.city'), key: 'city', dataIndex: 'city', width: 80 },
    { title: t('event.organizer'), key: 'organizer', dataIndex: 'organizer', width: 140 },
    { title: t('event.owner'), key: 'owner', dataIndex: 'ownerName', width: 80 },
    { title: t('event.investorCount'), key: 'investorCount', dataIndex: 'investorCount', width: 64, align: 'right' },
    { title: t('event.projectCount'), key: 'projectCount', dataIndex: 'projectCount', width: 64, align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 96,
      wrap: true,
      render: (_, event) => (
        <Space size={0}>
          <Button type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(event.id)} />
          <Popconfirm title={t('common.confirmDelete', { name: event.name })} onConfirm={() => remove(event.id, event.name)}>
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
        title={<PageTitle>{t('event.title')}</PageTitle>}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="event-add">
            {t('event.add')}
          </Button>
        }
      >
        <ServerTable<EventView, EventFilters>
          list={list}
          controls={controls}
          columns={columns}
          rowKey={(row) => row.id}
          filters={
            <div className="page-toolbar">
              <Select<EventType[]>
                mode="multiple"
                allowClear
                style={{ minWidth: 180 }}
                placeholder={t('event.allTypes')}
                aria-label={t('event.type')}
                value={filters.type ?? []}
                onChange={(type) => set({ type: type.length ? type : undefined })}
                options={EVENT_TYPE.keys.map((key) => ({ value: key, label: t(`vocab.eventType.${key}`) }))}
              />
              <DatePicker.RangePicker
                allowEmpty={[true, true]}
                value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
                onChange={(range) => set({ from: range?.[0]?.format(ISO), to: range?.[1]?.format(ISO) })}
              />
              <Input.Search
                allowClear
                style={{ width: 260 }}
                defaultValue={filters.text}
                placeholder={t('event.searchPlaceholder')}
                aria-label={t('event.searchPlaceholder')}
                onSearch={(next) => set({ text: next.trim() || undefined })}
              />
            </div>
          }
          filtered={hasFilters(filters)}
          empty={{
            text: t('event.empty'),
            filtered: t('event.emptyFiltered'),
            action: <Typography.Link onClick={() => setEditing(null)}>{t('event.add')}</Typography.Link>,
          }}
          onRow={(event) => ({ onDoubleClick: () => navigate(`/events/${event.id}`) })}
        />
      </Card>
      <EventForm eventId={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </div>
  )
}
