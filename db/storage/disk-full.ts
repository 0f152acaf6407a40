// A full disk, said as such: SQLite reports SQLITE_FULL (or, once it has rolled a transaction back
// by itself, only "cannot rollback" when the caller tries to), Node reports ENOSPC.
import { statfsSync } from 'node:fs'
import { AppError } from '../domain/errors'

export const DISK_FULL_MESSAGE = '磁盘已满，没有保存任何改动。请清理磁盘空间（或在设置中换一个有空间的备份目录）后重试；已保存的数据不受影响。'

/** Bytes free to this user on the disk holding `path`; null when it cannot be told. */
function freeBytes(path: string): number | null {
  try {
    const stats = statfsSync(path)
    return stats.bavail * stats.bsize
  } catch {
    return null
  }
}

/** `dir`: where the failed write went, to tell a full disk behind SQLite's "cannot rollback". */
export function isDiskFull(error: unknown, dir?: string | null): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || /database or disk is full/i.test(String(message))) return true
  if (dir && /cannot rollback - no transaction is active/i.test(String(message))) {
    const free = freeBytes(dir)
    return free !== null && free < 1024 * 1024
  }
  return false
}

export const diskFullError = (details?: unknown): AppError => new AppError('db_unavailable', DISK_FULL_MESSAGE, details)
