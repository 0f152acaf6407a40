// Amounts as offices write them in ledgers, beyond what db/domain/money.ts reads: 约5亿 / 5亿左右 /
// 5亿以上 (read as 5亿, marked approximate so the preview warns), 待定 (no amount), 5千万 and
// Chinese numerals (五亿, 一点五亿, 三千万).
import { type MoneyUnit, parseAmount } from '../domain/money'

export type ReadAmount = { ok: true; yuan: number | null; approximate: boolean } | { ok: false; reason: string }

// said instead of an amount: nothing to import, and nothing wrong
const NO_AMOUNT = /^(?:待定|未定|暂无|暂定|无|不详|未知|待核实|待确定|[-—–/\\]+)$/
const APPROX_BEFORE = /^(?:约|大约|近|将近|超|超过|逾|预计|计划)/
const APPROX_AFTER = /(?:左右|以上|以下|多|余|上下|许)$/

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

export function readLedgerAmount(input: string | number, unit: MoneyUnit): ReadAmount {
  if (typeof input === 'number') return plain(parseAmount(input, unit), false)
  let s = input.normalize('NFKC').replace(/\s+/g, '')
  if (NO_AMOUNT.test(s)) return { ok: true, yuan: null, approximate: false }
  let approximate = false
  // 约5亿左右 has both
  for (const re of [APPROX_BEFORE, APPROX_AFTER]) {
    const stripped = s.replace(re, '')
    if (stripped !== s && stripped !== '') {
      s = stripped
      approximate = true
    }
  }
  // the unit may have moved before the suffix: 5亿元以上 → 5亿元
  s = chineseNumerals(s) ?? s
  // 5千万 = 5000万, 3百万 = 300万
  const scaled = /^([\d.]+)(千万|百万)(元)?$/.exec(s)
  if (scaled) {
    const factor = scaled[2] === '千万' ? 1000 : 100
    return plain(parseAmount(`${Number(scaled[1]) * factor}万`, unit), approximate)
  }
  return plain(parseAmount(s, unit), approximate)
}

function plain(parsed: ReturnType<typeof parseAmount>, approximate: boolean): ReadAmount {
  return parsed.ok ? { ok: true, yuan: parsed.yuan, approximate } : parsed
}

/** '五亿' → '5亿', '一点五亿元' → '1.5亿元', '三千万' → '3000万', '一千二百万' → '1200万'; null when not Chinese numerals. */
function chineseNumerals(s: string): string | null {
  const m = /^([零〇一二两三四五六七八九十百千]+)(?:点([零〇一二三四五六七八九]+))?(千万|百万|亿元|亿|万元|万|元)$/.exec(s)
  if (!m) return null
  // 三千万 needs no rule of its own: 三千 is 3000, so it reads as 3000万
  const value = integer(m[1]!)
  const unit = m[3]!
  const fraction = m[2] ? '.' + [...m[2]].map((c) => DIGIT[c]).join('') : ''
  return `${value}${fraction}${unit}`
}

function integer(text: string): number {
  let total = 0
  let digit = 0
  let seen = false
  for (const c of text) {
    if (c in DIGIT) {
      digit = DIGIT[c]!
      seen = true
    } else {
      const place = c === '十' ? 10 : c === '百' ? 100 : 1000
      total += (seen ? digit : 1) * place
      digit = 0
      seen = false
    }
  }
  return total + digit
}
