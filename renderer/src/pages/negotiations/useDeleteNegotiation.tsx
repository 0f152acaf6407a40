// Delete → recycle bin, with an undo in the toast.
import { App, Button, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { NegotiationView } from '../../../../db/domain/negotiation'
import { useApiMutation } from '../../api/hooks'

export const negotiationName = (n: Pick<NegotiationView, 'happenedOn' | 'summary'>) =>
  `${n.happenedOn} ${n.summary.length > 16 ? `${n.summary.slice(0, 16)}…` : n.summary}`

export function useDeleteNegotiation() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const remove = useApiMutation('negotiation-delete')
  const restore = useApiMutation('negotiation-restore')

  return async (negotiation: NegotiationView) => {
    try {
      await remove.mutateAsync({ id: negotiation.id })
      void message.success({
        content: (
          <Space>
            {t('common.deleted', { name: negotiationName(negotiation) })}
            <Button size="small" type="link" onClick={() => restore.mutate({ id: negotiation.id })}>
              {t('common.undo')}
            </Button>
          </Space>
        ),
      })
    } catch (error) {
      void message.error((error as Error).message)
    }
  }
}
