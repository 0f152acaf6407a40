// DatePicker works with dayjs, the API with 'YYYY-MM-DD': the form keeps the API's text, so the
// zod rules of db/domain validate it unchanged.
import dayjs, { type Dayjs } from 'dayjs'
import { dateItem } from '../../components/DateField'

export const DATE_FORMAT = 'YYYY-MM-DD'

/** Form.Item props for a DateField: the one date rule of every form (components/DateField). */
export const dateField = dateItem

export const todayText = (): string => dayjs().format(DATE_FORMAT)

/** Negotiations are records of what happened: a date after today is a typo. */
export const isFuture = (day: Dayjs): boolean => day.isAfter(dayjs(), 'day')
