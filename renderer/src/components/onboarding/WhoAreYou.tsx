// Step 1 of the first start: who is at the keyboard. Every write is stamped with them, so a fresh
// install asks at once: pick yourself from the team's people (there already, e.g. after joining)
// or create yourself. Inline, never a blocking dialog: the rest of the app stays usable.
import { CheckCircleFilled, PlusOutlined } from '@ant-design/icons'
import { App, Button, Select, Space, Typography, theme } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { User } from '../../../../db/schema'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { UserForm } from '../../shell/UserForm'

export function WhoAreYou() {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const { message } = App.useApp()
  const session = useApiQuery('session-get', {})
  const users = useApiQuery('user-list', {})
  const setUser = useApiMutation('session-set-user')
  const [creating, setCreating] = useState(false)
  const current = session.data?.user ?? null

  const become = (user: Pick<User, 'id' | 'name'>) =>
    setUser.mutate(
      { userId: user.id },
      {
        onSuccess: () => void message.success(t('user.switched', { name: user.name })),
        onError: (error) => void message.error(error.message),
      },
    )

  const heading = (
    <Typography.Text strong>
      {current && <CheckCircleFilled style={{ color: token.colorSuccess, marginRight: 6 }} />}
      {t('welcome.whoStep')}
    </Typography.Text>
  )
  if (current) {
    return (
      <Space orientation="vertical" size={4} data-testid="welcome-who">
        {heading}
        <span>{t('welcome.youAre', { name: current.name })}</span>
      </Space>
    )
  }

  const people = users.data ?? []
  return (
    <Space orientation="vertical" size={4} data-testid="welcome-who">
      {heading}
      <span>{people.length ? t('welcome.whoPick') : t('welcome.whoFirst')}</span>
      <Space wrap>
        {people.length > 0 && (
          <Select
            style={{ minWidth: 240 }}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('welcome.pickPerson')}
            aria-label={t('welcome.pickPerson')}
            loading={setUser.isPending}
            options={people.map((user) => ({ value: user.id, label: `${user.name} · ${t(`vocab.userRole.${user.role}`)}` }))}
            onChange={(id: string) => {
              const user = people.find((person) => person.id === id)
              if (user) become(user)
            }}
            data-testid="welcome-pick-person"
          />
        )}
        <Button type={people.length ? 'default' : 'primary'} icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="welcome-create-person">
          {t('welcome.createPerson')}
        </Button>
      </Space>
      <UserForm user={null} open={creating} onClose={() => setCreating(false)} onSaved={become} />
    </Space>
  )
}
