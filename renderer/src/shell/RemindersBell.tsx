// The header bell: how many of the current user's next steps are due, the first overdue ones, and
// the one click that may ask for desktop-notification permission (browsers only allow asking from a
// click). With no user chosen it counts the team's steps, says so, and offers to choose a user.
import { BellOutlined } from '@ant-design/icons'
import { Alert, Badge, Button, Divider, Popover, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { useApiMutation, useApiQuery } from '../api/hooks'
import { askNotifyPermission, type NotifyPermission, notifyPermission } from './notify'
import { useDueSummary } from './useDueSummary'

export function RemindersBell() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { summary, due, user, team } = useDueSummary()
  const [open, setOpen] = useState(false)
  const [permission, setPermission] = useState<NotifyPermission>(notifyPermission)
  const data = summary.data

  const go = (path: string) => {
    setOpen(false)
    navigate(path)
  }

  const content = (
    <div className="reminders-panel">
      {team && <ChooseUser />}
      {data && (
        <Space size="large">
          <Typography.Text type={data.overdue ? 'danger' : 'secondary'}>
            {t('reminders.overdue')} <b>{data.overdue}</b>
          </Typography.Text>
          <Typography.Text type={data.dueToday ? 'warning' : 'secondary'}>
            {t('reminders.dueToday')} <b>{data.dueToday}</b>
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('reminders.dueSoon')} <b>{data.dueSoon}</b>
          </Typography.Text>
        </Space>
      )}
      {summary.error && <Typography.Text type="danger">{summary.error.message}</Typography.Text>}
      <div className="reminders-rows">
        {data?.overdueRows.slice(0, 5).map((row) => (
          <a key={row.id} className="reminders-row" onClick={() => go(`/negotiations?id=${row.id}`)}>
            <Typography.Text type="danger">{row.nextDueOn}</Typography.Text>
            <Typography.Text ellipsis>{row.nextStep}</Typography.Text>
            <Typography.Text type="secondary" ellipsis>
              {row.projectName ?? row.investorName}
            </Typography.Text>
          </a>
        ))}
        {data && due === 0 && <Typography.Text type="secondary">{t('reminders.none')}</Typography.Text>}
      </div>
      <Divider style={{ margin: '8px 0' }} />
      <Space>
        <Button size="small" type="primary" onClick={() => go('/workbench')}>
          {t('reminders.open')}
        </Button>
        {permission === 'default' && (
          <Button size="small" onClick={() => void askNotifyPermission().then(setPermission)}>
            {t('reminders.enableNotifications')}
          </Button>
        )}
        {permission === 'granted' && <Typography.Text type="secondary">{t('reminders.notificationsOn')}</Typography.Text>}
        {permission === 'denied' && <Typography.Text type="secondary">{t('reminders.notificationsBlocked')}</Typography.Text>}
      </Space>
    </div>
  )

  return (
    <Popover trigger="click" placement="bottomRight" title={user ? t('reminders.titleOf', { name: user.name }) : t('reminders.titleTeam')} content={content} open={open} onOpenChange={setOpen}>
      <Badge count={due} size="small" offset={[-4, 4]}>
        <Button type="text" icon={<BellOutlined />} aria-label={t(team ? 'reminders.badgeLabelTeam' : 'reminders.badgeLabel', { count: due })} data-testid="reminders-bell" />
      </Badge>
    </Popover>
  )
}

/** No user chosen: the counts are the team's. Choosing here makes them one person's at once. */
function ChooseUser() {
  const { t } = useTranslation()
  const users = useApiQuery('user-list', {})
  const setUser = useApiMutation('session-set-user')
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 8 }}
      data-testid="reminders-team-note"
      title={t('reminders.teamNote')}
      description={
        <Select
          size="small"
          style={{ width: 200, marginTop: 4 }}
          aria-label={t('reminders.chooseUser')}
          placeholder={t('reminders.chooseUser')}
          loading={setUser.isPending}
          options={(users.data ?? []).map((option) => ({ value: option.id, label: option.name }))}
          onChange={(userId: string) => setUser.mutate({ userId })}
          data-testid="reminders-choose-user"
        />
      }
    />
  )
}
