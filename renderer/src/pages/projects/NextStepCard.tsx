// The project's open next step (from its latest follow-ups), red when overdue.
import { Empty, Space, Spin, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { today } from './dates'

export function NextStepCard({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const open = useApiQuery('negotiation-list', { projectId, due: 'open', sort: 'nextDueOn', order: 'asc', pageSize: 3 })
  if (open.error) return <ErrorState error={open.error} onRetry={() => void open.refetch()} />
  if (open.isLoading) return <Spin />
  const steps = open.data?.rows ?? []
  if (steps.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('project.detail.noNextStep')} />
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="project-next-step">
      {steps.map((step) => {
        const overdue = !!step.nextDueOn && step.nextDueOn < today()
        return (
          <div key={step.id}>
            <Typography.Text strong style={{ display: 'block' }}>
              {step.nextStep}
            </Typography.Text>
            <Space size={6} wrap>
              {step.nextDueOn && (
                <Typography.Text type={overdue ? 'danger' : 'secondary'}>{t('project.detail.dueOn', { date: step.nextDueOn })}</Typography.Text>
              )}
              {overdue && <Tag color="red">{t('project.detail.overdue')}</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('project.detail.fromNegotiation', { date: step.happenedOn })}
              </Typography.Text>
            </Space>
          </div>
        )
      })}
    </Space>
  )
}
