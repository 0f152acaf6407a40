// Above a printed report: what it is, for which period, and when it was printed.
import { Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { ReportParams } from '../filters/params'
import type { ReportTab } from '../reportTabs'

function periodLabel(params: ReportParams, t: (key: string, values?: Record<string, unknown>) => string): string {
  switch (params.mode) {
    case 'year':
      return t('reports.print.year', { year: params.year })
    case 'quarter':
      return t('reports.print.quarter', { year: params.year, quarter: params.quarter })
    case 'month':
      return t('reports.print.month', { year: params.year, month: params.month })
    case 'range':
      return params.from && params.to ? `${params.from} – ${params.to}` : t('reports.period.allTime')
    default:
      return t('reports.period.allTime')
  }
}

export function PrintHeader({ tab, params }: { tab: ReportTab; params: ReportParams }) {
  const { t } = useTranslation()
  return (
    <div className="report-print-header" data-testid="print-header">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('reports.print.title', { tab: t(`reports.tab.${tab}`) })}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t('reports.print.meta', { period: periodLabel(params, t), date: dayjs().format('YYYY-MM-DD') })}
      </Typography.Text>
    </div>
  )
}
