// Display helpers: exact amounts from integer 元, and '—' instead of a crash for anything unreadable.
import { describe, expect, it } from 'vitest'
import { count, date, dateTime, decimal2, percent, points, wan, yi } from './format'

describe('format', () => {
  it('shows 亿元 and 万元 exactly, grouped, with two decimals', () => {
    expect(yi(159_083_000_000)).toBe('1,590.83')
    expect(yi(350_000_000)).toBe('3.50')
    expect(yi(0)).toBe('0.00')
    expect(wan(12_345)).toBe('1.23')
  })

  it('shows a dash, never throws, for what is not a whole amount of 元', () => {
    for (const bad of [null, undefined, Number.NaN, 1.5, Number.POSITIVE_INFINITY]) {
      expect(yi(bad)).toBe('—')
      expect(wan(bad)).toBe('—')
    }
  })

  it('groups counts and writes percentages', () => {
    expect(count(1_234_567)).toBe('1,234,567')
    expect(count(null)).toBe('—')
    expect(percent(0.4056, 2)).toBe('40.56%')
    expect(percent(Number.NaN)).toBe('—')
  })

  it('gives every figure of a unit one precision, whatever the value (3.60 beside 3.00, 12.50% beside 12.00%)', () => {
    expect([3.6, 3, 2.25, 1234.5].map(decimal2)).toEqual(['3.60', '3.00', '2.25', '1,234.50'])
    expect([12.5, 12, -3.25, 0].map((v) => points(v, true))).toEqual(['+12.50%', '+12.00%', '-3.25%', '0.00%'])
    expect(points(40.5)).toBe('40.50%')
    expect(points(null)).toBe('—')
    expect(decimal2(Number.NaN)).toBe('—')
    expect([0.125, 0.1, 1].map((r) => percent(r, 2))).toEqual(['12.50%', '10.00%', '100.00%'])
  })

  it('keeps ISO dates and writes timestamps as local YYYY-MM-DD HH:mm', () => {
    expect(date('2024-06-18')).toBe('2024-06-18')
    expect(date(null)).toBe('—')
    expect(dateTime(new Date(2025, 2, 4, 9, 5).toISOString())).toBe('2025-03-04 09:05')
    expect(dateTime(null)).toBe('—')
  })
})
