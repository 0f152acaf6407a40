// The compact filter bar above the investor list.
import { Input, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Origin, Ownership, SourceChannel } from '../../../../db/domain/vocab'
import { IndustrySelect, TagSelect } from '../../components/selects'
import { originOptions, ownershipOptions, sourceChannelOptions } from './options'

export interface InvestorFilterValues {
  text?: string
  ownership?: Ownership
  origin?: Origin
  industryId?: string
  sourceChannel?: SourceChannel
  tagIds?: string[]
}

interface Props {
  value: InvestorFilterValues
  onChange(value: InvestorFilterValues): void
}

export function InvestorFilters({ value, onChange }: Props) {
  const { t } = useTranslation()
  const set = (patch: Partial<InvestorFilterValues>) => onChange({ ...value, ...patch })
  return (
    <Space wrap size={[8, 8]}>
      <Input.Search
        allowClear
        defaultValue={value.text}
        placeholder={t('investors.searchPlaceholder')}
        aria-label={t('investors.searchPlaceholder')}
        style={{ width: 220 }}
        onSearch={(text) => set({ text: text.trim() || undefined })}
        data-testid="investor-search"
      />
      <Select
        allowClear
        value={value.ownership}
        onChange={(ownership) => set({ ownership })}
        placeholder={t('investors.fields.ownership')}
        aria-label={t('investors.fields.ownership')}
        style={{ width: 110 }}
        options={ownershipOptions(t)}
      />
      <Select
        allowClear
        value={value.origin}
        onChange={(origin) => set({ origin })}
        placeholder={t('investors.fields.origin')}
        aria-label={t('investors.fields.origin')}
        style={{ width: 110 }}
        options={originOptions(t)}
      />
      <IndustrySelect
        value={value.industryId ?? null}
        onChange={(industryId) => set({ industryId: (industryId as string | null) ?? undefined })}
        placeholder={t('investors.fields.industry')}
        aria-label={t('investors.fields.industry')}
        style={{ width: 150 }}
      />
      <Select
        allowClear
        value={value.sourceChannel}
        onChange={(sourceChannel) => set({ sourceChannel })}
        placeholder={t('investors.fields.sourceChannel')}
        aria-label={t('investors.fields.sourceChannel')}
        style={{ width: 120 }}
        options={sourceChannelOptions(t)}
      />
      <TagSelect
        value={value.tagIds ?? []}
        onChange={(tagIds) => set({ tagIds: (tagIds as string[] | null)?.length ? (tagIds as string[]) : undefined })}
        placeholder={t('investors.fields.tags')}
        aria-label={t('investors.fields.tags')}
        style={{ width: 150 }}
      />
    </Space>
  )
}
