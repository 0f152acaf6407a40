// A thin React host for an ECharts instance. echarts-for-react/esm/core would do the same, but it
// imports tslib without declaring it, and tslib is not hoisted in this install, so the renderer
// build cannot resolve it; these few lines avoid the extra package.
import type { ECharts, EChartsCoreOption } from 'echarts/core'
import { type CSSProperties, useEffect, useRef } from 'react'
import { echarts } from './echarts'

export interface ChartClick {
  dataIndex: number
  seriesIndex: number
}

interface Props {
  option: EChartsCoreOption
  style?: CSSProperties
  onClick?(event: ChartClick): void
}

export function EChart({ option, style, onClick }: Props) {
  const host = useRef<HTMLDivElement>(null)
  const chart = useRef<ECharts | null>(null)

  useEffect(() => {
    const element = host.current!
    const instance = echarts.init(element)
    chart.current = instance
    // Follow the layout: the sider collapsing, the print view, a window resize.
    const observer = new ResizeObserver(() => instance.resize())
    observer.observe(element)
    return () => {
      observer.disconnect()
      instance.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true })
  }, [option])

  useEffect(() => {
    const instance = chart.current
    if (!instance || !onClick) return
    const handler = (event: unknown) => onClick(event as ChartClick)
    instance.on('click', handler)
    return () => {
      instance.off('click', handler)
    }
  }, [onClick])

  return <div ref={host} style={style} />
}
