// Error texts speak the form's language: satisfaction is stars, not "an integer from 1 to 5".
import { describe, expect, it } from 'vitest'
import { RequestAdvance } from './request'

describe('request messages', () => {
  it('explains satisfaction in stars', () => {
    for (const satisfaction of [0, 6, 2.5]) {
      const result = RequestAdvance.safeParse({ id: 'R1', toStatus: 'revisited', satisfaction })
      expect(result.success).toBe(false)
      expect(result.error?.issues[0]?.message).toBe('满意度请选 1–5 星（1 星很不满意，5 星很满意）')
    }
  })
})
