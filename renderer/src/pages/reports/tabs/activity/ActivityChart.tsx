// The index per person or unit, highest first (the first 20), stacked by what earned it.
import { theme } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { ACTIVITY_ITEMS, type ActivityResult } from '../../../../../../db/domain/report'
import { categoryAxis, valueAxis } from '../../charts/axis'
import { ReportChart } from '../../charts/ReportChart'

const MAX_BARS = 20

export function ActivityChart({ data }: { data: ActivityResult }) {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const option = useMemo(() => {
    const rows = data.rows.slice(0, MAX_BARS)
    return {
      legend: { top: 4, textStyle: { color: token.colorText } },
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 24, top: 48, bottom: 8, containLabel: true },
      xAxis: categoryAxis(token, rows.map((row) => (row.key === null ? t('reports.unfilled') : row.label))),
      yAxis: valueAxis(token, t('reports.activity.index'), true),
      series: ACTIVITY_ITEMS.map((item) => ({
        type: 'bar',
        stack: 'index',
        name: t(`reports.activity.item.${item}`),
        barMaxWidth: 40,
        data: rows.map((row) => row.counts[item] * data.weights[item]),
      })),
    }
  }, [data, t, token])
  return <ReportChart option={option} name={t('reports.activity.chartTitle')} testId="activity-chart" />
}
