// 当年策划、当年开工、当年投产: three counts and the list of projects that did all three in one year.
import { Card, Space, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { DrillRow, RatesResult } from '../../../../../../db/domain/report'
import { date, yi } from '../../../../format'
import { CountLink } from '../../figures'

export function SameYear({ data }: { data: RatesResult['sameYear'] }) {
  const { t } = useTranslation()
  const parts = [
    ['plannedAndStarted', data.plannedAndStarted],
    ['startedAndOperating', data.startedAndOperating],
    ['all', data.all],
  ] as const
  return (
    <Card size="small" className="report-card" title={t('reports.rates.sameYearTitle', { year: data.year })} data-testid="same-year">
      <Space size={32} wrap style={{ marginBottom: 12 }}>
        {parts.map(([key, figure]) => (
          <Typography.Text key={key}>
            {`${t(`reports.rates.sameYear.${key}`)}${t('reports.colon')}`}
            <CountLink figure={figure} title={t(`reports.rates.sameYear.${key}`)} testId={`same-year-${key}`} />
          </Typography.Text>
        ))}
      </Space>
      <Table<DrillRow>
        rowKey="id"
        size="small"
        dataSource={data.rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('reports.rates.sameYearEmpty') }}
        columns={[
          { title: t('reports.drill.name'), dataIndex: 'name', render: (name: string, row) => <Link to={`/projects/${row.id}`}>{name}</Link> },
          { title: t('reports.drill.park'), dataIndex: 'parkName', render: (v: string | null) => v ?? '—' },
          { title: t('reports.drill.reserveOn'), dataIndex: 'reserveOn', width: 110, render: date },
          { title: t('reports.drill.startedOn'), dataIndex: 'startedOn', width: 110, render: date },
          { title: t('reports.drill.operatingOn'), dataIndex: 'operatingOn', width: 110, render: date },
          { title: t('reports.col.investmentYi'), dataIndex: 'totalInvestmentYuan', width: 120, align: 'right', render: yi },
        ]}
      />
    </Card>
  )
}
