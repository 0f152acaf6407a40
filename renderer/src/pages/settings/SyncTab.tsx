// 数据同步: this computer's team and id, sync packages out and in with a summary of what came in,
// the duplicates merged while syncing (with undo) and the edits to review. The hub's card (owned
// by the hub feature) sits apart at the bottom.
import { Alert, App, Button, Card, Descriptions, Divider, Empty, Popconfirm, Space, Table, Typography, Upload } from 'antd'
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SYNC_TABLE_LABELS, type SyncImportView, type SyncMergeView, type SyncReviewView } from '../../../../db/domain/sync'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { saveExportFile } from '../../components/download'
import { ErrorState } from '../../components/ErrorState'
import { readAsBase64 } from '../projects/import/readFile'
import { HubCard } from './HubCard'

const tableLabel = (table: string) => SYNC_TABLE_LABELS[table] ?? table
const counts = (map: Record<string, number>, none: string) =>
  Object.entries(map)
    .map(([table, n]) => `${tableLabel(table)} ${n}`)
    .join('，') || none
const shown = (value: string | number | null) => (value === null ? '（空）' : String(value))

function ImportSummary({ view }: { view: SyncImportView }) {
  const { t } = useTranslation()
  const none = t('sync.summary.none')
  return (
    <Card size="small" title={t('sync.summary.title')} data-testid="sync-summary">
      {view.joinedTeam && <Alert type="info" showIcon title={t('sync.summary.joined')} style={{ marginBottom: 8 }} />}
      <Typography.Paragraph>{t('sync.summary.received', { received: view.received, applied: view.applied, skipped: view.skipped })}</Typography.Paragraph>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('sync.summary.added')}>{counts(view.added, none)}</Descriptions.Item>
        <Descriptions.Item label={t('sync.summary.changed')}>{counts(view.changed, none)}</Descriptions.Item>
        <Descriptions.Item label={t('sync.summary.byUser')}>{view.byUser.map((u) => `${u.name} ${u.count}`).join('，') || none}</Descriptions.Item>
        <Descriptions.Item label={t('sync.summary.merged')}>{view.merged}</Descriptions.Item>
        <Descriptions.Item label={t('sync.summary.toReview')}>{view.toReview}</Descriptions.Item>
      </Descriptions>
    </Card>
  )
}

function FilesCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const exporting = useApiMutation('sync-export')
  const importing = useApiMutation('sync-import')
  const [summary, setSummary] = useState<SyncImportView | null>(null)

  const exportNow = () =>
    exporting.mutate(
      {},
      {
        onSuccess: (file) => {
          saveExportFile(file)
          void message.success(t('sync.files.exported', { count: file.rows }))
        },
        onError: (error) => void message.error(error.message),
      },
    )
  const importFile = async (file: File) => {
    setSummary(null)
    const dataBase64 = await readAsBase64(file)
    importing.mutate({ fileName: file.name, dataBase64 }, { onSuccess: setSummary })
  }

  return (
    <Card size="small" title={t('sync.files.title')}>
      <Typography.Paragraph type="secondary">{t('sync.files.hint')}</Typography.Paragraph>
      <Space wrap>
        <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={exportNow}>
          {t('sync.files.export')}
        </Button>
        <Upload
          accept=".crmsync,.gz"
          showUploadList={false}
          beforeUpload={(file) => {
            void importFile(file)
            return false
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={importing.isPending}>
            {t('sync.files.import')}
          </Button>
        </Upload>
      </Space>
      {importing.error && <Alert type="error" showIcon title={importing.error.message} style={{ marginTop: 12 }} data-testid="sync-import-error" />}
      {summary && (
        <div style={{ marginTop: 12 }}>
          <ImportSummary view={summary} />
        </div>
      )}
    </Card>
  )
}

function MergesCard() {
  const { t } = useTranslation()
  const merges = useApiQuery('sync-merge-list', {})
  const undo = useApiMutation('sync-merge-undo')
  if (merges.error) return <ErrorState error={merges.error} onRetry={() => void merges.refetch()} />
  return (
    <Card size="small" title={t('sync.merges.title')}>
      <Table<SyncMergeView>
        size="small"
        rowKey="id"
        loading={merges.isLoading}
        dataSource={merges.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('sync.merges.empty')} /> }}
        columns={[
          { title: t('sync.merges.what'), render: (_, m) => `${tableLabel(m.table)}：${m.loserName}` },
          { title: t('sync.merges.into'), dataIndex: 'survivorName' },
          { title: t('sync.merges.reason'), dataIndex: 'reason' },
          { title: t('sync.merges.when'), dataIndex: 'mergedAt', render: (at: string) => at.slice(0, 16).replace('T', ' ') },
          {
            title: '',
            render: (_, m) =>
              m.undoneAt ? (
                <Typography.Text type="secondary">{t('sync.merges.undone')}</Typography.Text>
              ) : (
                <Popconfirm title={t('sync.merges.confirmUndo')} onConfirm={() => undo.mutate({ id: m.id })}>
                  <Button size="small" loading={undo.isPending && undo.variables?.id === m.id}>
                    {t('sync.merges.undo')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  )
}

function ReviewsCard() {
  const { t } = useTranslation()
  const reviews = useApiQuery('sync-review-list', {})
  const resolve = useApiMutation('sync-review-resolve')
  if (reviews.error) return <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />
  const side = (s: SyncReviewView['current']) => (
    <span>
      <Typography.Text strong>{shown(s.value)}</Typography.Text>
      <br />
      <Typography.Text type="secondary">
        {s.userName} · {s.at.slice(0, 16).replace('T', ' ')}
      </Typography.Text>
    </span>
  )
  return (
    <Card size="small" title={t('sync.reviews.title')} data-testid="sync-reviews">
      <Typography.Paragraph type="secondary">{t('sync.reviews.hint')}</Typography.Paragraph>
      <Table<SyncReviewView>
        size="small"
        rowKey="id"
        loading={reviews.isLoading}
        dataSource={reviews.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('sync.reviews.empty')} /> }}
        columns={[
          { title: t('sync.reviews.record'), render: (_, r) => `${tableLabel(r.table)}：${r.recordName}` },
          { title: t('sync.reviews.field'), dataIndex: 'field' },
          { title: t('sync.reviews.current'), render: (_, r) => side(r.current) },
          { title: t('sync.reviews.other'), render: (_, r) => side(r.other) },
          {
            title: '',
            render: (_, r) => (
              <Space>
                <Button size="small" onClick={() => resolve.mutate({ id: r.id, keep: 'current' })}>
                  {t('sync.reviews.keepCurrent')}
                </Button>
                <Button size="small" onClick={() => resolve.mutate({ id: r.id, keep: 'other' })}>
                  {t('sync.reviews.keepOther')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  )
}

function IdentityCard() {
  const { t } = useTranslation()
  const status = useApiQuery('sync-status', {})
  if (status.error) return <ErrorState error={status.error} onRetry={() => void status.refetch()} />
  const s = status.data
  return (
    <Card size="small" title={t('sync.identity.title')} loading={status.isLoading}>
      {s && (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('sync.identity.team')}>
            {s.teamId ? <Typography.Text copyable code>{s.teamId}</Typography.Text> : <Typography.Text type="secondary">{t('sync.identity.noTeam')}</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={t('sync.identity.replica')}>
            <Typography.Text copyable code>
              {s.replicaId}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('sync.identity.operations')}>{s.operations}</Descriptions.Item>
          <Descriptions.Item label={t('sync.identity.peers')}>
            {s.peers.length === 0
              ? t('sync.summary.none')
              : s.peers.map((p) => `${p.replicaId.slice(-6)}（${t('sync.identity.lastHeard')} ${p.lastHeardAt.slice(0, 16).replace('T', ' ')}）`).join('；')}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  )
}

export function SyncTab() {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <IdentityCard />
      <FilesCard />
      <ReviewsCard />
      <MergesCard />
      <Divider />
      <HubCard />
    </Space>
  )
}
