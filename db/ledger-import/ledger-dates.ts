// Dates as offices write them in ledgers, beyond what db/domain/dates.ts reads: a two-digit year
// (24.3.15), a month without a year (3月: the ledger's year), the end of a year (2024年底) and a
// part of a month (2024年3月中旬). Vague ones are kept at month precision and marked approximate,
// so the preview says what was assumed.
import { type LedgerDate, parseLedgerDate } from '../domain/dates'

export type ReadDate = { ok: true; date: string; precision: 'day' | 'month'; approximate: boolean } | { ok: false; reason: string }

const pad = (n: number) => String(n).padStart(2, '0')

export function readLedgerDate(input: string | number | Date, ledgerYear: number | null): ReadDate {
  if (typeof input !== 'string') return plain(parseLedgerDate(input))
  const s = input.normalize('NFKC').replace(/\s+/g, '')
  // 24.3.15, 24/3/15, 24-3-15: two-digit years are this century's
  let m = /^(\d{2})([./-])(\d{1,2})\2(\d{1,2})$/.exec(s)
  if (m) return plain(parseLedgerDate(`20${m[1]}-${m[3]}-${m[4]}`))
  // 2024年底 / 年末 / 年初 / 上半年 / 下半年 / 年中
  m = /^(\d{4})年?(底|末|初|上半年|下半年|中)$/.exec(s)
  if (m) {
    const month = { 底: 12, 末: 12, 下半年: 12, 初: 1, 上半年: 6, 中: 6 }[m[2] as '底']
    return approximate(parseLedgerDate(`${m[1]}-${pad(month)}`))
  }
  // 2024年3月中旬 / 上旬 / 下旬 / 底 / 初: the month
  m = /^(\d{4})年(\d{1,2})月(上旬|中旬|下旬|底|末|初|中)$/.exec(s)
  if (m) return approximate(parseLedgerDate(`${m[1]}年${m[2]}月`))
  // 3月, 3月15日: the year of the ledger
  m = /^(\d{1,2})月(?:(\d{1,2})[日号]?)?(上旬|中旬|下旬|底|初)?$/.exec(s)
  if (m) {
    if (ledgerYear === null) return { ok: false, reason: '日期没有年份，台账标题中也找不到年份，请写成“2024年3月”' }
    const parsed = parseLedgerDate(m[2] && !m[3] ? `${ledgerYear}年${m[1]}月${m[2]}日` : `${ledgerYear}年${m[1]}月`)
    return m[3] ? approximate(parsed) : plain(parsed)
  }
  return plain(parseLedgerDate(input.trim()))
}

function plain(parsed: LedgerDate): ReadDate {
  return parsed.ok ? { ok: true, date: parsed.date, precision: parsed.precision, approximate: false } : parsed
}

function approximate(parsed: LedgerDate): ReadDate {
  return parsed.ok ? { ok: true, date: parsed.date, precision: 'month', approximate: true } : parsed
}
