// Shared axis styling: theme-coloured lines and labels that do not collide.
import type { GlobalToken } from 'antd'

export const categoryAxis = (token: GlobalToken, labels: string[], rotate = labels.some((l) => l.length > 6) ? 30 : 0) => ({
  type: 'category' as const,
  data: labels,
  axisLabel: { color: token.colorTextSecondary, rotate, interval: 0, width: 110, overflow: 'truncate' as const },
  axisLine: { lineStyle: { color: token.colorBorder } },
})

export const valueAxis = (token: GlobalToken, name: string) => ({
  type: 'value' as const,
  name,
  nameTextStyle: { color: token.colorTextSecondary },
  axisLabel: { color: token.colorTextSecondary },
  splitLine: { lineStyle: { color: token.colorBorderSecondary } },
})
