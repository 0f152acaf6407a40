// An empty list that says what is missing and offers the action that fills it, right where the
// user is looking (the same action as the card's 新建 button).
import { Empty, Typography } from 'antd'
import type { ReactNode } from 'react'

export function EmptyWithAction({ text, action, onAct }: { text: ReactNode; action: string; onAct(): void }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text}>
      <Typography.Link onClick={onAct} data-testid="empty-action">
        {action}
      </Typography.Link>
    </Empty>
  )
}
