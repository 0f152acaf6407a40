// 比率: 履约率, 落地率, 开工率, 投产率, 资金到位率 over the projects signed in the period, each with its
// definition on hover; then 当年策划、当年开工、当年投产.
import { Col, Row } from 'antd'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../../api/hooks'
import { TabExport } from '../export/TabExport'
import { ratesTable } from '../export/tabTables'
import { filterInput, type ReportParams } from '../filters/params'
import { ReportPeriod } from '../ReportPeriod'
import { ReportState } from '../ReportState'
import { usePeriodText } from '../usePeriodText'
import { RateCard } from './rates/RateCard'
import { SameYear } from './rates/SameYear'

export function RatesTab({ params }: { params: ReportParams }) {
  const { t } = useTranslation()
  const periodText = usePeriodText()
  const rates = useApiQuery('report-rates', filterInput(params))
  return (
    <ReportState query={rates}>
      {(data) => {
        const over = t('reports.rates.over', { period: periodText(data.period) })
        return (
          <>
            <ReportPeriod text={over} testId="rates-period">
              <TabExport title={t('reports.tab.rates')} notes={[over]} params={params} table={() => ratesTable(t, data)} />
            </ReportPeriod>
            <Row gutter={[16, 16]} className="report-cards">
              {data.rates.map((rate) => (
                <Col key={rate.key} flex="1 1 200px">
                  <RateCard rate={rate} />
                </Col>
              ))}
            </Row>
            <SameYear data={data.sameYear} />
          </>
        )
      }}
    </ReportState>
  )
}
