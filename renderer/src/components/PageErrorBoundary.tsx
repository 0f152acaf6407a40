// One page's crash stays in that page: the navigation, the header and the other pages keep
// working, and the officer reads what happened instead of a white window.
import { Button, Result } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router-dom'
import { ErrorBoundary, ErrorSubtitle, useRetryWithFreshData } from './ErrorBoundary'

function PageError({ error, retry }: { error: Error; retry(): void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { asking, again } = useRetryWithFreshData(retry)
  return (
    <Result
      status="warning"
      title={t('pageError.title')}
      data-testid="page-error"
      subTitle={<ErrorSubtitle body={t('pageError.body')} error={error} />}
      extra={[
        <Button key="retry" type="primary" loading={asking} onClick={again}>
          {t('pageError.retry')}
        </Button>,
        <Button key="home" onClick={() => navigate('/workbench')}>
          {t('pageError.home')}
        </Button>,
      ]}
    />
  )
}

/** Wraps one page; leaving the page (another path) clears the error. */
export function PageErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation()
  return (
    <ErrorBoundary resetKey={pathname} fallback={(error, retry) => <PageError error={error} retry={retry} />}>
      {children}
    </ErrorBoundary>
  )
}
