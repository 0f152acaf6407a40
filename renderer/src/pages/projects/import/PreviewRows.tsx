// The preview's rows with their Excel row numbers and every error and warning, filterable so a
// 2000-row ledger's three problems are one click away.
import { Segmented, Space, Table, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportAction, ImportMessage, ImportPreview, ImportRowPlan } from '../../../../../db/domain/ledger'
import { changeText } from './changeText'

export const ACTION_COLORS: Record<ImportAction, string> = {
  create: 'green',
  update: 'blue',
  unchanged: 'default',
  skip: 'default',
  error: 'red',
}

type Filter = 'all' | 'problems' | ImportAction

/** A row of one sheet: all months in order show the rows of every month's sheet. */
const rowKey = (row: { sheet?: string; excelRow: number | null }) => `${row.sheet ?? ''}\u0000${row.excelRow}`

export function PreviewRows({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<Filter>('all')

  const messagesByRow = useMemo(() => {
    const map = new Map<string, ImportMessage[]>()
    for (const m of preview.messages) if (m.excelRow !== null) map.set(rowKey(m), [...(map.get(rowKey(m)) ?? []), m])
    return map
  }, [preview.messages])

  const rows = preview.rows.filter((row) => {
    if (filter === 'all') return true
    if (filter === 'problems') return row.action === 'error' || messagesByRow.has(rowKey(row))
    return row.action === filter
  })

  const columns = [
    ...(preview.months ? [{ title: t('ledger.preview.sheet'), dataIndex: 'sheet', width: 110 }] : []),
    { title: t('ledger.preview.row'), dataIndex: 'excelRow', width: 64 },
    {
      title: t('ledger.preview.action'),
      dataIndex: 'action',
      width: 90,
      render: (action: ImportAction) => <Tag color={ACTION_COLORS[action]}>{t(`ledger.action.${action}`)}</Tag>,
    },
    { title: t('ledger.preview.name'), dataIndex: 'name', width: 240, render: (name: string | null) => name ?? '—' },
    {
      title: t('ledger.preview.messages'),
      render: (_: unknown, row: ImportRowPlan) => <RowNotes row={row} messages={messagesByRow.get(rowKey(row)) ?? []} />,
    },
  ]

  const options: { value: Filter; label: string }[] = [
    { value: 'all', label: t('ledger.preview.filterAll') },
    { value: 'problems', label: t('ledger.preview.filterProblems') },
    ...(['create', 'update', 'unchanged', 'skip', 'error'] as const).map((action) => ({ value: action, label: t(`ledger.action.${action}`) })),
  ]

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Segmented<Filter> value={filter} onChange={setFilter} options={options} data-testid="ledger-row-filter" />
      <Table<ImportRowPlan>
        rowKey={rowKey}
        size="small"
        dataSource={rows}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (total) => t('common.total', { count: total }) }}
        data-testid="ledger-rows"
      />
    </Space>
  )
}

function RowNotes({ row, messages }: { row: ImportRowPlan; messages: ImportMessage[] }) {
  const { t, i18n } = useTranslation()
  return (
    <Space orientation="vertical" size={2}>
      {messages.map((m, i) => (
        <Typography.Text key={i} type={m.level === 'error' ? 'danger' : 'warning'}>
          {m.column ? `[${m.column}] ` : ''}
          {m.message}
        </Typography.Text>
      ))}
      {row.note && <Typography.Text type="secondary">{row.note}</Typography.Text>}
      {Object.keys(row.changes).length > 0 && (
        <Typography.Text type="secondary">
          {changeText(t, i18n.language, row.changes)}
        </Typography.Text>
      )}
      {row.creates.length > 0 && <Typography.Text type="secondary">{t('ledger.preview.creates', { names: row.creates.join('、') })}</Typography.Text>}
    </Space>
  )
}
