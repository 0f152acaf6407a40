// Money typed into forms: every way officers write an amount is read exactly or refused with a reason.
import { describe, expect, it } from 'vitest'
import { readAmount } from './amount-text'

describe('readAmount', () => {
  it('reads separators, spoken compounds and traditional characters exactly', () => {
    expect(readAmount('1,000万', 'yi')).toEqual({ ok: true, yuan: 10_000_000 })
    expect(readAmount('3亿5000万', 'yi')).toEqual({ ok: true, yuan: 350_000_000 })
    expect(readAmount('3亿5000万元', 'wan')).toEqual({ ok: true, yuan: 350_000_000 })
    expect(readAmount('1.2亿300万', 'yi')).toEqual({ ok: true, yuan: 123_000_000 })
    expect(readAmount('3.5億', 'yi')).toEqual({ ok: true, yuan: 350_000_000 })
    expect(readAmount('2000萬', 'yi')).toEqual({ ok: true, yuan: 20_000_000 })
    expect(readAmount('3.5', 'yi')).toEqual({ ok: true, yuan: 350_000_000 })
    expect(readAmount('3.5', 'wan')).toEqual({ ok: true, yuan: 35_000 })
  })

  it('reads an approximate amount and says it was approximate', () => {
    expect(readAmount('约3亿', 'wan')).toEqual({ ok: true, yuan: 300_000_000, approximate: true })
    expect(readAmount('5000万元左右', 'yi')).toEqual({ ok: true, yuan: 50_000_000, approximate: true })
  })

  it('refuses what it cannot read, with a reason', () => {
    for (const text of ['-', 'a', 'abc', '1,', '3亿5000', '亿', '约', '1,2,3', '3万5亿']) {
      const r = readAmount(text, 'yi')
      expect(r.ok, text).toBe(false)
      if (!r.ok) expect(r.reason.length).toBeGreaterThan(0)
    }
    expect(readAmount('-3', 'yi')).toEqual({ ok: false, reason: '金额不能为负数' })
  })
})
