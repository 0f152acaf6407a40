import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Stage } from '../../../db/domain/stages'

/** One colour per library of DOMAIN.md, so the funnel reads at a glance. */
export const STAGE_COLORS: Record<Stage, string> = {
  lead: 'default',
  contacted: 'cyan',
  negotiating: 'blue',
  signed: 'geekblue',
  registered: 'purple',
  started: 'orange',
  completed: 'gold',
  operating: 'green',
  evaluated: 'lime',
  on_hold: 'default',
  lost: 'red',
  terminated: 'volcano',
}

export function StageTag({ stage }: { stage: Stage }) {
  const { t } = useTranslation()
  return (
    <Tag color={STAGE_COLORS[stage]} style={{ marginInlineEnd: 0 }}>
      {t(`stage.${stage}`)}
    </Tag>
  )
}
