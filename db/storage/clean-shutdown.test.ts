// Opening stays fast at any size: quick_check (O(file)) runs at open only after an unclean
// shutdown. A clean close leaves a marker; a process killed with SIGKILL leaves none.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bundleWriter, removeWriterBundle, spawnWriter } from '../../tests/crash/spawn'
import { openBackend } from '../backend'
import { openDatabase } from '../open'

describe('the clean-shutdown marker', () => {
  let dir: string
  let file: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-clean-'))
    file = join(dir, 'crm.sqlite')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  afterAll(() => removeWriterBundle())

  it('a clean reopen skips quick_check; the marker is gone while the database is open', async () => {
    const first = await openDatabase({ file })
    expect(first.integrity).toBe('new')
    await first.close()
    expect(existsSync(`${file}.clean-shutdown`)).toBe(true)
    const second = await openDatabase({ file })
    expect(second.integrity).toBe('skipped')
    expect(existsSync(`${file}.clean-shutdown`)).toBe(false)
    await second.close()
    // The start-up log says which it was.
    const backend = await openBackend({ file, autoBackup: false })
    await backend.close()
    const lines = readFileSync(join(dir, 'crm.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { event: string; integrity?: string })
    expect(lines.filter((l) => l.event === 'startup').at(-1)!.integrity).toBe('skipped')
  })

  it('a file changed after the clean close is checked again', async () => {
    await (await openDatabase({ file })).close()
    // Same marker, but the file is not what that close left.
    writeFileSync(file, readFileSync(file))
    const reopened = await openDatabase({ file })
    expect(reopened.integrity).toBe('checked')
    await reopened.close()
  })

  it('the database of a process killed with SIGKILL is checked at the next open', async () => {
    await (await openDatabase({ file })).close()
    await bundleWriter()
    const child = await spawnWriter([file, '7'])
    // Killed once it has acknowledged a write: the database is open and written, never closed.
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ACK') && resolve())
      child.on('exit', (code) => reject(new Error(`writer ended by itself (${code})`)))
    })
    const exited = new Promise((resolve) => child.on('exit', resolve))
    child.kill('SIGKILL')
    await exited
    expect(existsSync(`${file}.clean-shutdown`)).toBe(false)
    // The killed writer's lock is stale; the database opens, checked first.
    const reopened = await openBackend({ file, autoBackup: false })
    expect(reopened.integrity).toBe('checked')
    await reopened.close()
  }, 120_000)
})
