// Money in CNY, stored as a whole number of 元. Ledgers speak 亿元 and 万元 with decimals, and their
// totals must match to the 元, so every conversion here goes through strings and BigInt: a float
// multiplication like 0.29 * 1e8 gives 28999999.999999996, and truncating it loses one 元.
// Pure: shared by the renderer and the backend.
import { AppError } from './errors'

/** A whole number of 元, always a safe integer. */
export type Yuan = number

/** 亿元 = 10^8, 万元 = 10^4, 元 = 1. */
export type MoneyUnit = 'yi' | 'wan' | 'yuan'

export type AmountResult = { ok: true; yuan: Yuan } | { ok: false; reason: string }

const UNIT_EXPONENT: Record<MoneyUnit, number> = { yi: 8, wan: 4, yuan: 0 }

// Beyond this shift the number has more digits than any amount we could store; refusing early
// keeps '1e999999999' from building a billion-digit BigInt.
const MAX_SHIFT = 1000

const DECIMAL = /^([+-]?)(\d+\.?\d*|\.\d+)(?:e([+-]?\d+))?$/i

type Scaled = { ok: true; value: bigint } | { ok: false; why: 'format' | 'precision' | 'range' }

// The reasons a decimal does not scale are worth telling apart for users (typo vs. too many
// decimals vs. absurd size); parseDecimalScaled only needs to know that it failed.
function scaleDecimal(text: string, scale: number): Scaled {
  if (!Number.isInteger(scale) || scale < 0) throw new RangeError(`scale must be a non-negative integer: ${scale}`)
  const m = DECIMAL.exec(text)
  if (!m) return { ok: false, why: 'format' }
  const [, sign, mantissa, exponent] = m as unknown as [string, string, string, string | undefined]
  const dot = mantissa.indexOf('.')
  const intPart = dot < 0 ? mantissa : mantissa.slice(0, dot)
  const fracPart = dot < 0 ? '' : mantissa.slice(dot + 1)
  const digits = (intPart + fracPart).replace(/^0+/, '')
  if (digits === '') return { ok: true, value: 0n }
  const shift = Number(exponent ?? '0') - fracPart.length + scale
  if (shift > MAX_SHIFT) return { ok: false, why: 'range' }
  let value: bigint
  if (shift >= 0) {
    value = BigInt(digits) * 10n ** BigInt(shift)
  } else {
    const keep = digits.length + shift
    // Digits below the unit may only be zeros, otherwise the amount is not exact.
    if (keep <= 0 || !/^0*$/.test(digits.slice(keep))) return { ok: false, why: 'precision' }
    value = BigInt(digits.slice(0, keep))
  }
  return { ok: true, value: sign === '-' ? -value : value }
}

/**
 * An exact decimal ('12.5', '-0.25', '1.5e21', '.5') as an integer count of 10^-scale units,
 * e.g. ('3.5', 8) → 350000000n. Null when the text is not a plain decimal or has non-zero digits
 * below 10^-scale (it would not be exact). No thousands separators or units: callers strip them.
 */
export function parseDecimalScaled(text: string, scale: number): bigint | null {
  const r = scaleDecimal(text, scale)
  return r.ok ? r.value : null
}

const UNIT_WORDS: ReadonlyArray<[string, MoneyUnit]> = [
  ['亿元', 'yi'],
  ['亿', 'yi'],
  ['万元', 'wan'],
  ['万', 'wan'],
  ['元', 'yuan'],
]

const FOREIGN = /美元|港元|港币|欧元|日元|英镑|usd|hkd|eur|\$|€|£/i

function fail(reason: string): AmountResult {
  return { ok: false, reason }
}

// Number → text without losing what the cell showed: String() gives the shortest decimal that
// round-trips, so 1590.83 stays '1590.83' (exponent forms like 1e-7 are handled by scaleDecimal).
function numberText(n: number): string | null {
  return Number.isFinite(n) ? String(n) : null
}

/**
 * What people type into ledgers and forms, as 元: '3.5亿元', '5000万', '1,234.56', '１２３',
 * '12.3亿元人民币', '¥1,000'. An explicit unit wins over defaultUnit; a bare number (or a JS number
 * from an Excel cell) is read in defaultUnit. CNY only: 万美元 and other currencies are refused.
 */
export function parseAmount(input: string | number, defaultUnit: MoneyUnit): AmountResult {
  let text: string
  if (typeof input === 'number') {
    const t = numberText(input)
    if (t === null) return fail('不是有效金额')
    text = t
  } else {
    // NFKC folds full-width digits, '，' and '．'; whitespace inside is never meaningful.
    text = input.normalize('NFKC').replace(/\s+/g, '').replace(/\u2212/g, '-')
    if (text === '') return fail('金额为空')
    if (FOREIGN.test(text)) return fail('仅支持人民币金额')
  }

  let unit = defaultUnit
  if (typeof input === 'string') {
    text = text.replace(/^(?:人民币|rmb|cny)/i, '').replace(/(?:人民币|rmb|cny)$/i, '')
    text = text.replace(/^([+-]?)¥/, '$1')
    for (const [word, u] of UNIT_WORDS) {
      if (text.endsWith(word)) {
        text = text.slice(0, -word.length)
        unit = u
        break
      }
    }
    // Accept '1,234,567.8' but not '1,2,3': a misplaced comma is more likely a typo than a separator.
    const m = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d*)?$/.exec(text)
    if (m) text = m[1]! + m[2]!.replace(/,/g, '') + (m[3] ?? '')
  }

  const r = scaleDecimal(text, UNIT_EXPONENT[unit])
  if (!r.ok) {
    if (r.why === 'format') return fail('不是有效金额')
    if (r.why === 'range') return fail('金额过大')
    // A negative amount is the more useful complaint than its precision.
    return text.startsWith('-') ? fail('金额不能为负数') : fail('精度超出1元')
  }
  if (r.value < 0n) return fail('金额不能为负数')
  if (r.value > BigInt(Number.MAX_SAFE_INTEGER)) return fail('金额过大')
  return { ok: true, yuan: Number(r.value) }
}

function assertYuan(yuan: Yuan): void {
  if (!Number.isSafeInteger(yuan)) throw new RangeError(`not a whole amount of 元: ${yuan}`)
}

// Rounds half away from zero so that a negative difference (e.g. 同比 change) mirrors its positive.
function formatScaled(yuan: Yuan, exponent: number, digits: number): string {
  assertYuan(yuan)
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) throw new RangeError(`digits must be 0..20: ${digits}`)
  const negative = yuan < 0
  const abs = BigInt(Math.abs(yuan))
  let q: bigint
  if (digits >= exponent) {
    q = abs * 10n ** BigInt(digits - exponent)
  } else {
    const div = 10n ** BigInt(exponent - digits)
    q = abs / div
    if ((abs % div) * 2n >= div) q += 1n
  }
  const s = q.toString().padStart(digits + 1, '0')
  const body = digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`
  return negative && q !== 0n ? `-${body}` : body
}

/** 亿元 for ledgers and reports: 159083000000 → '1590.83'. No thousands separators. */
export function formatYi(yuan: Yuan, digits = 2): string {
  return formatScaled(yuan, 8, digits)
}

/** 万元 with fixed decimals: 12345 → '1.23'. */
export function formatWan(yuan: Yuan, digits = 2): string {
  return formatScaled(yuan, 4, digits)
}

/** The exact amount in 万元, trailing zeros trimmed: 12345 → '1.2345', 100000000 → '10000'. */
export function yuanToWanExact(yuan: Yuan): string {
  return formatScaled(yuan, 4, 4).replace(/\.?0+$/, '')
}

/** For numeric Excel cells in 万元; at most 4 decimals, so the double nearest to the exact value. */
export function yuanToWanNumber(yuan: Yuan): number {
  return Number(yuanToWanExact(yuan))
}

/** For tests and seed data: yiToYuan(1590.83) → 159083000000. Throws on what parseAmount refuses. */
export function yiToYuan(yi: number): Yuan {
  const r = parseAmount(yi, 'yi')
  if (!r.ok) throw new RangeError(`${r.reason}: ${yi}亿元`)
  return r.yuan
}

/** Exact total; throws rather than return a rounded sum once a running total leaves the safe range. */
export function sumYuan(values: Iterable<Yuan>): Yuan {
  let total = 0
  for (const v of values) {
    assertYuan(v)
    total += v
    // Both operands are safe integers, so a safe result is exact and an unsafe one is detected.
    exactTotal(total)
  }
  return total
}

/**
 * A total beyond 2⁵³ 元 (about 9,007 万亿元), which JavaScript cannot hold exactly: refused with a
 * reason the user reads, never rounded and never an internal error. Each record may hold up to that
 * amount, so two mistyped giants are enough; every exact total of the app goes through here.
 */
export function totalTooLarge(): AppError {
  return new AppError(
    'conflict',
    '金额合计超出可精确表示的范围（约9,007万亿元）：请缩小筛选范围，或核对是否有录错的巨额金额',
    undefined,
    'The total is beyond what can be added up exactly (about 9 quadrillion yuan): narrow the filters, or look for a mistyped huge amount',
  )
}

/** The total, if it is exact. */
export function exactTotal(total: number): Yuan {
  if (!Number.isSafeInteger(total)) throw totalTooLarge()
  return total
}
