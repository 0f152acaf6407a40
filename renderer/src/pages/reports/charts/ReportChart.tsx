// One chart of a report: antd's colours and font, a 保存为图片 button (PNG), and clicks that open
// the projects behind a bar.
import { theme } from 'antd'
import type { EChartsCoreOption } from 'echarts/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { type ChartClick, EChart } from './EChart'

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
      color: [token.colorPrimary, token.colorWarning, token.colorSuccess, token.colorError, token.purple, token.cyan],
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
  const onClick = onClickIndex ? (event: ChartClick) => onClickIndex(event.dataIndex, event.seriesIndex) : undefined
  return (
    <div className="report-chart" data-testid={testId}>
      <EChart option={full} style={{ height, width: '100%' }} onClick={onClick} />
    </div>
  )
}
