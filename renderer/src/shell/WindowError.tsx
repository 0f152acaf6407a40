// The last boundary, around the whole app (main.tsx): what a crash that no page or part caught shows
// instead of a white window — that saved data is safe, and a button that reloads the window.
import { Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { ErrorSubtitle } from '../components/ErrorBoundary'

export function WindowError({ error }: { error: Error }) {
  const { t } = useTranslation()
  return (
    <Result
      status="error"
      data-testid="window-error"
      title={t('windowError.title')}
      subTitle={<ErrorSubtitle body={t('windowError.body')} error={error} />}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('windowError.reload')}
        </Button>
      }
    />
  )
}
