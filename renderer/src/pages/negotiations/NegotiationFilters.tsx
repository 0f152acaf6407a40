// The compact filter bar above the negotiation list.
import { DatePicker, Input, Segmented, Select, Space } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { DUE_FILTERS, type DueFilter } from '../../../../db/domain/negotiation'
import type { NegotiationType } from '../../../../db/domain/vocab'
import { UserSelect } from '../../components/selects'
import { DATE_FORMAT } from './dateField'
import { negotiationTypeOptions } from './typeOptions'

export interface NegotiationFilterValues {
  text?: string
  type?: NegotiationType[]
  ownerId?: string
  from?: string
  to?: string
  due?: DueFilter
}

interface Props {
  value: NegotiationFilterValues
  onChange(value: NegotiationFilterValues): void
}

export function NegotiationFilters({ value, onChange }: Props) {
  const { t } = useTranslation()
  const set = (patch: Partial<NegotiationFilterValues>) => onChange({ ...value, ...patch })
  return (
    <Space wrap size={[8, 8]}>
      <Segmented<DueFilter | 'all'>
        value={value.due ?? 'all'}
        onChange={(due) => set({ due: due === 'all' ? undefined : due })}
        options={[
          { value: 'all', label: t('common.all') },
          ...DUE_FILTERS.map((due) => ({ value: due, label: t(`negotiations.dueFilter.${due}`) })),
        ]}
        data-testid="due-filter"
      />
      <Input.Search
        allowClear
        defaultValue={value.text}
        placeholder={t('negotiations.searchPlaceholder')}
        aria-label={t('negotiations.searchPlaceholder')}
        style={{ width: 170 }}
        onSearch={(text) => set({ text: text.trim() || undefined })}
      />
      <Select<NegotiationType[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        value={value.type ?? []}
        onChange={(type) => set({ type: type.length ? type : undefined })}
        placeholder={t('negotiations.fields.type')}
        aria-label={t('negotiations.fields.type')}
        style={{ width: 150 }}
        options={negotiationTypeOptions(t)}
      />
      <UserSelect
        value={value.ownerId ?? null}
        onChange={(ownerId) => set({ ownerId: (ownerId as string | null) ?? undefined })}
        placeholder={t('negotiations.fields.owner')}
        aria-label={t('negotiations.fields.owner')}
        style={{ width: 110 }}
      />
      <DatePicker.RangePicker
        value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
        format={DATE_FORMAT}
        allowEmpty={[true, true]}
        placeholder={[t('negotiations.dateFrom'), t('negotiations.dateTo')]}
        style={{ width: 210 }}
        onChange={(range) => set({ from: range?.[0]?.format(DATE_FORMAT), to: range?.[1]?.format(DATE_FORMAT) })}
      />
    </Space>
  )
}
