// A stage's column: its count and 亿元 sum from the server, its most recently touched cards, and
// a drop target for cards from other columns.
import { LeftOutlined, RightOutlined } from '@ant-design/icons'
import { Button, Empty, Typography, theme } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardCard as Card, BoardColumn as Column } from '../../../../db/domain/project'
import { StageTag } from '../../components/StageTag'
import { count, yi } from '../../format'
import { BoardCard } from './BoardCard'

interface Props {
  column: Column
  dragging: Card | null
  collapsed?: boolean
  onToggle?(): void
  onDragStart(card: Card): void
  onDragEnd(): void
  onDrop(stage: Column['stage']): void
  onMore(stage: Column['stage']): void
}

export function BoardColumn({ column, dragging, collapsed, onToggle, onDragStart, onDragEnd, onDrop, onMore }: Props) {
  const { t } = useTranslation()
  const [over, setOver] = useState(false)
  const { token } = theme.useToken()
  const accepts = dragging !== null && dragging.stage !== column.stage
  const dropProps = {
    onDragOver: (event: React.DragEvent) => {
      if (!accepts) return
      event.preventDefault()
      event.dataTransfer.dropEffect = 'move'
      setOver(true)
    },
    onDragLeave: () => setOver(false),
    onDrop: (event: React.DragEvent) => {
      event.preventDefault()
      setOver(false)
      if (accepts) onDrop(column.stage)
    },
  }
  const frame = {
    background: over ? token.colorPrimaryBg : token.colorFillQuaternary,
    border: `1px ${accepts ? 'dashed' : 'solid'} ${over ? token.colorPrimary : accepts ? token.colorPrimaryBorder : token.colorBorderSecondary}`,
    borderRadius: 8,
    flex: 'none',
    display: 'flex',
    flexDirection: 'column' as const,
    maxHeight: 'calc(100vh - 190px)',
  }

  if (collapsed) {
    return (
      <div {...dropProps} style={{ ...frame, width: 56, alignItems: 'center', padding: '8px 4px', gap: 8 }} data-testid={`board-column-${column.stage}`}>
        <Button size="small" type="text" icon={<RightOutlined />} onClick={onToggle} aria-label={t('project.board.expand')} />
        <StageTag stage={column.stage} />
        <Typography.Text strong>{count(column.count)}</Typography.Text>
      </div>
    )
  }

  return (
    <div {...dropProps} style={{ ...frame, width: 224 }} data-testid={`board-column-${column.stage}`}>
      <div style={{ padding: '10px 10px 6px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 4 }}>
        <span style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
          <StageTag stage={column.stage} />
          <Typography.Text strong data-testid={`board-count-${column.stage}`}>
            {count(column.count)}
          </Typography.Text>
        </span>
        <span style={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }} data-testid={`board-sum-${column.stage}`}>
            {yi(column.totalInvestmentYuan)} {t('unit.yi')}
          </Typography.Text>
          {onToggle && <Button size="small" type="text" icon={<LeftOutlined />} onClick={onToggle} aria-label={t('project.board.collapse')} />}
        </span>
      </div>
      <div style={{ overflowY: 'auto', padding: '0 8px 8px', flex: 1, minHeight: 80 }}>
        {column.cards.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('project.board.empty')} style={{ margin: '16px 0' }} />
        ) : (
          column.cards.map((card) => <BoardCard key={card.id} card={card} onDragStart={onDragStart} onDragEnd={onDragEnd} />)
        )}
        {column.count > column.cards.length && (
          <Button type="link" size="small" block onClick={() => onMore(column.stage)}>
            {t('project.board.more', { count: column.count - column.cards.length })}
          </Button>
        )}
      </div>
    </div>
  )
}
