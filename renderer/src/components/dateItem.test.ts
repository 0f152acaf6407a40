// The date rule's pure parts: what the form keeps, and which dates are asked about.
import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import { dateItem, unusualDate } from './DateField'

describe('date field', () => {
  it('keeps typed text that is no date, so the rule can name it, and never shows it as another day', () => {
    expect(dateItem.normalize('2024-02-30')).toBe('2024-02-30')
    expect(dateItem.normalize(dayjs('2024-02-29'))).toBe('2024-02-29')
    expect(dateItem.normalize(null)).toBeNull()
    // dayjs alone would read 2024-02-30 as 2024-03-01
    expect(dateItem.getValueProps('2024-02-30').value).toBeNull()
    expect(dateItem.getValueProps('2024-02-29').value?.format('YYYY-MM-DD')).toBe('2024-02-29')
  })

  it('asks about dates before 1990 and more than ten years ahead', () => {
    const today = dayjs('2026-11-30')
    expect(unusualDate(dayjs('1989-12-31'), today)).toBe('early')
    expect(unusualDate(dayjs('1990-01-01'), today)).toBeNull()
    expect(unusualDate(dayjs('2036-11-30'), today)).toBeNull()
    expect(unusualDate(dayjs('2036-12-01'), today)).toBe('late')
  })
})
