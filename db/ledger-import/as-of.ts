// The date a ledger is as of, from its own words: '截至2024年12月31日' or '填报日期：2024-10-31'
// (explicit), else the month or year its title or sheet name names ('2024年3月…' → 2024-03-31,
// '2024年招商引资项目台账' → 2024-12-31). A stage with no date of its own was reached by then,
// which is truer than the day someone happened to import the file.

export type LedgerAsOf = { date: string; year: number; source: string } | null

const EXPLICIT = /(?:截至|截止|统计时间|统计日期|填报日期|填表日期|报送日期|数据时间)[:：]?(\d{4})[年./-](\d{1,2})[月./-](\d{1,2})/
const EXPLICIT_MONTH = /(?:截至|截止|统计时间|统计日期|填报日期|填表日期|报送日期|数据时间)[:：]?(\d{4})[年./-](\d{1,2})月?(?:底|末)?/
// '2024年1-3月' names its last month
const MONTH = /(\d{4})年(?:\d{1,2}[-—~至到])?(\d{1,2})月/
const YEAR = /(\d{4})年/

const pad = (n: number) => String(n).padStart(2, '0')

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

function monthEnd(y: number, m: number): string {
  return `${y}-${pad(m)}-${pad(daysIn(y, m))}`
}

// By the calendar: '截至2024年4月31日' is no date (it was kept as 2024-04-31); it falls back to the month.
function valid(y: number, m: number, d = 1): boolean {
  return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

/**
 * texts: the title and lines above the header, then notes below the table (both as written);
 * sheetName last. Never later than today.
 */
export function ledgerAsOf(texts: readonly string[], sheetName: string, today: string): LedgerAsOf {
  const all = texts.map((t) => t.normalize('NFKC').replace(/\s+/g, ''))
  const cap = (date: string, source: string): LedgerAsOf => {
    const d = date > today ? today : date
    return { date: d, year: Number(d.slice(0, 4)), source }
  }
  for (const text of all) {
    const m = EXPLICIT.exec(text)
    if (m && valid(+m[1]!, +m[2]!, +m[3]!)) return cap(`${m[1]}-${pad(+m[2]!)}-${pad(+m[3]!)}`, text)
  }
  for (const text of all) {
    const m = EXPLICIT_MONTH.exec(text)
    if (m && valid(+m[1]!, +m[2]!)) return cap(monthEnd(+m[1]!, +m[2]!), text)
  }
  const named = [...all, sheetName.normalize('NFKC').replace(/\s+/g, '')]
  for (const text of named) {
    const m = MONTH.exec(text)
    if (m && valid(+m[1]!, +m[2]!)) return cap(monthEnd(+m[1]!, +m[2]!), text)
  }
  for (const text of named) {
    const m = YEAR.exec(text)
    if (m && valid(+m[1]!, 12)) return cap(`${m[1]}-12-31`, text)
  }
  return null
}
