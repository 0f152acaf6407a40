// Counts per milestone, this period beside last year; a bar opens its projects.
import { theme } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { FlowResult } from '../../../../../../db/domain/report'
import { categoryAxis, valueAxis } from '../../charts/axis'
import { ReportChart } from '../../charts/ReportChart'
import { useOpenDrill } from '../../drill/context'
import { usePeriodText } from '../../usePeriodText'

export function FlowChart({ data }: { data: FlowResult }) {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const openDrill = useOpenDrill()
  const periodText = usePeriodText()
  const labels = data.rows.map((row) => t(`reports.milestone.${row.milestone}`))
  const option = useMemo(
    () => ({
      color: [token.colorPrimary, token.colorTextQuaternary],
      legend: { top: 4, textStyle: { color: token.colorText } },
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 24, top: 48, bottom: 32 },
      xAxis: categoryAxis(token, labels),
      yAxis: valueAxis(token, t('reports.col.projects'), true),
      series: [
        { type: 'bar', name: periodText(data.period), data: data.rows.map((row) => row.current.count), barMaxWidth: 36, label: { show: true, position: 'top' } },
        { type: 'bar', name: periodText(data.lastYear), data: data.rows.map((row) => row.lastYear.count), barMaxWidth: 36, label: { show: true, position: 'top' } },
      ],
    }),
    [data, labels, periodText, t, token],
  )
  const onClick = (index: number, series: number) => {
    const row = data.rows[index]
    if (!row) return
    const last = series === 1
    openDrill({
      drill: (last ? row.lastYear : row.current).drill,
      title: `${labels[index]} · ${periodText(last ? data.lastYear : data.period)}`,
    })
  }
  return <ReportChart option={option} name={t('reports.flow.chartTitle')} onClickIndex={onClick} testId="flow-chart" />
}
