// One project on the board: enough to recognise it, drag it, or open it.
import { Card, Tag, Typography } from 'antd'
import type { DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { BoardCard as Card_ } from '../../../../db/domain/project'
import { yi } from '../../format'

interface Props {
  card: Card_
  onDragStart(card: Card_): void
  onDragEnd(): void
}

export const DRAG_TYPE = 'application/x-crm-project'

export function BoardCard({ card, onDragStart, onDragEnd }: Props) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const open = () => navigate(`/projects/${card.id}`)
  return (
    <Card
      size="small"
      hoverable
      draggable
      role="button"
      tabIndex={0}
      // No aria-label: the name is the card's text (name, investor, park, amount), as it reads.
      data-testid={`board-card-${card.id}`}
      onDragStart={(event: DragEvent) => {
        event.dataTransfer.setData(DRAG_TYPE, card.id)
        event.dataTransfer.effectAllowed = 'move'
        onDragStart(card)
      }}
      onDragEnd={onDragEnd}
      onClick={open}
      onKeyDown={(event) => event.key === 'Enter' && open()}
      style={{ marginBottom: 8, cursor: 'grab' }}
      styles={{ body: { padding: '8px 10px' } }}
    >
      <Typography.Paragraph strong ellipsis={{ rows: 2, tooltip: card.name }} style={{ marginBottom: 4, lineHeight: 1.4 }}>
        {card.name}
      </Typography.Paragraph>
      {[card.investorName, card.parkName, card.ownerName].filter(Boolean).length > 0 && (
        <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
          {[card.investorName, card.parkName, card.ownerName].filter(Boolean).join(' · ')}
        </Typography.Text>
      )}
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 6, gap: 8, minHeight: 22 }}>
        <span>{card.priority && <Tag color="gold">{t(`vocab.priority.${card.priority}`)}</Tag>}</span>
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
          {yi(card.totalInvestmentYuan)}
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal', marginInlineStart: 4 }}>
            {t('unit.yi')}
          </Typography.Text>
        </Typography.Text>
      </div>
    </Card>
  )
}
