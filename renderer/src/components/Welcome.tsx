// First start: an empty database offers the demo data of the three districts west of Jinan.
import { Alert, App, Button, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiMutation, useApiQuery } from '../api/hooks'

export function Welcome() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const info = useApiQuery('app-info', {})
  const seed = useApiMutation('demo-seed')
  const [dismissed, setDismissed] = useState(false)
  if (!info.data?.empty || dismissed) return null
  return (
    <Alert
      style={{ margin: '16px 24px 0' }}
      type="info"
      showIcon
      title={t('welcome.title')}
      description={
        <Space orientation="vertical">
          <span>{t('welcome.description')}</span>
          <Space>
            <Button
              type="primary"
              loading={seed.isPending}
              onClick={() =>
                seed.mutate(
                  {},
                  {
                    onSuccess: (created) => void message.success(t('welcome.seeded', { ...created })),
                    onError: (error) => void message.error(error.message),
                  },
                )
              }
            >
              {t('welcome.seed')}
            </Button>
            <Button onClick={() => setDismissed(true)}>{t('welcome.startEmpty')}</Button>
          </Space>
        </Space>
      }
    />
  )
}
