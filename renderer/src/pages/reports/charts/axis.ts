// Shared axis styling: theme-coloured lines and labels that do not collide.
import type { GlobalToken } from 'antd'

/** Labels turn only when many long ones would otherwise overlap. */
const crowded = (labels: string[]) => labels.reduce((sum, label) => sum + label.length, 0) > 60

export const categoryAxis = (token: GlobalToken, labels: string[], rotate = crowded(labels) ? 30 : 0) => ({
  type: 'category' as const,
  data: labels,
  axisLabel: { color: token.colorTextSecondary, rotate, interval: 0, width: 110, overflow: 'truncate' as const },
  axisLine: { lineStyle: { color: token.colorBorder } },
})

/** integer: a count axis, where 0.5 of a project makes no sense. */
export const valueAxis = (token: GlobalToken, name: string, integer = false) => ({
  type: 'value' as const,
  name,
  minInterval: integer ? 1 : undefined,
  nameTextStyle: { color: token.colorTextSecondary },
  axisLabel: { color: token.colorTextSecondary },
  splitLine: { lineStyle: { color: token.colorBorderSecondary } },
})
