// Restore: puts a backup back in place of the database. Kept apart from backup.ts because it reopens
// the database (backend.ts), while backend.ts itself takes backups (backup.ts): one direction only.
import type Sqlite from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { type Backend, openBackend } from '../backend'
import type { Ctx } from '../context'
import { AppError } from '../domain/errors'
import type { BackupInfo } from '../domain/storage'
import { backupDir, createBackup, defaultBackupDir, fsyncPath, isBackupFileName, removeWithSidecars } from './backup'
import { type DatabaseIdentity, adoptDatabaseId, databaseIdOf, identityOf, identityOfFile, sameDatabase } from './database-id'
import { verifyCopy } from './integrity'
import { type ShellName, acquireLock } from './lock'
import { backupName } from './rotation'

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

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
  if (!isBackupFileName(path)) throw new AppError('validation', `只能从 .sqlite 备份文件恢复：${file}`)
  if (!existsSync(path) || !statSync(path).isFile()) throw new AppError('not_found', `备份文件不存在：${path}`)
  return path
}

export interface RestoreOptions {
  /** The user insists on putting another database's backup in place of this one. */
  force?: boolean
}

/** Refuses a backup of another database (two databases in one folder share the backup folder)
 * unless the user insists; the restored file then keeps this database's id. */
function checkSameDatabase(staged: string, source: string, dbFile: string, current: DatabaseIdentity, options: RestoreOptions, like?: Sqlite.Database): void {
  if (options.force || sameDatabase(current, identityOfFile(staged, like))) return
  removeWithSidecars(staged)
  throw new AppError(
    'conflict',
    `这份备份属于另一个数据库，不是当前数据库（${dbFile}）的备份：${source}。` +
      '同一文件夹中的几个数据库各有各的备份。如确实要用它替换当前数据库的全部数据，请确认后再恢复（命令行加 --force）；替换前会先备份当前数据库。',
    { reason: 'other_database', file: source },
  )
}

export interface RestoreHooks {
  /** Told about the copy of the current database taken just before it is replaced. */
  onPreRestore?(info: BackupInfo): void
  /** Given the live backend once the old one is closed: the restored one, or, when the restore
   * failed half-way, the database as it was before (the shells swap it in either way). */
  adopt?(backend: Backend): void
}

/** Copies the chosen file beside the database and verifies the copy (schema guard included); the
 * chosen file is only read, never opened by SQLite, so it stays as it is even on a read-only drive. */
async function stage(source: string, staged: string, like?: Backend): Promise<void> {
  removeWithSidecars(staged)
  try {
    copyFileSync(source, staged)
    if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${staged}-wal`) // a copied live file
    await verifyCopy(staged, like?.ctx.sqlite)
    fsyncPath(staged)
  } catch (error) {
    removeWithSidecars(staged)
    throw error
  }
}

/**
 * Replaces the database with a backup: verify a staged copy of it, back up the current database,
 * close, move the copy over the file, reopen (migrations run if the backup is older). The returned
 * backend replaces the given one, which is closed; the lock is held throughout, so no other
 * program slips in between.
 */
export async function restoreDatabase(backend: Backend, file: string, hooks: RestoreHooks = {}, options: RestoreOptions = {}): Promise<Backend> {
  const { ctx } = backend
  if (backend.file === ':memory:') throw new AppError('validation', '内存数据库不能从备份恢复')
  const source = resolveRestoreFile(ctx, file)
  const dbFile = resolve(backend.file)
  if (source === dbFile) throw new AppError('validation', '不能用正在使用的数据库文件恢复它自己')

  // Staged beside the database: same disk, so the final rename is atomic.
  const staged = `${dbFile}.restore-tmp`
  await stage(source, staged, backend)
  const current = { ...identityOf(ctx.sqlite), databaseId: databaseIdOf(ctx.sqlite) }
  checkSameDatabase(staged, source, dbFile, current, options, ctx.sqlite)
  adoptDatabaseId(staged, current, ctx.sqlite)

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
 * The command line's restore, which never opens the current database (it may be damaged). The
 * database it replaces is moved aside (with its -wal) into the default backup folder as
 * `replaced-<time>.sqlite`, never deleted; the restored file opens (and migrates) on the next start.
 * A backup of another database is refused unless `force`; when the current file cannot be read
 * (damaged), nobody can tell, and the backup is taken as its own.
 */
export async function restoreUnopenedDatabase(
  dbFile: string,
  source: string,
  shell: ShellName = 'cli',
  now = new Date(),
  options: RestoreOptions = {},
): Promise<{ restored: string; replaced: string | null }> {
  const target = resolve(dbFile)
  const from = resolve(source)
  if (from === target) throw new AppError('validation', '不能用数据库文件恢复它自己')
  if (!isBackupFileName(from)) throw new AppError('validation', `只能从 .sqlite 备份文件恢复：${from}`)
  if (!existsSync(from)) throw new AppError('not_found', `备份文件不存在：${from}`)
  const lock = acquireLock(target, shell)
  const staged = `${target}.restore-tmp`
  try {
    await stage(from, staged)
    const current = existsSync(target) ? identityOfFile(target) : { databaseId: null, replicaId: null }
    checkSameDatabase(staged, from, target, current, options)
    adoptDatabaseId(staged, current)
    let replaced: string | null = null
    if (existsSync(target)) {
      const aside = defaultBackupDir(dirname(target))
      mkdirSync(aside, { recursive: true })
      replaced = join(aside, backupName(now, 'manual').replace(/^crm-/, 'replaced-'))
      renameSync(target, replaced)
      if (existsSync(`${target}-wal`)) renameSync(`${target}-wal`, `${replaced}-wal`)
      rmSync(`${target}-shm`, { force: true })
    }
    renameSync(staged, target)
    fsyncPath(dirname(target))
    return { restored: from, replaced }
  } finally {
    removeWithSidecars(staged)
    lock.release()
  }
}
