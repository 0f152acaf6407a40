import { describe, it, expect } from 'vitest'
import {
  formatWan,
  formatYi,
  parseAmount,
  parseDecimalScaled,
  sumYuan,
  yiToYuan,
  yuanToWanExact,
  yuanToWanNumber,
} from './money'

const yuan = (input: string | number, unit: 'yi' | 'wan' | 'yuan' = 'yuan'): number => {
  const r = parseAmount(input, unit)
  if (!r.ok) throw new Error(`unexpected failure: ${r.reason}`)
  return r.yuan
}

const reason = (input: string | number, unit: 'yi' | 'wan' | 'yuan' = 'yuan'): string => {
  const r = parseAmount(input, unit)
  if (r.ok) throw new Error(`unexpected success: ${r.yuan}`)
  return r.reason
}

describe('parseDecimalScaled', () => {
  it('scales exactly', () => {
    expect(parseDecimalScaled('3.5', 8)).toBe(350000000n)
    expect(parseDecimalScaled('1590.83', 8)).toBe(159083000000n)
    expect(parseDecimalScaled('0.1', 1)).toBe(1n)
    expect(parseDecimalScaled('.5', 2)).toBe(50n)
    expect(parseDecimalScaled('12.', 0)).toBe(12n)
    expect(parseDecimalScaled('007', 0)).toBe(7n)
    expect(parseDecimalScaled('0', 0)).toBe(0n)
    expect(parseDecimalScaled('0.000', 0)).toBe(0n)
  })

  it('keeps signs', () => {
    expect(parseDecimalScaled('-0.25', 2)).toBe(-25n)
    expect(parseDecimalScaled('+4', 1)).toBe(40n)
  })

  it('reads exponent notation', () => {
    expect(parseDecimalScaled('1e-7', 8)).toBe(10n)
    expect(parseDecimalScaled('1.5e21', 0)).toBe(1500000000000000000000n)
    expect(parseDecimalScaled('1.5E+3', 0)).toBe(1500n)
    expect(parseDecimalScaled('2.50e-1', 2)).toBe(25n)
  })

  it('allows trailing zeros below the scale but not other digits', () => {
    expect(parseDecimalScaled('1.2300', 2)).toBe(123n)
    expect(parseDecimalScaled('1.231', 2)).toBeNull()
    expect(parseDecimalScaled('1e-9', 8)).toBeNull()
    expect(parseDecimalScaled('0.5', 0)).toBeNull()
  })

  it('refuses what is not a plain decimal', () => {
    for (const t of ['', '.', '-', '1.2.3', '1,000', 'abc', '1e', 'e5', ' 1', '１', '0x10', 'Infinity', 'NaN']) {
      expect(parseDecimalScaled(t, 2)).toBeNull()
    }
  })

  it('refuses absurd exponents instead of building huge numbers', () => {
    expect(parseDecimalScaled('1e999999999', 0)).toBeNull()
    expect(parseDecimalScaled('0e999999999', 0)).toBe(0n)
  })

  it('throws on a bad scale, which is a programming error', () => {
    expect(() => parseDecimalScaled('1', -1)).toThrow(RangeError)
    expect(() => parseDecimalScaled('1', 1.5)).toThrow(RangeError)
  })
})

describe('parseAmount', () => {
  it('reads explicit units, overriding the default', () => {
    expect(yuan('3.5亿元')).toBe(350_000_000)
    expect(yuan('3.5亿', 'wan')).toBe(350_000_000)
    expect(yuan('5000万元', 'yi')).toBe(50_000_000)
    expect(yuan('5000万')).toBe(50_000_000)
    expect(yuan('88元', 'yi')).toBe(88)
    expect(yuan('12.3亿元人民币')).toBe(1_230_000_000)
    expect(yuan('人民币12.3亿元')).toBe(1_230_000_000)
  })

  it('uses the default unit for a bare number', () => {
    expect(yuan('1590.83', 'yi')).toBe(159_083_000_000)
    expect(yuan('1,234.56', 'wan')).toBe(12_345_600)
    expect(yuan('12', 'yuan')).toBe(12)
  })

  it('is exact where float multiplication is not', () => {
    // In floating point 0.29 * 1e8 is 28999999.999999996 and 0.57 * 1e4 is 5699.999999999999.
    expect(0.29 * 1e8).not.toBe(29_000_000)
    expect(0.57 * 1e4).not.toBe(5700)
    expect(yuan(0.29, 'yi')).toBe(29_000_000)
    expect(yuan(0.57, 'wan')).toBe(5700)
    expect(yuan(1.15, 'yi')).toBe(115_000_000)
    expect(yuan(1.005, 'yi')).toBe(100_500_000)
    expect(yuan(1590.83, 'yi')).toBe(159_083_000_000)
  })

  it('folds full-width characters and spaces', () => {
    expect(yuan('１２３')).toBe(123)
    expect(yuan(' 12.3 ', 'wan')).toBe(123_000)
    expect(yuan('３．５ 亿 元')).toBe(350_000_000)
    expect(yuan('1，234', 'yuan')).toBe(1234)
    expect(yuan('¥1,000')).toBe(1000)
    expect(yuan('\t0\n')).toBe(0)
  })

  it('reads numbers from Excel cells, exponent forms included', () => {
    expect(yuan(1e-7, 'yi')).toBe(10)
    expect(yuan(5000, 'wan')).toBe(50_000_000)
    expect(yuan(-0)).toBe(0)
    expect(reason(1.5e21)).toBe('金额过大')
    expect(reason(1e-7, 'wan')).toBe('精度超出1元')
    expect(reason(NaN)).toBe('不是有效金额')
    expect(reason(Infinity)).toBe('不是有效金额')
  })

  it('refuses negative amounts', () => {
    expect(reason('-5')).toBe('金额不能为负数')
    expect(reason('－3.5亿')).toBe('金额不能为负数')
    expect(reason('\u22125')).toBe('金额不能为负数')
    expect(reason(-0.5)).toBe('金额不能为负数')
    expect(reason(-12, 'wan')).toBe('金额不能为负数')
  })

  it('refuses empty text and garbage', () => {
    expect(reason('')).toBe('金额为空')
    expect(reason('   ')).toBe('金额为空')
    for (const t of ['abc', '亿元', '3.5亿元元', '1,2,3', '12,34', '1.2.3', '约3亿', '3亿5000万', '--5']) {
      expect(reason(t)).toBe('不是有效金额')
    }
  })

  it('refuses more precision than 1 元', () => {
    expect(reason('1.5')).toBe('精度超出1元')
    expect(reason('1.23456万')).toBe('精度超出1元')
    expect(reason('0.000000001亿')).toBe('精度超出1元')
    expect(yuan('1.23450万')).toBe(12345)
  })

  it('refuses amounts beyond the safe integer range', () => {
    expect(yuan(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER)
    expect(reason(String(Number.MAX_SAFE_INTEGER + 1))).toBe('金额过大')
    expect(reason('100000000亿')).toBe('金额过大')
    expect(reason('1e999999')).toBe('金额过大')
  })

  it('refuses foreign currencies: CNY only', () => {
    expect(reason('500万美元')).toBe('仅支持人民币金额')
    expect(reason('USD 100')).toBe('仅支持人民币金额')
    expect(reason('$100')).toBe('仅支持人民币金额')
  })
})

describe('formatYi and formatWan', () => {
  it('formats the article total', () => {
    expect(formatYi(159_083_000_000)).toBe('1590.83')
  })

  it('rounds half up exactly', () => {
    expect(formatYi(149_999_999)).toBe('1.50')
    expect(formatYi(1_005_000_000)).toBe('10.05')
    expect(formatYi(1_004_999_999)).toBe('10.05')
    expect(formatYi(1_000_499_999)).toBe('10.00')
    expect(formatYi(1_000_500_000)).toBe('10.01')
    expect(formatWan(12_345)).toBe('1.23')
    expect(formatWan(12_350)).toBe('1.24')
    expect(formatWan(5)).toBe('0.00')
    expect(formatWan(50)).toBe('0.01')
  })

  it('honours the number of digits', () => {
    expect(formatYi(350_000_000, 0)).toBe('4')
    expect(formatYi(349_999_999, 0)).toBe('3')
    expect(formatYi(123, 8)).toBe('0.00000123')
    expect(formatYi(123, 10)).toBe('0.0000012300')
    expect(formatWan(123_456, 4)).toBe('12.3456')
    expect(formatWan(0)).toBe('0.00')
  })

  it('has no thousands separators and handles the largest amount', () => {
    expect(formatYi(Number.MAX_SAFE_INTEGER)).toBe('90071992.55')
    expect(formatWan(1_000_000_000_000)).toBe('100000000.00')
  })

  it('mirrors negative differences and never shows -0', () => {
    expect(formatYi(-150_000_000)).toBe('-1.50')
    expect(formatYi(-149_999_999)).toBe('-1.50')
    expect(formatYi(-1)).toBe('0.00')
    expect(formatWan(-50)).toBe('-0.01')
  })

  it('throws on amounts that are not whole 元 and on bad digits', () => {
    expect(() => formatYi(1.5)).toThrow(RangeError)
    expect(() => formatYi(NaN)).toThrow(RangeError)
    expect(() => formatYi(2 ** 60)).toThrow(RangeError)
    expect(() => formatWan(1, -1)).toThrow(RangeError)
    expect(() => formatWan(1, 1.5)).toThrow(RangeError)
  })
})

describe('yuanToWanExact and yuanToWanNumber', () => {
  it('gives the exact 万元 value with trailing zeros trimmed', () => {
    expect(yuanToWanExact(12_345)).toBe('1.2345')
    expect(yuanToWanExact(100_000_000)).toBe('10000')
    expect(yuanToWanExact(12_300)).toBe('1.23')
    expect(yuanToWanExact(5)).toBe('0.0005')
    expect(yuanToWanExact(0)).toBe('0')
    expect(yuanToWanExact(10)).toBe('0.001')
    expect(yuanToWanExact(-12_345)).toBe('-1.2345')
    expect(yuanToWanExact(Number.MAX_SAFE_INTEGER)).toBe('900719925474.0991')
  })

  it('converts to a number for numeric cells', () => {
    expect(yuanToWanNumber(12_345)).toBe(1.2345)
    expect(yuanToWanNumber(159_083_000_000)).toBe(15_908_300)
    expect(yuanToWanNumber(0)).toBe(0)
  })

  it('round-trips through parseAmount', () => {
    for (const v of [0, 1, 9, 12_345, 99_999, 159_083_000_000, Number.MAX_SAFE_INTEGER]) {
      expect(yuan(yuanToWanExact(v), 'wan')).toBe(v)
    }
  })
})

describe('yiToYuan', () => {
  it('converts exactly', () => {
    expect(yiToYuan(1590.83)).toBe(159_083_000_000)
    expect(yiToYuan(0.01)).toBe(1_000_000)
    expect(yiToYuan(0)).toBe(0)
  })

  it('throws on what parseAmount refuses', () => {
    expect(() => yiToYuan(-1)).toThrow('金额不能为负数')
    expect(() => yiToYuan(1e-9)).toThrow('精度超出1元')
    expect(() => yiToYuan(1e9)).toThrow('金额过大')
  })
})

describe('sumYuan', () => {
  it('adds exactly, from any iterable', () => {
    expect(sumYuan([])).toBe(0)
    expect(sumYuan([159_083_000_000, 1, 2])).toBe(159_083_000_003)
    expect(sumYuan(new Set([10, 20]))).toBe(30)
    function* gen(): Generator<number> {
      yield 5
      yield 7
    }
    expect(sumYuan(gen())).toBe(12)
    expect(sumYuan([Number.MAX_SAFE_INTEGER - 1, 1])).toBe(Number.MAX_SAFE_INTEGER)
  })

  it('throws when the total leaves the safe range', () => {
    expect(() => sumYuan([Number.MAX_SAFE_INTEGER, 1])).toThrow('金额合计超出可精确表示的范围')
    expect(() => sumYuan([Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER])).toThrow('金额合计超出可精确表示的范围')
  })

  it('throws on values that are not whole 元', () => {
    expect(() => sumYuan([1, 0.5])).toThrow(RangeError)
    expect(() => sumYuan([NaN])).toThrow(RangeError)
  })
})
