// One event: its facts, the investors met there and the projects signed there.
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons'
import { Button, Card, Col, Descriptions, Empty, List, Popconfirm, Row, Skeleton, Space, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router-dom'
import type { NamedRef } from '../../../../db/domain/event'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { useUndoableDelete } from '../../shell/useUndoableDelete'
import { EventForm } from './EventForm'
import { eventDates } from './eventDates'

function RefList({ title, refs, to, empty }: { title: string; refs: NamedRef[]; to: string; empty: string }) {
  return (
    <Card size="small" title={`${title} (${refs.length})`}>
      <List
        size="small"
        dataSource={refs}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        renderItem={(ref) => (
          <List.Item>
            <Link to={`${to}/${ref.id}`}>{ref.name}</Link>
          </List.Item>
        )}
      />
    </Card>
  )
}

export function EventDetailPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { id = '' } = useParams()
  const detail = useApiQuery('event-get', { id })
  const [editing, setEditing] = useState(false)
  const remove = useUndoableDelete('event-delete', 'event')
  const event = detail.data
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/events')}>
      {t('event.backToList')}
    </Button>
  )

  if (detail.error) {
    return (
      <div className="page">
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
        <div style={{ textAlign: 'center' }}>{back}</div>
      </div>
    )
  }
  if (!event) return <div className="page"><Skeleton active /></div>

  return (
    <div className="page">
      <Card
        size="small"
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('event.backToList')} onClick={() => navigate('/events')} />
            {event.name}
            <Tag>{t(`vocab.eventType.${event.type}`)}</Tag>
          </Space>
        }
        extra={
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('common.confirmDelete', { name: event.name })}
              onConfirm={async () => {
                await remove(event.id, event.name)
                navigate('/events')
              }}
            >
              <Button danger icon={<DeleteOutlined />}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('event.dates')}>{eventDates(event)}</Descriptions.Item>
          <Descriptions.Item label={t('event.city')}>{event.city ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('event.owner')}>{event.ownerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('event.organizer')} span={2}>
            {event.organizer ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('event.note')} span={3}>
            {event.note ?? '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <RefList title={t('event.investors')} refs={event.investors} to="/investors" empty={t('event.noInvestors')} />
        </Col>
        <Col xs={24} lg={12}>
          <RefList title={t('event.projects')} refs={event.projects} to="/projects" empty={t('event.noProjects')} />
        </Col>
      </Row>
      <EventForm eventId={event.id} open={editing} onClose={() => setEditing(false)} />
    </div>
  )
}
