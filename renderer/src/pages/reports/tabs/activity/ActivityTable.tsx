// The ranking: one row per person or unit, its counts, the index; signings and starts drill down.
import { Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ActivityResult, ActivityRow } from '../../../../../../db/domain/report'
import { count, decimal2 } from '../../../../format'
import { DrillLink } from '../../drill/DrillLink'

export function ActivityTable({ data }: { data: ActivityResult }) {
  const { t } = useTranslation()
  const name = (row: ActivityRow) => (row.key === null ? t('reports.unfilled') : row.label)
  const plain = (item: 'visitOut' | 'visitIn' | 'events') => ({
    title: t(`reports.activity.item.${item}`),
    align: 'right' as const,
    width: 100,
    render: (_: unknown, row: ActivityRow) => count(row.counts[item]),
  })
  return (
    <Table<ActivityRow>
      rowKey={(row) => row.key ?? '__none'}
      size="small"
      pagination={false}
      dataSource={data.rows}
      data-testid="activity-table"
      columns={[
        { title: t('reports.activity.rank'), dataIndex: 'rank', width: 70, align: 'center' },
        { title: t(`reports.by.${data.by}`), render: (_, row) => name(row) },
        plain('visitOut'),
        plain('visitIn'),
        plain('events'),
        {
          title: t('reports.activity.item.signings'),
          align: 'right',
          width: 100,
          render: (_, row) => (
            <DrillLink drill={row.signingsDrill} title={`${name(row)} · ${t('reports.activity.item.signings')}`}>
              {count(row.counts.signings)}
            </DrillLink>
          ),
        },
        {
          title: t('reports.activity.item.starts'),
          align: 'right',
          width: 100,
          render: (_, row) => (
            <DrillLink drill={row.startsDrill} title={`${name(row)} · ${t('reports.activity.item.starts')}`}>
              {count(row.counts.starts)}
            </DrillLink>
          ),
        },
        { title: t('reports.activity.index'), dataIndex: 'index', width: 100, align: 'right', render: (v: number) => <strong>{decimal2(v)}</strong> },
      ]}
    />
  )
}
