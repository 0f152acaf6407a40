// The period a report was computed over, as the backend resolved it (its answer's `period`), not
// the filter's own guess: 全部时间 on a flow still means "this year so far", and the page says so.
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Period } from '../../../../db/domain/report'
import { usePeriodText } from './usePeriodText'

export function ReportPeriod({ period }: { period: Period | null }) {
  const { t } = useTranslation()
  const periodText = usePeriodText()
  return (
    <Typography.Paragraph type="secondary" className="report-period" data-testid="report-period">
      {period ? t('reports.period.stated', { period: periodText(period), from: period.from, to: period.to }) : t('reports.period.statedAll')}
    </Typography.Paragraph>
  )
}
