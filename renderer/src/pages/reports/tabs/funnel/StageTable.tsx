// Per current stage: count, 亿元, conversion to the next main stage, median days in the stage.
import { Table, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import type { FunnelConversion, FunnelResult, FunnelStage } from '../../../../../../db/domain/report'
import { StageTag } from '../../../../components/StageTag'
import { count } from '../../../../format'
import { conversionText } from '../../export/tabTables'
import { DrillLink } from '../../drill/DrillLink'
import { CountLink, SumLink } from '../../figures'

function ConversionCell({ conversion }: { conversion: FunnelConversion | undefined }) {
  const { t } = useTranslation()
  if (!conversion) return <span>—</span>
  const to = t(`stage.${conversion.to}`)
  return (
    <Tooltip title={t('reports.funnel.conversionHint', { from: count(conversion.reachedFrom.count), to: count(conversion.reachedTo.count), stage: to })}>
      <DrillLink drill={conversion.reachedTo.drill} title={t('reports.funnel.reached', { stage: to })}>
        {conversionText(t, conversion.to, conversion.rate)}
      </DrillLink>
    </Tooltip>
  )
}

export function StageTable({ data }: { data: FunnelResult }) {
  const { t } = useTranslation()
  const conversionFrom = new Map(data.conversions.map((c) => [c.from as string, c]))
  return (
    <Table<FunnelStage>
      rowKey="stage"
      size="small"
      pagination={false}
      dataSource={data.stages}
      data-testid="funnel-stages"
      columns={[
        { title: t('reports.funnel.stage'), dataIndex: 'stage', width: 100, render: (_, row) => <StageTag stage={row.stage} /> },
        {
          title: t('reports.col.projects'),
          align: 'right',
          width: 90,
          render: (_, row) => <CountLink figure={row} title={t(`stage.${row.stage}`)} testId={`stage-${row.stage}-count`} />,
        },
        {
          title: t('reports.col.investmentYi'),
          align: 'right',
          width: 130,
          render: (_, row) => <SumLink figure={row} title={t(`stage.${row.stage}`)} testId={`stage-${row.stage}-sum`} />,
        },
        { title: t('reports.funnel.conversion'), width: 150, render: (_, row) => <ConversionCell conversion={conversionFrom.get(row.stage)} /> },
        {
          title: t('reports.funnel.medianDays'),
          align: 'right',
          width: 120,
          render: (_, row) =>
            row.medianDays === null ? '—' : <Tooltip title={t('reports.funnel.stays', { count: row.stays })}>{count(row.medianDays)}</Tooltip>,
        },
      ]}
    />
  )
}
