// 导出本页 turns the screen's text back into the numbers it shows, so the workbook sums and sorts.
import { describe, expect, it } from 'vitest'
import { shownValue } from './export-report-tab'

describe('a report tab cell as shown', () => {
  it('reads grouped amounts, signed changes and percentages as numbers, a dash as empty', () => {
    expect(shownValue('amount2', '1,590.83')).toBe(1590.83)
    expect(shownValue('amount2', '+4.05')).toBe(4.05)
    expect(shownValue('amount2', '-0.55')).toBe(-0.55)
    expect(shownValue('integer', '+1')).toBe(1)
    expect(shownValue('integer', '12,345')).toBe(12345)
    expect(shownValue('percent', '+30.68%')).toBe(0.3068)
    expect(shownValue('percent', '-3.25%')).toBe(-0.0325)
    for (const type of ['text', 'integer', 'amount2', 'percent'] as const) {
      expect(shownValue(type, '—')).toBeNull()
      expect(shownValue(type, ' ')).toBeNull()
    }
  })

  it('keeps text, and a figure it cannot read, as the text shown', () => {
    expect(shownValue('text', '→ 在谈 50.00%')).toBe('→ 在谈 50.00%')
    expect(shownValue('amount2', '约3亿')).toBe('约3亿')
    expect(shownValue('percent', '12.5')).toBe('12.5')
  })
})
