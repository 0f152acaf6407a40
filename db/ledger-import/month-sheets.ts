// A workbook with one sheet per month (2024年1月, 2024年2月…): each month's sheet repeats the
// ledger as of that month. Its latest month is what an import reads by default; "all months in
// order" (months.ts) applies every one of them, oldest first.
import type { Sheet } from '../spreadsheet/grid'
import { type LedgerHeader, findLedgerHeader } from './header'

export interface MonthSheet {
  sheet: Sheet
  header: LedgerHeader
  /** 'YYYY-MM' ('0000-MM' for a sheet named only 3月). */
  month: string
}

const MONTH_NAME = /(\d{4})\s*年\s*(\d{1,2})\s*月|^(\d{4})[-.](\d{1,2})$|^(\d{1,2})\s*月$/

/** The month sheets that hold a ledger, oldest first; empty unless there are at least two. */
export function monthSheets(sheets: readonly Sheet[]): MonthSheet[] {
  const months: MonthSheet[] = []
  for (const sheet of sheets) {
    const m = MONTH_NAME.exec(sheet.name.normalize('NFKC').trim())
    const header = m ? findLedgerHeader(sheet) : null
    if (!m || !header) continue
    const year = m[1] ?? m[3] ?? '0000'
    const month = Number(m[2] ?? m[4] ?? m[5])
    months.push({ sheet, header, month: `${year}-${String(month).padStart(2, '0')}` })
  }
  if (months.length < 2) return []
  // stable: two sheets of one month keep the workbook's order
  return months.map((m, i) => ({ m, i })).sort((a, b) => a.m.month.localeCompare(b.m.month) || a.i - b.i).map(({ m }) => m)
}

/** What an all-months import is called (its batch, its problems workbook): the first and last month. */
export const allMonthsLabel = (first: string, last: string): string => `${first}—${last}（全部月份）`
