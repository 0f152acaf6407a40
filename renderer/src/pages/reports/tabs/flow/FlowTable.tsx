// One row per milestone: this period, the same period last year, and 同比 (absolute and %).
import { Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { FlowResult, FlowRow } from '../../../../../../db/domain/report'
import { count, yi } from '../../../../format'
import { changePct as pct } from '../../export/tabTables'
import { CountLink, SumLink, signed } from '../../figures'
import { usePeriodText } from '../../usePeriodText'

export function FlowTable({ data }: { data: FlowResult }) {
  const { t } = useTranslation()
  const periodText = usePeriodText()
  const title = (row: FlowRow, last: boolean) =>
    `${t(`reports.milestone.${row.milestone}`)} · ${periodText(last ? data.lastYear : data.period)}`
  return (
    <Table<FlowRow>
      rowKey="milestone"
      size="middle"
      bordered
      pagination={false}
      dataSource={data.rows}
      data-testid="flow-table"
      columns={[
        { title: t('reports.flow.milestone'), width: 110, render: (_, row) => t(`reports.milestone.${row.milestone}`) },
        {
          title: t('reports.flow.current'),
          children: [
            { title: t('reports.col.projects'), align: 'right', render: (_, row) => <CountLink figure={row.current} title={title(row, false)} testId={`flow-${row.milestone}-count`} /> },
            { title: t('reports.col.investmentYi'), align: 'right', render: (_, row) => <SumLink figure={row.current} title={title(row, false)} testId={`flow-${row.milestone}-sum`} /> },
          ],
        },
        {
          title: t('reports.flow.lastYear'),
          children: [
            { title: t('reports.col.projects'), align: 'right', render: (_, row) => <CountLink figure={row.lastYear} title={title(row, true)} testId={`flow-${row.milestone}-last-count`} /> },
            { title: t('reports.col.investmentYi'), align: 'right', render: (_, row) => <SumLink figure={row.lastYear} title={title(row, true)} /> },
          ],
        },
        {
          title: t('reports.flow.yoy'),
          children: [
            { title: t('reports.flow.countChange'), align: 'right', render: (_, row) => signed(count(row.countChange), row.countChange) },
            { title: t('reports.flow.countChangePct'), align: 'right', render: (_, row) => <span data-testid={`flow-${row.milestone}-pct`}>{pct(row.countChangePct)}</span> },
            { title: t('reports.flow.sumChange'), align: 'right', render: (_, row) => signed(yi(row.sumChangeYuan), row.sumChangeYuan) },
            { title: t('reports.flow.sumChangePct'), align: 'right', render: (_, row) => pct(row.sumChangePct) },
          ],
        },
      ]}
    />
  )
}
