// 招商活动: filter by type, date range and text; open one, edit or delete it.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, DatePicker, Empty, Input, Popconfirm, Select, Space, Table, Tag } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { EventView } from '../../../../db/domain/event'
import { EVENT_TYPE, type EventType } from '../../../../db/domain/vocab'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { ISO } from '../../shell/formDates'
import { useUndoableDelete } from '../../shell/useUndoableDelete'
import { EventForm } from './EventForm'
import { eventDates } from './eventDates'

const PAGE_SIZE = 50

export function EventListPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [types, setTypes] = useState<EventType[]>([])
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null)
  const [text, setText] = useState('')
  const [page, setPage] = useState(1)
  const [editing, setEditing] = useState<string | null | undefined>(undefined)
  const remove = useUndoableDelete('event-delete', 'event')
  const filtered = types.length > 0 || !!range || !!text
  const list = useApiQuery('event-list', {
    type: types.length ? types : undefined,
    from: range?.[0]?.format(ISO),
    to: range?.[1]?.format(ISO),
    text: text || undefined,
    page,
    pageSize: PAGE_SIZE,
  })

  return (
    <div className="page">
      <Card
        size="small"
        title={t('event.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="event-add">
            {t('event.add')}
          </Button>
        }
      >
        <div className="page-toolbar">
          <Select<EventType[]>
            mode="multiple"
            allowClear
            style={{ minWidth: 180 }}
            placeholder={t('event.allTypes')}
            value={types}
            onChange={(next) => {
              setTypes(next)
              setPage(1)
            }}
            options={EVENT_TYPE.keys.map((key) => ({ value: key, label: t(`vocab.eventType.${key}`) }))}
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            value={range}
            onChange={(next) => {
              setRange(next)
              setPage(1)
            }}
          />
          <Input.Search
            allowClear
            style={{ width: 260 }}
            placeholder={t('event.searchPlaceholder')}
            onSearch={(next) => {
              setText(next.trim())
              setPage(1)
            }}
          />
        </div>
        {list.error ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<EventView>
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            dataSource={list.data?.rows ?? []}
            onRow={(event) => ({ onDoubleClick: () => navigate(`/events/${event.id}`) })}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              hideOnSinglePage: true,
              showSizeChanger: false,
              onChange: setPage,
              showTotal: (count) => t('common.total', { count }),
            }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('event.emptyFiltered') : t('event.empty')} /> }}
            columns={[
              {
                title: t('event.name'),
                dataIndex: 'name',
                render: (name: string, event) => <Link to={`/events/${event.id}`}>{name}</Link>,
              },
              { title: t('event.type'), dataIndex: 'type', width: 110, render: (type: EventType) => <Tag>{t(`vocab.eventType.${type}`)}</Tag> },
              { title: t('event.dates'), key: 'dates', width: 200, render: (_, event) => eventDates(event) },
              { title: t('event.city'), dataIndex: 'city', width: 100 },
              { title: t('event.organizer'), dataIndex: 'organizer', width: 180, ellipsis: true },
              { title: t('event.owner'), dataIndex: 'ownerName', width: 100 },
              { title: t('event.investorCount'), dataIndex: 'investorCount', width: 80, align: 'right' },
              { title: t('event.projectCount'), dataIndex: 'projectCount', width: 80, align: 'right' },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 96,
                render: (_, event) => (
                  <Space size={0}>
                    <Button type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(event.id)} />
                    <Popconfirm title={t('common.confirmDelete', { name: event.name })} onConfirm={() => remove(event.id, event.name)}>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <EventForm eventId={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </div>
  )
}
