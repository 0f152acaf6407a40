import { describe, it, expect } from 'vitest'
import { investorNameSimilarity, normalizeInvestorName } from './investor-name'

describe('normalizeInvestorName', () => {
  it('makes full-width and half-width brackets equal, keeping their content', () => {
    expect(normalizeInvestorName('巨能液压（济南）有限公司')).toBe('巨能液压济南')
    expect(normalizeInvestorName('巨能液压(济南)有限公司')).toBe('巨能液压济南')
    expect(normalizeInvestorName('巨能液压【济南】有限公司')).toBe('巨能液压济南')
  })

  it('strips legal suffixes, repeatedly', () => {
    expect(normalizeInvestorName('浪潮集团有限公司')).toBe('浪潮')
    expect(normalizeInvestorName('浪潮集团股份有限公司')).toBe('浪潮')
    expect(normalizeInvestorName('浪潮电子信息产业股份有限公司')).toBe('浪潮电子信息产业')
    expect(normalizeInvestorName('某某有限责任公司')).toBe('某某')
    expect(normalizeInvestorName('某某集团公司')).toBe('某某')
    expect(normalizeInvestorName('某某集团总公司')).toBe('某某')
    expect(normalizeInvestorName('某某股份公司')).toBe('某某')
    expect(normalizeInvestorName('某某 有限公司 ')).toBe('某某')
    expect(normalizeInvestorName('济南某某股权投资合伙企业（有限合伙）')).toBe('济南某某股权投资')
  })

  it('strips English suffixes only as whole words', () => {
    expect(normalizeInvestorName('Acme Co., Ltd.')).toBe('acme')
    expect(normalizeInvestorName('ACME CO.,LTD')).toBe('acme')
    expect(normalizeInvestorName('Acme Inc.')).toBe('acme')
    expect(normalizeInvestorName('Acme Corp')).toBe('acme')
    expect(normalizeInvestorName('Acme Limited')).toBe('acme')
    expect(normalizeInvestorName('Tesco')).toBe('tesco')
    expect(normalizeInvestorName('Tesco PLC')).toBe('tesco')
    expect(normalizeInvestorName('Ｔｅｓｌａ， Ｉｎｃ．')).toBe('tesla')
  })

  it('keeps a name that is nothing but a suffix', () => {
    expect(normalizeInvestorName('集团公司')).toBe('集团')
    expect(normalizeInvestorName('有限公司')).toBe('有限')
    expect(normalizeInvestorName('公司')).toBe('公司')
    expect(normalizeInvestorName('Ltd.')).toBe('ltd')
    expect(normalizeInvestorName('')).toBe('')
    expect(normalizeInvestorName(' ，。 ')).toBe('')
  })

  it('keeps regions and branches, which may be different companies', () => {
    expect(normalizeInvestorName('中国重汽集团有限公司')).toBe('中国重汽')
    expect(normalizeInvestorName('重汽集团')).toBe('重汽')
    expect(normalizeInvestorName('北京某某科技有限公司')).toBe('北京某某科技')
    expect(normalizeInvestorName('某某有限公司济南分公司')).not.toBe(normalizeInvestorName('某某有限公司'))
  })

  it('removes all whitespace, punctuation and symbols', () => {
    expect(normalizeInvestorName(' 比亚迪 · 汽车 & 电池+ ')).toBe('比亚迪汽车电池')
    expect(normalizeInvestorName('A-B_C "D"')).toBe('abcd')
  })
})

describe('investorNameSimilarity', () => {
  it('is 1 for names that normalise equal', () => {
    expect(investorNameSimilarity('巨能液压（济南）有限公司', '巨能液压(济南)有限公司')).toBe(1)
    expect(investorNameSimilarity('浪潮集团', '浪潮集团有限公司')).toBe(1)
    expect(investorNameSimilarity('重', '重')).toBe(1)
  })

  it('is high for likely duplicates and low for different companies', () => {
    const near = investorNameSimilarity('巨能液压济南有限公司', '巨能液压（山东）有限公司')
    const far = investorNameSimilarity('巨能液压济南有限公司', '比亚迪汽车工业有限公司')
    expect(near).toBeGreaterThan(0.4)
    expect(near).toBeLessThan(1)
    expect(far).toBe(0)
    expect(investorNameSimilarity('中国重汽', '重汽')).toBeCloseTo(0.5)
  })

  it('is symmetric and in [0, 1]', () => {
    const names = ['巨能液压', '巨能', '液压巨能', 'Acme Ltd', 'acme holdings', '', '重']
    for (const a of names) {
      for (const b of names) {
        const s = investorNameSimilarity(a, b)
        expect(s).toBeGreaterThanOrEqual(0)
        expect(s).toBeLessThanOrEqual(1)
        expect(s).toBe(investorNameSimilarity(b, a))
      }
    }
  })

  it('counts repeated bigrams only as often as they occur', () => {
    // bigrams: aa,aa,aa vs aa → shared 1 of 4 → 0.5
    expect(investorNameSimilarity('aaaa', 'aaa')).toBeCloseTo(2 * 2 / 5)
    expect(investorNameSimilarity('aaaa', 'aa')).toBeCloseTo(2 * 1 / 4)
  })

  it('is 0 when a name is empty or single different characters', () => {
    expect(investorNameSimilarity('', '')).toBe(0)
    expect(investorNameSimilarity('巨能', '')).toBe(0)
    expect(investorNameSimilarity('。', '。')).toBe(0)
    expect(investorNameSimilarity('重', '轻')).toBe(0)
  })
})
