// What a negotiation is about: a project or an investor, found in one box as you type (Chinese
// or pinyin initials both match: the list APIs search their pinyin keys).
import { Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../api/hooks'
import { useDebounced } from '../investors/useDebounced'

/** 'project:<id>' or 'investor:<id>'. */
export type TargetValue = string

export interface TargetOption {
  value: TargetValue
  label: string
}

export const targetOf = (value: TargetValue) => {
  const [kind, id] = value.split(':') as ['project' | 'investor', string]
  return kind === 'project' ? { projectId: id, investorId: null } : { projectId: null, investorId: id }
}

interface Props {
  id?: string
  value?: TargetValue
  onChange?: (value: TargetValue | undefined) => void
  /** The chosen record when it is not among the search results (editing). */
  initial?: TargetOption
  autoFocus?: boolean
}

const PAGE = 8

export function TargetPicker({ id, value, onChange, initial, autoFocus }: Props) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const search = useDebounced(text.trim(), 200) || undefined
  const projects = useApiQuery('project-list', { text: search, pageSize: PAGE }, { placeholderData: (previous) => previous })
  const investors = useApiQuery('investor-list', { text: search, pageSize: PAGE }, { placeholderData: (previous) => previous })

  const projectOptions = (projects.data?.rows ?? []).map((p) => ({
    value: `project:${p.id}`,
    label: p.name,
    hint: p.investorName,
  }))
  const investorOptions = (investors.data?.rows ?? []).map((i) => ({ value: `investor:${i.id}`, label: i.name, hint: null }))
  const known = [...projectOptions, ...investorOptions].some((o) => o.value === value)
  const extra = initial && value === initial.value && !known ? [{ ...initial, hint: null }] : []

  return (
    <Select<TargetValue>
      id={id}
      value={value}
      onChange={onChange}
      autoFocus={autoFocus}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      placeholder={t('negotiations.target.placeholder')}
      loading={projects.isFetching || investors.isFetching}
      notFoundContent={t('negotiations.target.notFound')}
      options={[
        ...(extra.length ? [{ label: t('negotiations.target.current'), options: extra }] : []),
        { label: t('negotiations.target.projects'), options: projectOptions },
        { label: t('negotiations.target.investors'), options: investorOptions },
      ].filter((group) => group.options.length > 0)}
      optionRender={(option) => (
        <span>
          {option.data.label}
          {option.data.hint && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {option.data.hint}
            </Typography.Text>
          )}
        </span>
      )}
    />
  )
}
