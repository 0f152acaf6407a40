// Prepared statements kept per database: sync runs the same few statements tens of thousands of
// times per package, and preparing one costs more than running it.
import type Sqlite from 'better-sqlite3'

const cache = new WeakMap<Sqlite.Database, Map<string, Sqlite.Statement>>()

const texts = new Map<string, string>()

/** SQL text built once per key (a table and its column list): hot paths write 10⁴ rows alike. */
export function sqlText(key: string, build: () => string): string {
  let text = texts.get(key)
  if (text === undefined) texts.set(key, (text = build()))
  return text
}

export function stmt(sqlite: Sqlite.Database, sql: string): Sqlite.Statement {
  let perDb = cache.get(sqlite)
  if (!perDb) cache.set(sqlite, (perDb = new Map()))
  let statement = perDb.get(sql)
  if (!statement) perDb.set(sql, (statement = sqlite.prepare(sql)))
  return statement
}
