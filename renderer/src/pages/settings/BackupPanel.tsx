// Backups of the database file: the list, 立即备份, and the folder they go to (a USB drive or a
// network share keeps them safe when the laptop is lost).
import { CloudUploadOutlined, FolderOpenOutlined } from '@ant-design/icons'
import { App, Button, Card, Empty, Input, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupInfo, BackupReason } from '../../../../db/domain/storage'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { dateTime } from '../../format'

const size = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`)

export function BackupPanel() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const list = useApiQuery('backup-list', {})
  const settings = useApiQuery('backup-settings-get', {})
  const create = useApiMutation('backup-create')
  const setDir = useApiMutation('backup-settings-set')
  const [dir, setDirText] = useState<string | null>(null)

  const backupNow = () =>
    create.mutate(
      {},
      {
        onSuccess: (backup) => void message.success(t('settings.data.backedUp', { name: backup.name })),
        onError: (error) => void message.error(error.message),
      },
    )
  const saveDir = (next: string | null) =>
    setDir.mutate(
      { dir: next },
      {
        onSuccess: () => {
          setDirText(null)
          void message.success(t('common.saved'))
        },
        onError: (error) => void message.error(error.message),
      },
    )

  return (
    <Card
      size="small"
      title={t('settings.data.backups')}
      extra={
        <Button type="primary" icon={<CloudUploadOutlined />} loading={create.isPending} onClick={backupNow} data-testid="backup-now">
          {t('settings.data.backupNow')}
        </Button>
      }
    >
      <div className="page-toolbar">
        <FolderOpenOutlined />
        <span>{t('settings.data.backupDir')}</span>
        {dir === null ? (
          <>
            <Typography.Text code copyable>
              {settings.data?.dir}
            </Typography.Text>
            <Tag>{settings.data?.custom ? t('settings.data.customDir') : t('settings.data.defaultDir')}</Tag>
            <Button size="small" onClick={() => setDirText(settings.data?.dir ?? '')}>
              {t('settings.data.changeDir')}
            </Button>
            {settings.data?.custom && (
              <Button size="small" onClick={() => saveDir(null)}>
                {t('settings.data.resetDir')}
              </Button>
            )}
          </>
        ) : (
          <Space.Compact style={{ flex: 1, minWidth: 360 }}>
            <Input autoFocus value={dir} placeholder={t('settings.data.dirPlaceholder')} onChange={(event) => setDirText(event.target.value)} onPressEnter={() => saveDir(dir)} />
            <Button type="primary" loading={setDir.isPending} onClick={() => saveDir(dir)}>
              {t('common.save')}
            </Button>
            <Button onClick={() => setDirText(null)}>{t('common.cancel')}</Button>
          </Space.Compact>
        )}
      </div>
      {list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<BackupInfo>
          rowKey="file"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.backups ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settings.data.noBackups')} /> }}
          columns={[
            { title: t('settings.data.date'), dataIndex: 'date', width: 150, render: (at: string) => dateTime(at) },
            { title: t('settings.data.reason'), dataIndex: 'reason', width: 130, render: (reason: BackupReason) => t(`settings.data.reasons.${reason}`) },
            { title: t('settings.data.name'), dataIndex: 'name', ellipsis: true },
            { title: t('settings.data.size'), dataIndex: 'size', width: 90, align: 'right', render: size },
            {
              title: t('settings.data.verified'),
              dataIndex: 'verified',
              width: 80,
              render: (verified: boolean) => (verified ? <Tag color="green">{t('common.yes')}</Tag> : <Tag color="red">{t('common.no')}</Tag>),
            },
          ]}
        />
      )}
    </Card>
  )
}
