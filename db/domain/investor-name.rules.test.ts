// Rules of investor-name normalisation found untested by a mutation run of investor-name.ts
// (docs/mutation.md): each names what a user would see go wrong in the duplicate warnings.
import { describe, expect, it } from 'vitest'
import { normalizeInvestorName } from './investor-name'

describe('normalizeInvestorName: English legal words', () => {
  it('strips them only as the last word, never from inside the name', () => {
    expect(normalizeInvestorName('Acme Co Holdings')).toBe('acmecoholdings')
    expect(normalizeInvestorName('Acme Inc Partners Ltd')).toBe('acmeincpartners')
  })

  it('strips them after a name of one letter too (X Ltd and X are the same company)', () => {
    expect(normalizeInvestorName('X Ltd')).toBe('x')
    expect(normalizeInvestorName('X Ltd')).toBe(normalizeInvestorName('X'))
  })
})

describe('normalizeInvestorName: a name that is only a legal word', () => {
  it('is never emptied, also when written in brackets (an empty name would match nothing)', () => {
    expect(normalizeInvestorName('（有限公司）')).not.toBe('')
    expect(normalizeInvestorName('(公司)')).toBe('公司')
  })
})

describe('normalizeInvestorName: spaces and brackets around the legal word', () => {
  it('reads a name the same with or without leading spaces', () => {
    expect(normalizeInvestorName(' 有限公司')).toBe(normalizeInvestorName('有限公司'))
    expect(normalizeInvestorName('　集团公司')).toBe('集团')
  })

  it('keeps the legal word of a name left as blank brackets in a template (（  ）有限公司)', () => {
    expect(normalizeInvestorName('（）有限公司')).toBe('有限公司')
    expect(normalizeInvestorName('（  ）有限公司')).toBe('有限公司')
  })
})
