// One open database with its context: what every shell (Electron, web, command line, tests) holds.
import { logFor } from './log'
import { type Ctx } from './context'
import { type OpenDatabase, type OpenOptions, openDatabase } from './open'
import { dirname } from 'node:path'
import { loadCurrentUser } from './services/users'
import { backupBeforeMigration, backupsSettled, maybeDailyBackup } from './storage/backup'
import { checkpointsSettled } from './storage/checkpoint'
import { type DbLock, type ShellName, acquireLock } from './storage/lock'

export interface Backend {
  ctx: Ctx
  file: string
  /** How it was opened: a restore reopens the file the same way. */
  options: BackendOptions
  /** The single-writer lock; null for ':memory:' or when skipped. */
  lock: DbLock | null
  /** Whether opening ran quick_check (see OpenDatabase); 'skipped' leaves it to a check in the background. */
  integrity: OpenDatabase['integrity']
  /** Waits for running backups, closes, releases the lock (keepLock: a restore reopens at once). Idempotent. */
  close(options?: { keepLock?: boolean }): Promise<void>
}

export interface BackendOptions extends OpenOptions {
  /** For tests: a fixed clock. */
  now?: () => Date
  /** Named in the message a second program gets while this one holds the file. */
  shell?: ShellName
  /** Single writer: false skips the lock (tests that need two connections); a held lock is adopted (restore). */
  lock?: false | DbLock
  /** File databases are backed up before migrations and daily; false for tests that count files. */
  autoBackup?: boolean
}

export async function openBackend(options: BackendOptions): Promise<Backend> {
  const onDisk = options.file !== ':memory:'
  const now = options.now ?? (() => new Date())
  const autoBackup = onDisk && options.autoBackup !== false
  const lock = !onDisk || options.lock === false ? null : (options.lock ?? acquireLock(options.file, options.shell))
  const log = logFor(onDisk ? dirname(options.file) : null)
  const started = performance.now()
  let opened: Awaited<ReturnType<typeof openDatabase>>
  try {
    opened = await openDatabase({
      ...options,
      // A failed or unwanted upgrade is undone by restoring the copy taken just before it.
      beforeMigrate: autoBackup ? (sqlite) => backupBeforeMigration(sqlite, dirname(options.file), now()) : options.beforeMigrate,
    })
  } catch (error) {
    log.write('startup_failed', { step: 'open, check and migrate', shell: options.shell, message: (error as Error).message })
    lock?.release()
    throw error
  }
  log.write('startup', { step: 'open, check and migrate', shell: options.shell, ms: Math.round(performance.now() - started), integrity: opened.integrity })
  const { sqlite, db, close } = opened
  const ctx: Ctx = { db, sqlite, userId: null, dataDir: onDisk ? dirname(options.file) : null, now }
  // The laptop reopens as the person who last chose themselves on this database.
  ctx.userId = await loadCurrentUser(ctx)
  // In the background so opening stays fast; close() waits for it.
  if (autoBackup) void maybeDailyBackup(ctx)
  let closed = false
  return {
    ctx,
    file: options.file,
    options,
    lock,
    integrity: opened.integrity,
    close: async ({ keepLock = false } = {}) => {
      if (closed) return
      closed = true
      await backupsSettled(sqlite)
      // A copy of a big write's WAL into the file runs on a connection of its own: done before the last one closes.
      await checkpointsSettled(sqlite)
      await close()
      if (!keepLock) lock?.release()
    },
  }
}
