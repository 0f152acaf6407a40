// 期间流量, the core of the monthly report: what entered each milestone in the period, the same
// dates last year beside it, and 同比.
import { Card } from 'antd'
import { useTranslation } from 'react-i18next'
import type { FlowResult } from '../../../../../db/domain/report'
import { useApiQuery } from '../../../api/hooks'
import { filterInput, type ReportParams } from '../filters/params'
import { TabExport } from '../export/TabExport'
import { flowTable } from '../export/tabTables'
import { ReportPeriod } from '../ReportPeriod'
import { ReportState } from '../ReportState'
import { usePeriodText } from '../usePeriodText'
import { FlowChart } from './flow/FlowChart'
import { FlowTable } from './flow/FlowTable'

const nothing = (data: FlowResult) => data.rows.every((row) => row.current.count === 0 && row.lastYear.count === 0)

export function FlowTab({ params }: { params: ReportParams }) {
  const { t } = useTranslation()
  const periodText = usePeriodText()
  const flow = useApiQuery('report-flow', filterInput(params))
  const data = flow.data
  // Which years are compared, as the backend computed them: '2026年1–11月 与 2025年1–11月相比'.
  const compared = data && t('reports.flow.periods', { current: periodText(data.period), last: periodText(data.lastYear) })
  return (
    <>
      {data && compared && (
        <ReportPeriod text={compared} testId="flow-period">
          <TabExport title={t('reports.tab.flow')} notes={[compared]} params={params} table={() => flowTable(t, data)} />
        </ReportPeriod>
      )}
      <ReportState query={flow} isEmpty={nothing}>
        {(data) => (
          <>
            <Card size="small" className="report-card">
              <FlowTable data={data} />
            </Card>
            <Card size="small" className="report-card" title={t('reports.flow.chartTitle')}>
              <FlowChart data={data} />
            </Card>
          </>
        )}
      </ReportState>
    </>
  )
}
