// Which tables a connection has written since it was last asked: the records layer notes every
// table it writes (db/sync/capture.ts, the one place every record write passes), and the call's
// answer path takes the set once to say "data changed" to the open windows. Kept per connection,
// not per call: a call that failed and rolled back leaves its tables for the next answer, which
// costs at most one needless refresh, never a missed one.
import type Sqlite from 'better-sqlite3'

/** Every table at once: a restore or a received sync package replaced the data wholesale. */
export const ALL_TABLES = '*'

const written = new WeakMap<Sqlite.Database, Set<string>>()

export function noteWritten(sqlite: Sqlite.Database, table: string): void {
  let tables = written.get(sqlite)
  if (!tables) written.set(sqlite, (tables = new Set()))
  tables.add(table)
}

/** The tables written since the last call, sorted; empties the set. */
export function takeWritten(sqlite: Sqlite.Database): string[] {
  const tables = written.get(sqlite)
  if (!tables || tables.size === 0) return []
  written.delete(sqlite)
  return [...tables].sort()
}
