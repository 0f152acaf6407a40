// Which database a backup belongs to. Two databases may share one folder (and so one backup
// folder); each gets an id of its own, kept in its setting table (so every backup carries it
// inside) and written into the backup's name (so listing and the daily check need not open files).
// The id belongs to the place, not the data: a restore keeps the id of the database it replaces.
import Sqlite from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { newId } from '../context'
import { REPLICA_KEY } from '../sync/identity'
import { nativeBindingOf } from './integrity'

export const DATABASE_ID_KEY = 'storage.databaseId'

/** 16 lowercase hex digits: short enough for a file name, 64 random bits against collisions. */
export const DATABASE_ID = /^[0-9a-f]{16}$/

function readString(sqlite: Sqlite.Database, key: string): string | null {
  try {
    const row = sqlite.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined
    const value = row ? (JSON.parse(row.value) as unknown) : null
    return typeof value === 'string' ? value : null
  } catch {
    return null // no setting table (not our file), or a value we did not write
  }
}

function writeString(sqlite: Sqlite.Database, key: string, value: string): void {
  sqlite
    .prepare('INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
    .run(key, JSON.stringify(value), new Date().toISOString())
}

/** This database's id, made on first use (the first backup). Databases are migrated by then: the
 * setting table exists since the first migration, and the schema guard ran before any write. */
export function databaseIdOf(sqlite: Sqlite.Database): string {
  const known = readString(sqlite, DATABASE_ID_KEY)
  if (known && DATABASE_ID.test(known)) return known
  const id = randomBytes(8).toString('hex')
  writeString(sqlite, DATABASE_ID_KEY, id)
  return id
}

export interface DatabaseIdentity {
  databaseId: string | null
  replicaId: string | null
}

export const identityOf = (sqlite: Sqlite.Database): DatabaseIdentity => ({
  databaseId: readString(sqlite, DATABASE_ID_KEY),
  replicaId: readString(sqlite, REPLICA_KEY),
})

/** The identity inside a file, read-only; both null when the file cannot be read (damaged). */
export function identityOfFile(file: string, like?: Sqlite.Database): DatabaseIdentity {
  let db: Sqlite.Database | undefined
  try {
    db = new Sqlite(file, { readonly: true, fileMustExist: true, nativeBinding: like ? nativeBindingOf(like) : undefined })
    return identityOf(db)
  } catch {
    return { databaseId: null, replicaId: null }
  } finally {
    db?.close()
  }
}

/**
 * False only when the two are provably different databases: different ids, or (for a backup made
 * before ids existed) different sync replica ids. Unknown counts as the same, so old backups stay
 * restorable.
 */
export function sameDatabase(a: DatabaseIdentity, b: DatabaseIdentity): boolean {
  if (a.databaseId && b.databaseId) return a.databaseId === b.databaseId
  if (a.replicaId && b.replicaId) return a.replicaId === b.replicaId
  return true
}

/**
 * Gives a staged restore the id of the database it replaces (see the top of this file). A backup
 * of another database (restored with force) also becomes a sync replica of its own: the laptop it
 * came from still writes as its replica id, and two laptops writing under one id would issue
 * clashing operations. The operations already in its log keep their authors.
 */
export function adoptDatabaseId(file: string, current: DatabaseIdentity, like?: Sqlite.Database): void {
  const db = new Sqlite(file, { fileMustExist: true, nativeBinding: like ? nativeBindingOf(like) : undefined })
  try {
    db.pragma('trusted_schema = OFF')
    const restored = identityOf(db)
    if (current.databaseId && restored.databaseId !== current.databaseId) writeString(db, DATABASE_ID_KEY, current.databaseId)
    if (restored.replicaId && !sameDatabase(current, restored)) writeString(db, REPLICA_KEY, newId())
  } finally {
    db.close()
  }
}
