// 数据: where the database file lives, and its backups (list, back up now, the backup folder).
import { Card, Descriptions, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { BackupPanel } from './BackupPanel'

export function DataTab() {
  const { t } = useTranslation()
  const info = useApiQuery('app-info', {})
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('settings.data.title')} loading={info.isLoading}>
        {info.error ? (
          <ErrorState error={info.error} onRetry={() => void info.refetch()} />
        ) : (
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('settings.data.dbFile')}>
              <Typography.Text copyable code>
                {info.data?.dbFile}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('settings.data.version')}>{info.data?.version}</Descriptions.Item>
            <Descriptions.Item label={t('settings.data.schema')}>{info.data?.schemaVersion}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <BackupPanel />
    </Space>
  )
}
