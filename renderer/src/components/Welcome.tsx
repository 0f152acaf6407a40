// First start: an empty database offers the demo data of the three districts west of Jinan.
// "Start empty" is remembered per database file, so the offer does not come back on every reload.
// A colleague's laptop joins the team instead: 设置 → 数据同步 imports their sync package.
import { Alert, App, Button, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { useApiMutation, useApiQuery } from '../api/hooks'

const dismissedKey = (dbFile: string) => `crm-welcome-dismissed:${dbFile}`

export function Welcome() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const info = useApiQuery('app-info', {})
  const seed = useApiMutation('demo-seed')
  const [dismissed, setDismissed] = useState(false)
  const navigate = useNavigate()
  const dbFile = info.data?.dbFile ?? ''
  if (!info.data?.empty || dismissed || localStorage.getItem(dismissedKey(dbFile))) return null

  const startEmpty = () => {
    localStorage.setItem(dismissedKey(dbFile), '1')
    setDismissed(true)
  }

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
            <Button onClick={startEmpty}>{t('welcome.startEmpty')}</Button>
            <Button onClick={() => navigate('/settings/sync')}>{t('sync.welcome.join')}</Button>
          </Space>
        </Space>
      }
    />
  )
}
