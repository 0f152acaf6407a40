// Tells the user when a next step falls due while the app is open: the due count rising between
// two polls. The first count after start is only the baseline (the badge already shows it).
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
  const { summary, due } = useDueSummary()
  const previous = useRef<number | null>(null)
  const data = summary.data

  useEffect(() => {
    if (!data) return
    const before = previous.current
    previous.current = due
    if (before === null || due <= before) return
    const title = t('reminders.notifyTitle')
    const body = t('reminders.notifyBody', { overdue: data.overdue, dueToday: data.dueToday })
    const open = () => navigate('/workbench')
    if (!systemNotify(title, body, open)) {
      notification.warning({ key: 'crm-reminders', title, description: body, onClick: open, placement: 'bottomRight' })
    }
  }, [data, due, t, notification, navigate])
}
