import { Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'

/** An API failure shown where the content would be, never a blank page. */
export function ErrorState({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useTranslation()
  return (
    <Result
      status="warning"
      title={t('common.loadFailed')}
      subTitle={error.message}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  )
}
