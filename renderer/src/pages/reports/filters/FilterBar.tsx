// The filter bar shared by every report tab: period and scope, all kept in the URL.
import { ClearOutlined } from '@ant-design/icons'
import { Button, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { ORIGIN, PRIORITY } from '../../../../../db/domain/vocab'
import { DistrictSelect, IndustrySelect, ParkSelect, UserSelect } from '../../../components/selects'
import { type ReportParams, SCOPE_KEYS, type ScopeKey } from './params'
import { PeriodPicker } from './PeriodPicker'

interface Props {
  value: ReportParams
  onChange(next: ReportParams): void
}

export function FilterBar({ value, onChange }: Props) {
  const { t } = useTranslation()
  const set = (field: ScopeKey) => (next: unknown) => onChange({ ...value, [field]: (next as string | null) ?? undefined })
  const scoped = (Object.keys(SCOPE_KEYS) as ScopeKey[]).some((field) => value[field])
  return (
    <Space wrap size={8} className="report-filter-bar" data-testid="report-filters">
      <PeriodPicker value={value} onChange={onChange} />
      <DistrictSelect
        value={value.districtId ?? null}
        onChange={(districtId) => onChange({ ...value, districtId: (districtId as string | null) ?? undefined, parkId: undefined })}
        placeholder={t('reports.filter.district')}
        aria-label={t('reports.filter.district')}
        style={{ width: 105, minWidth: 0 }}
      />
      <ParkSelect
        districtId={value.districtId}
        value={value.parkId ?? null}
        onChange={set('parkId')}
        placeholder={t('reports.filter.park')}
        aria-label={t('reports.filter.park')}
        style={{ width: 150, minWidth: 0 }}
      />
      <IndustrySelect value={value.industryId ?? null} onChange={set('industryId')} placeholder={t('reports.filter.industry')}
        aria-label={t('reports.filter.industry')} style={{ width: 130, minWidth: 0 }} />
      <UserSelect value={value.ownerId ?? null} onChange={set('ownerId')} placeholder={t('reports.filter.owner')}
        aria-label={t('reports.filter.owner')} style={{ width: 105, minWidth: 0 }} />
      <Select
        allowClear
        value={value.priority}
        onChange={set('priority')}
        placeholder={t('reports.filter.priority')}
        aria-label={t('reports.filter.priority')}
        style={{ width: 110, minWidth: 0 }}
        options={PRIORITY.keys.map((key) => ({ value: key, label: t(`vocab.priority.${key}`) }))}
      />
      <Select
        allowClear
        value={value.origin}
        onChange={set('origin')}
        placeholder={t('reports.filter.origin')}
        aria-label={t('reports.filter.origin')}
        style={{ width: 120, minWidth: 0 }}
        options={ORIGIN.keys.map((key) => ({ value: key, label: t(`vocab.origin.${key}`) }))}
      />
      <Button
        icon={<ClearOutlined />}
        disabled={!scoped && value.mode === 'all'}
        onClick={() => onChange({ ...value, mode: 'all', districtId: undefined, parkId: undefined, industryId: undefined, ownerId: undefined, priority: undefined, origin: undefined })}
      >
        {t('reports.filter.reset')}
      </Button>
    </Space>
  )
}
