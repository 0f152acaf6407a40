// Three numbers at the top: overdue, due today, due soon; each opens the filtered list.
import { Card, Col, Row, Statistic, theme } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { DUE_SOON_DAYS, type DueSummary } from '../../../../db/domain/negotiation'

// Colours from the theme (renderer/src/theme.ts), readable on white.
const TILES = [
  { key: 'overdue', due: 'overdue', color: 'colorErrorText' },
  { key: 'dueToday', due: 'today', color: 'colorWarningText' },
  { key: 'dueSoon', due: 'upcoming', color: 'colorPrimary' },
] as const

export function DueCounts({ summary, loading }: { summary?: DueSummary; loading: boolean }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { token } = theme.useToken()
  return (
    <Row gutter={12}>
      {TILES.map(({ key, due, color }) => (
        <Col span={8} key={key}>
          <Card size="small" hoverable onClick={() => navigate(`/negotiations?due=${due}`)} data-testid={`count-${key}`}>
            <Statistic
              loading={loading}
              title={t(`workbench.counts.${key}`, { days: DUE_SOON_DAYS })}
              value={summary?.[key] ?? 0}
              styles={{ content: { color: summary?.[key] ? token[color] : undefined } }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  )
}
