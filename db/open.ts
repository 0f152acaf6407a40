// Opening the SQLite file: refuse what is not ours without touching it, then set the pragmas that
// make an acknowledged write durable, then migrate.
import Sqlite from 'better-sqlite3'
import { CamelCasePlugin, Kysely, SqliteDialect, type SqliteDatabase } from 'kysely'
import { existsSync, statSync } from 'node:fs'
import { AppError } from './domain/errors'
import { migrateToLatest, pendingMigrations, unknownMigrations } from './migrate'
import type { Database } from './schema'
import { RESTORE_HINT, corruptionMessage, forgetCleanShutdown, hasSqliteHeader, markCleanShutdown, rememberNativeBinding, wasClosedCleanly } from './storage/integrity'
import { assertAppSchema } from './storage/schema-guard'

export interface OpenOptions {
  /** A file path, or ':memory:' for tests. */
  file: string
  /** Path of a better_sqlite3.node built for another runtime (the Electron shell passes one). */
  nativeBinding?: string
  /** Called (and awaited: it may take a backup) before pending migrations run on an existing database. */
  beforeMigrate?: (sqlite: Sqlite.Database) => unknown
  /**
   * A second connection beside the one that opened the file (the backend's reader process for
   * exports): that one has checked and migrated the file and owns the clean-shutdown marker, so this
   * one neither runs quick_check again (O(file)) nor touches the marker.
   */
  secondary?: boolean
}

export interface OpenDatabase {
  sqlite: Sqlite.Database
  db: Kysely<Database>
  /**
   * What opening did about SQLite's quick_check: 'checked' after an unclean shutdown (or the first
   * time a file is opened by this version), 'skipped' when the last close was clean and the file is
   * as that close left it (the check is O(file): 18 s at 2.6 GB), 'new' for a new database.
   */
  integrity: 'checked' | 'skipped' | 'new'
  close(): Promise<void>
}

/** Checks the file header without opening it as a database, so a refusal changes nothing. */
function assertSqliteFile(file: string): void {
  if (isNewFile(file) || hasSqliteHeader(file)) return
  throw new AppError('db_unavailable', `文件不是本应用的数据库（不是 SQLite 文件）：${file}`)
}

function isNewFile(file: string): boolean {
  return file === ':memory:' || !existsSync(file) || statSync(file).size === 0
}

/** Read-only checks first: a truncated file or one from a newer app version is refused untouched. */
function preflight(file: string, nativeBinding: string | undefined, quickCheck: boolean): void {
  if (isNewFile(file)) return
  const probe = new Sqlite(file, { readonly: true, fileMustExist: true, nativeBinding })
  try {
    const check = quickCheck ? probe.pragma('quick_check', { simple: true }) : 'ok'
    if (check !== 'ok') {
      throw new AppError('db_unavailable', corruptionMessage(file, String(check)))
    }
    const newer = unknownMigrations(probe)
    if (newer.length > 0) {
      throw new AppError(
        'db_unavailable',
        `此数据库由更新版本的应用创建（含未知的结构版本 ${newer.join(', ')}），请升级应用后再打开：${file}`,
      )
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    const code = (error as { code?: string }).code ?? ''
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') throw new AppError('db_unavailable', corruptionMessage(file, (error as Error).message))
    throw new AppError('db_unavailable', `无法打开数据库：${(error as Error).message}：${file}`)
  } finally {
    probe.close()
  }
}

/** A file whose schema is not exactly what the migrations build may carry someone else's triggers
 * or views: refused from a read-only connection, so the file stays byte for byte as it was. */
async function refuseForeignSchema(file: string, nativeBinding?: string): Promise<void> {
  if (isNewFile(file)) return
  const probe = new Sqlite(file, { readonly: true, fileMustExist: true, nativeBinding })
  try {
    probe.pragma('trusted_schema = OFF')
    await assertAppSchema(probe, file, { what: '数据库', code: 'db_unavailable', hint: `若这是本应用的数据库，${RESTORE_HINT}` })
  } finally {
    probe.close()
  }
}

/** How many prepared statements kysely's connection keeps (least recently used ones are dropped). */
const STATEMENT_CACHE = 500

/**
 * kysely's SQLite driver prepares every query anew, and preparing a joined SELECT costs more than
 * running it on a page of 50 (about 1–2 ms for the project list's). Statements are kept by their
 * SQL text instead. Safe because kysely runs one query at a time on its single connection (a
 * streamed query holds the connection until it ends), so a cached statement is never busy.
 */
function cachingStatements(sqlite: Sqlite.Database): SqliteDatabase {
  const cache = new Map<string, Sqlite.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql)
      if (statement) {
        cache.delete(sql)
      } else {
        statement = sqlite.prepare(sql)
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!)
      }
      cache.set(sql, statement)
      return statement
    },
  }
}

export async function openDatabase(options: OpenOptions): Promise<OpenDatabase> {
  const { file, nativeBinding } = options
  assertSqliteFile(file)
  const existed = !isNewFile(file)
  const secondary = options.secondary === true
  const clean = existed && (secondary || wasClosedCleanly(file))
  preflight(file, nativeBinding, !clean)
  await refuseForeignSchema(file, nativeBinding)
  // From here the file is open for writing: a crash before the next clean close leaves no marker.
  if (!secondary) forgetCleanShutdown(file)

  const sqlite = new Sqlite(file, { nativeBinding })
  rememberNativeBinding(sqlite, nativeBinding)
  sqlite.pragma('journal_mode = WAL')
  // FULL: in WAL mode, NORMAL may lose the last commits on power loss; an acknowledged write must stay.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // Schema code (triggers, views) may not call functions or virtual tables with side effects.
  sqlite.pragma('trusted_schema = OFF')

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }), plugins: [new CamelCasePlugin()] })
  try {
    if (existed && options.beforeMigrate && (await pendingMigrations(db as Kysely<any>)).length > 0) await options.beforeMigrate(sqlite)
    await migrateToLatest(db)
  } catch (error) {
    await db.destroy()
    throw error
  }
  return {
    sqlite,
    db,
    integrity: !existed ? 'new' : clean ? 'skipped' : 'checked',
    close: async () => {
      await db.destroy()
      if (!secondary) markCleanShutdown(file)
    },
  }
}
