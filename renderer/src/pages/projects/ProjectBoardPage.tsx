// /projects/board: the funnel as columns. Dragging a card to another column opens the stage
// dialog, because every stage change is an event with a date (and sometimes a reason).
import { Card, Skeleton, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { BoardCard, ProjectBoardQuery } from '../../../../db/domain/project'
import { SIDE_STAGES, type Stage, isMainStage } from '../../../../db/domain/stages'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { ParkSelect, UserSelect } from '../../components/selects'
import { BoardColumn } from './BoardColumn'
import { ProjectsHeader } from './ProjectsHeader'
import { StageChangeDialog, type StageChangeTarget } from './StageChangeDialog'
import { projectListLink } from './filters'
import { KEYS, useStoredState } from './storage'

export function ProjectBoardPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [filter, setFilter] = useStoredState<ProjectBoardQuery>(sessionStorage, KEYS.board, {})
  const board = useApiQuery('project-board', filter, { placeholderData: (previous) => previous })
  const [dragging, setDragging] = useState<BoardCard | null>(null)
  const [target, setTarget] = useState<StageChangeTarget | null>(null)
  // Side stages are rarely worked on: folded until someone opens them.
  const [openSide, setOpenSide] = useState<Stage[]>([])

  const columns = board.data?.columns ?? []
  const main = columns.filter((column) => isMainStage(column.stage))
  const side = columns.filter((column) => (SIDE_STAGES as readonly string[]).includes(column.stage))

  const drop = (toStage: Stage) => {
    if (dragging) setTarget({ id: dragging.id, name: dragging.name, stage: dragging.stage, toStage })
    setDragging(null)
  }
  const showInList = (stage: Stage) => {
    navigate(projectListLink({ stageOrLibrary: `stage:${stage}`, parkIds: filter.parkId ? [filter.parkId] : [], ownerId: filter.ownerId }))
  }
  const column = (stage: (typeof columns)[number], collapsible: boolean) => (
    <BoardColumn
      key={stage.stage}
      column={stage}
      dragging={dragging}
      collapsed={collapsible && !openSide.includes(stage.stage)}
      onToggle={
        collapsible
          ? () => setOpenSide(openSide.includes(stage.stage) ? openSide.filter((s) => s !== stage.stage) : [...openSide, stage.stage])
          : undefined
      }
      onDragStart={setDragging}
      onDragEnd={() => setDragging(null)}
      onDrop={drop}
      onMore={showInList}
    />
  )

  return (
    <div className="page">
      <ProjectsHeader current="board" />
      <Card size="small" styles={{ body: { padding: 12 } }}>
        <Space wrap size={8} style={{ marginBottom: 12 }}>
          <ParkSelect
            value={filter.parkId ?? null}
            onChange={(parkId) => setFilter({ ...filter, parkId: (parkId as string | null) ?? undefined })}
            placeholder={t('project.board.filterPark')}
            aria-label={t('project.board.filterPark')}
            style={{ width: 200 }}
          />
          <UserSelect
            value={filter.ownerId ?? null}
            onChange={(ownerId) => setFilter({ ...filter, ownerId: (ownerId as string | null) ?? undefined })}
            placeholder={t('project.board.filterOwner')}
            aria-label={t('project.board.filterOwner')}
            style={{ width: 140 }}
          />
          <Typography.Text type="secondary">{t('project.board.dropHint')}</Typography.Text>
        </Space>
        {board.error ? (
          <ErrorState error={board.error} onRetry={() => void board.refetch()} />
        ) : board.isLoading ? (
          <Skeleton active />
        ) : (
          <div style={{ display: 'flex', gap: 10, overflowX: 'auto', paddingBottom: 8, alignItems: 'flex-start' }} data-testid="project-board">
            {main.map((stage) => column(stage, false))}
            <div style={{ width: 1, alignSelf: 'stretch', background: '#dfe3e8', flex: 'none' }} aria-hidden />
            {side.map((stage) => column(stage, true))}
          </div>
        )}
      </Card>
      <StageChangeDialog target={target} onClose={() => setTarget(null)} />
    </div>
  )
}
