// Where the project stands on the main path, with the date each reached stage was reached. A side
// stage (暂缓/流失/解约) is shown as a tag beside the step it left from.
import { Space, Steps, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { MILESTONE_COLUMN, type ProjectDetail } from '../../../../db/domain/project'
import { MAIN_STAGES, isMainStage, stageRank } from '../../../../db/domain/stages'
import { StageTag } from '../../components/StageTag'

/** The main stage the project is at, or last was at before it left the path (-1: never on it). */
function mainRank(project: ProjectDetail): number {
  if (isMainStage(project.stage)) return stageRank(project.stage)
  for (const event of [...project.stageEvents].reverse()) {
    if (isMainStage(event.toStage)) return stageRank(event.toStage)
    if (event.fromStage && isMainStage(event.fromStage)) return stageRank(event.fromStage)
  }
  return -1
}

function reachedOn(project: ProjectDetail, index: number): string | null {
  const stage = MAIN_STAGES[index]!
  if (stage === 'lead') return project.reserveOn
  const column = MILESTONE_COLUMN[stage]
  if (column) return project[column]
  // 接洽 and 在谈 have no milestone column: their latest event says when.
  return [...project.stageEvents].reverse().find((event) => event.toStage === stage)?.happenedOn ?? null
}

export function StageBar({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation()
  const rank = mainRank(project)
  const side = !isMainStage(project.stage)
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      {side && (
        <Space>
          <Typography.Text type="secondary">{t('project.detail.sideStage')}</Typography.Text>
          <StageTag stage={project.stage} />
          <Typography.Text type="secondary">{project.stageOn}</Typography.Text>
        </Space>
      )}
      <Steps
        size="small"
        titlePlacement="vertical"
        current={Math.max(rank, 0)}
        status={side ? 'error' : 'process'}
        data-testid="project-stage-bar"
        items={MAIN_STAGES.map((stage, index) => ({
          title: t(`stage.${stage}`),
          content: index <= rank ? <span style={{ fontSize: 12 }}>{reachedOn(project, index) ?? ''}</span> : undefined,
        }))}
      />
    </Space>
  )
}
