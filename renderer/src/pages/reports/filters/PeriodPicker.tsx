// The period: a mode (all time, year, quarter, month, date range) and the matching antd picker.
import { DatePicker, Select, Space } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { PERIOD_MODES, type PeriodMode, type ReportParams } from './params'

interface Props {
  value: ReportParams
  onChange(next: ReportParams): void
}

const pad = (n: number) => String(n).padStart(2, '0')
const iso = (day: Dayjs) => day.format('YYYY-MM-DD')

/** The first day of the chosen year, quarter or month, as the picker wants it. */
function pickerValue(params: ReportParams): Dayjs {
  const month = params.mode === 'quarter' ? (params.quarter - 1) * 3 + 1 : params.mode === 'month' ? params.month : 1
  return dayjs(`${params.year}-${pad(month)}-01`)
}

export function PeriodPicker({ value, onChange }: Props) {
  const { t } = useTranslation()
  const onPick = (day: Dayjs | null) => {
    if (!day) return
    onChange({ ...value, year: day.year(), quarter: Math.floor(day.month() / 3) + 1, month: day.month() + 1 })
  }
  const mode = value.mode
  return (
    <Space.Compact>
      <Select<PeriodMode>
        value={mode}
        onChange={(next) => onChange({ ...value, mode: next })}
        options={PERIOD_MODES.map((key) => ({ value: key, label: t(`reports.period.${key}`) }))}
        style={{ width: 110 }}
        aria-label={t('reports.filter.period')}
        data-testid="period-mode"
      />
      {(mode === 'year' || mode === 'quarter' || mode === 'month') && (
        <DatePicker
          picker={mode}
          value={pickerValue(value)}
          onChange={onPick}
          allowClear={false}
          style={{ width: 140 }}
          data-testid="period-picker"
        />
      )}
      {mode === 'range' && (
        <DatePicker.RangePicker
          value={value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null}
          onChange={(range) => {
            const [from, to] = range ?? []
            if (from && to) onChange({ ...value, from: iso(from), to: iso(to) })
          }}
          style={{ width: 260 }}
        />
      )}
    </Space.Compact>
  )
}
