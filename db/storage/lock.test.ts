import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openBackend } from '../backend'
import { removeWriterBundle, runWriter } from '../../tests/crash/spawn'
import { acquireLock, lockFileOf, readLock } from './lock'

const dir = mkdtempSync(join(tmpdir(), 'crm-lock-'))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  removeWriterBundle()
})
let counter = 0
const dbFile = () => join(dir, `db-${++counter}.sqlite`)
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!

describe('single-writer lock', () => {
  it('holds pid, host, start and shell; refuses a second open in the same process; released once', () => {
    const file = dbFile()
    const lock = acquireLock(file, 'electron')
    expect(readLock(lockFileOf(file))).toMatchObject({ pid: process.pid, hostname: hostname(), shell: 'electron' })
    expect(() => acquireLock(file, 'cli')).toThrow('本程序已打开此数据库')
    lock.release()
    lock.release()
    expect(existsSync(lockFileOf(file))).toBe(false)
    acquireLock(file, 'cli').release()
  })

  it('takes over a stale lock: dead process, or our own pid left by an earlier process', () => {
    for (const pid of [deadPid(), process.pid]) {
      const file = dbFile()
      writeFileSync(lockFileOf(file), JSON.stringify({ pid, hostname: hostname(), startedAt: '2026-01-01T00:00:00Z', shell: 'web' }))
      const lock = acquireLock(file, 'cli')
      expect(readLock(lockFileOf(file))?.pid).toBe(process.pid)
      lock.release()
    }
  })

  it('refuses a lock from another computer (a shared folder) and says how to clear it', () => {
    const file = dbFile()
    writeFileSync(lockFileOf(file), JSON.stringify({ pid: 42, hostname: 'OFFICE-PC', startedAt: 'x', shell: 'electron' }))
    expect(() => acquireLock(file)).toThrow(/另一台电脑.*OFFICE-PC.*进程 42.*桌面程序.*锁文件/)
  })

  it('does not release a lock someone else took over meanwhile', () => {
    const file = dbFile()
    const lock = acquireLock(file)
    const other = { pid: 4242, hostname: hostname(), startedAt: 'later', shell: 'cli' }
    writeFileSync(lockFileOf(file), JSON.stringify(other))
    lock.release()
    expect(readLock(lockFileOf(file))).toEqual(other)
  })

  it('a second process gets a clear message and touches nothing; after close it opens', { timeout: 60_000 }, async () => {
    const file = dbFile()
    const backend = await openBackend({ file, shell: 'web', autoBackup: false })
    await backend.ctx.db.insertInto('setting').values({ key: 'k', value: '1', updatedAt: 'now' }).execute()
    // Digests, not the bytes: toEqual walks a Buffer element by element, and the WAL after migrating
    // is about 2.5 MB: that alone cost about 14 s of CPU, over the 60 s limit at load 23–32.
    const snapshot = () =>
      [file, `${file}-wal`, `${file}.lock`].map((f) => (existsSync(f) ? createHash('sha256').update(readFileSync(f)).digest('hex') : null))
    const before = snapshot()
    const out = await runWriter(['--probe', file])
    expect(out.trim()).toBe(`REFUSED 数据库正被另一个程序使用（进程 ${process.pid}，浏览器模式），请先关闭它`)
    expect(snapshot()).toEqual(before)
    await backend.close()
    expect(existsSync(`${file}.lock`)).toBe(false)
    expect((await runWriter(['--probe', file])).trim()).toBe('OPENED')
  })

  it('is skipped for :memory: and on request; released when opening fails', async () => {
    const file = dbFile()
    const a = await openBackend({ file, autoBackup: false })
    const b = await openBackend({ file, autoBackup: false, lock: false })
    expect(b.lock).toBeNull()
    await b.close()
    await a.close()
    const text = dbFile()
    writeFileSync(text, 'not a database, just text that is long enough to have a header of sixteen bytes')
    await expect(openBackend({ file: text })).rejects.toMatchObject({ code: 'db_unavailable' })
    expect(existsSync(`${text}.lock`)).toBe(false)
  })
})
