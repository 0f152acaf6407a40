// One chart of a report: antd's colours and font, a 保存为图片 button (PNG), and clicks that open
// the projects behind a bar.
import { theme } from 'antd'
import type { EChartsCoreOption } from 'echarts/core'
import ReactEChartsCore from 'echarts-for-react/esm/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { echarts } from './echarts'

interface Props {
  option: EChartsCoreOption
  /** The PNG's file name (without .png). */
  name: string
  height?: number
  onClickIndex?(dataIndex: number, seriesIndex: number): void
  testId?: string
}

export function ReportChart({ option, name, height = 320, onClickIndex, testId }: Props) {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const full = useMemo<EChartsCoreOption>(
    () => ({
      color: [token.colorPrimary, token.colorWarning, token.colorSuccess, token.colorError, token.colorInfo, token.colorTextTertiary],
      textStyle: { fontFamily: token.fontFamily, color: token.colorText },
      backgroundColor: token.colorBgContainer,
      toolbox: {
        right: 8,
        feature: { saveAsImage: { title: t('reports.chart.save'), name, pixelRatio: 2, backgroundColor: token.colorBgContainer } },
      },
      tooltip: { trigger: 'item', confine: true },
      ...option,
    }),
    [option, name, t, token],
  )
  const onEvents = useMemo(
    () => (onClickIndex ? { click: (event: { dataIndex: number; seriesIndex: number }) => onClickIndex(event.dataIndex, event.seriesIndex) } : undefined),
    [onClickIndex],
  )
  return (
    <div className="report-chart" data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={full} notMerge style={{ height, width: '100%' }} onEvents={onEvents} />
    </div>
  )
}
