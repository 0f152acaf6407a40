import Sqlite from 'better-sqlite3'
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openBackend } from '../../db/backend'
import { quickCheckInWorker } from '../../db/storage/background-check'
import type { JobProgress } from '../contract/events'
import { EventBus } from './events-bus'
import { checkSkippedIntegrity } from './startup-check'

describe('the integrity check opening skipped runs in the background', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'crm-bgcheck-'))))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('after a clean reopen: a job on the event channel that finds nothing', async () => {
    const file = join(dir, 'crm.sqlite')
    await (await openBackend({ file, autoBackup: false })).close()
    const backend = await openBackend({ file, autoBackup: false })
    expect(backend.integrity).toBe('skipped')
    const events = new EventBus()
    const progress: JobProgress[] = []
    events.subscribe((m) => m.event === 'job-progress' && progress.push(m.payload as JobProgress))
    const env = { ctx: backend.ctx, backend, shell: 'test' as const, events }
    expect(await checkSkippedIntegrity(env)).toEqual([])
    expect(progress.map((p) => [p.job, p.label, p.finished ?? false, p.error ?? null])).toEqual([
      ['integrity-check', '后台快速检查', false, null],
      ['integrity-check', '后台快速检查', true, null],
    ])
    await backend.close()
  })

  it('finds a damaged page in a worker thread', async () => {
    const file = join(dir, 'damaged.sqlite')
    const db = new Sqlite(file)
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t (v)')
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)')
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`值${i}`.repeat(10))
    })()
    db.close()
    expect(await quickCheckInWorker(file)).toEqual([])
    // Garbage over the middle pages, header left intact.
    const fd = openSync(file, 'r+')
    const middle = Math.floor(statSync(file).size / 2)
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, middle - (middle % 4096))
    closeSync(fd)
    const problems = await quickCheckInWorker(file)
    expect(problems.length).toBeGreaterThan(0)
  })
})
