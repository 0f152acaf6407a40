// The 工作台 menu item carries the count of due next steps, like a mail client's inbox: the current
// user's, the same number as the workbench's "mine"; with no user chosen, the team's, and it says so.
import { Badge } from 'antd'
import { useTranslation } from 'react-i18next'
import { useDueSummary } from './useDueSummary'

export function NavBadge({ label }: { label: string }) {
  const { t } = useTranslation()
  const { due, team } = useDueSummary()
  return (
    <span className="nav-badge-label">
      <span>{label}</span>
      <Badge
        count={due}
        size="small"
        title={t(team ? 'reminders.badgeLabelTeam' : 'reminders.badgeLabel', { count: due })}
        data-testid="nav-due-badge"
      />
    </span>
  )
}
