// The period a report was computed over, as the backend resolved it (its answer's `period`), not
// the filter's own guess: 全部时间 on a flow still means "this year so far", and the page says so.
// The tab's 导出本页 sits on the same line; the print header repeats the sentence (print/statedPeriod.ts).
import { Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Period } from '../../../../db/domain/report'
import { usePublishStatedPeriod } from './print/statedPeriod'
import { usePeriodText } from './usePeriodText'

/** The sentence ReportPeriod shows; the tab export writes the same one above its table. */
export function useStatedPeriod() {
  const { t } = useTranslation()
  const periodText = usePeriodText()
  return (period: Period | null) =>
    period ? t('reports.period.stated', { period: periodText(period), from: period.from, to: period.to }) : t('reports.period.statedAll')
}

export function ReportPeriod({ text, testId = 'report-period', children }: { text: string; testId?: string; children?: ReactNode }) {
  usePublishStatedPeriod(text)
  return (
    <div className="report-period-line">
      <Typography.Paragraph type="secondary" className="report-period" data-testid={testId}>
        {text}
      </Typography.Paragraph>
      {children}
    </div>
  )
}
