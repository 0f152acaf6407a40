import { describe, it, expect } from 'vitest'
import {
  addDays,
  addMonths,
  daysBetween,
  excelSerialToIso,
  isValidIsoDate,
  parseLedgerDate,
  todayIso,
} from './dates'

const day = (input: string | number | Date): string => {
  const r = parseLedgerDate(input)
  if (!r.ok) throw new Error(`unexpected failure: ${r.reason}`)
  expect(r.precision).toBe('day')
  return r.date
}

const month = (input: string | number | Date): string => {
  const r = parseLedgerDate(input)
  if (!r.ok) throw new Error(`unexpected failure: ${r.reason}`)
  expect(r.precision).toBe('month')
  return r.date
}

const reason = (input: string | number | Date): string => {
  const r = parseLedgerDate(input)
  if (r.ok) throw new Error(`unexpected success: ${r.date}`)
  return r.reason
}

describe('excelSerialToIso', () => {
  it('follows the 1900 date system with its phantom leap day', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01')
    expect(excelSerialToIso(59)).toBe('1900-02-28')
    expect(excelSerialToIso(60)).toBeNull()
    expect(excelSerialToIso(61)).toBe('1900-03-01')
    expect(excelSerialToIso(25569)).toBe('1970-01-01')
    expect(excelSerialToIso(45366)).toBe('2024-03-15')
    expect(excelSerialToIso(45351)).toBe('2024-02-29')
    expect(excelSerialToIso(2958465)).toBe('9999-12-31')
  })

  it('drops the time of day', () => {
    expect(excelSerialToIso(45366.99999)).toBe('2024-03-15')
  })

  it('refuses serials outside Excel’s range', () => {
    expect(excelSerialToIso(0)).toBeNull()
    expect(excelSerialToIso(0.5)).toBeNull()
    expect(excelSerialToIso(-1)).toBeNull()
    expect(excelSerialToIso(2958466)).toBeNull()
    expect(excelSerialToIso(NaN)).toBeNull()
    expect(excelSerialToIso(Infinity)).toBeNull()
  })
})

describe('parseLedgerDate', () => {
  it('reads day dates in the usual ledger spellings', () => {
    expect(day('2024.3.15')).toBe('2024-03-15')
    expect(day('2024/3/15')).toBe('2024-03-15')
    expect(day('2024-03-15')).toBe('2024-03-15')
    expect(day('2024年3月15日')).toBe('2024-03-15')
    expect(day('2024年3月15号')).toBe('2024-03-15')
    expect(day('2024年03月05')).toBe('2024-03-05')
    expect(day('20240315')).toBe('2024-03-15')
    expect(day('２０２４年３月１５日')).toBe('2024-03-15')
    expect(day('  2024 年 3 月 15 日 ')).toBe('2024-03-15')
    expect(day('\u30002024.3.15\u3000')).toBe('2024-03-15')
  })

  it('ignores a time after the date', () => {
    expect(day('2024/3/15 0:00:00')).toBe('2024-03-15')
    expect(day('2024-03-15T08:30:00Z')).toBe('2024-03-15')
    expect(day('2024-03-15T23:30:00.000+08:00')).toBe('2024-03-15')
  })

  it('reads months as their first day with month precision', () => {
    expect(month('2024年3月')).toBe('2024-03-01')
    expect(month('2024年12')).toBe('2024-12-01')
    expect(month('2024.03')).toBe('2024-03-01')
    expect(month('2024-3')).toBe('2024-03-01')
    expect(month('2024/11')).toBe('2024-11-01')
    expect(month('2024.1')).toBe('2024-01-01')
  })

  it('reads Excel cells: serials, yyyymmdd numbers, year.month numbers', () => {
    expect(day(45366)).toBe('2024-03-15')
    expect(day(45366.5)).toBe('2024-03-15')
    expect(day(20240315)).toBe('2024-03-15')
    expect(month(2024.03)).toBe('2024-03-01')
    expect(month(2024.12)).toBe('2024-12-01')
    expect(reason(2024.1)).toMatch(/不明确/)
    expect(reason(20240230)).toBe('日期无效')
  })

  it('reads Date objects by their UTC parts', () => {
    expect(day(new Date(Date.UTC(2024, 2, 15)))).toBe('2024-03-15')
    expect(day(new Date('2024-03-15T23:59:59Z'))).toBe('2024-03-15')
    // exceljs gives UTC midnight; in Asia/Shanghai that is 08:00 local, and 16:00 UTC is the next local day.
    expect(day(new Date('2024-03-15T16:30:00Z'))).toBe('2024-03-15')
    expect(reason(new Date('nonsense'))).toBe('日期无效')
  })

  it('refuses impossible dates', () => {
    expect(reason('2024-02-30')).toBe('日期无效')
    expect(reason('2023-02-29')).toBe('日期无效')
    expect(reason('2024-13-01')).toBe('日期无效')
    expect(reason('2024年13月')).toBe('日期无效')
    expect(reason('2024-00-10')).toBe('日期无效')
    expect(reason('2024-04-31')).toBe('日期无效')
    expect(reason('20241301')).toBe('日期无效')
    expect(reason(60)).toBe('日期无效')
    expect(reason(-5)).toBe('不是有效日期')
    expect(reason(NaN)).toBe('不是有效日期')
    expect(day('2024-02-29')).toBe('2024-02-29')
    expect(day('2000-02-29')).toBe('2000-02-29')
  })

  it('refuses years outside 1990..2100', () => {
    expect(reason('1989-12-31')).toMatch(/1990/)
    expect(reason('2101-01-01')).toMatch(/2100/)
    expect(reason('2204.3.15')).toMatch(/年份/)
    expect(reason(1)).toMatch(/年份/)
    expect(reason(new Date(Date.UTC(1900, 0, 1)))).toMatch(/年份/)
    expect(day('1990-01-01')).toBe('1990-01-01')
    expect(day('2100-12-31')).toBe('2100-12-31')
  })

  it('refuses empty text and garbage', () => {
    expect(reason('')).toBe('日期为空')
    expect(reason('   ')).toBe('日期为空')
    for (const t of ['abc', '2024', '24.3.15', '2024-3/15', '2024..3', '3/15/2024', '2024年', '2024031', '明年三月']) {
      expect(reason(t)).toBe('不是有效日期')
    }
  })
})

describe('parseLedgerDate: the whole cell is the date', () => {
  it('refuses text before or after a date (a ledger cell is one value, not a sentence)', () => {
    for (const t of ['约2024.3.15', '2024.3.15前', 'x2024-03-15', '2024-03-15x', '预计2024年3月15日', '2024年3月15日左右', 'A20240315', '202403150', '约2024年3月', '2024年3月份底', 'x2024.03']) {
      expect(reason(t), t).toBe('不是有效日期')
    }
  })

  it('drops a time after the date however exports write it', () => {
    expect(day('2024/3/15  0:00:00')).toBe('2024-03-15')
    expect(day('2024-03-15 08:00')).toBe('2024-03-15')
    expect(day('2024-03-15T08:00:00.000Z')).toBe('2024-03-15')
    expect(day('2024-03-15T08:00:00+0800')).toBe('2024-03-15')
    expect(day('2024-03-15t08:00:00+08:00')).toBe('2024-03-15')
  })

  it('reads numeric cells at the edges of each reading', () => {
    // An integer that is no yyyymmdd is an Excel serial: 2024 is a day in 1905, outside 1990..2100.
    expect(reason(2024)).toMatch(/年份/)
    expect(reason(0)).toBe('日期无效')
    expect(reason(10000101)).toMatch(/年份/)
    expect(reason(99991231)).toMatch(/年份/)
    // year.month numbers up to the last allowed year.
    expect(month(2100.12)).toBe('2100-12-01')
    expect(month(2099.05)).toBe('2099-05-01')
    expect(month(1990.01)).toBe('1990-01-01')
  })
})

describe('day arithmetic at the edges of the calendar', () => {
  it('crosses the last day of a 400-year cycle and the first and last years', () => {
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29')
    expect(addDays('2000-02-29', 1)).toBe('2000-03-01')
    expect(addDays('2000-03-01', -1)).toBe('2000-02-29')
    expect(daysBetween('1600-02-29', '2000-02-29')).toBe(146097)
    expect(addDays('9999-01-01', 1)).toBe('9999-01-02')
    expect(addDays('0000-01-02', -1)).toBe('0000-01-01')
    expect(() => addDays('0000-01-01', -1)).toThrow(RangeError)
  })
})

describe('isValidIsoDate', () => {
  it('accepts only real dates in exact YYYY-MM-DD form', () => {
    expect(isValidIsoDate('2024-03-15')).toBe(true)
    expect(isValidIsoDate('2024-02-29')).toBe(true)
    expect(isValidIsoDate('1900-02-29')).toBe(false)
    expect(isValidIsoDate('2024-3-15')).toBe(false)
    expect(isValidIsoDate('2024-03-15 ')).toBe(false)
    expect(isValidIsoDate('2024-03-15T00:00')).toBe(false)
    expect(isValidIsoDate('2024-13-01')).toBe(false)
    expect(isValidIsoDate('')).toBe(false)
    expect(isValidIsoDate('x2024-03-15')).toBe(false)
    expect(isValidIsoDate('12024-03-15')).toBe(false)
  })

  it('knows the length of every month (30-day months end on the 30th, day 0 does not exist)', () => {
    const lastDay2024 = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    lastDay2024.forEach((last, index) => {
      const month = String(index + 1).padStart(2, '0')
      expect(isValidIsoDate(`2024-${month}-${last}`), `2024-${month}-${last}`).toBe(true)
      expect(isValidIsoDate(`2024-${month}-${last + 1}`), `2024-${month}-${last + 1}`).toBe(false)
      expect(isValidIsoDate(`2024-${month}-00`), `2024-${month}-00`).toBe(false)
    })
    expect(isValidIsoDate('2024-11-31')).toBe(false)
    expect(isValidIsoDate('2024-03-00')).toBe(false)
  })
})

describe('todayIso', () => {
  it('uses the local calendar date', () => {
    // The tests run in Asia/Shanghai (vitest.config.ts): 00:30 local is still the previous day in UTC.
    expect(todayIso(new Date('2024-03-15T00:30:00+08:00'))).toBe('2024-03-15')
    expect(todayIso(new Date('2024-03-15T23:30:00+08:00'))).toBe('2024-03-15')
    expect(todayIso(new Date(2024, 2, 15, 0, 0, 1))).toBe('2024-03-15')
    expect(todayIso(new Date(2024, 11, 31, 23, 59, 59))).toBe('2024-12-31')
    expect(todayIso()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
})

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2024-03-15', 0)).toBe('2024-03-15')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01')
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01')
    expect(addDays('2024-03-15', 90)).toBe('2024-06-13')
  })

  it('throws on bad input', () => {
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError)
    expect(() => addDays('2024/03/15', 1)).toThrow(RangeError)
    expect(() => addDays('2024-03-15', 1.5)).toThrow(RangeError)
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError)
  })
})

describe('addMonths', () => {
  it('clamps to the end of the month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28')
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29')
    expect(addMonths('2024-05-31', 1)).toBe('2024-06-30')
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonths('2024-10-31', 1)).toBe('2024-11-30')
    expect(addMonths('2024-08-31', 1)).toBe('2024-09-30')
    expect(addMonths('2024-05-31', -1)).toBe('2024-04-30')
  })

  it('crosses years both ways', () => {
    expect(addMonths('2024-03-15', 3)).toBe('2024-06-15')
    expect(addMonths('2024-11-15', 2)).toBe('2025-01-15')
    expect(addMonths('2024-01-15', -1)).toBe('2023-12-15')
    expect(addMonths('2024-01-15', -25)).toBe('2021-12-15')
    expect(addMonths('2024-03-15', 0)).toBe('2024-03-15')
  })

  it('throws on bad input', () => {
    expect(() => addMonths('2024-13-01', 1)).toThrow(RangeError)
    expect(() => addMonths('2024-01-01', 0.5)).toThrow(RangeError)
  })
})

describe('daysBetween', () => {
  it('counts whole days, positive when the second date is later', () => {
    expect(daysBetween('2024-03-15', '2024-03-15')).toBe(0)
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366)
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365)
    expect(daysBetween('2024-03-15', '2024-03-01')).toBe(-14)
    expect(daysBetween('1970-01-01', '2024-03-15')).toBe(Date.UTC(2024, 2, 15) / 86_400_000)
  })

  it('agrees with addDays', () => {
    for (const n of [-1000, -1, 1, 59, 365, 10_000]) {
      expect(daysBetween('2024-03-15', addDays('2024-03-15', n))).toBe(n)
    }
  })

  it('throws on bad input', () => {
    expect(() => daysBetween('2024-03-15', 'soon')).toThrow(RangeError)
  })
})
