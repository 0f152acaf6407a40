// 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character. Its job here is
// to catch typos at entry and to be the strongest key for finding duplicate investors. Pure.
//
// Only length, charset and the check character are verified: the inner structure (registration
// department, division code, organisation code) has legacy exceptions, and refusing a real
// company's code would be worse than accepting an odd one.

// I, O, S, V and Z are left out of the standard's charset to avoid confusion with 1, 0, 5, U, 2.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const

export type CreditCodeResult = { ok: true; code: string } | { ok: false; reason: string }

/** As people paste it: trimmed, upper-case, half-width, without spaces. */
export function normalizeCreditCode(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
}

/** The 18th character for 17 normalised characters; throws if they are not 17 valid ones. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`need 17 characters, got ${first17.length}`)
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i]!)
    if (v < 0) throw new RangeError(`invalid character in credit code: ${first17[i]}`)
    sum += WEIGHTS[i]! * v
  }
  return CHARSET[(31 - (sum % 31)) % 31]!
}

export function validateCreditCode(s: string): CreditCodeResult {
  const code = normalizeCreditCode(s)
  if (code === '') return { ok: false, reason: '信用代码为空' }
  const length = [...code].length
  if (length !== 18) return { ok: false, reason: `信用代码应为18位（当前${length}位）` }
  const bad = [...new Set([...code].filter((c) => !CHARSET.includes(c)))]
  if (bad.length > 0) return { ok: false, reason: `信用代码含无效字符：${bad.join('')}` }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, reason: '校验位错误' }
  return { ok: true, code }
}
