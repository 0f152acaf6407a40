// Delete goes to the recycle bin; the toast offers the undo (restore) right away.
import { App, Button, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { call } from '../api/client'
import type { RecycleEntity } from '../../../db/domain/history'

type DeleteMethod =
  | 'project-delete'
  | 'investor-delete'
  | 'negotiation-delete'
  | 'agreement-delete'
  | 'funds-delete'
  | 'event-delete'
  | 'request-delete'
  | 'user-delete'
  | 'tag-delete'
  | 'industry-delete'
  | 'target-delete'

export interface UndoableDeleteOptions {
  /** After the delete (a detail page leaves for its list). */
  afterDelete?: () => void
  /** After the undo restored the record. */
  afterRestore?: (id: string) => void
  /** Seconds the toast with the undo stays. */
  duration?: number
}

/** Deletes through the entity's own delete method; undo restores through the recycle bin. */
export function useUndoableDelete(method: DeleteMethod, entity: RecycleEntity, options: UndoableDeleteOptions = {}) {
  const { t } = useTranslation()
  const { message } = App.useApp()

  const undo = async (id: string, key: string) => {
    message.destroy(key)
    try {
      // The call refreshes the queries reading what it changed before it resolves.
      await call('recycle-restore', { entity, id })
      options.afterRestore?.(id)
    } catch (error) {
      void message.error((error as Error).message)
    }
  }

  return async (id: string, name: string) => {
    try {
      // Every delete method takes { id }; the cast only picks one of them for the type checker.
      await call(method as 'tag-delete', { id })
      options.afterDelete?.()
      const key = `deleted-${id}`
      void message.success({
        key,
        duration: options.duration ?? 6,
        content: (
          <Space>
            {t('common.deleted', { name })}
            <Button size="small" type="link" onClick={() => void undo(id, key)} data-testid="undo-delete">
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
