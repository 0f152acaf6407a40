// The last boundary, around the whole app (main.tsx): what a crash that no page or part caught shows
// instead of a white window — that saved data is safe, and a button that reloads the window.
import { Button, Result, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'

export function WindowError({ error }: { error: Error }) {
  const { t } = useTranslation()
  return (
    <Result
      status="error"
      data-testid="window-error"
      title={t('windowError.title')}
      subTitle={
        <Space orientation="vertical">
          <span>{t('windowError.body')}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('pageError.detail', { message: error.message })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('windowError.reload')}
        </Button>
      }
    />
  )
}
