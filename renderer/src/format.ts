// How numbers and dates look on screen: exact 亿元/万元 from integer 元, Chinese conventions.
import { formatWan, formatYi } from '../../db/domain/money'

const grouped = (text: string) => {
  const [whole, fraction] = text.split('.')
  const sign = whole!.startsWith('-') ? '-' : ''
  const digits = sign ? whole!.slice(1) : whole!
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`
}

// Anything but a whole number of 元 (null, NaN from a half-typed field) shows as '—': a display
// helper must never throw inside a render.
const isYuan = (yuan: number | null | undefined): yuan is number => typeof yuan === 'number' && Number.isSafeInteger(yuan)

/** 159083000000 → '1,590.83' (亿元, exact, two decimals). */
export const yi = (yuan: number | null | undefined): string => (isYuan(yuan) ? grouped(formatYi(yuan)) : '—')

/** 12345 → '1.23' (万元, exact, two decimals). */
export const wan = (yuan: number | null | undefined): string => (isYuan(yuan) ? grouped(formatWan(yuan)) : '—')

export const count = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : grouped(String(n)))

export const percent = (ratio: number | null | undefined, digits = 1): string =>
  ratio === null || ratio === undefined || !Number.isFinite(ratio) ? '—' : `${(ratio * 100).toFixed(digits)}%`

/**
 * A figure the backend already rounded to hundredths (an activity index, an expected count):
 * always two decimals, so a column never mixes 3.6, 2.25 and 3.
 */
export const decimal2 = (n: number | null | undefined): string =>
  n === null || n === undefined || !Number.isFinite(n) ? '—' : grouped(n.toFixed(2))

/** A percentage the backend gives in points (12.5 = 12.5%): always '12.50%', signed when asked ('+12.50%'). */
export const points = (value: number | null | undefined, sign = false): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : `${sign && value > 0 ? '+' : ''}${value.toFixed(2)}%`

/** 'YYYY-MM-DD' stays as it is: ledgers write dates that way. */
export const date = (iso: string | null | undefined): string => iso ?? '—'

/** ISO timestamp → 'YYYY-MM-DD HH:mm' in local time. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
