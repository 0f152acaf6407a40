// Record ids: ULIDs (time, then 80 random bits) from randomness drawn in batches (db/context.ts).
import { describe, expect, it } from 'vitest'
import { newId } from './context'

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{26}$/

describe('newId', () => {
  it('gives well-formed, unique, ascending ids across more than one batch of randomness', () => {
    const ids = Array.from({ length: 20_000 }, newId)
    expect(ids.every((id) => CROCKFORD.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.every((id, i) => i === 0 || ids[i - 1]! < id)).toBe(true)
  })

  it('draws fresh random characters in every new millisecond, spread over the whole alphabet', () => {
    // the random part is drawn anew when the time part changes (within one millisecond it counts up)
    const fresh = new Map<string, string>()
    while (fresh.size < 60) {
      const id = newId()
      if (!fresh.has(id.slice(0, 10))) fresh.set(id.slice(0, 10), id.slice(10))
    }
    const randoms = [...fresh.values()].slice(1) // the first may continue an earlier millisecond
    expect(new Set(randoms).size).toBe(randoms.length)
    // 59 × 16 characters: every one of the 32 symbols shows up (a stuck or biased source would not)
    expect(new Set(randoms.join('')).size).toBe(32)
  })
})
