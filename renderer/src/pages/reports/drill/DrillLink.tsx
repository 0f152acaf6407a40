// A number that opens the projects behind it.
import type { ReactNode } from 'react'
import type { ReportDrill } from '../../../../../db/domain/report'
import { useOpenDrill } from './context'

interface Props {
  drill: ReportDrill | null | undefined
  title: string
  children: ReactNode
  testId?: string
}

export function DrillLink({ drill, title, children, testId }: Props) {
  const open = useOpenDrill()
  if (!drill) return <span>{children}</span>
  return (
    <a
      className="drill-link"
      role="button"
      data-testid={testId}
      onClick={(event) => {
        event.preventDefault()
        open({ drill, title })
      }}
    >
      {children}
    </a>
  )
}
