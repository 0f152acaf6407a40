// Where the project stands on the main path, with the date each reached stage was reached and the
// stages it jumped over marked as skipped (stagePath.ts). A side stage (暂缓/流失/解约) is shown as a
// tag beside the step it left from.
import { Space, Steps, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ProjectDetail } from '../../../../db/domain/project'
import { isMainStage } from '../../../../db/domain/stages'
import { StageTag } from '../../components/StageTag'
import { type PathState, stagePath } from './stagePath'

const STEP_STATUS: Record<PathState, 'finish' | 'process' | 'wait'> = { done: 'finish', current: 'process', skipped: 'wait', ahead: 'wait' }

export function StageBar({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation()
  const side = !isMainStage(project.stage)
  const path = stagePath(project)
  const current = path.findIndex((step) => step.state === 'current')
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
        current={Math.max(current, 0)}
        data-testid="project-stage-bar"
        items={path.map((step) => ({
          title: t(`stage.${step.stage}`),
          status: step.state === 'current' && side ? 'error' : STEP_STATUS[step.state],
          className: `stage-step-${step.state}`,
          content:
            step.state === 'skipped' ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="stage-step-skipped">
                {t('project.detail.skipped')}
              </Typography.Text>
            ) : (
              step.on && (
                <span style={{ fontSize: 12 }} data-testid="stage-step-date">
                  {step.on}
                </span>
              )
            ),
        }))}
      />
    </Space>
  )
}
