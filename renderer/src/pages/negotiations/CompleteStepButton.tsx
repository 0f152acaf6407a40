// "完成": marks a next step done today, with an undo in the toast that reopens it.
import { CheckOutlined } from '@ant-design/icons'
import { App, Button, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { NegotiationView } from '../../../../db/domain/negotiation'
import { useApiMutation } from '../../api/hooks'

interface Props {
  negotiation: Pick<NegotiationView, 'id' | 'nextStep' | 'nextDueOn'>
  size?: 'small' | 'middle'
}

export function CompleteStepButton({ negotiation, size = 'small' }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const complete = useApiMutation('negotiation-complete-step')
  const update = useApiMutation('negotiation-update')

  // The API has no "reopen": a changed due date reopens a step, so clear it and put it back.
  const reopen = async () => {
    try {
      await update.mutateAsync({ id: negotiation.id, nextDueOn: null })
      if (negotiation.nextDueOn) await update.mutateAsync({ id: negotiation.id, nextDueOn: negotiation.nextDueOn })
    } catch (error) {
      void message.error((error as Error).message)
    }
  }

  const onClick = async () => {
    try {
      await complete.mutateAsync({ id: negotiation.id })
      void message.success({
        content: (
          <Space>
            {t('negotiations.completed', { step: negotiation.nextStep })}
            <Button size="small" type="link" onClick={() => void reopen()}>
              {t('common.undo')}
            </Button>
          </Space>
        ),
      })
    } catch (error) {
      void message.error((error as Error).message)
    }
  }

  return (
    <Button size={size} icon={<CheckOutlined />} loading={complete.isPending} onClick={onClick} data-testid="complete-step">
      {t('negotiations.complete')}
    </Button>
  )
}
