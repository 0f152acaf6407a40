import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ClockSet } from './clock-set'
import { HLC_PATTERN } from './operation'

const digits = (length: number) => fc.stringMatching(new RegExp(`^\\d{${length}}$`))
// Few distinct parts, so that equal clocks and clocks differing in one part both come up often.
const clock = fc
  .tuple(
    fc.oneof(digits(13), fc.constantFrom('0000000000000', '9999999999999', '1767225600000', '1767225600001', '0004294967296', '0004294967295')),
    fc.constantFrom('0000', '0001', 'ffff', '1000', 'a3f0'),
    fc.constantFrom('BENCHREPLICA00000001', 'BENCHREPLICA00000002', '01M8Q1SJJ4J3DJH0D2MTG72CX1', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcd'),
  )
  .map(([millis, counter, replica]) => `${millis}-${counter}-${replica}`)

describe('ClockSet', () => {
  it('says a clock is new exactly when a Set of the strings would', () => {
    fc.assert(
      fc.property(fc.array(clock, { maxLength: 400 }), (clocks) => {
        const set = new ClockSet()
        const strings = new Set<string>()
        for (const hlc of clocks) {
          expect(HLC_PATTERN.test(hlc)).toBe(true)
          expect(set.add(hlc)).toBe(!strings.has(hlc))
          strings.add(hlc)
        }
        expect(set.size).toBe(strings.size)
      }),
      { numRuns: 300 },
    )
  })

  it('keeps every clock while it grows past its first tables', () => {
    const set = new ClockSet()
    const hlc = (i: number) => `${String(1767225600000 + Math.floor(i / 3)).padStart(13, '0')}-${(i % 3).toString(16).padStart(4, '0')}-${i % 2 ? 'BENCHREPLICA00000001' : 'BENCHREPLICA00000002'}`
    let added = 0
    for (let i = 0; i < 200_000; i++) if (set.add(hlc(i))) added += 1
    let again = 0
    for (let i = 0; i < 200_000; i += 997) if (set.add(hlc(i))) again += 1
    expect([added, again, set.size]).toEqual([200_000, 0, 200_000])
  })
})
