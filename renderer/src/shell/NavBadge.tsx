// The 工作台 menu item carries the count of due next steps, like a mail client's inbox.
import { Badge } from 'antd'
import { useDueSummary } from './useDueSummary'

export function NavBadge({ label }: { label: string }) {
  const { due } = useDueSummary()
  return (
    <span className="nav-badge-label">
      <span>{label}</span>
      <Badge count={due} size="small" data-testid="nav-due-badge" />
    </span>
  )
}
