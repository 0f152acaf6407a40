// The rules for the date a ledger is as of (as-of.ts), each stated in a test's title: the mutation
// run of issue 17 showed which of them no test held. A stage without a date of its own is dated
// by this, so a wrong month here moves projects between the periods of every report.
import { describe, expect, it } from 'vitest'
import { ledgerAsOf } from './as-of'

const TODAY = '2026-11-30'
const asOf = (texts: string[], sheet = 'Sheet1', today = TODAY) => ledgerAsOf(texts, sheet, today)
const date = (texts: string[], sheet = 'Sheet1') => asOf(texts, sheet)?.date ?? null

describe('an explicit date', () => {
  it('截至 / 填报日期 with a full date gives that day, whatever the separator, with its text as source', () => {
    expect(asOf(['截至2024年12月31日'])).toEqual({ date: '2024-12-31', year: 2024, source: '截至2024年12月31日' })
    expect(date(['填报日期：2024-10-31'])).toBe('2024-10-31')
    expect(date(['统计时间:2024.3.5'])).toBe('2024-03-05')
    expect(date(['数据时间2024/3/5'])).toBe('2024-03-05')
    expect(date(['截止 2024 年 3 月 5 日'])).toBe('2024-03-05')
    expect(date(['截至2024年11月15日'])).toBe('2024-11-15')
    expect(date(['截至2024年1月15日'])).toBe('2024-01-15')
  })
  it('beats a month named earlier in the title or in the sheet name', () => {
    expect(date(['2024年3月招商台账', '截至2024年2月15日'], '2024年5月')).toBe('2024-02-15')
  })
  it('an impossible day falls back to the end of its month: 截至2024年2月0日, 2月32日', () => {
    expect(date(['截至2024年2月0日'])).toBe('2024-02-29')
    expect(date(['截至2023年2月32日'])).toBe('2023-02-28')
  })
  it('a day the month does not have is no date either: 截至2024年4月31日 is 2024-04-30', () => {
    expect(date(['截至2024年4月31日'])).toBe('2024-04-30')
    expect(date(['截至2023年2月29日'])).toBe('2023-02-28')
    expect(date(['截至2024年2月29日'])).toBe('2024-02-29')
  })
  it('a date without such a word is not explicit: the title month wins over a date in a note', () => {
    expect(date(['2024年3月招商台账', '2024年2月15日'])).toBe('2024-03-31')
  })
})

describe('an explicit month', () => {
  it('截至2024年3月 / 3月底 is the last day of that month (February by the calendar)', () => {
    expect(date(['截至2024年3月底'])).toBe('2024-03-31')
    expect(date(['截至2024年2月'])).toBe('2024-02-29')
    expect(date(['截至2023年2月末'])).toBe('2023-02-28')
    expect(date(['统计日期：2024-04'])).toBe('2024-04-30')
    expect(date(['截至2024年12月'])).toBe('2024-12-31')
    expect(date(['截至2024年1月'])).toBe('2024-01-31')
  })
  it('beats a month in an earlier title line', () => {
    expect(date(['2024年1-6月台账', '截至2024年5月'])).toBe('2024-05-31')
  })
})

describe('the month or year named by the title or the sheet', () => {
  it("2024年3月… is 2024-03-31; 2024年1-3月 names its last month", () => {
    expect(date(['2024年3月招商引资项目台账'])).toBe('2024-03-31')
    expect(date(['2024年1-3月招商引资项目台账'])).toBe('2024-03-31')
    expect(date(['2024年1至11月'])).toBe('2024-11-30')
    expect(date(['2024年10-11月'])).toBe('2024-11-30')
    expect(date(['2024年1月台账'])).toBe('2024-01-31')
  })
  it('a year alone is its last day', () => {
    expect(asOf(['2024年招商引资项目台账'])).toEqual({ date: '2024-12-31', year: 2024, source: '2024年招商引资项目台账' })
  })
  it('a month anywhere beats a year in an earlier line; the sheet name is read after the texts', () => {
    expect(date(['2024年招商引资项目台账', '2024年10月更新'])).toBe('2024-10-31')
    expect(date(['招商引资项目台账'], '2024年9月')).toBe('2024-09-30')
    expect(date(['2024年3月台账'], '2023年9月')).toBe('2024-03-31')
    expect(date(['2024年台账'], '2023年9月')).toBe('2023-09-30')
  })
  it('nothing dated: null', () => {
    expect(asOf(['招商引资项目台账', '单位：万元'])).toBeNull()
  })
})

describe('what is not a date', () => {
  it('a month 0 or 13 is not a month: the year stands', () => {
    expect(date(['2024年13月台账'])).toBe('2024-12-31')
    expect(date(['2024年0月台账'])).toBe('2024-12-31')
    expect(date(['截至2024年13月'])).toBe('2024-12-31')
  })
  it('years before 1990 or after 2100 are not ledger years (1990 and 2100 are)', () => {
    expect(asOf(['1989年台账'])).toBeNull()
    expect(asOf(['2101年台账'])).toBeNull()
    expect(date(['1990年台账'])).toBe('1990-12-31')
    expect(asOf(['2100年台账'], 'Sheet1', '2200-01-01')?.date).toBe('2100-12-31')
  })
})

describe('never later than today', () => {
  it('a ledger dated ahead is as of today, and its year is today’s', () => {
    expect(asOf(['2026年招商引资项目台账'])).toEqual({ date: TODAY, year: 2026, source: '2026年招商引资项目台账' })
    expect(asOf(['截至2027年1月31日'])).toMatchObject({ date: TODAY, year: 2026 })
    expect(date(['截至2026年11月30日'])).toBe(TODAY)
  })
})
