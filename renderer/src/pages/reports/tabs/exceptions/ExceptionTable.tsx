// One paged list: the project (linked), what is waiting, who is responsible, since when and how long.
import { Table } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { ExceptionRow, ExceptionsResult } from '../../../../../../db/domain/report'
import { StageTag } from '../../../../components/StageTag'
import { count, date, yi } from '../../../../format'
import { EXCEPTION_RECORD_KINDS } from '../../export/tabTables'

interface Props {
  data: ExceptionsResult
  page: number
  pageSize: number
  onPage(page: number): void
}

export function ExceptionTable({ data, page, pageSize, onPage }: Props) {
  const { t } = useTranslation()
  const records = EXCEPTION_RECORD_KINDS.has(data.kind)
  return (
    <Table<ExceptionRow>
      rowKey={(row) => row.recordId ?? row.projectId ?? ''}
      size="small"
      dataSource={data.rows}
      data-testid="exception-table"
      pagination={{ current: page, pageSize, total: data.total, showSizeChanger: false, hideOnSinglePage: true, onChange: onPage }}
      columns={[
        {
          title: t('reports.exceptions.project'),
          render: (_, row) => (row.projectId ? <Link to={`/projects/${row.projectId}`}>{row.projectName}</Link> : t('reports.exceptions.investorOnly')),
        },
        ...(records ? [{ title: t(`reports.exceptions.title.${data.kind}`), dataIndex: 'title', ellipsis: true }] : []),
        { title: t('reports.drill.stage'), dataIndex: 'stage', width: 90, render: (_: unknown, row: ExceptionRow) => (row.stage ? <StageTag stage={row.stage} /> : '—') },
        { title: t('reports.drill.owner'), dataIndex: 'ownerName', width: 90, render: (v: string | null) => v ?? '—' },
        { title: t(`reports.exceptions.since.${data.kind}`), dataIndex: 'sinceOn', width: 120, render: date },
        { title: t('reports.exceptions.days'), dataIndex: 'days', width: 90, align: 'right', render: (v: number | null) => count(v) },
        { title: t('reports.col.investmentYi'), dataIndex: 'totalInvestmentYuan', width: 120, align: 'right', render: yi },
      ]}
    />
  )
}
