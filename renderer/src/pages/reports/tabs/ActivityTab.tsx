// 活跃度: visits, events, signings and starts per person (or district, park), weighted into one
// index and ranked.
import { Card, Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import { ACTIVITY_ITEMS, type ActivityResult } from '../../../../../db/domain/report'
import { useApiQuery } from '../../../api/hooks'
import { filterInput, type ReportParams } from '../filters/params'
import { useQueryKey } from '../filters/useReportParams'
import { TabExport } from '../export/TabExport'
import { activityTable } from '../export/tabTables'
import { ReportPeriod } from '../ReportPeriod'
import { ReportState } from '../ReportState'
import { usePeriodText } from '../usePeriodText'
import { ActivityChart } from './activity/ActivityChart'
import { ActivityTable } from './activity/ActivityTable'

const UNITS = ['person', 'district', 'park'] as const

export function ActivityTab({ params }: { params: ReportParams }) {
  const { t } = useTranslation()
  const periodText = usePeriodText()
  const [by, setBy] = useQueryKey('unit', UNITS, 'person')
  const activity = useApiQuery('report-activity', { ...filterInput(params), by })
  return (
    <>
      <Segmented
        value={by}
        onChange={(value) => setBy(value as (typeof UNITS)[number])}
        options={UNITS.map((key) => ({ value: key, label: t(`reports.by.${key}`) }))}
        className="report-switch"
      />
      <ReportState
        query={activity}
        isEmpty={(data: ActivityResult) => data.rows.every((row) => row.index === 0)}
        emptyText={t('reports.activity.empty')}
      >
        {(data) => {
          const weights = t('reports.activity.weights', {
            period: periodText(data.period),
            weights: ACTIVITY_ITEMS.map((item) => `${t(`reports.activity.item.${item}`)}×${data.weights[item]}`).join(t('reports.activity.sep')),
          })
          return (
            <>
              <ReportPeriod text={weights} testId="activity-period">
                <TabExport title={t('reports.tab.activity')} notes={[weights]} params={params} table={() => activityTable(t, data)} />
              </ReportPeriod>
              <Card size="small" className="report-card" title={t('reports.activity.chartTitle')}>
                <ActivityChart data={data} />
              </Card>
              <Card size="small" className="report-card">
                <ActivityTable data={data} />
              </Card>
            </>
          )
        }}
      </ReportState>
    </>
  )
}
