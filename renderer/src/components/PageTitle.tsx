// Every page's one level-one heading (screen readers jump by headings; axe asks for exactly one
// h1), sized like the titles the pages had before (h4 at the top of a page, the card title in a card).
import { Typography } from 'antd'
import type { ReactNode } from 'react'

export function PageTitle({ children, testId, className }: { children: ReactNode; testId?: string; className?: string }) {
  return (
    <Typography.Title level={1} className={className ? `page-title ${className}` : 'page-title'} data-testid={testId}>
      {children}
    </Typography.Title>
  )
}
