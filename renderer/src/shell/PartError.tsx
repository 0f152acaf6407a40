// A part of the window's frame that failed (the header, the first-start guide, the quick entry):
// a line saying which and why, with 重试, where the part was; the menu, the page and saved data go
// on (重试: components/ErrorBoundary.tsx useRetryWithFreshData). Without it, React took the whole
// window down to a white page for a crash in the header.
import { Alert, Button } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorBoundary, useRetryWithFreshData } from '../components/ErrorBoundary'

export type FramePart = 'header' | 'welcome' | 'quickEntry'

export function PartError({ part, error, retry }: { part: FramePart; error: Error; retry(): void }) {
  const { t } = useTranslation()
  const { asking, again } = useRetryWithFreshData(retry)
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="part-error"
      title={t('partError.title', { part: t(`partError.${part}`) })}
      description={t('pageError.detail', { message: error.message })}
      action={
        <Button size="small" loading={asking} onClick={again}>
          {t('partError.retry')}
        </Button>
      }
    />
  )
}

/** Wraps one part of the frame. */
export function PartErrorBoundary({ part, children }: { part: FramePart; children: ReactNode }) {
  return <ErrorBoundary fallback={(error, retry) => <PartError part={part} error={error} retry={retry} />}>{children}</ErrorBoundary>
}
