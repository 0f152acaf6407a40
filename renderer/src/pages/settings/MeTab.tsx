// 我: who is at the keyboard (pick or create), and the language of the interface.
import { PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Form, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { User } from '../../../../db/schema'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { LanguageSwitch } from '../../shell/LanguageSwitch'
import { UserForm } from '../../shell/UserForm'

export function MeTab() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const session = useApiQuery('session-get', {})
  const users = useApiQuery('user-list', {})
  const setUser = useApiMutation('session-set-user')
  const [creating, setCreating] = useState(false)

  const switchTo = (user: Pick<User, 'id' | 'name'>) =>
    setUser.mutate(
      { userId: user.id },
      {
        onSuccess: () => void message.success(t('user.switched', { name: user.name })),
        onError: (error) => void message.error(error.message),
      },
    )

  if (session.error) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 720 }}>
      <Card size="small" title={t('settings.me.who')}>
        <Typography.Paragraph type="secondary">{session.data?.userCount === 0 ? t('user.createFirstHint') : t('settings.me.whoHint')}</Typography.Paragraph>
        <Form layout="inline">
          <Form.Item label={t('user.current')}>
            <Select
              style={{ width: 240 }}
              loading={users.isLoading}
              placeholder={t('settings.me.pick')}
              aria-label={t('settings.me.pick')}
              value={session.data?.user?.id}
              onChange={(id: string) => {
                const user = users.data?.find((one) => one.id === id)
                if (user) switchTo(user)
              }}
              options={users.data?.map((user) => ({ value: user.id, label: `${user.name} · ${t(`vocab.userRole.${user.role}`)}` }))}
              data-testid="me-user-select"
            />
          </Form.Item>
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('user.add')}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={t('settings.me.language')}>
        <Space orientation="vertical">
          <LanguageSwitch size="middle" />
          <Typography.Text type="secondary">{t('settings.me.languageHint')}</Typography.Text>
        </Space>
      </Card>
      <UserForm user={null} open={creating} onClose={() => setCreating(false)} onSaved={switchTo} />
    </Space>
  )
}
