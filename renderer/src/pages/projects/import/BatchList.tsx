// Every import so far, newest first, each one undoable: the safety net that makes people dare to
// import a whole year's ledger.
import { App, Button, Popconfirm, Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ImportBatchView } from '../../../../../db/domain/ledger'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { ErrorState } from '../../../components/ErrorState'
import { dateTime } from '../../../format'

export function BatchList() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const batches = useApiQuery('ledger-import-batches', {})
  const undo = useApiMutation('ledger-import-undo')

  if (batches.error) return <ErrorState error={batches.error} onRetry={() => void batches.refetch()} />

  const onUndo = (batch: ImportBatchView) =>
    undo.mutateAsync({ id: batch.id }).then(
      (done) => void message.success(t('ledger.batches.undoDone', { ...done })),
      // The backend explains refusals (a later import must be undone first) in Chinese.
      (error: Error) => void message.error(error.message),
    )

  const columns = [
    { title: t('ledger.batches.time'), dataIndex: 'createdAt', width: 150, render: (at: string) => dateTime(at) },
    { title: t('ledger.batches.file'), dataIndex: 'fileName', ellipsis: true },
    { title: t('ledger.batches.sheet'), dataIndex: 'sheetName', width: 120 },
    { title: t('ledger.batches.by'), dataIndex: 'createdByName', width: 90, render: (name: string | null) => name ?? '—' },
    {
      title: t('ledger.batches.counts'),
      width: 190,
      render: (_: unknown, b: ImportBatchView) => `${b.createdCount} / ${b.updatedCount} / ${b.unchangedCount} / ${b.skippedCount}`,
    },
    {
      title: t('ledger.batches.status'),
      width: 170,
      render: (_: unknown, b: ImportBatchView) =>
        b.undoneAt ? <Tag>{t('ledger.batches.undone', { time: dateTime(b.undoneAt) })}</Tag> : <Tag color="green">{t('ledger.batches.active')}</Tag>,
    },
    {
      title: t('common.actions'),
      width: 90,
      render: (_: unknown, b: ImportBatchView) =>
        !b.undoneAt && (
          <Popconfirm title={t('ledger.batches.undoConfirm')} description={b.undoSummary} onConfirm={() => onUndo(b)} styles={{ root: { maxWidth: 320 } }}>
            <Button size="small" danger data-testid={`ledger-undo-${b.id}`}>
              {t('ledger.batches.undo')}
            </Button>
          </Popconfirm>
        ),
    },
  ]

  return (
    <Table<ImportBatchView>
      rowKey="id"
      size="small"
      loading={batches.isFetching || undo.isPending}
      dataSource={batches.data ?? []}
      columns={columns}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('ledger.batches.empty') }}
      data-testid="ledger-batches"
    />
  )
}
