// A row per group with its count, 总投资 and the count per library; the 合计 row at the bottom.
import { Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { BreakdownResult, BreakdownRow } from '../../../../../../db/domain/report'
import { type Library, LIBRARIES, SIDE_STAGES } from '../../../../../../db/domain/stages'
import { count } from '../../../../format'
import { libraryCount, sideCount } from '../../export/tabTables'
import { DrillLink } from '../../drill/DrillLink'
import { CountLink, SumLink } from '../../figures'
import { rowLabel } from './rowLabel'

const figure = (row: BreakdownRow) => ({ count: row.projects, sumYuan: row.investmentYuan, drill: row.drill })

export function BreakdownTable({ data }: { data: BreakdownResult }) {
  const { t } = useTranslation()
  const label = (row: BreakdownRow) => (row === data.total ? t('reports.total') : rowLabel(t, data.by, row))
  return (
    <Table<BreakdownRow>
      rowKey={(row) => (row === data.total ? '__total' : (row.key ?? '__unfilled'))}
      size="small"
      pagination={false}
      dataSource={[...data.rows, data.total]}
      rowClassName={(row) => (row === data.total ? 'report-total-row' : '')}
      data-testid="breakdown-table"
      columns={[
        { title: t(`reports.by.${data.by}`), render: (_, row) => label(row) },
        { title: t('reports.col.projects'), align: 'right', width: 100, render: (_, row) => <CountLink figure={figure(row)} title={label(row)} /> },
        { title: t('reports.col.investmentYi'), align: 'right', width: 140, render: (_, row) => <SumLink figure={figure(row)} title={label(row)} /> },
        ...(Object.keys(LIBRARIES) as Library[]).map((library) => ({
          title: t(`library.${library}`),
          align: 'right' as const,
          width: 110,
          render: (_: unknown, row: BreakdownRow) => (
            <DrillLink drill={{ ...row.drill, library }} title={`${label(row)} · ${t(`library.${library}`)}`}>
              {count(libraryCount(row, library))}
            </DrillLink>
          ),
        })),
        {
          title: t('reports.breakdown.side'),
          align: 'right',
          width: 110,
          render: (_, row) => (
            <DrillLink drill={{ ...row.drill, stages: [...SIDE_STAGES] }} title={`${label(row)} · ${t('reports.breakdown.side')}`}>
              {count(sideCount(row))}
            </DrillLink>
          ),
        },
      ]}
    />
  )
}
