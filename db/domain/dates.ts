// Calendar dates as 'YYYY-MM-DD' text, as stored. The arithmetic counts days on the proleptic
// Gregorian calendar with integers, so no time zone or DST can shift a date by one.
// Pure: shared by the renderer and the backend.

export type LedgerDate =
  | { ok: true; date: string; precision: 'day' | 'month' }
  | { ok: false; reason: string }

// Older or later years in a 招商 ledger are typos (e.g. 2204), not real plans.
const MIN_YEAR = 1990
const MAX_YEAR = 2100

const pad2 = (n: number): string => String(n).padStart(2, '0')

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31
}

function isRealDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`
}

// Days since 1970-01-01 (H. Hinnant's days_from_civil): exact for any year.
function toDayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

function fromDayNumber(days: number): [number, number, number] {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d]
}

function split(isoDate: string): [number, number, number] {
  if (!isValidIsoDate(isoDate)) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`)
  return isoDate.split('-').map(Number) as [number, number, number]
}

function fromParts(y: number, m: number, d: number): string {
  if (y < 0 || y > 9999) throw new RangeError(`date out of range: year ${y}`)
  return iso(y, m, d)
}

function assertInt(n: number): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number: ${n}`)
}

/** A real calendar date written exactly as 'YYYY-MM-DD'. */
export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))
}

/** Today on the user's clock (local time), not UTC: at 07:00 in 济南 it is already today. */
export function todayIso(now: Date = new Date()): string {
  return iso(now.getFullYear(), now.getMonth() + 1, now.getDate())
}

export function addDays(isoDate: string, n: number): string {
  assertInt(n)
  return fromParts(...fromDayNumber(toDayNumber(...split(isoDate)) + n))
}

/** Clamps to the month's end, as people mean it: 01-31 plus one month is 02-28 (or 02-29). */
export function addMonths(isoDate: string, n: number): string {
  assertInt(n)
  const [y, m, d] = split(isoDate)
  const total = y * 12 + (m - 1) + n
  const y2 = Math.floor(total / 12)
  const m2 = total - y2 * 12 + 1
  return fromParts(y2, m2, Math.min(d, daysInMonth(y2, m2)))
}

/** Whole days from a to b: positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(...split(b)) - toDayNumber(...split(a))
}

/**
 * An Excel serial day number (1900 date system) as 'YYYY-MM-DD'; the time of day is dropped.
 * Excel counts a 1900-02-29 that never existed (serial 60), so that serial is null and every
 * serial after it is one day off from a naive count. Null for serials below 1 or past 9999.
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null
  const day = Math.floor(serial)
  if (day < 1 || day === 60 || day > 2958465) return null
  // Serial 1 is 1900-01-01; from serial 61 on, the phantom leap day is skipped.
  const base = toDayNumber(1899, 12, day < 60 ? 31 : 30)
  const [y, m, d] = fromDayNumber(base + day)
  return iso(y, m, d)
}

function fail(reason: string): LedgerDate {
  return { ok: false, reason }
}

function accept(y: number, m: number, d: number, precision: 'day' | 'month'): LedgerDate {
  if (!isRealDate(y, m, d)) return fail('日期无效')
  if (y < MIN_YEAR || y > MAX_YEAR) return fail(`年份应在${MIN_YEAR}–${MAX_YEAR}之间`)
  return { ok: true, date: iso(y, m, d), precision }
}

const DAY_PATTERNS: readonly RegExp[] = [
  /^(\d{4})([./-])(\d{1,2})\2(\d{1,2})$/,
  /^(\d{4})年()(\d{1,2})月(\d{1,2})[日号]?$/,
  /^(\d{4})()(\d{2})(\d{2})$/,
]

const MONTH_PATTERNS: readonly RegExp[] = [/^(\d{4})年(\d{1,2})月?$/, /^(\d{4})[./-](\d{1,2})$/]

// A time after the date ('2024/3/15 0:00:00', '2024-03-15T08:00:00Z') comes from exports and says
// nothing about the day.
const TIME_SUFFIX = /(?:[T\s]+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i

function parseText(input: string): LedgerDate {
  let s = input.normalize('NFKC').trim()
  if (s === '') return fail('日期为空')
  s = s.replace(TIME_SUFFIX, '').replace(/\s+/g, '')
  for (const re of DAY_PATTERNS) {
    const m = re.exec(s)
    if (m) return accept(Number(m[1]), Number(m[3]), Number(m[4]), 'day')
  }
  for (const re of MONTH_PATTERNS) {
    const m = re.exec(s)
    if (m) return accept(Number(m[1]), Number(m[2]), 1, 'month')
  }
  return fail('不是有效日期')
}

function parseNumber(n: number): LedgerDate {
  if (!Number.isFinite(n) || n < 0) return fail('不是有效日期')
  // 20240315 typed into a numeric cell; as a serial it would be far past 2100, so no clash.
  if (Number.isInteger(n) && n >= 10000101 && n <= 99991231) {
    return accept(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100, 'day')
  }
  // 2024.03 typed into a numeric cell; as a serial it would be in 1905. Excel keeps 2024.10 as
  // 2024.1, so a single '1' after the point could be January or October.
  if (!Number.isInteger(n) && n >= MIN_YEAR && n < MAX_YEAR + 1) {
    const t = String(n)
    if (t.endsWith('.1')) return fail('日期不明确（1月还是10月？）')
    return parseText(t)
  }
  const date = excelSerialToIso(n)
  if (date === null) return fail('日期无效')
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return accept(y, m, d, 'day')
}

/**
 * A date as ledgers write it: Excel serials and Date cells, '2024.3.15', '2024/3/15',
 * '2024-03-15', '2024年3月15日', '20240315', or a month alone ('2024年3月', '2024.03', '2024-3'),
 * which becomes its first day with precision 'month'. Full-width digits and spaces are fine.
 * Date objects are read in UTC, as exceljs gives UTC midnight; pass a local-midnight Date through
 * todayIso instead.
 */
export function parseLedgerDate(input: string | number | Date): LedgerDate {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return fail('日期无效')
    return accept(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate(), 'day')
  }
  return typeof input === 'number' ? parseNumber(input) : parseText(input)
}
