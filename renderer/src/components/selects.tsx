// Pickers for the domain's records. Long lists (investors, projects) search on the server as you
// type — Chinese or pinyin — and never load a whole table; short lists load once.
import { Select, TreeSelect } from 'antd'
import type { CSSProperties } from 'react'
import { useDeferredValue, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAIN_STAGES, SIDE_STAGES } from '../../../db/domain/stages'
import { useApiQuery } from '../api/hooks'

interface PickerProps<V = string | string[] | null> {
  value?: V
  onChange?: (value: V) => void
  placeholder?: string
  allowClear?: boolean
  style?: CSSProperties
  mode?: 'multiple'
  disabled?: boolean
  id?: string
  /** Filter bars have no visible label: the placeholder is not a name for screen readers. */
  'aria-label'?: string
}

const common = (props: PickerProps) => ({
  id: props.id,
  'aria-label': props['aria-label'],
  value: props.value ?? undefined,
  onChange: (value: unknown) => props.onChange?.((value ?? null) as never),
  placeholder: props.placeholder,
  allowClear: props.allowClear ?? true,
  style: { minWidth: 140, ...props.style },
  mode: props.mode,
  disabled: props.disabled,
  maxTagCount: 'responsive' as const,
  optionFilterProp: 'label',
  showSearch: true,
})

export function DistrictSelect(props: PickerProps) {
  const districts = useApiQuery('district-list', {})
  return <Select {...common(props)} loading={districts.isLoading} options={districts.data?.map((d) => ({ value: d.id, label: d.name }))} />
}

export function ParkSelect(props: PickerProps & { districtId?: string }) {
  const parks = useApiQuery('park-list', { districtId: props.districtId })
  return (
    <Select
      {...common(props)}
      loading={parks.isLoading}
      options={parks.data?.map((p) => ({ value: p.id, label: p.name, title: `${p.districtName} · ${p.name}` }))}
    />
  )
}

export function UserSelect(props: PickerProps) {
  const users = useApiQuery('user-list', {})
  return <Select {...common(props)} loading={users.isLoading} options={users.data?.map((u) => ({ value: u.id, label: u.name }))} />
}

export function TagSelect(props: PickerProps) {
  const tags = useApiQuery('tag-list', {})
  return <Select {...common(props)} mode={props.mode ?? 'multiple'} loading={tags.isLoading} options={tags.data?.map((t) => ({ value: t.id, label: t.name }))} />
}

export function IndustrySelect(props: PickerProps) {
  const industries = useApiQuery('industry-list', {})
  const treeData = industries.data?.map((top) => ({
    value: top.id,
    title: top.name,
    children: top.children.map((child) => ({ value: child.id, title: child.name })),
  }))
  return (
    <TreeSelect
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value ?? undefined}
      onChange={(value) => props.onChange?.((value ?? null) as never)}
      placeholder={props.placeholder}
      allowClear={props.allowClear ?? true}
      style={{ minWidth: 160, ...props.style }}
      treeData={treeData}
      showSearch
      treeNodeFilterProp="title"
      multiple={props.mode === 'multiple'}
      disabled={props.disabled}
      loading={industries.isLoading}
    />
  )
}

/** Stages in funnel order, side stages last. */
export function StageSelect(props: PickerProps) {
  const { t } = useTranslation()
  return (
    <Select
      {...common(props)}
      options={[...MAIN_STAGES, ...SIDE_STAGES].map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))}
    />
  )
}

/** Shows the chosen record's name even when it is not among the current search results. */
function useSearchText() {
  const [text, setText] = useState('')
  return { text: useDeferredValue(text.trim()), setText }
}

export function InvestorSelect(props: PickerProps & { initialLabel?: string }) {
  const { text, setText } = useSearchText()
  const found = useApiQuery('investor-list', { text: text || undefined, pageSize: 20 })
  const options = found.data?.rows.map((i) => ({ value: i.id, label: i.name })) ?? []
  if (typeof props.value === 'string' && props.initialLabel && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.value, label: props.initialLabel })
  }
  return <Select {...common(props)} filterOption={false} onSearch={setText} loading={found.isFetching} options={options} />
}

export function ProjectSelect(props: PickerProps & { initialLabel?: string; investorId?: string }) {
  const { text, setText } = useSearchText()
  const found = useApiQuery('project-list', { text: text || undefined, investorId: props.investorId, pageSize: 20 })
  const options = found.data?.rows.map((p) => ({ value: p.id, label: p.name })) ?? []
  if (typeof props.value === 'string' && props.initialLabel && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.value, label: props.initialLabel })
  }
  return <Select {...common(props)} filterOption={false} onSearch={setText} loading={found.isFetching} options={options} />
}
