// A big write's WAL is copied into the database file by a worker thread after its COMMIT, not by
// the COMMIT itself on the thread that answers calls (checkpoint.ts).
import Sqlite from 'better-sqlite3'
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openBackend } from '../backend'
import { inTransaction } from '../context'
import { checkpointsSettled, deferringCheckpoint, lastCheckpoint } from './checkpoint'
import { wasClosedCleanly } from './integrity'

const ROWS = 20_000

describe('the checkpoint after a big write', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-checkpoint-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const open = () => openBackend({ file: join(dir, 'crm.sqlite'), autoBackup: false, lock: false })
  const autocheckpoint = (sqlite: Sqlite.Database) => sqlite.pragma('wal_autocheckpoint', { simple: true })
  const walBytes = (file: string) => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0)
  /** Many pages: a table of ROWS rows of 300 bytes each (not one of the app's: enough for SQLite's part). */
  const bigWrite = (sqlite: Sqlite.Database, table: string) => {
    sqlite.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`)
    const insert = sqlite.prepare(`INSERT INTO ${table} (body) VALUES (?)`)
    for (let i = 0; i < ROWS; i++) insert.run(`${i}`.padEnd(300, '.'))
  }

  it('leaves the pages to a worker: the COMMIT keeps them in the WAL, the worker copies every one into the file and empties the WAL', async () => {
    const backend = await open()
    const { sqlite } = backend.ctx
    const file = join(dir, 'crm.sqlite')
    expect(autocheckpoint(sqlite)).toBe(1000)
    let during: unknown
    await deferringCheckpoint(sqlite, () =>
      inTransaction(backend.ctx, async () => {
        during = autocheckpoint(sqlite)
        bigWrite(sqlite, 'bulk')
      }),
    )
    // The COMMIT ran with the automatic checkpoint off: with some 6 MB of pages in the WAL (over its
    // 1,000 pages) it would otherwise have copied them as part of the COMMIT.
    expect(during).toBe(0)
    await checkpointsSettled(sqlite)
    const result = lastCheckpoint(sqlite)
    if (!result || result instanceof Error) throw result ?? new Error('no copy ran')
    expect(result.log).toBeGreaterThan(1000)
    expect(result.checkpointed).toBe(result.log)
    expect(walBytes(file)).toBe(0)
    expect(autocheckpoint(sqlite)).toBe(1000)
    // The file alone (no WAL beside it) holds every row.
    copyFileSync(file, join(dir, 'alone.sqlite'))
    const alone = new Sqlite(join(dir, 'alone.sqlite'), { readonly: true })
    expect(alone.prepare('SELECT count(*) FROM bulk').pluck().get()).toBe(ROWS)
    alone.close()
    await backend.close()
  })

  it('a second big write while the first is copied keeps the automatic checkpoint paused until its own copy is done', async () => {
    const backend = await open()
    const { sqlite } = backend.ctx
    await deferringCheckpoint(sqlite, () => inTransaction(backend.ctx, async () => bigWrite(sqlite, 'first')))
    let during: unknown
    await deferringCheckpoint(sqlite, () =>
      inTransaction(backend.ctx, async () => {
        during = autocheckpoint(sqlite)
        bigWrite(sqlite, 'second')
      }),
    )
    expect(during).toBe(0)
    await checkpointsSettled(sqlite)
    expect(autocheckpoint(sqlite)).toBe(1000)
    expect(walBytes(join(dir, 'crm.sqlite'))).toBe(0)
    await backend.close()
  })

  it('a write that fails is rolled back and the automatic checkpoint resumes', async () => {
    const backend = await open()
    const { sqlite } = backend.ctx
    await expect(
      deferringCheckpoint(sqlite, () =>
        inTransaction(backend.ctx, async () => {
          bigWrite(sqlite, 'doomed')
          throw new Error('refused')
        }),
      ),
    ).rejects.toThrow('refused')
    await checkpointsSettled(sqlite)
    expect(autocheckpoint(sqlite)).toBe(1000)
    expect(sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'doomed'").pluck().get()).toBe(0)
    await backend.close()
  })

  it('closing right after a big write waits for the copy and leaves a cleanly closed file', async () => {
    const backend = await open()
    const { sqlite } = backend.ctx
    await deferringCheckpoint(sqlite, () => inTransaction(backend.ctx, async () => bigWrite(sqlite, 'bulk')))
    await backend.close()
    expect(lastCheckpoint(sqlite)).toMatchObject({ busy: 0 })
    expect(existsSync(join(dir, 'crm.sqlite-wal'))).toBe(false)
    // A clean close: the next open skips the full check.
    expect(wasClosedCleanly(join(dir, 'crm.sqlite'))).toBe(true)
    const again = new Sqlite(join(dir, 'crm.sqlite'), { readonly: true })
    expect(again.prepare('SELECT count(*) FROM bulk').pluck().get()).toBe(ROWS)
    again.close()
  })

  it('an in-memory database simply runs the write', async () => {
    const backend = await openBackend({ file: ':memory:', autoBackup: false })
    const { sqlite } = backend.ctx
    await deferringCheckpoint(sqlite, () => inTransaction(backend.ctx, async () => bigWrite(sqlite, 'bulk')))
    await checkpointsSettled(sqlite)
    expect(lastCheckpoint(sqlite)).toBeUndefined()
    await backend.close()
  })
})
