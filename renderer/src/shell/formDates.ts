// Dates live in forms as 'YYYY-MM-DD' strings (what the API and the zod rules expect); the
// DatePicker sees dayjs. Spread onto a Form.Item that wraps a DatePicker.
import dayjs, { type Dayjs } from 'dayjs'

export const ISO = 'YYYY-MM-DD'

export const dateItemProps = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null | undefined) => (value ? value.format(ISO) : null),
}

export const today = (): string => dayjs().format(ISO)
