// Single writer: one process at a time writes a database file. SQLite's own locking keeps the file
// consistent, but two programs editing the same ledger would overwrite each other's work and fight
// over backups and restores; so the second one is refused before it touches anything.
// The lock is `<db>.lock`, created with O_EXCL, holding who took it. A lock whose process is gone
// (crash, power loss, SIGKILL) is taken over; it is removed on close and on process exit.
import { closeSync, fsyncSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { resolve } from 'node:path'
import { AppError } from '../domain/errors'

export type ShellName = 'electron' | 'web' | 'cli' | 'test'

export interface LockInfo {
  pid: number
  hostname: string
  startedAt: string
  shell: ShellName | string
}

export interface DbLock {
  /** The lock file. */
  file: string
  info: LockInfo
  release(): void
}

const SHELL_LABELS: Record<string, string> = { electron: '桌面程序', web: '浏览器模式', cli: '命令行', test: '测试' }
/** A lock file being written by its owner this very moment may be empty for a few milliseconds. */
const YOUNG_MS = 10_000

// Locks this process holds, by lock file: the same process opening the file twice is refused too,
// while a lock left with our pid by an earlier process (pids are reused, e.g. in containers) is stale.
const held = new Map<string, LockInfo>()

process.on('exit', () => {
  for (const file of held.keys()) removeIfOurs(file)
})

export const lockFileOf = (dbFile: string): string => `${resolve(dbFile)}.lock`

/** Best guess of the shell when the caller does not say (the lock message names it). */
export function guessShell(): ShellName {
  if (process.versions.electron) return 'electron'
  const script = process.argv[1] ?? ''
  if (process.env.VITEST) return 'test'
  return /server/.test(script) ? 'web' : 'cli'
}

export function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as LockInfo
    return typeof info.pid === 'number' && typeof info.hostname === 'string' ? info : null
  } catch {
    return null
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Null when the lock may be taken over, else the reason it may not. */
function liveOwner(file: string): LockInfo | 'unknown' | null {
  const info = readLock(file)
  if (!info) {
    let age = Infinity
    try {
      age = Date.now() - statSync(file).mtimeMs
    } catch {
      return null // gone meanwhile
    }
    return age < YOUNG_MS ? 'unknown' : null
  }
  if (info.hostname !== hostname()) return info // another computer on a shared folder: we cannot tell
  if (info.pid === process.pid) return held.has(file) ? info : null
  return isAlive(info.pid) ? info : null
}

function refusal(dbFile: string, lockFile: string, owner: LockInfo | 'unknown'): AppError {
  if (owner === 'unknown') {
    return new AppError('db_unavailable', `数据库正被另一个程序使用，请先关闭它：${dbFile}`, { lockFile })
  }
  const shell = SHELL_LABELS[owner.shell] ?? owner.shell
  if (owner.hostname !== hostname()) {
    return new AppError(
      'db_unavailable',
      `数据库正被另一台电脑上的程序使用（电脑 ${owner.hostname}，进程 ${owner.pid}，${shell}），请先关闭它。` +
        `如确认该程序已关闭，可删除锁文件：${lockFile}`,
      { lockFile, owner },
    )
  }
  const where = owner.pid === process.pid ? '本程序已打开此数据库' : `数据库正被另一个程序使用（进程 ${owner.pid}，${shell}）`
  return new AppError('db_unavailable', `${where}，请先关闭它`, { lockFile, owner })
}

function removeIfOurs(file: string): void {
  const mine = held.get(file)
  held.delete(file)
  const current = readLock(file)
  if (!mine || !current || current.pid !== mine.pid || current.startedAt !== mine.startedAt) return
  try {
    unlinkSync(file)
  } catch {
    // Already gone: nothing to release.
  }
}

/** Takes the lock of a database file or throws db_unavailable naming the process that holds it. */
export function acquireLock(dbFile: string, shell: ShellName | string = guessShell()): DbLock {
  const file = lockFileOf(dbFile)
  const info: LockInfo = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), shell }
  // Two rounds: create; if a stale lock is in the way, remove it and create again.
  for (let round = 0; round < 2; round++) {
    let fd: number
    try {
      fd = openSync(file, 'wx')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new AppError('db_unavailable', `无法创建数据库锁文件：${(error as Error).message}：${file}`)
      }
      const owner = liveOwner(file)
      if (owner) throw refusal(resolve(dbFile), file, owner)
      try {
        unlinkSync(file)
      } catch {
        // Another process took it over first: the next round sees its lock.
      }
      continue
    }
    try {
      writeSync(fd, JSON.stringify(info))
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    held.set(file, info)
    let released = false
    return {
      file,
      info,
      release: () => {
        if (released) return
        released = true
        removeIfOurs(file)
      },
    }
  }
  const owner = liveOwner(file)
  throw refusal(resolve(dbFile), file, owner ?? 'unknown')
}
