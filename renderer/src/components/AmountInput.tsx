// Money typed in 亿元 or 万元 (or with the unit in the text: '3.5亿'), kept as exact integer 元.
import { Input, Select, Space } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type MoneyUnit, formatWan, formatYi, parseAmount } from '../../../db/domain/money'

interface Props {
  /** 元, or null when empty. */
  value?: number | null
  onChange?: (yuan: number | null) => void
  defaultUnit?: Extract<MoneyUnit, 'yi' | 'wan'>
  placeholder?: string
  id?: string
}

const trim = (text: string) => (text.includes('.') ? text.replace(/\.?0+$/, '') : text)
const show = (yuan: number, unit: MoneyUnit) => trim(unit === 'yi' ? formatYi(yuan, 8) : formatWan(yuan, 4))

export function AmountInput({ value, onChange, defaultUnit = 'yi', placeholder, id }: Props) {
  const { t } = useTranslation()
  const [unit, setUnit] = useState<MoneyUnit>(defaultUnit)
  const [text, setText] = useState(value === null || value === undefined ? '' : show(value, defaultUnit))

  // Follow the form when it sets a value from outside (loading a record, reset).
  useEffect(() => {
    const parsed = parseAmount(text, unit)
    const current = text.trim() === '' ? null : parsed.ok ? parsed.yuan : undefined
    if (value !== current) setText(value === null || value === undefined ? '' : show(value, unit))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value])

  const emit = (nextText: string, nextUnit: MoneyUnit) => {
    if (nextText.trim() === '') return onChange?.(null)
    const parsed = parseAmount(nextText, nextUnit)
    // Invalid text is passed on as NaN so the form's rule can say why; it is never saved.
    onChange?.(parsed.ok ? parsed.yuan : Number.NaN)
  }

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        id={id}
        value={text}
        inputMode="decimal"
        placeholder={placeholder}
        onChange={(event) => {
          setText(event.target.value)
          emit(event.target.value, unit)
        }}
      />
      <Select<MoneyUnit>
        value={unit}
        style={{ width: 88 }}
        onChange={(next) => {
          setUnit(next)
          if (value !== null && value !== undefined && Number.isFinite(value)) setText(show(value, next))
        }}
        options={[
          { value: 'yi', label: t('unit.yi') },
          { value: 'wan', label: t('unit.wan') },
        ]}
      />
    </Space.Compact>
  )
}
