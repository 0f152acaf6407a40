// Backups: copies of the live database taken with SQLite's online backup API (consistent while the
// app keeps writing), written under a temporary name, verified, then renamed, so a file with a
// backup name is always a whole, checked database. The restore that puts one back is restore.ts.
import { logFor } from '../log'
import type Sqlite from 'better-sqlite3'
import {
  closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync,
  statSync, unlinkSync, writeFileSync,
} from 'node:fs'
import { basename, dirname, isAbsolute, join, resolve } from 'node:path'
import { type Ctx, nowIso } from '../context'
import { AppError } from '../domain/errors'
import type { BackupInfo, BackupList, BackupReason, BackupSettings } from '../domain/storage'
import { databaseIdOf, identityOf, identityOfFile, sameDatabase } from './database-id'
import { DISK_FULL_MESSAGE, isDiskFull } from './disk-full'
import { RESTORE_HINT, hasSqliteHeader, verifyCopy } from './integrity'
import { type BackupEntry, backupName, backupsToDelete, dayKey, parseBackupName } from './rotation'

export const BACKUP_DIR_SETTING = 'backup_dir'
const TEMP = /^\.crm-.*\.tmp$/
const STALE_TEMP_MS = 3_600_000

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

// ---------------------------------------------------------------------------------------------
// The folder

export const defaultBackupDir = (dataDir: string): string => join(dataDir, 'backups')

/** The folder the user chose (setting 'backup_dir', a JSON string), read straight from SQLite so it
 * also works before the app context exists (the backup before a migration). */
function configuredDir(sqlite: Sqlite.Database): string | null {
  try {
    const row = sqlite.prepare('SELECT value FROM setting WHERE key = ?').get(BACKUP_DIR_SETTING) as { value: string } | undefined
    const dir = row ? (JSON.parse(row.value) as unknown) : null
    return typeof dir === 'string' && dir.trim() ? dir : null
  } catch {
    return null // no setting table yet, or a value we did not write
  }
}

function backupDirOf(sqlite: Sqlite.Database, dataDir: string | null): string {
  const dir = configuredDir(sqlite) ?? (dataDir ? defaultBackupDir(dataDir) : null)
  if (!dir) throw new AppError('validation', '内存数据库没有默认备份目录，请先设置备份目录')
  return dir
}

export const backupDir = (ctx: Ctx): string => backupDirOf(ctx.sqlite, ctx.dataDir)

/** Creates the folder if missing and proves it takes a file (access() is unreliable on shares). */
export function ensureWritableDir(dir: string): void {
  const probe = join(dir, `.crm-write-test-${process.pid}`)
  try {
    mkdirSync(dir, { recursive: true })
    writeFileSync(probe, 'ok')
    unlinkSync(probe)
  } catch (error) {
    // A full disk creates the probe and then fails to write it: never leave it behind.
    try {
      rmSync(probe, { force: true })
    } catch {
      // no folder to leave it in (the path is a file, or unreachable)
    }
    if (isDiskFull(error)) throw new AppError('validation', `备份目录所在的${DISK_FULL_MESSAGE}（${dir}）`, { dir, code: 'ENOSPC' })
    const code = (error as NodeJS.ErrnoException).code ?? message(error)
    throw new AppError(
      'validation',
      `备份目录不可写：${dir}（${code}）。请检查 U 盘或网络共享是否已连接，或在设置中选择其他备份目录。`,
      { dir, code },
    )
  }
}

export function getBackupSettings(ctx: Ctx): BackupSettings {
  const custom = configuredDir(ctx.sqlite)
  const defaultDir = ctx.dataDir ? defaultBackupDir(ctx.dataDir) : ''
  return { dir: custom ?? defaultDir, defaultDir, custom: custom !== null }
}

/** Points backups at another folder (null: back to the default); refuses a folder it cannot write. */
export async function setBackupDir(ctx: Ctx, dir: string | null): Promise<BackupSettings> {
  if (!dir) {
    await ctx.db.deleteFrom('setting').where('key', '=', BACKUP_DIR_SETTING).execute()
    return getBackupSettings(ctx)
  }
  if (!isAbsolute(dir)) throw new AppError('validation', `备份目录必须是完整路径（例如 D:\\备份 或 /media/u盘/备份）：${dir}`)
  const target = resolve(dir)
  ensureWritableDir(target)
  const row = { key: BACKUP_DIR_SETTING, value: JSON.stringify(target), updatedAt: nowIso(ctx) }
  await ctx.db
    .insertInto('setting')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updatedAt: row.updatedAt }))
    .execute()
  return getBackupSettings(ctx)
}

// ---------------------------------------------------------------------------------------------
// Writing one backup

export function fsyncPath(path: string): void {
  // Directories cannot be opened for fsync on Windows; the rename is durable enough there.
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    fsyncSync(fd)
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

export const removeWithSidecars = (file: string): void => {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
}

// Backups in flight per connection: closing (or restoring) waits for them.
const inFlight = new WeakMap<Sqlite.Database, Set<Promise<unknown>>>()

function track<T>(sqlite: Sqlite.Database, work: Promise<T>): Promise<T> {
  const set = inFlight.get(sqlite) ?? new Set<Promise<unknown>>()
  inFlight.set(sqlite, set)
  set.add(work)
  void work.finally(() => set.delete(work)).catch(() => undefined)
  return work
}

/** Resolves when no backup of this connection is running any more. */
export async function backupsSettled(sqlite: Sqlite.Database): Promise<void> {
  const set = inFlight.get(sqlite)
  while (set && set.size > 0) await Promise.allSettled([...set])
}

function infoOf(file: string, reason: BackupReason, date: Date): BackupInfo {
  return { file, name: basename(file), size: statSync(file).size, date: date.toISOString(), reason, verified: true }
}

/** How a long storage job says how far it is (pages copied, then the check of the copy). */
export type StorageProgress = (label: string, done: number, total: number | null) => void

/**
 * How much of SQLite's checking a fresh copy gets before it is given a backup name. The pre-import
 * copy gets quick_check: the backup API copies the live database's pages byte for byte, so what a
 * copy can get wrong that its source did not is the pages themselves (a short or failed write, a bad
 * disk), and quick_check reads every page and checks each b-tree's structure. What only the full
 * integrity_check adds (index entries against their rows, the full-text index's own check) is the
 * same in the copy as in the source, and restore runs the full check on any backup before it is put
 * back (restore.ts, stage()), so a copy that fails it is still never used. At city size (2.7 GB) the
 * full check took 15–24 minutes under load, in front of every import. Every other backup keeps the
 * full check: they are not in the way of the user's next step.
 */
export type CopyCheck = 'full' | 'quick'

const checkFor = (reason: BackupReason): CopyCheck => (reason === 'pre-import' ? 'quick' : 'full')

/** Online backup to `target` through a temporary name beside it; verified before it is renamed. */
async function copyVerified(sqlite: Sqlite.Database, target: string, onProgress?: StorageProgress, check: CopyCheck = 'full'): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`)
  removeWithSidecars(temp)
  try {
    await sqlite.backup(temp, {
      // 100 pages a step, as by default; the callback only reports how far the copy is.
      progress: ({ totalPages, remainingPages }) => (onProgress?.('正在复制', totalPages - remainingPages, totalPages), 100),
    })
    onProgress?.('正在校验备份', 0, null)
    // A copy of a database someone changed behind the app's back is not a backup to go back to.
    await verifyCopy(temp, sqlite, { what: '当前数据库', code: 'validation', hint: `备份未写出。${RESTORE_HINT}` }, check)
    fsyncPath(temp)
    renameSync(temp, target)
    fsyncPath(dirname(target))
  } catch (error) {
    removeWithSidecars(temp)
    if (error instanceof AppError && error.code !== 'validation') throw error
    if (isDiskFull(error)) throw new AppError('internal', `备份失败：备份目录所在的${DISK_FULL_MESSAGE}`, { target })
    throw new AppError('internal', `备份失败：${message(error)}`, { target })
  }
}

/** Deletes what the rotation policy no longer keeps of one database's backups (another database's
 * in the same folder, and old names without an id, are not its to delete), and temporary files
 * left by a crash. */
export function rotateBackups(dir: string, now: Date, databaseId: string, keep?: string): string[] {
  const names = readdirSync(dir)
  const entries = names.map(parseBackupName).filter((e): e is BackupEntry => e !== null && e.databaseId === databaseId)
  const doomed = backupsToDelete(entries, now).filter((name) => name !== keep)
  for (const name of doomed) rmSync(join(dir, name), { force: true })
  for (const name of names.filter((n) => TEMP.test(n))) {
    try {
      if (now.getTime() - statSync(join(dir, name)).mtimeMs > STALE_TEMP_MS) rmSync(join(dir, name), { force: true })
    } catch {
      // gone meanwhile
    }
  }
  return doomed
}

async function writeBackup(sqlite: Sqlite.Database, dir: string, reason: BackupReason, now: Date, onProgress?: StorageProgress): Promise<BackupInfo> {
  ensureWritableDir(dir)
  const databaseId = databaseIdOf(sqlite)
  let sequence = 1
  let name = backupName(now, reason, sequence, databaseId)
  while (existsSync(join(dir, name))) name = backupName(now, reason, ++sequence, databaseId)
  const file = join(dir, name)
  await copyVerified(sqlite, file, onProgress, checkFor(reason))
  try {
    rotateBackups(dir, now, databaseId, name)
  } catch (error) {
    // The new backup is safe; an old one left behind is harmless.
    console.warn(`清理旧备份失败：${message(error)}`)
  }
  return infoOf(file, reason, now)
}

/** Into the chosen folder; automatic backups fall back to the default folder when the chosen one
 * (a USB drive, a share) is away, because a copy somewhere beats no copy. */
async function writeWithFallback(sqlite: Sqlite.Database, dataDir: string | null, reason: BackupReason, now: Date): Promise<BackupInfo> {
  const dir = backupDirOf(sqlite, dataDir)
  try {
    return await writeBackup(sqlite, dir, reason, now)
  } catch (error) {
    const fallback = dataDir ? defaultBackupDir(dataDir) : null
    if (!fallback || resolve(fallback) === resolve(dir)) throw error
    console.warn(`备份目录不可用（${message(error)}），改存到默认目录：${fallback}`)
    return writeBackup(sqlite, fallback, reason, now)
  }
}

/** A backup into the backup folder (manual, or before an operation the user may want to undo). */
export function createBackup(ctx: Ctx, reason: BackupReason = 'manual', onProgress?: StorageProgress): Promise<BackupInfo> {
  const now = ctx.now()
  const work = reason === 'manual' ? writeBackup(ctx.sqlite, backupDir(ctx), reason, now, onProgress) : writeWithFallback(ctx.sqlite, ctx.dataDir, reason, now)
  return track(ctx.sqlite, work)
}

/** For the import (and restore): `await backupBefore(ctx, 'pre-import')` before the first write. */
export const backupBefore = (ctx: Ctx, reason: 'pre-import' | 'pre-restore' | 'pre-migration'): Promise<BackupInfo> =>
  createBackup(ctx, reason)

/** One rule for the files backup writes and restore reads: they end in .sqlite. */
export const isBackupFileName = (file: string): boolean => /\.sqlite$/i.test(file)

/** `backup FILE` on the command line: a verified copy at a path of the user's choosing (.sqlite is
 * added when missing, so whatever backup wrote, restore takes). */
export function backupToFile(ctx: Ctx, file: string, onProgress?: StorageProgress): Promise<BackupInfo> {
  const target = resolve(isBackupFileName(file) ? file : `${file}.sqlite`)
  if (existsSync(target)) throw new AppError('conflict', `目标文件已存在，不会覆盖：${target}`)
  ensureWritableDir(dirname(target))
  const now = ctx.now()
  return track(ctx.sqlite, copyVerified(ctx.sqlite, target, onProgress).then(() => infoOf(target, 'manual', now)))
}

/** Called by openBackend before migrations change an existing file: no copy, no upgrade. */
export async function backupBeforeMigration(sqlite: Sqlite.Database, dataDir: string, now: Date): Promise<BackupInfo> {
  try {
    return await track(sqlite, writeWithFallback(sqlite, dataDir, 'pre-migration', now))
  } catch (error) {
    throw new AppError('db_unavailable', `升级数据库前备份失败，数据库未做任何修改：${message(error)}`)
  }
}

const dailyRunning = new WeakMap<Sqlite.Database, Promise<BackupInfo | null>>()

/** Makes today's daily backup if the folder has none of this database yet. Never throws: it runs at open and hourly
 * from the shells, and a missing USB drive must not stop the work (it is reported on the console). */
export function maybeDailyBackup(ctx: Ctx): Promise<BackupInfo | null> {
  const running = dailyRunning.get(ctx.sqlite)
  if (running) return running
  const work = (async () => {
    try {
      const now = ctx.now()
      const dir = backupDir(ctx)
      const today = dayKey(now)
      const names = existsSync(dir) ? readdirSync(dir) : []
      const databaseId = databaseIdOf(ctx.sqlite)
      const done = names.map(parseBackupName).some((e) => e?.databaseId === databaseId && e.reason === 'daily' && dayKey(e.date) === today)
      return done ? null : await createBackup(ctx, 'daily')
    } catch (error) {
      console.warn(`每日自动备份失败：${message(error)}`)
      logFor(ctx.dataDir).write('backup_failed', { kind: 'daily', message: message(error) })
      return null
    }
  })()
  dailyRunning.set(ctx.sqlite, work)
  // Chained after set(): the work may already be done (nothing to do) when set() runs.
  void work.finally(() => dailyRunning.get(ctx.sqlite) === work && dailyRunning.delete(ctx.sqlite))
  return work
}

/** This database's backups, newest first. A backup named before databases had ids is listed unless
 * what it holds shows it is another database's (another sync replica id). */
export function listBackups(ctx: Ctx): BackupList {
  const dir = backupDir(ctx)
  if (!existsSync(dir)) return { dir, backups: [] }
  // Read only (a list is no reason to write): a database without an id yet has no named backups.
  const self = identityOf(ctx.sqlite)
  const backups: BackupInfo[] = []
  for (const name of readdirSync(dir)) {
    const entry = parseBackupName(name)
    if (!entry) continue
    const file = join(dir, name)
    const own = entry.databaseId !== null ? entry.databaseId === self.databaseId : sameDatabase(self, identityOfFile(file, ctx.sqlite))
    if (!own) continue
    try {
      // Only verified copies are given a backup name; the header check catches a file damaged since.
      backups.push({ ...infoOf(file, entry.reason, entry.date), verified: hasSqliteHeader(file) })
    } catch {
      // removed meanwhile
    }
  }
  backups.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.name < b.name ? 1 : -1))
  return { dir, backups }
}
