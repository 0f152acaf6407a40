// One request: its facts, the status flow and the action that moves it on.
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, RollbackOutlined, StepForwardOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Descriptions, Popconfirm, Rate, Skeleton, Space, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { useUndoableDelete } from '../../shell/useUndoableDelete'
import { AdvanceModal } from './AdvanceModal'
import { RequestForm } from './RequestForm'
import { RequestSteps } from './RequestSteps'
import { StatusTag, isOverdue, nextStatus } from './status'

export function RequestDetailPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { id = '' } = useParams()
  const detail = useApiQuery('request-get', { id })
  const [editing, setEditing] = useState(false)
  const [advancing, setAdvancing] = useState<'advance' | 'reopen' | null>(null)
  const remove = useUndoableDelete('request-delete', 'request')
  const request = detail.data

  if (detail.error) {
    return (
      <div className="page">
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
        <div style={{ textAlign: 'center' }}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/requests')}>
            {t('request.backToList')}
          </Button>
        </div>
      </div>
    )
  }
  if (!request) return <div className="page"><Skeleton active /></div>
  const next = nextStatus(request.status)

  return (
    <div className="page">
      <Card
        size="small"
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('request.backToList')} onClick={() => navigate('/requests')} />
            {request.title}
            <StatusTag status={request.status} />
            {isOverdue(request) && <Tag color="red">{t('request.overdue')}</Tag>}
          </Space>
        }
        extra={
          <Space>
            {next && (
              <Button type="primary" icon={<StepForwardOutlined />} onClick={() => setAdvancing('advance')} data-testid="request-advance">
                {t('request.advance')}
              </Button>
            )}
            {request.status === 'resolved' && (
              <Button icon={<RollbackOutlined />} onClick={() => setAdvancing('reopen')}>
                {t('request.reopen')}
              </Button>
            )}
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('common.confirmDelete', { name: request.title })}
              onConfirm={async () => {
                await remove(request.id, request.title)
                navigate('/requests')
              }}
            >
              <Button danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          </Space>
        }
      >
        <div style={{ padding: '8px 0 20px' }}>
          <RequestSteps request={request} />
        </div>
        {!next && <Alert type="success" showIcon title={t('request.done')} style={{ marginBottom: 16 }} />}
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('request.category')}>{t(`vocab.requestCategory.${request.category}`)}</Descriptions.Item>
          <Descriptions.Item label={t('request.investor')}>
            {request.investorId ? <Link to={`/investors/${request.investorId}`}>{request.investorName}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('request.project')}>
            {request.projectId ? <Link to={`/projects/${request.projectId}`}>{request.projectName}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('request.receivedOn')}>{request.receivedOn}</Descriptions.Item>
          <Descriptions.Item label={t('request.deadlineOn')}>{request.deadlineOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('request.resolvedOn')}>{request.resolvedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('request.assignee')}>{request.assigneeName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('request.department')}>{request.department ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('request.satisfaction')}>
            {request.satisfaction ? <Rate disabled value={request.satisfaction} /> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('request.detail')} span={3}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{request.detail ?? '—'}</span>
          </Descriptions.Item>
          {request.feedback && (
            <Descriptions.Item label={t('request.feedback')} span={3}>
              {request.feedback}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <RequestForm request={request} open={editing} onClose={() => setEditing(false)} />
      {advancing && <AdvanceModal request={request} mode={advancing} open onClose={() => setAdvancing(null)} />}
    </div>
  )
}
