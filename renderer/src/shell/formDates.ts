// Dates live in forms as 'YYYY-MM-DD' strings (what the API and the zod rules expect). Spread
// dateItemProps onto a Form.Item that wraps a DateField: the one date rule (components/DateField).
import dayjs from 'dayjs'
import { ISO, dateItem } from '../components/DateField'

export { ISO }

export const dateItemProps = dateItem

export const today = (): string => dayjs().format(ISO)
