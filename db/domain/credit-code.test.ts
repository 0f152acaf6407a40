import { describe, it, expect } from 'vitest'
import { creditCodeCheckChar, normalizeCreditCode, validateCreditCode } from './credit-code'

// Codes published on companies' own business-licence disclosures.
const PUBLIC_CODES = [
  '914403001922038216', // 华为技术有限公司
  '91440300708461136T', // 深圳市腾讯计算机系统有限公司
  '91110000100006485K',
  '91330100799655058B',
  '9144030071526726XG',
]

const reason = (s: string): string => {
  const r = validateCreditCode(s)
  if (r.ok) throw new Error(`unexpected success: ${r.code}`)
  return r.reason
}

describe('creditCodeCheckChar', () => {
  it('computes the check character of public codes', () => {
    for (const code of PUBLIC_CODES) expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17])
  })

  it('reaches every check character as the 17th character varies', () => {
    const results = new Set<string>()
    for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY') results.add(creditCodeCheckChar('9144030019220382' + c))
    // Weight 28 is coprime to 31, so every check character is reached exactly once.
    expect(results.size).toBe(31)
    expect([...results].every((c) => typeof c === 'string' && c.length === 1)).toBe(true)
  })

  it('gives 0 when the weighted sum is a multiple of 31 (one real code in 31)', () => {
    // The weighted sum over 91370104MA3C00027 is 1519 = 49·31, so the check is (31 − 0) mod 31 = 0.
    expect(creditCodeCheckChar('91370104MA3C00027')).toBe('0')
    expect(validateCreditCode('91370104MA3C000270')).toEqual({ ok: true, code: '91370104MA3C000270' })
  })

  it('throws on input that is not 17 valid characters', () => {
    expect(() => creditCodeCheckChar('91440300192203821')).not.toThrow()
    expect(() => creditCodeCheckChar('9144030019220382')).toThrow(RangeError)
    expect(() => creditCodeCheckChar('914403001922038216')).toThrow(RangeError)
    expect(() => creditCodeCheckChar('9144030019220382I')).toThrow(RangeError)
    expect(() => creditCodeCheckChar('9144030019220382a')).toThrow(RangeError)
  })
})

describe('normalizeCreditCode', () => {
  it('trims, upper-cases, folds full-width and removes spaces', () => {
    expect(normalizeCreditCode(' 91440300708461136t ')).toBe('91440300708461136T')
    expect(normalizeCreditCode('９１４４０３００７０８４６１１３６Ｔ')).toBe('91440300708461136T')
    expect(normalizeCreditCode('9144 0300 7084 6113 6T')).toBe('91440300708461136T')
    expect(normalizeCreditCode('\u30009144030070846 1136t\t')).toBe('91440300708461136T')
  })
})

describe('validateCreditCode', () => {
  it('accepts public codes, also as people paste them', () => {
    for (const code of PUBLIC_CODES) expect(validateCreditCode(code)).toEqual({ ok: true, code })
    expect(validateCreditCode(' 9144030071526726xg ')).toEqual({ ok: true, code: '9144030071526726XG' })
    expect(validateCreditCode('９１１１００００１００００６４８５Ｋ')).toEqual({ ok: true, code: '91110000100006485K' })
  })

  it('accepts codes built with creditCodeCheckChar', () => {
    const first17 = '91370100MA3C5XY20'
    const code = first17 + creditCodeCheckChar(first17)
    expect(validateCreditCode(code)).toEqual({ ok: true, code })
  })

  it('catches a wrong check character', () => {
    expect(reason('914403001922038217')).toBe('校验位错误')
    expect(reason('91440300708461136U')).toBe('校验位错误')
  })

  it('catches a single changed character anywhere', () => {
    const code = PUBLIC_CODES[0]!
    for (let i = 0; i < 17; i++) {
      const c = code[i] === '1' ? '2' : '1'
      expect(reason(code.slice(0, i) + c + code.slice(i + 1))).toBe('校验位错误')
    }
  })

  it('catches two swapped neighbours', () => {
    expect(reason('914403001922038126')).toBe('校验位错误')
    expect(reason('194403001922038216')).toBe('校验位错误')
  })

  it('reports the length', () => {
    expect(reason('')).toBe('信用代码为空')
    expect(reason('   ')).toBe('信用代码为空')
    expect(reason('91440300708461136')).toBe('信用代码应为18位（当前17位）')
    expect(reason('91440300708461136TT')).toBe('信用代码应为18位（当前19位）')
    expect(reason('123456789')).toMatch(/当前9位/)
  })

  it('reports characters outside the charset', () => {
    expect(reason('9144030070846113IO')).toBe('信用代码含无效字符：IO')
    expect(reason('91440300708461136Z')).toBe('信用代码含无效字符：Z')
    expect(reason('9144-0300-70846113')).toBe('信用代码含无效字符：-')
    expect(reason('91440300708461136和')).toBe('信用代码含无效字符：和')
  })
})
