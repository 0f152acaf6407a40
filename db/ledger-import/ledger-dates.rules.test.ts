// The rules of reading a date as offices write it in a ledger (ledger-dates.ts), each stated in a
// test's title: the mutation run of issue 17 showed which of them no test held.
import { describe, expect, it } from 'vitest'
import { readLedgerDate } from './ledger-dates'

const exact = (date: string) => ({ ok: true, date, precision: 'day', approximate: false })
const month = (date: string) => ({ ok: true, date, precision: 'month', approximate: false })
const vague = (date: string) => ({ ok: true, date, precision: 'month', approximate: true })

describe('dates that need no ledger year', () => {
  it('a Date cell and an Excel serial are read as dates.ts reads them, exact', () => {
    expect(readLedgerDate(new Date(Date.UTC(2024, 2, 15)), null)).toEqual(exact('2024-03-15'))
    expect(readLedgerDate(45366, null)).toEqual(exact('2024-03-15'))
  })
  it('a full date is exact: 2024年3月15日, 2024.3.15 (spaces dropped)', () => {
    expect(readLedgerDate('2024年3月15日', null)).toEqual(exact('2024-03-15'))
    expect(readLedgerDate(' 2024 . 3 . 15 ', null)).toEqual(exact('2024-03-15'))
    expect(readLedgerDate('2024年3月', null)).toEqual(month('2024-03-01'))
  })
  it('a two-digit year is this century: 24.3.15, 24/3/15, 24-3-15', () => {
    for (const text of ['24.3.15', '24/3/15', '24-3-15', '24.03.05', '２４．３．１５']) {
      expect(readLedgerDate(text, null), text).toEqual(exact(text.includes('05') ? '2024-03-05' : '2024-03-15'))
    }
  })
  it('a two-digit year only as the whole cell: 124.3.15 is not 2024', () => {
    expect(readLedgerDate('124.3.15', null).ok).toBe(false)
    expect(readLedgerDate('No24.3.15', null).ok).toBe(false)
  })
  it('a two-digit year needs one separator throughout: 24.3/15 is refused', () => {
    expect(readLedgerDate('24.3/15', null).ok).toBe(false)
    expect(readLedgerDate('24.3.15.1', null).ok).toBe(false)
  })
  it('an impossible two-digit-year date is refused, not moved: 24.2.30', () => {
    expect(readLedgerDate('24.2.30', null).ok).toBe(false)
  })
})

describe('parts of a year: month precision, approximate', () => {
  it('年底 / 年末 / 下半年 are December, 年初 January, 上半年 / 年中 June', () => {
    expect(readLedgerDate('2024年底', null)).toEqual(vague('2024-12-01'))
    expect(readLedgerDate('2024年末', null)).toEqual(vague('2024-12-01'))
    expect(readLedgerDate('2024年下半年', null)).toEqual(vague('2024-12-01'))
    expect(readLedgerDate('2024年初', null)).toEqual(vague('2024-01-01'))
    expect(readLedgerDate('2024年上半年', null)).toEqual(vague('2024-06-01'))
    expect(readLedgerDate('2024年中', null)).toEqual(vague('2024-06-01'))
  })
  it('年 may be left out (2024底), but the year must be whole: 24年底 and 2024年底前 are refused', () => {
    expect(readLedgerDate('2024底', null)).toEqual(vague('2024-12-01'))
    expect(readLedgerDate('24年底', null).ok).toBe(false)
    expect(readLedgerDate('2024年底前', null).ok).toBe(false)
    expect(readLedgerDate('预计2024年底', null).ok).toBe(false)
  })
})

describe('parts of a month: the month, approximate', () => {
  it('2024年3月中旬 / 上旬 / 下旬 / 底 / 初 / 中 are March 2024, approximate', () => {
    for (const part of ['上旬', '中旬', '下旬', '底', '末', '初', '中']) {
      expect(readLedgerDate(`2024年3月${part}`, null), part).toEqual(vague('2024-03-01'))
    }
    expect(readLedgerDate('2024年12月底', null)).toEqual(vague('2024-12-01'))
  })
  it('the whole cell only: 2024年3月中旬前 and 2024年3月下 are refused', () => {
    expect(readLedgerDate('2024年3月中旬前', null).ok).toBe(false)
    expect(readLedgerDate('2024年3月下', null).ok).toBe(false)
    expect(readLedgerDate('12024年3月中旬', null).ok).toBe(false)
  })
  it('an impossible month is refused: 2024年13月中旬', () => {
    expect(readLedgerDate('2024年13月中旬', null).ok).toBe(false)
  })
})

describe('a month without a year takes the ledger year', () => {
  it('3月 is the month of the ledger year, not approximate; 3月15日 / 3月15号 / 3月15 the day', () => {
    expect(readLedgerDate('3月', 2024)).toEqual(month('2024-03-01'))
    expect(readLedgerDate('12月', 2023)).toEqual(month('2023-12-01'))
    expect(readLedgerDate('3月15日', 2024)).toEqual(exact('2024-03-15'))
    expect(readLedgerDate('3月15号', 2024)).toEqual(exact('2024-03-15'))
    expect(readLedgerDate('3月15', 2024)).toEqual(exact('2024-03-15'))
  })
  it('3月中旬 / 3月底 / 3月初 are the month, approximate', () => {
    expect(readLedgerDate('3月中旬', 2024)).toEqual(vague('2024-03-01'))
    expect(readLedgerDate('3月底', 2024)).toEqual(vague('2024-03-01'))
    expect(readLedgerDate('3月初', 2024)).toEqual(vague('2024-03-01'))
  })
  it('without a ledger year it is refused and says to write the year', () => {
    const r = readLedgerDate('3月', null)
    expect(r.ok).toBe(false)
    expect(r.ok ? '' : r.reason).toContain('2024年3月')
    expect(readLedgerDate('3月15日', null).ok).toBe(false)
  })
  it('the whole cell only: 第3月 and 3月15日以后 are refused', () => {
    expect(readLedgerDate('第3月', 2024).ok).toBe(false)
    expect(readLedgerDate('3月15日以后', 2024).ok).toBe(false)
  })
  it('an impossible day is refused even with the ledger year: 2月30日', () => {
    expect(readLedgerDate('2月30日', 2024).ok).toBe(false)
  })
})
