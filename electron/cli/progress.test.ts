import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { testBackend } from '../../tests/support/backend'
import { terminalProgress } from './progress'

/** A terminal that keeps what was written to it. */
const terminal = () => {
  const written: string[] = []
  return { stream: { isTTY: true, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream, written }
}

describe('progress on the command line', () => {
  it('a backup and a check print their steps on one rewritten line and end it', async () => {
    const { stream, written } = terminal()
    const dir = mkdtempSync(join(tmpdir(), 'crm-cli-progress-'))
    const api = await testBackend({ file: join(dir, 'crm.sqlite') })
    try {
      api.env.events = terminalProgress(stream)
      await api.call('backup-create', {})
      const clear = '\x1b[K'
      expect(written[0]!.endsWith(clear)).toBe(true)
      expect(written[0]!.slice(0, -clear.length)).toMatch(/^\r备份：正在复制 \d+\/\d+（\d+%）$/)
      expect(written).toContain('\r备份：正在校验备份\x1b[K')
      expect(written.at(-1)).toBe('\r备份：完成\x1b[K\n')
      written.length = 0
      await api.call('storage-check', {})
      expect(written).toEqual(['\r检查数据库：快速检查\x1b[K', '\r检查数据库：完成\x1b[K\n'])
    } finally {
      await api.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('prints nothing when stderr is not a terminal', () => {
    expect(terminalProgress({ isTTY: false } as NodeJS.WriteStream)).toBeUndefined()
  })
})
