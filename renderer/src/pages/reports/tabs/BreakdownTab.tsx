// 分组: the projects per district, park, industry, origin, city, ownership or person — a table
// and a bar chart of 总投资.
import { Card, Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import type { BreakdownResult } from '../../../../../db/domain/report'
import { useApiQuery } from '../../../api/hooks'
import { filterInput, type ReportParams } from '../filters/params'
import { useQueryKey } from '../filters/useReportParams'
import { TabExport } from '../export/TabExport'
import { breakdownTable } from '../export/tabTables'
import { ReportPeriod, useStatedPeriod } from '../ReportPeriod'
import { ReportState } from '../ReportState'
import { BreakdownChart } from './breakdown/BreakdownChart'
import { BreakdownTable } from './breakdown/BreakdownTable'

const GROUPS = ['district', 'park', 'industry', 'origin', 'city', 'ownership', 'person'] as const

export function BreakdownTab({ params }: { params: ReportParams }) {
  const { t } = useTranslation()
  const [by, setBy] = useQueryKey('by', GROUPS, 'district')
  const breakdown = useApiQuery('report-breakdown', { ...filterInput(params), by })
  const stated = useStatedPeriod()
  const data = breakdown.data
  return (
    <>
      <Segmented
        value={by}
        onChange={(value) => setBy(value as (typeof GROUPS)[number])}
        options={GROUPS.map((key) => ({ value: key, label: t(`reports.by.${key}`) }))}
        className="report-switch"
        data-testid="breakdown-by"
      />
      {data && (
        <ReportPeriod text={stated(data.period)}>
          <TabExport
            title={t('reports.tab.breakdown')}
            notes={[stated(data.period), `${t('reports.tab.breakdown')}：${t(`reports.by.${data.by}`)}`]}
            params={params}
            table={() => breakdownTable(t, data)}
          />
        </ReportPeriod>
      )}
      <ReportState query={breakdown} isEmpty={(data: BreakdownResult) => data.total.projects === 0}>
        {(data) => (
          <>
            <Card size="small" className="report-card" title={t('reports.breakdown.chartTitle', { by: t(`reports.by.${by}`) })}>
              <BreakdownChart data={data} />
            </Card>
            <Card size="small" className="report-card">
              <BreakdownTable data={data} />
            </Card>
          </>
        )}
      </ReportState>
    </>
  )
}
