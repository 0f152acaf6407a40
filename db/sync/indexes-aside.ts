// Bulk writes into an empty or fresh table go faster without its secondary indexes: each is then
// built once from the finished table (a sort) instead of taking the rows out of its order one by
// one. Unique indexes stay, since they are what finds duplicates. Used by a new laptop's bulk first
// pull (bootstrap.ts) and by sync's first start on a database from before sync (identity.ts).
import type Sqlite from 'better-sqlite3'
import { stmt } from './statements'

export interface IndexAside {
  name: string
  sql: string
}

/** Drops the non-unique indexes of these tables and answers them, for putIndexesBack. */
export function setIndexesAside(sqlite: Sqlite.Database, tables: ReadonlySet<string>): IndexAside[] {
  const indexes = (
    stmt(sqlite, "SELECT name, tbl_name AS tbl, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'").all() as {
      name: string
      tbl: string
      sql: string
    }[]
  ).filter((index) => tables.has(index.tbl))
  for (const index of indexes) sqlite.exec(`DROP INDEX ${index.name}`)
  return indexes.map(({ name, sql }) => ({ name, sql }))
}

/** Builds the indexes set aside again, as their migrations wrote them. */
export function putIndexesBack(sqlite: Sqlite.Database, indexes: readonly IndexAside[]): void {
  for (const index of indexes) sqlite.exec(index.sql)
}
