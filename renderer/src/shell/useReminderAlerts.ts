// Tells the user when a next step falls due while the app is open: the due count rising between
// two polls. The first count after start, or after switching user, is only the baseline (the badge
// already shows it): another person's steps are not news that just fell due.
import { App } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { systemNotify } from './notify'
import { useDueSummary } from './useDueSummary'

export function useReminderAlerts() {
  const { t } = useTranslation()
  const { notification } = App.useApp()
  const navigate = useNavigate()
  const { summary, due, ownerId, team } = useDueSummary()
  const previous = useRef<{ ownerId?: string; due: number } | null>(null)
  const data = summary.data

  useEffect(() => {
    if (!data) return
    const before = previous.current
    previous.current = { ownerId, due }
    if (before === null || before.ownerId !== ownerId || due <= before.due) return
    const title = t('reminders.notifyTitle')
    const body = t(team ? 'reminders.notifyBodyTeam' : 'reminders.notifyBody', { overdue: data.overdue, dueToday: data.dueToday })
    const open = () => navigate('/workbench')
    if (!systemNotify(title, body, open)) {
      notification.warning({ key: 'crm-reminders', title, description: body, onClick: open, placement: 'bottomRight' })
    }
  }, [data, due, ownerId, team, t, notification, navigate])
}
