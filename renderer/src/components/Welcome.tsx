// First start on an empty database, in two small steps shown together: (1) who you are — every
// write is stamped with the current user (components/onboarding/WhoAreYou.tsx); (2) start a new
// team (with the demo data of the three districts west of Jinan, or empty) or join one — by a
// colleague's sync package or the team's PostgreSQL hub, both in 设置 → 数据同步.
// Inline, not a modal: nothing waits on it, and either step can be done in any order.
// "Start empty" is remembered per database file, so the offer does not come back on every reload.
import { Alert, App, Button, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { useApiMutation, useApiQuery } from '../api/hooks'
import { WhoAreYou } from './onboarding/WhoAreYou'

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
      data-testid="welcome"
      description={
        <Space orientation="vertical" size="middle">
          <WhoAreYou />
          <Space orientation="vertical" size={4}>
            <Typography.Text strong>{t('welcome.teamStep')}</Typography.Text>
            <span>{t('welcome.description')}</span>
            <Space wrap>
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
              <Button onClick={() => navigate('/settings/sync')}>{t('welcome.joinHub')}</Button>
            </Space>
          </Space>
        </Space>
      }
    />
  )
}
