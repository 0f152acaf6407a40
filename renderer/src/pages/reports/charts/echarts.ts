// Only the ECharts parts the reports use, so the bundle stays lean.
import { BarChart, FunnelChart } from 'echarts/charts'
import { GridComponent, LegendComponent, ToolboxComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, FunnelChart, GridComponent, LegendComponent, ToolboxComponent, TooltipComponent, CanvasRenderer])

export { echarts }
