// The project's open next step (from its latest follow-ups), red when overdue.
import { CommentOutlined } from '@ant-design/icons'
import { Button, Empty, Space, Spin, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { NegotiationForm } from '../negotiations/NegotiationForm'
import { today } from './dates'

/**
 * 记录洽谈 where the officer already is: the form opens on this project (its investor follows
 * from the project), so the next step lands on this card.
 */
export function LogNegotiationButton({ project }: { project: { id: string; name: string } }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button size="small" type="link" icon={<CommentOutlined />} onClick={() => setOpen(true)} data-testid="project-log-negotiation">
        {t('nextStep.log')}
      </Button>
      <NegotiationForm open={open} preset={{ value: `project:${project.id}`, label: project.name }} onClose={() => setOpen(false)} />
    </>
  )
}

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
