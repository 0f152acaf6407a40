// All months in order: one line per month saying what applying its sheet changes, oldest first,
// and which projects a month no longer lists (kept as they are: an import never deletes).
import { Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { MonthChanges } from '../../../../../db/domain/ledger'

export function MonthChangesTable({ months }: { months: MonthChanges[] }) {
  const { t } = useTranslation()
  const count = (key: 'create' | 'update' | 'unchanged' | 'error') => ({
    title: t(`ledger.counts.${key}`),
    width: 80,
    render: (_: unknown, month: MonthChanges) => month.counts[key],
  })
  const columns = [
    { title: t('ledger.months.sheet'), dataIndex: 'sheet', width: 120 },
    { title: t('ledger.months.asOf'), dataIndex: 'asOf', width: 110, render: (asOf: string | null) => asOf ?? '—' },
    count('create'),
    count('update'),
    { title: t('ledger.months.stageChanges'), dataIndex: 'stageChanges', width: 90 },
    count('unchanged'),
    count('error'),
    {
      title: t('ledger.months.missing'),
      dataIndex: 'missing',
      render: (missing: string[]) => (missing.length > 0 ? <Typography.Text type="warning">{t('ledger.months.missingKept', { names: missing.join('、') })}</Typography.Text> : '—'),
    },
  ]
  return (
    <Table<MonthChanges>
      rowKey="sheet"
      size="small"
      title={() => <Typography.Text strong>{t('ledger.months.title')}</Typography.Text>}
      dataSource={months}
      columns={columns}
      pagination={false}
      data-testid="ledger-month-changes"
    />
  )
}
