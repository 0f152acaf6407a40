// Who is at the keyboard: every write is stamped with them. With no user yet, the header offers to
// create the first one; after that a dropdown switches between people or adds another.
import { CheckOutlined, PlusOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons'
import { App, Avatar, Button, Dropdown, Space, Tooltip, theme } from 'antd'
import type { MenuProps } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { User } from '../../../db/schema'
import { useApiMutation, useApiQuery } from '../api/hooks'
import { UserForm } from './UserForm'

export function UserSwitcher() {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const session = useApiQuery('session-get', {})
  const users = useApiQuery('user-list', {})
  const setUser = useApiMutation('session-set-user')
  const [creating, setCreating] = useState(false)
  const current = session.data?.user ?? null

  const switchTo = (user: Pick<User, 'id' | 'name'>) =>
    setUser.mutate(
      { userId: user.id },
      {
        onSuccess: () => void message.success(t('user.switched', { name: user.name })),
        onError: (error) => void message.error(error.message),
      },
    )

  const form = <UserForm user={null} open={creating} onClose={() => setCreating(false)} onSaved={switchTo} />

  if (session.data?.userCount === 0) {
    return (
      <>
        <Tooltip title={t('user.createFirstHint')}>
          <Button type="primary" ghost icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create-first">
            {t('user.createFirst')}
          </Button>
        </Tooltip>
        {form}
      </>
    )
  }

  const items: MenuProps['items'] = [
    { key: 'title', type: 'group', label: t('user.switchTo') },
    ...(users.data ?? []).map((user) => ({
      key: user.id,
      icon: user.id === current?.id ? <CheckOutlined /> : <span className="menu-icon-space" />,
      label: `${user.name} · ${t(`vocab.userRole.${user.role}`)}`,
      onClick: () => user.id !== current?.id && switchTo(user),
    })),
    { type: 'divider' },
    { key: 'add', icon: <PlusOutlined />, label: t('user.add'), onClick: () => setCreating(true) },
    { key: 'manage', icon: <SettingOutlined />, label: t('user.manage'), onClick: () => navigate('/settings/users') },
  ]

  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
        <Button type="text" data-testid="user-switcher" aria-label={`${current?.name ?? t('user.none')} · ${t('user.current')}`}>
          <Space size={6}>
            <Avatar size={24} icon={<UserOutlined />} style={{ background: current ? token.colorPrimary : token.colorTextDisabled }} />
            <span className="header-user-name">{current?.name ?? t('user.none')}</span>
          </Space>
        </Button>
      </Dropdown>
      {form}
    </>
  )
}
