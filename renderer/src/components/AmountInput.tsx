// Money typed in 亿元 or 万元 (or with the unit in the text: '3.5亿', '3亿5000万'), kept as exact
// integer 元. Whatever is typed, the field never throws: text it cannot read reaches the form as
// NaN, and the form's rule puts the reason beside the field.
import { Input, Select, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type MoneyUnit, formatWan, formatYi } from '../../../db/domain/money'
import { readAmount } from '../../../db/domain/amount-text'

interface Props {
  /** 元, or null when empty; NaN while the text cannot be read. */
  value?: number | null
  onChange?: (yuan: number | null) => void
  defaultUnit?: Extract<MoneyUnit, 'yi' | 'wan'>
  placeholder?: string
  id?: string
}

/**
 * Put before the schema's rule (with validateFirst): text the field cannot read says how to write
 * an amount, instead of the schema's "应为金额".
 */
export const readableAmountRule = (message: string) => ({
  validator: async (_: unknown, value: unknown) => {
    if (typeof value === 'number' && Number.isNaN(value)) throw new Error(message)
  },
})

const trim = (text: string) => (text.includes('.') ? text.replace(/\.?0+$/, '') : text)
const isAmount = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isSafeInteger(value)
const show = (yuan: number, unit: MoneyUnit) => trim(unit === 'yi' ? formatYi(yuan, 8) : formatWan(yuan, 4))

export function AmountInput({ value, onChange, defaultUnit = 'yi', placeholder, id }: Props) {
  const { t } = useTranslation()
  const [unit, setUnit] = useState<MoneyUnit>(defaultUnit)
  const [text, setText] = useState(isAmount(value) ? show(value, defaultUnit) : '')
  const reading = text.trim() === '' ? null : readAmount(text, unit)

  // Follow the form when it sets a value from outside (loading a record, reset). NaN is our own
  // "cannot read this text" and leaves the text as typed.
  useEffect(() => {
    if (typeof value === 'number' && !isAmount(value)) return
    const current = reading === null ? null : reading.ok ? reading.yuan : undefined
    if ((value ?? null) !== current) setText(isAmount(value) ? show(value, unit) : '')
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value])

  const emit = (nextText: string, nextUnit: MoneyUnit) => {
    if (nextText.trim() === '') return onChange?.(null)
    const parsed = readAmount(nextText, nextUnit)
    onChange?.(parsed.ok ? parsed.yuan : Number.NaN)
  }

  return (
    <>
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
          aria-label={t('amount.unit')}
          onChange={(next) => {
            setUnit(next)
            // A bare number is read in the chosen unit: 3.5 亿元 and 3.5 万元 are different amounts.
            emit(text, next)
          }}
          options={[
            { value: 'yi', label: t('unit.yi') },
            { value: 'wan', label: t('unit.wan') },
          ]}
        />
      </Space.Compact>
      {reading?.ok && reading.approximate && (
        <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="amount-approximate">
          {t('amount.approximate', { amount: `${trim(formatYi(reading.yuan, 8))} ${t('unit.yi')}` })}
        </Typography.Text>
      )}
    </>
  )
}
