// Investor names reduced to what tells companies apart, for duplicate warnings. Pure.
//
// The rules are few on purpose, so a user can predict why two names matched:
// 1. NFKC (full-width → half-width), Latin lower-cased.
// 2. Legal-form suffixes are stripped from the end, repeatedly: 集团股份有限公司 → '', and
//    'Acme Co., Ltd.' → 'acme'. English suffixes only count as whole words ('Tesco' keeps its co).
//    A suffix that is the whole name stays (集团公司 → 集团).
// 3. Whitespace, punctuation and symbols go; brackets go but their content stays, so
//    巨能液压（济南）有限公司 and 巨能液压(济南)有限公司 are equal.
// Region words are kept: 中国重汽 and 重汽, or 济南X and 北京X, may well be different companies.
// Branches keep their '分': X有限公司济南分公司 stays distinct from X有限公司.

const CN_SUFFIXES = [
  '集团股份有限公司',
  '集团有限公司',
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '股份公司',
  '总公司',
  '集团',
  '公司',
  // Fund vehicles (基金招商) are partnerships: 某某投资合伙企业（有限合伙）.
  '有限合伙',
  '普通合伙',
  '合伙企业',
]

// The word must follow a space or punctuation mark: a name that is only the word ('Ltd.') has none
// before it and stays.
const EN_SUFFIX = /[\s\p{P}\p{S}](?:co|company|ltd|limited|inc|incorporated|corp|corporation|llc|plc|gmbh|ag)$/u

const EDGE_NOISE = /[\s\p{P}\p{S}]+$/u

function stripSuffixes(name: string): string {
  let s = name.replace(EDGE_NOISE, '')
  for (;;) {
    // a name ending in a Chinese legal word never also ends in an English one
    const cn = CN_SUFFIXES.find((x) => s.endsWith(x) && s.length > x.length)
    const en = EN_SUFFIX.exec(s)
    const next = (cn ? s.slice(0, -cn.length) : en ? s.slice(0, en.index) : s).replace(EDGE_NOISE, '')
    // a name that would be emptied ('-Co', '（）有限公司') keeps its last word
    if (next === s || next === '') return s
    s = next
  }
}

export function normalizeInvestorName(name: string): string {
  const s = name.normalize('NFKC').toLowerCase().trim()
  return stripSuffixes(s).replace(/[\s\p{P}\p{S}]/gu, '')
}

function bigrams(s: string): Map<string, number> {
  const chars = [...s]
  const grams = new Map<string, number>()
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!
    grams.set(g, (grams.get(g) ?? 0) + 1)
  }
  return grams
}

/**
 * Dice coefficient of character bigrams of the normalised names, in [0, 1]: 1 for equal names,
 * 0 when nothing is shared. Short names are noisy; combine with other facts before merging.
 */
export function investorNameSimilarity(a: string, b: string): number {
  const x = normalizeInvestorName(a)
  const y = normalizeInvestorName(b)
  // two empty names are not the same investor; one empty name shares no bigram, so gives 0 below
  if (x === y) return x === '' ? 0 : 1
  const gx = bigrams(x)
  const gy = bigrams(y)
  let total = 0
  for (const n of gx.values()) total += n
  for (const n of gy.values()) total += n
  if (total === 0) return 0
  let shared = 0
  for (const [g, n] of gx) shared += Math.min(n, gy.get(g) ?? 0)
  return (2 * shared) / total
}
