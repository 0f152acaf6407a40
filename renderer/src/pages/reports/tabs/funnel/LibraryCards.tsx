// 四库 as cards, plus the total: count and 亿元, both drillable.
import { Card, Col, Row, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Figure, FunnelResult } from '../../../../../../db/domain/report'
import { CountLink, SumLink } from '../../figures'

function FigureCard({ label, figure, testId }: { label: string; figure: Figure; testId: string }) {
  const { t } = useTranslation()
  return (
    <Card size="small" className="report-stat" data-testid={testId}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div className="report-stat-value">
        <CountLink figure={figure} title={label} testId={`${testId}-count`} />
        <span className="report-stat-unit">{t('reports.unit.projects')}</span>
      </div>
      <div className="report-stat-sub">
        <SumLink figure={figure} title={label} testId={`${testId}-sum`} />
        <span className="report-stat-unit">{t('unit.yi')}</span>
      </div>
    </Card>
  )
}

export function LibraryCards({ data }: { data: FunnelResult }) {
  const { t } = useTranslation()
  return (
    <Row gutter={[16, 16]} className="report-cards">
      <Col flex="1 1 200px">
        <FigureCard label={t('reports.funnel.total')} figure={data.total} testId="funnel-total" />
      </Col>
      {data.libraries.map((library) => (
        <Col key={library.library} flex="1 1 200px">
          <FigureCard label={t(`library.${library.library}`)} figure={library} testId={`library-${library.library}`} />
        </Col>
      ))}
    </Row>
  )
}
