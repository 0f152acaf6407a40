// Delete → recycle bin, with an undo in the toast.
import { App, Button, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { useApiMutation } from '../../api/hooks'

export function useDeleteInvestor(afterDelete?: () => void, afterRestore?: (id: string) => void) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const remove = useApiMutation('investor-delete')
  const restore = useApiMutation('investor-restore')

  return async (investor: { id: string; name: string }) => {
    try {
      await remove.mutateAsync({ id: investor.id })
      afterDelete?.()
      void message.success({
        content: (
          <Space>
            {t('common.deleted', { name: investor.name })}
            <Button
              size="small"
              type="link"
              onClick={() => restore.mutate({ id: investor.id }, { onSuccess: () => afterRestore?.(investor.id) })}
            >
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
