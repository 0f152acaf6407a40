// A part of the window's frame that failed (the header, the first-start guide, the quick entry):
// a line saying which and why, with 重试, where the part was; the menu, the page and saved data go
// on. Without it, React took the whole window down to a white page for a crash in the header.
import { useQueryClient } from '@tanstack/react-query'
import { Alert, Button } from 'antd'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorBoundary } from '../components/ErrorBoundary'

export type FramePart = 'header' | 'welcome' | 'quickEntry'

/**
 * 重试 asks the backend again for everything the window holds before the part renders again: an
 * answer it could not show is still in the cache, and would take it down again at once.
 */
export function PartError({ part, error, retry }: { part: FramePart; error: Error; retry(): void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [asking, setAsking] = useState(false)
  const again = () => {
    setAsking(true)
    void queryClient.refetchQueries().finally(retry)
  }
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
