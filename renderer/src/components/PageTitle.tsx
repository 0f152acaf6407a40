// Every page's one level-one heading (screen readers jump by headings; axe asks for exactly one
// h1), sized like the card titles the pages had before.
import { Typography } from 'antd'
import type { ReactNode } from 'react'

export function PageTitle({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Typography.Title level={1} className="page-title" data-testid={testId}>
      {children}
    </Typography.Title>
  )
}
