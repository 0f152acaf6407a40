// A fingerprint of the replicated data: equal on two laptops exactly when they hold the same
// records (sync bookkeeping, the change journal and the search index are left out).
import type Sqlite from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { REPLICATED_TABLES, toSnake } from './tables'

export function contentHash(sqlite: Sqlite.Database): string {
  const hash = createHash('sha256')
  for (const table of REPLICATED_TABLES) {
    const keys = (sqlite.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(toSnake(table)) as { name: string }[]).map((k) => k.name)
    const rows = sqlite.prepare(`SELECT * FROM ${toSnake(table)} ORDER BY ${keys.join(', ')}`).all()
    hash.update(`${table}\n`)
    for (const row of rows) hash.update(`${JSON.stringify(row)}\n`)
  }
  return hash.digest('hex')
}
