// The compact bar above the table: the common filters in one row, the rest behind "更多筛选".
import { ClearOutlined, FilterOutlined } from '@ant-design/icons'
import { Badge, Button, DatePicker, Input, Select, Space } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PRIORITY } from '../../../../db/domain/vocab'
import { DistrictSelect, IndustrySelect, ParkSelect, TagSelect, UserSelect } from '../../components/selects'
import { toDayjs, toIso } from './dates'
import { DATE_FIELDS, type DateField, type ProjectFilters, activeFilterCount, amountFilter } from './filters'
import { StageOrLibrarySelect } from './StageOrLibrarySelect'

interface Props {
  value: ProjectFilters
  onChange(filters: ProjectFilters): void
}

const TEXT_DELAY_MS = 300

export function ProjectFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation()
  const [more, setMore] = useState(false)
  // What is being typed, until it is sent; otherwise the box shows the filter (a saved view, a
  // reset, Back all change it from outside).
  const [draft, setDraft] = useState<string | null>(null)
  const text = draft ?? value.text ?? ''
  const latest = useRef({ value, onChange })
  useEffect(() => {
    latest.current = { value, onChange }
  })
  const set = (patch: Partial<ProjectFilters>) => onChange({ ...value, ...patch })

  // Search as people type, but not on every keystroke.
  useEffect(() => {
    if (draft === null) return
    const timer = setTimeout(() => {
      latest.current.onChange({ ...latest.current.value, text: draft || undefined })
      setDraft(null)
    }, TEXT_DELAY_MS)
    return () => clearTimeout(timer)
  }, [draft])

  const hidden = activeFilterCount({ ...value, text: undefined, parkIds: undefined, stageOrLibrary: undefined, ownerId: undefined })
  const badMin = Number.isNaN(amountFilter(value.minYi))
  const badMax = Number.isNaN(amountFilter(value.maxYi))
  const dateField: DateField = value.dateField ?? 'signedOn'

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap size={8}>
        <Input.Search
          allowClear
          value={text}
          onChange={(event) => setDraft(event.target.value)}
          onSearch={(next) => {
            setDraft(null)
            onChange({ ...value, text: next || undefined })
          }}
          placeholder={t('project.filter.text')}
          aria-label={t('project.filter.text')}
          style={{ width: 220 }}
          data-testid="filter-text"
        />
        <ParkSelect
          mode="multiple"
          value={value.parkIds ?? []}
          onChange={(parkIds) => set({ parkIds: (parkIds as string[] | null) ?? [] })}
          placeholder={t('project.filter.park')}
          aria-label={t('project.filter.park')}
          style={{ width: 200 }}
          id="filter-park"
        />
        <StageOrLibrarySelect value={value.stageOrLibrary} onChange={(stageOrLibrary) => set({ stageOrLibrary })} style={{ width: 150 }} />
        <UserSelect
          value={value.ownerId ?? null}
          onChange={(ownerId) => set({ ownerId: (ownerId as string | null) ?? undefined })}
          placeholder={t('project.filter.owner')}
          aria-label={t('project.filter.owner')}
          style={{ width: 120 }}
        />
        <Badge count={more ? 0 : hidden} size="small">
          <Button icon={<FilterOutlined />} onClick={() => setMore(!more)} aria-expanded={more}>
            {more ? t('project.filter.less') : t('project.filter.more')}
          </Button>
        </Badge>
        <Button icon={<ClearOutlined />} onClick={() => onChange({})} disabled={activeFilterCount(value) === 0}>
          {t('project.filter.reset')}
        </Button>
      </Space>
      {more && (
        <Space wrap size={8}>
          <DistrictSelect
            mode="multiple"
            value={value.districtIds ?? []}
            onChange={(districtIds) => set({ districtIds: (districtIds as string[] | null) ?? [] })}
            placeholder={t('project.filter.district')}
            aria-label={t('project.filter.district')}
            style={{ width: 180 }}
          />
          <IndustrySelect
            value={value.industryId ?? null}
            onChange={(industryId) => set({ industryId: (industryId as string | null) ?? undefined })}
            placeholder={t('project.filter.industry')}
            aria-label={t('project.filter.industry')}
            style={{ width: 160 }}
          />
          <TagSelect
            value={value.tagIds ?? []}
            onChange={(tagIds) => set({ tagIds: (tagIds as string[] | null) ?? [] })}
            placeholder={t('project.filter.tags')}
            aria-label={t('project.filter.tags')}
            style={{ width: 180 }}
          />
          <Select
            allowClear
            value={value.priority}
            onChange={(priority) => set({ priority })}
            placeholder={t('project.filter.priority')}
            aria-label={t('project.filter.priority')}
            style={{ width: 120 }}
            options={PRIORITY.keys.map((key) => ({ value: key, label: t(`vocab.priority.${key}`) }))}
          />
          <Space.Compact>
            <Input
              value={value.minYi}
              onChange={(event) => set({ minYi: event.target.value })}
              placeholder={t('project.filter.minYi')}
              aria-label={t('project.filter.minYi')}
              status={badMin ? 'error' : undefined}
              title={badMin ? t('project.filter.badAmount') : undefined}
              style={{ width: 110 }}
              inputMode="decimal"
              allowClear
              data-testid="filter-min"
            />
            <Input
              value={value.maxYi}
              onChange={(event) => set({ maxYi: event.target.value })}
              placeholder={t('project.filter.maxYi')}
              aria-label={t('project.filter.maxYi')}
              status={badMax ? 'error' : undefined}
              title={badMax ? t('project.filter.badAmount') : undefined}
              style={{ width: 110 }}
              inputMode="decimal"
              allowClear
            />
          </Space.Compact>
          <Space.Compact>
            <Select<DateField>
              value={dateField}
              onChange={(next) => set({ dateField: next })}
              style={{ width: 110 }}
              aria-label={t('project.filter.dateField')}
              options={DATE_FIELDS.map((field) => ({ value: field, label: t(`project.field.${field}`) }))}
            />
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              value={[toDayjs(value.dateFrom), toDayjs(value.dateTo)]}
              onChange={(range) =>
                set({ dateField, dateFrom: toIso(range?.[0]) ?? undefined, dateTo: toIso(range?.[1]) ?? undefined })
              }
              style={{ width: 240 }}
            />
          </Space.Compact>
        </Space>
      )}
    </Space>
  )
}
