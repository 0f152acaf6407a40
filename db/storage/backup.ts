// Backups: copies of the live database taken with SQLite's online backup API (consistent while the
// app keeps writing), written under a temporary name, verified, then renamed, so a file with a
// backup name is always a whole, checked database. Also the restore that puts one back.
import type Sqlite from 'better-sqlite3'
import {
  closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync,
  statSync, unlinkSync, writeFileSync,
} from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { type Backend, openBackend } from '../backend'
import { type Ctx, nowIso } from '../context'
import { AppError } from '../domain/errors'
import type { BackupInfo, BackupList, BackupReason, BackupSettings } from '../domain/storage'
import { hasSqliteHeader, verifyCopy } from './integrity'
import { type ShellName, acquireLock } from './lock'
import { backupName, backupsToDelete, dayKey, parseBackupName } from './rotation'

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

function fsyncPath(path: string): void {
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

const removeWithSidecars = (file: string) => {
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

/** Online backup to `target` through a temporary name beside it; verified before it is renamed. */
async function copyVerified(sqlite: Sqlite.Database, target: string): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`)
  removeWithSidecars(temp)
  try {
    await sqlite.backup(temp)
    verifyCopy(temp, sqlite)
    fsyncPath(temp)
    renameSync(temp, target)
    fsyncPath(dirname(target))
  } catch (error) {
    removeWithSidecars(temp)
    if (error instanceof AppError && error.code !== 'validation') throw error
    throw new AppError('internal', `备份失败：${message(error)}`, { target })
  }
}

/** Deletes what the rotation policy no longer keeps, and temporary files left by a crash. */
export function rotateBackups(dir: string, now: Date, keep?: string): string[] {
  const names = readdirSync(dir)
  const entries = names.map(parseBackupName).filter((e) => e !== null)
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

async function writeBackup(sqlite: Sqlite.Database, dir: string, reason: BackupReason, now: Date): Promise<BackupInfo> {
  ensureWritableDir(dir)
  let sequence = 1
  let name = backupName(now, reason)
  while (existsSync(join(dir, name))) name = backupName(now, reason, ++sequence)
  const file = join(dir, name)
  await copyVerified(sqlite, file)
  try {
    rotateBackups(dir, now, name)
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
export function createBackup(ctx: Ctx, reason: BackupReason = 'manual'): Promise<BackupInfo> {
  const now = ctx.now()
  const work = reason === 'manual' ? writeBackup(ctx.sqlite, backupDir(ctx), reason, now) : writeWithFallback(ctx.sqlite, ctx.dataDir, reason, now)
  return track(ctx.sqlite, work)
}

/** For the import (and restore): `await backupBefore(ctx, 'pre-import')` before the first write. */
export const backupBefore = (ctx: Ctx, reason: 'pre-import' | 'pre-restore' | 'pre-migration'): Promise<BackupInfo> =>
  createBackup(ctx, reason)

/** `backup FILE` on the command line: a verified copy at a path of the user's choosing. */
export function backupToFile(ctx: Ctx, file: string): Promise<BackupInfo> {
  const target = resolve(file)
  if (existsSync(target)) throw new AppError('conflict', `目标文件已存在，不会覆盖：${target}`)
  ensureWritableDir(dirname(target))
  const now = ctx.now()
  return track(ctx.sqlite, copyVerified(ctx.sqlite, target).then(() => infoOf(target, 'manual', now)))
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

/** Makes today's daily backup if the folder has none yet. Never throws: it runs at open and hourly
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
      const done = names.map(parseBackupName).some((e) => e?.reason === 'daily' && dayKey(e.date) === today)
      return done ? null : await createBackup(ctx, 'daily')
    } catch (error) {
      console.warn(`每日自动备份失败：${message(error)}`)
      return null
    }
  })()
  dailyRunning.set(ctx.sqlite, work)
  // Chained after set(): the work may already be done (nothing to do) when set() runs.
  void work.finally(() => dailyRunning.get(ctx.sqlite) === work && dailyRunning.delete(ctx.sqlite))
  return work
}

export function listBackups(ctx: Ctx): BackupList {
  const dir = backupDir(ctx)
  if (!existsSync(dir)) return { dir, backups: [] }
  const backups: BackupInfo[] = []
  for (const name of readdirSync(dir)) {
    const entry = parseBackupName(name)
    if (!entry) continue
    const file = join(dir, name)
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

// ---------------------------------------------------------------------------------------------
// Restore

/** A name inside the backup folder, or an absolute path to an existing .sqlite file; nothing else. */
export function resolveRestoreFile(ctx: Ctx, file: string): string {
  let path: string
  if (isAbsolute(file)) {
    path = resolve(file)
  } else {
    const dir = resolve(backupDir(ctx))
    path = resolve(dir, file)
    const inside = relative(dir, path)
    if (!inside || inside.startsWith('..') || isAbsolute(inside)) {
      throw new AppError('validation', `只能从备份目录中的文件或某个 .sqlite 文件的完整路径恢复：${file}`)
    }
  }
  if (!/\.sqlite$/i.test(path)) throw new AppError('validation', `只能从 .sqlite 备份文件恢复：${file}`)
  if (!existsSync(path) || !statSync(path).isFile()) throw new AppError('not_found', `备份文件不存在：${path}`)
  return path
}

export interface RestoreHooks {
  /** Told about the copy of the current database taken just before it is replaced. */
  onPreRestore?(info: BackupInfo): void
  /** Given the live backend once the old one is closed: the restored one, or, when the restore
   * failed half-way, the database as it was before (the shells swap it in either way). */
  adopt?(backend: Backend): void
}

/**
 * Replaces the database with a backup: verify a staged copy of it, back up the current database,
 * close, move the copy over the file, reopen (migrations run if the backup is older). The returned
 * backend replaces the given one, which is closed; the lock is held throughout, so no other
 * program slips in between.
 */
export async function restoreDatabase(backend: Backend, file: string, hooks: RestoreHooks = {}): Promise<Backend> {
  const { ctx } = backend
  if (backend.file === ':memory:') throw new AppError('validation', '内存数据库不能从备份恢复')
  const source = resolveRestoreFile(ctx, file)
  const dbFile = resolve(backend.file)
  if (source === dbFile) throw new AppError('validation', '不能用正在使用的数据库文件恢复它自己')

  // Stage beside the database (same disk, so the final rename is atomic); the chosen file is only
  // read, never opened by SQLite, so a backup on a read-only drive stays as it is.
  const staged = `${dbFile}.restore-tmp`
  removeWithSidecars(staged)
  try {
    copyFileSync(source, staged)
    if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${staged}-wal`) // a copied live file
    verifyCopy(staged, ctx.sqlite)
    fsyncPath(staged)
  } catch (error) {
    removeWithSidecars(staged)
    throw error
  }

  let preRestore: BackupInfo
  try {
    preRestore = await createBackup(ctx, 'pre-restore')
  } catch (error) {
    removeWithSidecars(staged)
    throw new AppError('internal', `恢复前无法备份当前数据库，未做任何修改：${message(error)}`)
  }
  hooks.onPreRestore?.(preRestore)

  await backend.close({ keepLock: true })
  const reopen = () => openBackend({ ...backend.options, lock: backend.lock ?? false })
  // Closing checkpointed the WAL into the file; what might remain belongs to the old database and
  // must not be replayed onto the restored one.
  const replace = (from: string) => {
    rmSync(`${dbFile}-wal`, { force: true })
    rmSync(`${dbFile}-shm`, { force: true })
    renameSync(from, dbFile)
    fsyncPath(dirname(dbFile))
  }
  try {
    replace(staged)
    const restored = await reopen()
    hooks.adopt?.(restored)
    return restored
  } catch (error) {
    // Put the database back as it was, hand it over, then report.
    removeWithSidecars(staged)
    copyFileSync(preRestore.file, staged)
    replace(staged)
    hooks.adopt?.(await reopen())
    throw new AppError('internal', `恢复失败，已还原为恢复前的数据库：${message(error)}`)
  }
}

/**
 * Restore when the database will not open (damaged): the command line's way back, with no backend.
 * The damaged file is moved aside (with its -wal) into the default backup folder as
 * `damaged-<time>.sqlite`, never deleted; the restored file opens (and migrates) on the next start.
 */
export function restoreUnopenedDatabase(dbFile: string, source: string, shell: ShellName = 'cli', now = new Date()): { restored: string; damaged: string | null } {
  const target = resolve(dbFile)
  const from = resolve(source)
  if (from === target) throw new AppError('validation', '不能用数据库文件恢复它自己')
  if (!/\.sqlite$/i.test(from) || !existsSync(from)) throw new AppError('not_found', `备份文件不存在或不是 .sqlite 文件：${from}`)
  const lock = acquireLock(target, shell)
  const staged = `${target}.restore-tmp`
  try {
    removeWithSidecars(staged)
    copyFileSync(from, staged)
    if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${staged}-wal`)
    verifyCopy(staged)
    let damaged: string | null = null
    if (existsSync(target)) {
      const aside = defaultBackupDir(dirname(target))
      mkdirSync(aside, { recursive: true })
      damaged = join(aside, backupName(now, 'manual').replace(/^crm-/, 'damaged-'))
      renameSync(target, damaged)
      if (existsSync(`${target}-wal`)) renameSync(`${target}-wal`, `${damaged}-wal`)
      rmSync(`${target}-shm`, { force: true })
    }
    renameSync(staged, target)
    fsyncPath(dirname(target))
    return { restored: from, damaged }
  } finally {
    removeWithSidecars(staged)
    lock.release()
  }
}
