// What every service receives: the database, the person at the keyboard, and the clock.
import type Sqlite from 'better-sqlite3'
import type { Kysely, Transaction } from 'kysely'
import { monotonicFactory } from 'ulid'
import type { Database } from './schema'

export interface Ctx {
  db: Kysely<Database>
  sqlite: Sqlite.Database
  /** The user row chosen on this laptop, or null before anyone is chosen. */
  userId: string | null
  /** The app's data folder (attachments, backups); null for in-memory test databases. */
  dataDir: string | null
  now(): Date
}

export type Trx = Transaction<Database>

// ULIDs sort by creation time and are unique across laptops, so ledgers from several offices merge.
const ulid = monotonicFactory()
export const newId = (): string => ulid()

export const nowIso = (ctx: Pick<Ctx, 'now'>): string => ctx.now().toISOString()

export function inTransaction<T>(ctx: Ctx, work: (trx: Trx) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(work)
}
