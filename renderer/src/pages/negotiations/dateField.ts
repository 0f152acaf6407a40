// DatePicker works with dayjs, the API with 'YYYY-MM-DD': the form keeps the API's text, so the
// zod rules of db/domain validate it unchanged.
import dayjs, { type Dayjs } from 'dayjs'

export const DATE_FORMAT = 'YYYY-MM-DD'

export const dateField = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format(DATE_FORMAT) : null),
}

export const todayText = (): string => dayjs().format(DATE_FORMAT)

/** Negotiations are records of what happened: a date after today is a typo. */
export const isFuture = (day: Dayjs): boolean => day.isAfter(dayjs(), 'day')
