// 人员: the people who use the app; create, edit, delete (to the recycle bin), make current.
import { DeleteOutlined, EditOutlined, PlusOutlined, UserSwitchOutlined } from '@ant-design/icons'
import { Button, Card, Popconfirm, Space, Table, Tag, Tooltip } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserView } from '../../../../db/domain/user'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { UserForm } from '../../shell/UserForm'
import { useUndoableDelete } from '../../shell/useUndoableDelete'
import { EmptyWithAction } from '../../components/EmptyWithAction'

export function UsersTab() {
  const { t } = useTranslation()
  const users = useApiQuery('user-list', {})
  const session = useApiQuery('session-get', {})
  const setUser = useApiMutation('session-set-user')
  const remove = useUndoableDelete('user-delete', 'user')
  const [editing, setEditing] = useState<UserView | null | undefined>(undefined)
  const currentId = session.data?.user?.id

  return (
    <Card
      size="small"
      title={t('settings.users.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="user-add">
          {t('user.add')}
        </Button>
      }
    >
      {users.error ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Table<UserView>
          rowKey="id"
          size="middle"
          loading={users.isLoading}
          dataSource={users.data ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyWithAction text={t('settings.users.empty')} action={t('user.add')} onAct={() => setEditing(null)} /> }}
          columns={[
            {
              title: t('user.name'),
              dataIndex: 'name',
              render: (name: string, user) => (
                <Space>
                  {name}
                  {user.id === currentId && <Tag color="blue">{t('settings.users.current')}</Tag>}
                </Space>
              ),
            },
            { title: t('user.role'), dataIndex: 'role', width: 120, render: (role: UserView['role']) => t(`vocab.userRole.${role}`) },
            { title: t('user.title'), dataIndex: 'title', width: 140 },
            { title: t('user.phone'), dataIndex: 'phone', width: 160 },
            { title: t('user.projectCount'), dataIndex: 'projectCount', width: 100, align: 'right' },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 140,
              render: (_, user) => (
                <Space size={0}>
                  <Tooltip title={t('settings.users.setCurrent')}>
                    <Button
                      type="text"
                      icon={<UserSwitchOutlined />}
                      disabled={user.id === currentId}
                      aria-label={t('settings.users.setCurrent')}
                      onClick={() => setUser.mutate({ userId: user.id })}
                    />
                  </Tooltip>
                  <Button type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(user)} />
                  <Popconfirm title={t('common.confirmDelete', { name: user.name })} onConfirm={() => remove(user.id, user.name)}>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      <UserForm user={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </Card>
  )
}
