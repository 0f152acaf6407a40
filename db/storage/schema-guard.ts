// The schema guard: a database file may carry code (triggers, views) and SQLite runs it on our
// behalf. So a file is trusted only when its schema is exactly what this app's own migrations
// build: the same tables, columns, indexes, triggers and views, to the letter. The expected schema
// is not a list kept by hand: it is made by running the migrations the file says it has on an
// in-memory database (once per set of migrations, then cached).
//
// Except for the latest set, which nearly every open asks for: running every migration costs about
// 100 ms of CPU, at each start of the app and each command-line call. What they build is kept in
// `expected-schema.json`, written by the same run of the migrations (`UPDATE_SNAPSHOT=1 npx vitest
// run db/storage/schema-guard.test.ts`) and compared with it by that test. It is used only when it
// names exactly the migrations asked for, so a new migration without a new file is still checked,
// just more slowly.
import Sqlite from 'better-sqlite3'
import { CamelCasePlugin, Kysely, type Migration, type MigrationProvider, Migrator, SqliteDialect } from 'kysely'
import { AppError } from '../domain/errors'
import { MIGRATIONS } from '../migrations'
import kept from './expected-schema.json'

/** One object of sqlite_master with, for tables and views, its columns as SQLite reports them. */
interface SchemaObject {
  type: string
  name: string
  table: string
  sql: string | null
  columns: string[]
}

export type SchemaShape = Map<string, SchemaObject>

const TYPE_LABELS: Record<string, string> = { table: '表', index: '索引', trigger: '触发器', view: '视图' }
const label = (object: SchemaObject) => `${TYPE_LABELS[object.type] ?? object.type} ${object.name}`

/** What SQLite itself adds and removes (ANALYZE statistics) is not part of the schema. */
const IGNORED = /^sqlite_stat\d$/

export function readSchema(sqlite: Sqlite.Database): SchemaShape {
  const rows = sqlite.prepare(`SELECT type, name, tbl_name AS "table", sql FROM main.sqlite_master`).all() as Omit<SchemaObject, 'columns'>[]
  const shape: SchemaShape = new Map()
  const columnsOf = sqlite.prepare(`SELECT cid, name, type, "notnull", dflt_value AS dflt, pk, hidden FROM pragma_table_xinfo(?, 'main')`)
  for (const row of rows) {
    if (IGNORED.test(row.name)) continue
    const columns =
      row.type === 'table' || row.type === 'view'
        ? (columnsOf.all(row.name) as Record<string, unknown>[]).map((c) => JSON.stringify([c.cid, c.name, c.type, c.notnull, c.dflt, c.pk, c.hidden]))
        : []
    shape.set(`${row.type} ${row.name}`, { ...row, columns })
  }
  return shape
}

/** The migrations a file records as applied, in order; [] when it has no record at all. */
export function appliedMigrations(sqlite: Sqlite.Database): string[] {
  const table = sqlite.prepare(`SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`).get()
  if (!table) return []
  return (sqlite.prepare('SELECT name FROM main.kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name)
}

/** What `buildExpected` made for the latest migrations, as `expected-schema.json` keeps it. */
export interface KeptSchema {
  migrations: string[]
  objects: SchemaObject[]
}

export const keptSchemaOf = (migrations: string[], shape: SchemaShape): KeptSchema => ({ migrations, objects: [...shape.values()] })

const expectedByApplied = new Map<string, Promise<SchemaShape>>()

/** The schema this app's migrations build when exactly `applied` (a prefix of them) have run. */
export function expectedSchema(applied: string[]): Promise<SchemaShape> {
  const key = applied.join('\n')
  let expected = expectedByApplied.get(key)
  if (!expected) {
    const latest = kept as KeptSchema
    expected =
      key === latest.migrations.join('\n')
        ? Promise.resolve(new Map(latest.objects.map((object) => [`${object.type} ${object.name}`, object])))
        : buildExpected(applied)
    expectedByApplied.set(key, expected)
    expected.catch(() => expectedByApplied.delete(key))
  }
  return expected
}

/** Runs `applied` on an empty in-memory database and reads what they built. */
export async function buildExpected(applied: string[]): Promise<SchemaShape> {
  const sqlite = new Sqlite(':memory:')
  if (applied.length === 0) {
    const empty = readSchema(sqlite)
    sqlite.close()
    return empty
  }
  const known: Record<string, Migration> = Object.fromEntries(applied.map((name) => [name, MIGRATIONS[name]!]))
  const provider: MigrationProvider = { getMigrations: async () => known }
  // The same kysely setup as db/open.ts: the plugin shapes the SQL text that sqlite_master keeps.
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] })
  try {
    const { error } = await new Migrator({ db, provider }).migrateToLatest()
    if (error) throw error
    return readSchema(sqlite)
  } finally {
    await db.destroy()
  }
}

/** Differences in plain words, at most `limit` of them. */
export function schemaDifferences(actual: SchemaShape, expected: SchemaShape, limit = 5): string[] {
  const found: string[] = []
  for (const [key, object] of actual) {
    const wanted = expected.get(key)
    if (!wanted) found.push(`多出${label(object)}${object.type === 'trigger' || object.type === 'index' ? `（属于表 ${object.table}）` : ''}`)
    else if (wanted.sql !== object.sql || wanted.table !== object.table) found.push(`${label(object)}的定义被改动`)
    else if (wanted.columns.join('\n') !== object.columns.join('\n')) found.push(`${label(object)}的列被改动`)
  }
  for (const [key, object] of expected) if (!actual.has(key)) found.push(`缺少${label(object)}`)
  return found.length > limit ? [...found.slice(0, limit), `另有 ${found.length - limit} 处不同`] : found
}

/** The differences of an open connection's schema from what the migrations it records build. */
export async function foreignSchema(sqlite: Sqlite.Database): Promise<string[]> {
  const applied = appliedMigrations(sqlite)
  const order = Object.keys(MIGRATIONS)
  // Applied steps must be the app's first steps in order (a newer version's are refused elsewhere).
  if (applied.some((name, i) => order[i] !== name)) {
    const unknown = applied.filter((name) => !(name in MIGRATIONS))
    return unknown.length > 0 ? [] : ['结构版本记录不完整或顺序不对']
  }
  return schemaDifferences(readSchema(sqlite), await expectedSchema(applied))
}

/** Why such a file is dangerous: said wherever one is refused (the caller adds what to do). */
export function foreignSchemaMessage(what: string, file: string, differences: string[]): string {
  return (
    `${what}的结构与本应用不符（${differences.join('；')}）：${file}。` +
    '文件可能被其他程序改动过，多出的触发器或视图会在保存时暗中改写数据，因此已拒绝使用，文件未做任何修改。'
  )
}

export interface SchemaRefusal {
  /** Names the file in the message: 数据库, 备份文件. */
  what: string
  code: 'validation' | 'db_unavailable'
  /** What the user can do instead. */
  hint: string
}

/** Refuses a file whose schema is not the app's. */
export async function assertAppSchema(sqlite: Sqlite.Database, file: string, refusal: SchemaRefusal): Promise<void> {
  const differences = await foreignSchema(sqlite)
  if (differences.length > 0) throw new AppError(refusal.code, `${foreignSchemaMessage(refusal.what, file, differences)}${refusal.hint}`, { differences })
}
