// 总投资 per group (the largest 20), with the project count in the tooltip; a bar opens its projects.
import { theme } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { BreakdownResult } from '../../../../../../db/domain/report'
import { count, yi } from '../../../../format'
import { categoryAxis, valueAxis } from '../../charts/axis'
import { htmlText } from '../../charts/echarts'
import { ReportChart } from '../../charts/ReportChart'
import { useOpenDrill } from '../../drill/context'
import { yiNumber } from '../../figures'
import { rowLabel } from './rowLabel'

const MAX_BARS = 20

export function BreakdownChart({ data }: { data: BreakdownResult }) {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const openDrill = useOpenDrill()
  const rows = useMemo(() => data.rows.slice(0, MAX_BARS), [data])
  const option = useMemo(() => {
    const labels = rows.map((row) => rowLabel(t, data.by, row))
    return {
      grid: { left: 64, right: 24, top: 40, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const row = rows[p.dataIndex]!
          return `${htmlText(labels[p.dataIndex]!)}<br/>${htmlText(t('reports.chart.tooltip', { n: count(row.projects), sum: yi(row.investmentYuan) }))}`
        },
      },
      xAxis: categoryAxis(token, labels),
      yAxis: valueAxis(token, t('unit.yi')),
      series: [
        {
          type: 'bar',
          data: rows.map((row) => yiNumber(row.investmentYuan)),
          barMaxWidth: 40,
          label: { show: true, position: 'top', color: token.colorTextSecondary, formatter: (p: { value: number }) => p.value.toFixed(2) },
        },
      ],
    }
  }, [rows, data.by, t, token])
  const onClick = (index: number) => {
    const row = rows[index]
    if (row) openDrill({ drill: row.drill, title: rowLabel(t, data.by, row) })
  }
  return <ReportChart option={option} name={t('reports.breakdown.chartTitle', { by: t(`reports.by.${data.by}`) })} onClickIndex={onClick} testId="breakdown-chart" />
}
