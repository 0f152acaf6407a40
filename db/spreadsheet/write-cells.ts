// Turn the loose values services hand us into what one typed column writes, shared by the
// xlsx and CSV writers so both exports show the same thing.
import { neutralizeFormulaText } from './neutralize-formula'

export type ColumnType = 'text' | 'integer' | 'amount2' | 'date' | 'percent'

export type ColumnSpec = { header: string; key: string; width?: number; type: ColumnType }

// what goes into the cell: a number, a date (UTC midnight), a safe string, or nothing
export type CellOut = number | Date | string | null

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DECIMAL = /^-?\d+(?:\.\d+)?$/

export function cellValue(type: ColumnType, value: unknown): CellOut {
  if (value === null || value === undefined || value === '') return null
  switch (type) {
    case 'integer':
    case 'amount2':
    case 'percent': {
      // money arrives as exact decimal strings ('1590.83') or bigint; Excel stores doubles anyway
      if (typeof value === 'number') return Number.isFinite(value) ? value : null
      if (typeof value === 'bigint') return Number(value)
      if (typeof value === 'string' && DECIMAL.test(value.trim())) return Number(value.trim())
      break
    }
    case 'date': {
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value
      if (typeof value === 'string') {
        const m = ISO_DATE.exec(value.trim())
        if (m) {
          const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
          // reject 2024-02-30 rather than let it roll into March
          if (date.getUTCDate() === Number(m[3]) && date.getUTCMonth() === Number(m[2]) - 1) return date
        }
      }
      break
    }
    case 'text':
      break
  }
  // anything else is shown as text (a fuzzy '2024年上半年' in a date column stays readable)
  return neutralizeFormulaText(value instanceof Date ? isoDate(value) : String(value))
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10)
}
