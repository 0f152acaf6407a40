// The rules of reading and writing amounts (money.ts) that the first mutation run showed no test
// held, each named in a test's title (issue 17). A ledger amount read wrong by one of these is
// off by a factor or silently truncated, and the 合计 check is the only net left.
import { describe, expect, it } from 'vitest'
import { type MoneyUnit, formatWan, formatYi, parseAmount, parseDecimalScaled } from './money'

const read = (input: string, unit: MoneyUnit = 'yuan') => parseAmount(input, unit)
const yuan = (input: string, unit: MoneyUnit = 'yuan') => {
  const r = read(input, unit)
  expect(r, input).toMatchObject({ ok: true })
  return r.ok ? r.yuan : Number.NaN
}
const reason = (input: string, unit: MoneyUnit = 'yuan') => {
  const r = read(input, unit)
  expect(r.ok, input).toBe(false)
  return r.ok ? '' : r.reason
}

describe('thousands separators', () => {
  it('groups of three after one to three leading digits are separators, however many groups', () => {
    expect(yuan('12,345')).toBe(12_345)
    expect(yuan('123,456')).toBe(123_456)
    expect(yuan('1,234,567.8', 'wan')).toBe(12_345_678_000)
  })

  it('a misplaced comma is a typo: refused, never read as the digits after it or before it', () => {
    // 12,34,567 would otherwise become 34567 and 1,234,5678 become 1234567 (its last digit dropped)
    expect(reason('12,34,567')).toBe('不是有效金额')
    expect(reason('1,234,5678')).toBe('不是有效金额')
    expect(reason('1,234abc')).toBe('不是有效金额')
  })

  it('a sign goes in front of separated digits: minus is refused as negative, plus is read', () => {
    expect(reason('-1,234')).toBe('金额不能为负数')
    expect(yuan('+1,234')).toBe(1234)
  })
})

describe('currency words and the ¥ sign', () => {
  it('人民币/RMB/CNY are dropped only at the start or the end; inside a number they make it a typo', () => {
    expect(yuan('人民币12万')).toBe(120_000)
    expect(yuan('12万元CNY')).toBe(120_000)
    expect(reason('12rmb34')).toBe('不是有效金额')
    expect(reason('12cny34')).toBe('不是有效金额')
  })

  it('¥ is read only in front of the number, after its sign', () => {
    expect(yuan('+¥5')).toBe(5)
    expect(reason('-¥5')).toBe('金额不能为负数')
    expect(reason('1¥200')).toBe('不是有效金额')
  })
})

describe('decimals', () => {
  it('a decimal may start with its point and have several digits after it', () => {
    expect(yuan('.25', 'wan')).toBe(2500)
    expect(parseDecimalScaled('.55', 2)).toBe(55n)
  })

  it('an amount below the unit is refused even with zeros after its last digit, never rounded to 1', () => {
    // 0.0001000 元: seven decimals whose last three are zeros — still a ten-thousandth of a 元
    expect(reason('0.0001000')).toBe('精度超出1元')
    expect(parseDecimalScaled('0.0001000', 0)).toBeNull()
  })
})

describe('formatting', () => {
  it('takes up to 20 decimals, and refuses 21', () => {
    expect(formatYi(1, 20)).toBe('0.00000001000000000000')
    expect(formatWan(-5, 20)).toBe('-0.00050000000000000000')
    expect(() => formatYi(1, 21)).toThrow(RangeError)
  })
})
