// Delete → recycle bin, with an undo in the toast (the same promise every list in the app makes).
import { App, Button, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { useApiMutation } from '../../api/hooks'

export function useDeleteProject() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const remove = useApiMutation('project-delete')
  const restore = useApiMutation('project-restore')

  return async (project: { id: string; name: string }) => {
    try {
      await remove.mutateAsync({ id: project.id })
      navigate('/projects')
      void message.success({
        duration: 8,
        content: (
          <Space>
            {t('common.deleted', { name: project.name })}
            <Button
              size="small"
              type="link"
              onClick={() => restore.mutate({ id: project.id }, { onSuccess: () => navigate(`/projects/${project.id}`) })}
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
