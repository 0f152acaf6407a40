// 漏斗: the four libraries, how far projects got (a funnel of "reached"), and per current stage the
// count, 亿元, conversion to the next stage and the median days spent in it.
import { Card, Col, Row } from 'antd'
import { useTranslation } from 'react-i18next'
import type { FunnelResult } from '../../../../../db/domain/report'
import { useApiQuery } from '../../../api/hooks'
import type { ReportParams } from '../filters/params'
import { filterInput } from '../filters/params'
import { TabExport } from '../export/TabExport'
import { funnelTable } from '../export/tabTables'
import { ReportPeriod, useStatedPeriod } from '../ReportPeriod'
import { ReportState } from '../ReportState'
import { LibraryCards } from './funnel/LibraryCards'
import { ReachedFunnel } from './funnel/ReachedFunnel'
import { StageTable } from './funnel/StageTable'

export function FunnelTab({ params }: { params: ReportParams }) {
  const { t } = useTranslation()
  const funnel = useApiQuery('report-funnel', filterInput(params))
  const stated = useStatedPeriod()
  const data = funnel.data
  return (
    <>
      {data && (
        <ReportPeriod text={stated(data.period)}>
          <TabExport title={t('reports.tab.funnel')} notes={[stated(data.period)]} params={params} table={() => funnelTable(t, data)} />
        </ReportPeriod>
      )}
      <ReportState query={funnel} isEmpty={(data: FunnelResult) => data.total.count === 0}>
        {(data) => (
          <>
            <LibraryCards data={data} />
            <Row gutter={16}>
              <Col xs={24} xl={9}>
                <Card size="small" title={t('reports.funnel.reachedTitle')} className="report-card">
                  <ReachedFunnel data={data} />
                </Card>
              </Col>
              <Col xs={24} xl={15}>
                <Card size="small" title={t('reports.funnel.stagesTitle')} className="report-card">
                  <StageTable data={data} />
                </Card>
              </Col>
            </Row>
          </>
        )}
      </ReportState>
    </>
  )
}
