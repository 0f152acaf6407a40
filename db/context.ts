// What every service receives: the database, the person at the keyboard, and the clock.
import type Sqlite from 'better-sqlite3'
import { type Kysely, type Transaction, sql } from 'kysely'
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

/**
 * The ULID's randomness, drawn from the system's cryptographic source 4 KB at a time: ulid asks
 * for one byte per character (16 calls per id in a new millisecond), and a 10⁴-row import spent
 * about 4% of its time in those calls. Same distribution as ulid's own source (a byte / 256).
 */
function batchedRandom(): () => number {
  const bytes = new Uint8Array(4096)
  let next = bytes.length
  return () => {
    if (next === bytes.length) {
      globalThis.crypto.getRandomValues(bytes)
      next = 0
    }
    return bytes[next++]! / 256
  }
}

// ULIDs sort by creation time and are unique across laptops, so ledgers from several offices merge.
const ulid = monotonicFactory(batchedRandom())
export const newId = (): string => ulid()

export const nowIso = (ctx: Pick<Ctx, 'now'>): string => ctx.now().toISOString()

/**
 * Runs work in one transaction. Called with a ctx whose db already is a transaction (a service
 * called inside another's work, see withTransaction), it joins that transaction: the work runs in
 * a SAVEPOINT, so its failure undoes only its own writes and the caller may go on or rethrow.
 */
export async function inTransaction<T>(ctx: Pick<Ctx, 'db'>, work: (trx: Trx) => Promise<T>): Promise<T> {
  if (!ctx.db.isTransaction) return ctx.db.transaction().execute(work)
  const trx = ctx.db as Trx
  // Names only need to be unique among the savepoints open at once on this connection.
  const name = sql.id(`nested_${++savepoints}`)
  await sql`SAVEPOINT ${name}`.execute(trx)
  try {
    const result = await work(trx)
    await sql`RELEASE ${name}`.execute(trx)
    return result
  } catch (error) {
    await sql`ROLLBACK TO ${name}`.execute(trx)
    await sql`RELEASE ${name}`.execute(trx)
    throw error
  }
}
let savepoints = 0

/**
 * Runs work in one transaction with a ctx for the services: the same user and clock, whose db is
 * the transaction, so every service called with it joins (one COMMIT, and a failure anywhere that
 * work does not catch undoes everything).
 */
export function withTransaction<T>(ctx: Ctx, work: (inner: Ctx) => Promise<T>): Promise<T> {
  return inTransaction(ctx, (trx) => work({ ...ctx, db: trx }))
}
