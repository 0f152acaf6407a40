// Sizes on disk as `hub status` and the 中心库 card print them.
import { describe, expect, it } from 'vitest'
import { formatBytes } from './hub'

describe('formatBytes', () => {
  it('steps by 1024 like pg_size_pretty, one decimal below 10', () => {
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(1023)).toBe('1023 B')
    expect(formatBytes(1024)).toBe('1.0 KB')
    expect(formatBytes(8192 + 512)).toBe('8.5 KB')
    expect(formatBytes(412 * 1024 * 1024)).toBe('412 MB')
    expect(formatBytes(3 * 1024 ** 4)).toBe('3.0 TB')
  })
})
