// Several investors or projects, searched on the server as you type (Chinese or pinyin). Unlike
// the single pickers it remembers the names of everything chosen, so a saved event shows names,
// not ids, even when they are not among the current search results.
import { Select } from 'antd'
import { useDeferredValue, useMemo, useState } from 'react'
import type { NamedRef } from '../../../../db/domain/event'
import { useApiQuery } from '../../api/hooks'

interface Props {
  kind: 'investor' | 'project'
  /** Names of the records already linked (from the event's detail). */
  known: NamedRef[]
  value?: string[]
  onChange?: (ids: string[]) => void
  placeholder?: string
  id?: string
}

export function RefMultiSelect({ kind, known, value, onChange, placeholder, id }: Props) {
  const [text, setText] = useState('')
  const query = useDeferredValue(text.trim())
  const [picked, setPicked] = useState<NamedRef[]>([])
  const input = { text: query || undefined, pageSize: 20 }
  const investors = useApiQuery('investor-list', input, { enabled: kind === 'investor' })
  const projects = useApiQuery('project-list', input, { enabled: kind === 'project' })
  const found = kind === 'investor' ? investors : projects
  const rows: NamedRef[] = useMemo(() => found.data?.rows.map((row) => ({ id: row.id, name: row.name })) ?? [], [found.data])

  const options = useMemo(() => {
    const names = new Map<string, string>()
    for (const ref of [...known, ...picked, ...rows]) names.set(ref.id, ref.name)
    return [...names].map(([value, label]) => ({ value, label }))
  }, [known, picked, rows])

  return (
    <Select
      id={id}
      mode="multiple"
      value={value ?? []}
      placeholder={placeholder}
      showSearch
      filterOption={false}
      onSearch={setText}
      loading={found.isFetching}
      options={options}
      onChange={(ids: string[]) => {
        const labels = new Map(options.map((option) => [option.value, option.label]))
        setPicked((before) => [...before, ...ids.filter((one) => labels.has(one)).map((one) => ({ id: one, name: labels.get(one)! }))])
        setText('')
        onChange?.(ids)
      }}
    />
  )
}
