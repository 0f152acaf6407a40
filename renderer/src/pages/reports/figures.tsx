// A figure's count and 亿元 sum, each a link to the projects behind it.
import type { Figure, Period } from '../../../../db/domain/report'
import { formatYi } from '../../../../db/domain/money'
import { count, yi } from '../../format'
import { DrillLink } from './drill/DrillLink'

interface Props {
  figure: Pick<Figure, 'count' | 'sumYuan' | 'drill'>
  title: string
  testId?: string
}

export const CountLink = ({ figure, title, testId }: Props) => (
  <DrillLink drill={figure.drill} title={title} testId={testId}>
    {count(figure.count)}
  </DrillLink>
)

export const SumLink = ({ figure, title, testId }: Props) => (
  <DrillLink drill={figure.drill} title={title} testId={testId}>
    {yi(figure.sumYuan)}
  </DrillLink>
)

/** 亿元 as a plain number for a chart axis (exact to the cent of 亿 it shows). */
export const yiNumber = (yuan: number): number => Number(formatYi(yuan))

/** The backend's label is Chinese ('2024年第1季度'); English shows the dates. */
export const periodText = (period: Period | null, english: boolean, allTime: string): string =>
  period === null ? allTime : english ? `${period.from} – ${period.to}` : period.label

/** '+3' / '-2' / '0': the sign matters in a 同比 column. */
export const signed = (text: string, value: number): string => (value > 0 ? `+${text}` : text)
