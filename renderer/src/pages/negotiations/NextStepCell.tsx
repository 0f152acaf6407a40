// A next step with its due date: red when overdue, orange today, struck through once done.
import { CheckCircleFilled } from '@ant-design/icons'
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { NegotiationView } from '../../../../db/domain/negotiation'
import { todayText } from './dateField'

type Step = Pick<NegotiationView, 'nextStep' | 'nextDueOn' | 'nextDoneOn'>

export type DueState = 'none' | 'done' | 'overdue' | 'today' | 'later' | 'undated'

export function dueState(step: Step, today = todayText()): DueState {
  if (!step.nextStep) return 'none'
  if (step.nextDoneOn) return 'done'
  if (!step.nextDueOn) return 'undated'
  if (step.nextDueOn < today) return 'overdue'
  return step.nextDueOn === today ? 'today' : 'later'
}

export function DueDate({ step, today }: { step: Step; today?: string }) {
  const { t } = useTranslation()
  const state = dueState(step, today)
  if (!step.nextDueOn) return null
  const type = state === 'overdue' ? 'danger' : state === 'today' ? 'warning' : 'secondary'
  return (
    <Typography.Text type={type} strong={state === 'overdue'} className={`due-${state}`} style={{ whiteSpace: 'nowrap' }}>
      {step.nextDueOn}
      {state === 'overdue' && ` ${t('negotiations.due.overdueMark')}`}
      {state === 'today' && ` ${t('negotiations.due.todayMark')}`}
    </Typography.Text>
  )
}

export function NextStepCell({ step, today }: { step: Step; today?: string }) {
  const { t } = useTranslation()
  if (!step.nextStep) return <Typography.Text type="secondary">—</Typography.Text>
  if (step.nextDoneOn) {
    return (
      <div style={{ minWidth: 0 }}>
        <Typography.Text delete type="secondary" ellipsis={{ tooltip: step.nextStep }} style={{ display: 'block' }}>
          {step.nextStep}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
          <CheckCircleFilled style={{ color: '#52c41a', marginInlineEnd: 4 }} />
          {t('negotiations.due.doneOn', { date: step.nextDoneOn })}
        </Typography.Text>
      </div>
    )
  }
  return (
    <div style={{ minWidth: 0 }}>
      <Typography.Text ellipsis={{ tooltip: step.nextStep }} style={{ display: 'block' }}>
        {step.nextStep}
      </Typography.Text>
      <DueDate step={step} today={today} />
    </div>
  )
}
