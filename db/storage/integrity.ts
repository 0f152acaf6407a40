// Integrity: SQLite's own checks, reported in Chinese, and the verification every backup and every
// file chosen for a restore goes through before it is trusted.
import Sqlite from 'better-sqlite3'
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { AppError } from '../domain/errors'
import type { StorageCheck } from '../domain/storage'
import { FOREIGN_KEYS_LISTED, type SqliteFindings, checkFileInWorker } from './background-check'
import { unknownMigrations } from '../migrate'
import { type SchemaRefusal, assertAppSchema, foreignSchema } from './schema-guard'

const SQLITE_MAGIC = 'SQLite format 3\u0000'

// The Electron shell loads better-sqlite3 from a build for its own ABI; every further connection this
// process opens (verification, restore) must use the same build, so it is remembered per connection.
const bindings = new WeakMap<Sqlite.Database, string | undefined>()

export function rememberNativeBinding(sqlite: Sqlite.Database, nativeBinding: string | undefined): void {
  bindings.set(sqlite, nativeBinding)
}

export const nativeBindingOf = (sqlite: Sqlite.Database): string | undefined => bindings.get(sqlite)

/** What to do when the database is damaged: said wherever a check fails. */
export const RESTORE_HINT = '请在“设置 → 数据备份”中选择一个备份恢复，或在命令行运行：npm run cli -- restore <备份文件>'

export function corruptionMessage(file: string, detail: string): string {
  return `数据库文件已损坏（${detail}）：${file}。${RESTORE_HINT}`
}

export function hasSqliteHeader(file: string): boolean {
  if (!existsSync(file) || statSync(file).size < 100) return false
  const header = Buffer.alloc(16)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, header, 0, 16, 0)
  } finally {
    closeSync(fd)
  }
  return header.toString('latin1') === SQLITE_MAGIC
}

// The clean-shutdown marker: written beside the database when it closes cleanly, removed when it
// opens. Found at the next open, with the file exactly as that close left it (size and time), it
// lets opening skip quick_check; missing (a crash, a kill, power lost) or stale (the file changed
// since), the check runs before anything else touches the file.
const markerOf = (file: string) => `${file}.clean-shutdown`

interface CleanShutdown {
  size: number
  mtimeMs: number
}

export function markCleanShutdown(file: string): void {
  if (file === ':memory:' || !existsSync(file)) return
  try {
    const { size, mtimeMs } = statSync(file)
    writeFileSync(markerOf(file), JSON.stringify({ size, mtimeMs } satisfies CleanShutdown))
  } catch {
    // No marker costs only a check at the next start.
  }
}

export function forgetCleanShutdown(file: string): void {
  if (file !== ':memory:') rmSync(markerOf(file), { force: true })
}

function hasWalFrames(file: string): boolean {
  try {
    return statSync(`${file}-wal`).size > 0
  } catch {
    return false
  }
}

export function wasClosedCleanly(file: string): boolean {
  try {
    const marker = JSON.parse(readFileSync(markerOf(file), 'utf8')) as CleanShutdown
    const { size, mtimeMs } = statSync(file)
    // A -wal left beside the file holds commits the close did not checkpoint: not a clean close.
    // An empty one holds none: a read-only connection (a viewer, the bench's plain export) leaves
    // it behind when it closes, since it may not delete the log.
    return marker.size === size && marker.mtimeMs === mtimeMs && !hasWalFrames(file)
  } catch {
    return false
  }
}

function describeForeignKey(row: { table: string; rowid: number | null; parent: string }): string {
  return `表 ${row.table} 的第 ${row.rowid ?? '?'} 行引用了表 ${row.parent} 中不存在的记录`
}

/** SQLite's findings as the user reads them, in Chinese, with the way back when there are any. */
function problemsOf(findings: SqliteFindings): string[] {
  const problems = findings.checks.map((m) => `结构检查：${m}`)
  for (const row of findings.foreignKeys.slice(0, FOREIGN_KEYS_LISTED)) problems.push(`引用检查：${describeForeignKey(row)}`)
  if (findings.foreignKeyCount > FOREIGN_KEYS_LISTED) problems.push(`引用检查：另有 ${findings.foreignKeyCount - FOREIGN_KEYS_LISTED} 处引用错误未列出`)
  return problems
}

/** Damage bad enough that SQLite refuses to walk the file at all. */
const unreadable = (error: unknown): string => `数据库文件已损坏：${(error as Error).message}`

function storageCheck(problems: string[], full: boolean, started: number): StorageCheck {
  if (problems.length > 0) problems.push(RESTORE_HINT)
  return { ok: problems.length === 0, mode: full ? 'full' : 'quick', problems, ms: Math.round(performance.now() - started) }
}

/** quick_check (or the full integrity_check) and foreign_key_check, problems in Chinese. */
export function checkSqlite(sqlite: Sqlite.Database, full = false, schema = 'main'): StorageCheck {
  const started = performance.now()
  let problems: string[]
  try {
    const rows = sqlite.pragma(`${schema}.${full ? 'integrity_check' : 'quick_check'}(100)`) as Record<string, string>[]
    const keys = sqlite.pragma(`${schema}.foreign_key_check`) as SqliteFindings['foreignKeys']
    const checks = rows.map((row) => String(Object.values(row)[0])).filter((m) => m !== 'ok')
    problems = problemsOf({ checks, foreignKeys: keys, foreignKeyCount: keys.length })
  } catch (error) {
    problems = [unreadable(error)]
  }
  return storageCheck(problems, full, started)
}

/** checkSqlite on a file, in a worker thread: the calling process goes on answering meanwhile. */
export async function checkFileOffThread(file: string, full: boolean, nativeBinding?: string): Promise<StorageCheck> {
  const started = performance.now()
  const problems = await checkFileInWorker(file, { full, foreignKeys: true }, nativeBinding).then(problemsOf, (error) => [unreadable(error)])
  return storageCheck(problems, full, started)
}

const FOREIGN_BACKUP: SchemaRefusal = { what: '备份文件', code: 'validation', hint: '请改用本应用自己写出的备份文件。' }

/** checkSqlite plus the schema guard: a file carrying triggers or views the app never made fails. */
export async function checkDatabase(sqlite: Sqlite.Database, full = false): Promise<StorageCheck> {
  const result = checkSqlite(sqlite, full)
  const started = performance.now()
  const differences = await foreignSchema(sqlite)
  if (differences.length === 0) return result
  const problems = result.problems.filter((p) => p !== RESTORE_HINT)
  problems.push(...differences.map((d) => `结构与本应用不符：${d}（可能被其他程序改动，多出的触发器或视图会暗中改写数据）`), RESTORE_HINT)
  return { ...result, ok: false, problems, ms: result.ms + Math.round(performance.now() - started) }
}

/**
 * Verifies a copy this process owns (a fresh backup, a file staged for restore): converts it to a
 * standalone rollback-journal file (so opening it later never needs -wal/-shm beside it, e.g. on a
 * read-only USB drive), runs integrity_check (quick_check with `check: 'quick'`), and refuses a
 * file from a newer app version or one whose schema is not exactly what the app's migrations build
 * (see schema-guard.ts).
 */
export async function verifyCopy(file: string, like?: Sqlite.Database, refusal: SchemaRefusal = FOREIGN_BACKUP, check: 'full' | 'quick' = 'full'): Promise<void> {
  if (!hasSqliteHeader(file)) throw new AppError('validation', `文件不是本应用的数据库（不是 SQLite 文件）：${file}`)
  let db: Sqlite.Database
  try {
    db = new Sqlite(file, { fileMustExist: true, nativeBinding: like ? nativeBindingOf(like) : undefined })
  } catch (error) {
    throw new AppError('validation', `无法打开数据库文件：${(error as Error).message}：${file}`)
  }
  try {
    db.pragma('trusted_schema = OFF')
    db.pragma('journal_mode = DELETE')
    // In a worker: at city size the full check takes minutes, and the daily backup runs in the writer.
    const result = await checkFileOffThread(file, check === 'full', like ? nativeBindingOf(like) : undefined)
    if (!result.ok) throw new AppError('validation', `数据库文件未通过完整性检查（${result.problems.slice(0, 2).join('；')}）：${file}`)
    const hasMigrations = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`).get()
    if (!hasMigrations) throw new AppError('validation', `文件不是本应用的数据库（缺少结构版本记录）：${file}`)
    const newer = unknownMigrations(db)
    if (newer.length > 0) {
      throw new AppError('validation', `此备份由更新版本的应用创建（含未知的结构版本 ${newer.join(', ')}），请升级应用后再恢复：${file}`)
    }
    await assertAppSchema(db, file, refusal)
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('validation', `数据库文件无法读取：${(error as Error).message}：${file}`)
  } finally {
    db.close()
  }
}
