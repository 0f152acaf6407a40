// One picker for a stage or one of the 四库: people ask for "在谈的" and "落地实施库" alike.
import { Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { LIBRARIES, MAIN_STAGES, SIDE_STAGES } from '../../../../db/domain/stages'

interface Props {
  value?: string
  onChange(value: string | undefined): void
  style?: React.CSSProperties
}

export function StageOrLibrarySelect({ value, onChange, style }: Props) {
  const { t } = useTranslation()
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      value={value}
      onChange={(next) => onChange(next ?? undefined)}
      placeholder={t('project.filter.stageOrLibrary')}
      aria-label={t('project.filter.stageOrLibrary')}
      style={style}
      popupMatchSelectWidth={false}
      data-testid="filter-stage"
      options={[
        {
          label: t('project.filter.libraries'),
          options: Object.keys(LIBRARIES).map((key) => ({ value: `library:${key}`, label: t(`library.${key}`) })),
        },
        {
          label: t('project.filter.stages'),
          options: [...MAIN_STAGES, ...SIDE_STAGES].map((stage) => ({ value: `stage:${stage}`, label: t(`stage.${stage}`) })),
        },
      ]}
    />
  )
}
