// Above a printed report: what it is, the period it was computed over (the tab's own sentence, as
// on screen), and when it was printed.
import { Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { ReportTab } from '../reportTabs'

export function PrintHeader({ tab, stated }: { tab: ReportTab; stated: string | null }) {
  const { t } = useTranslation()
  return (
    <div className="report-print-header" data-testid="print-header">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('reports.print.title', { tab: t(`reports.tab.${tab}`) })}
      </Typography.Title>
      {stated && <Typography.Text data-testid="print-period">{stated}</Typography.Text>}
      <Typography.Text type="secondary">{t('reports.print.printedOn', { date: dayjs().format('YYYY-MM-DD') })}</Typography.Text>
    </div>
  )
}
