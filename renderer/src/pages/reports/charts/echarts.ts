// Only the ECharts parts the reports use, so the bundle stays lean.
import { BarChart, FunnelChart } from 'echarts/charts'
import { GridComponent, LegendComponent, ToolboxComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, FunnelChart, GridComponent, LegendComponent, ToolboxComponent, TooltipComponent, CanvasRenderer])

export { echarts }

/** A tooltip formatter's string becomes innerHTML: every name in it (parks, people, cities — typed
 * by users or read from an imported ledger) goes through this first. */
export const htmlText = (text: string): string => echarts.format.encodeHTML(text)
