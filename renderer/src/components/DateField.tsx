// The one date field of every form. Forms keep dates as the API's 'YYYY-MM-DD' text (dateItem, spread
// onto the Form.Item); the picker sees dayjs. Two things antd's DatePicker does not do by itself:
// - a typed day that does not exist (2024-02-30) or text that is no date is kept as typed, so the
//   field's rule (the zod isoDate of the contract) shows what is wrong instead of the text vanishing,
//   whether the user leaves the field or presses Enter;
// - a date before 1990 or more than ten years ahead is most likely a typo (1924 for 2024): it is
//   taken only after the user confirms it.
import { App, DatePicker, type DatePickerProps } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import customParseFormat from 'dayjs/plugin/customParseFormat'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'

dayjs.extend(customParseFormat)

export const ISO = 'YYYY-MM-DD'

/** The earliest date taken without asking: the ledgers' oldest projects are from the 1990s. */
export const EARLIEST_USUAL_YEAR = 1990
/** How far ahead a plan date goes without asking. */
export const USUAL_YEARS_AHEAD = 10

/** Form.Item props: the stored value stays text; typed text that is no date stays as typed. */
export const dateItem = {
  getValueProps: (value: string | null | undefined) => {
    const day = value ? dayjs(value, ISO, true) : null
    return { value: day?.isValid() ? day : null }
  },
  normalize: (value: Dayjs | string | null | undefined) => (typeof value === 'string' ? value : value ? value.format(ISO) : null),
}

/** Whether a date is far enough from today to ask before taking it. */
export function unusualDate(day: Dayjs, today: Dayjs = dayjs()): 'early' | 'late' | null {
  if (day.year() < EARLIEST_USUAL_YEAR) return 'early'
  if (day.isAfter(today.add(USUAL_YEARS_AHEAD, 'year'), 'day')) return 'late'
  return null
}

type Props = Omit<DatePickerProps, 'onChange'> & {
  /** From the Form.Item: a picked day, or the typed text that is no date. */
  onChange?: (value: Dayjs | string | null) => void
}

export function DateField({ onChange, onBlur, format = ISO, ...picker }: Props) {
  const { t } = useTranslation()
  const { modal } = App.useApp()
  // The day being asked about: the picker's change and the field's blur may both bring it.
  const asking = useRef<string | null>(null)

  const change = (day: Dayjs | null) => {
    const unusual = day ? unusualDate(day) : null
    if (!day || !unusual) return onChange?.(day)
    const text = day.format(ISO)
    if (asking.current === text) return
    asking.current = text
    modal.confirm({
      title: t('dateField.unusualTitle', { date: text }),
      content: t(`dateField.${unusual}`, { year: EARLIEST_USUAL_YEAR, years: USUAL_YEARS_AHEAD }),
      okText: t('dateField.keep'),
      cancelText: t('dateField.change'),
      onOk: () => onChange?.(day),
      afterClose: () => (asking.current = null),
    })
  }

  // antd drops typed text it cannot read, and a day outside its own range, without a word: the
  // typed text is read here. No date: kept as typed, for the rule to name; an unusual day: asked.
  // Returns whether it took the text over from the picker.
  const typed = (input: HTMLInputElement): boolean => {
    const text = input.value?.trim() ?? ''
    if (!text) return false
    const day = dayjs(text, typeof format === 'string' ? format : ISO, true)
    if (!day.isValid()) onChange?.(text)
    else if (unusualDate(day)) change(day)
    else return false
    return true
  }

  // Enter on text that is no date: the picker ignores it, and the form would save without it (then
  // the picker shows the old value) — so the text goes to the field's rule now, and the key stops
  // here. A readable usual day is left to the picker, which takes it on Enter itself.
  const keyDown: NonNullable<DatePickerProps['onKeyDown']> = (event, preventDefault) => {
    if (event.key === 'Enter' && typed(event.target as HTMLInputElement)) {
      event.preventDefault()
      event.stopPropagation()
    }
    picker.onKeyDown?.(event, preventDefault)
  }

  const blur: NonNullable<DatePickerProps['onBlur']> = (event, info) => {
    typed(event.target as HTMLInputElement)
    onBlur?.(event, info)
  }

  return (
    <DatePicker
      {...picker}
      format={format}
      onChange={(day) => change(Array.isArray(day) ? (day[0] ?? null) : day)}
      onBlur={blur}
      onKeyDown={keyDown}
      // Leaving the field must not blank text the rule is naming: the user corrects it in place.
      preserveInvalidOnBlur
    />
  )
}
