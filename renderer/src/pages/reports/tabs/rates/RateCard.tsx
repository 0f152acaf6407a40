// One rate: the percentage, then numerator / denominator as links; the definition on the info icon.
import { InfoCircleOutlined } from '@ant-design/icons'
import { Card, Space, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Rate } from '../../../../../../db/domain/report'
import { percent } from '../../../../format'
import { CountLink, SumLink } from '../../figures'

export function RateCard({ rate }: { rate: Rate }) {
  const { t } = useTranslation()
  const name = t(`reports.rates.name.${rate.key}`)
  const Part = rate.unit === 'yuan' ? SumLink : CountLink
  return (
    <Card size="small" className="report-stat" data-testid={`rate-${rate.key}`}>
      <Space size={6}>
        <Typography.Text type="secondary">{name}</Typography.Text>
        <Tooltip title={t(`reports.rates.definition.${rate.key}`)}>
          <InfoCircleOutlined className="report-info" aria-label={t('reports.rates.definitionLabel')} />
        </Tooltip>
      </Space>
      <div className="report-stat-value">{percent(rate.rate, 2)}</div>
      <div className="report-stat-sub">
        <Part figure={rate.numerator} title={`${name} · ${t('reports.rates.numerator')}`} />
        {' / '}
        <Part figure={rate.denominator} title={`${name} · ${t('reports.rates.denominator')}`} />
        <span className="report-stat-unit">{rate.unit === 'yuan' ? t('unit.yi') : t('reports.unit.projects')}</span>
      </div>
    </Card>
  )
}
