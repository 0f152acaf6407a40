// What an officer types into a money field, read more forgivingly than ledger cells: the way
// amounts are said aloud (3亿5000万), traditional characters (3.5億) and approximations (约3亿).
// Pure (shared with the renderer); parseAmount stays the single authority on what a number with one unit means.
import { type AmountResult, type MoneyUnit, parseAmount } from './money'

export type AmountReading = AmountResult & {
  /** The text said the amount is approximate (约, 大约, 左右…): read, but the user is told. */
  approximate?: boolean
}

const APPROX_BEFORE = /^(?:大约|大概|约合|约|近|逾|超过|超)/
const APPROX_AFTER = /(?:左右|上下|多|余)(元)?$/

// One segment per unit, largest first: '3亿5000万' = 3亿 + 5000万. The number part may hold
// thousands separators; parseAmount checks it.
// A bare trailing number ('3亿5000') is refused: spoken, it means 3亿5000万, written it could be 元.
const SEGMENTS = /^(?:([\d.,]+)亿)?(?:([\d.,]+)万)?(?:([\d.,]+)元)?$/

export function readAmount(input: string, defaultUnit: MoneyUnit): AmountReading {
  let text = input.normalize('NFKC').replace(/\s+/g, '').replace(/億/g, '亿').replace(/萬/g, '万')
  let approximate = false
  if (APPROX_BEFORE.test(text)) {
    text = text.replace(APPROX_BEFORE, '')
    approximate = true
  }
  if (APPROX_AFTER.test(text) && /\d/.test(text)) {
    text = text.replace(APPROX_AFTER, '$1')
    approximate = true
  }
  const result = compound(text) ?? parseAmount(text, defaultUnit)
  return approximate && result.ok ? { ...result, approximate } : result
}

/** '3亿5000万' and the like; null when the text is not two or more unit segments. */
function compound(text: string): AmountResult | null {
  const m = SEGMENTS.exec(text.replace(/([亿万])元$/, '$1'))
  if (!m) return null
  const parts: Array<[string, MoneyUnit]> = []
  if (m[1]) parts.push([`${m[1]}亿`, 'yi'])
  if (m[2]) parts.push([`${m[2]}万`, 'wan'])
  if (m[3]) parts.push([`${m[3]}元`, 'yuan'])
  if (parts.length < 2) return null
  let total = 0
  for (const [part, unit] of parts) {
    const r = parseAmount(part, unit)
    if (!r.ok) return r
    total += r.yuan
  }
  return Number.isSafeInteger(total) ? { ok: true, yuan: total } : { ok: false, reason: '金额过大' }
}
