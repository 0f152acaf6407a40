// Pinyin search keys, precomputed into a column so that 'jnyy' or 'juneng' finds 巨能液压. Pure.
// Polyphonic characters take pinyin-pro's word-aware reading (重庆 → chongqing, 重汽 → zhongqi);
// ü is written v (绿 → lv), as people type it. Latin letters and digits are kept, lower-cased, whole
// in both keys; everything else (spaces, punctuation) is dropped.

import { pinyin } from 'pinyin-pro'

export function searchKeys(text: string): { full: string; initials: string } {
  let full = ''
  let initials = ''
  const parts = pinyin(text.normalize('NFKC'), { toneType: 'none', type: 'all', v: true, nonZh: 'consecutive' })
  for (const p of parts) {
    if (p.isZh) {
      full += p.pinyin
      initials += p.pinyin.charAt(0)
    } else {
      const kept = p.origin.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
      full += kept
      initials += kept
    }
  }
  return { full, initials }
}
