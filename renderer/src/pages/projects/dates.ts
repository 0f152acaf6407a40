// antd's date pickers speak dayjs; the API speaks 'YYYY-MM-DD'. These adapt one to the other.
import dayjs, { type Dayjs } from 'dayjs'
import { dateItem } from '../../components/DateField'

export const ISO = 'YYYY-MM-DD'

export const toDayjs = (iso: string | null | undefined): Dayjs | null => (iso ? dayjs(iso, ISO) : null)
export const toIso = (value: Dayjs | null | undefined): string | null => (value ? value.format(ISO) : null)
export const today = (): string => dayjs().format(ISO)

/** Form.Item props for a DateField: the one date rule of every form (components/DateField). */
export const isoDateItem = dateItem

/** Stage dates and the like are things that happened: not in the future. */
export const notInFuture = (day: Dayjs) => day.isAfter(dayjs(), 'day')
