// Which tables a writer wrote, told by the writer that wrote them. The records layer notes every
// table it writes (db/sync/capture.ts, the one place every record write passes); the note goes to
// the writer whose work is running:
// - a call (dispatch runs each one as a writer) carries its own tables in its answer, and only
//   those: a read carries nothing, whatever else wrote meanwhile;
// - a background writer (the hub's sync, see asBackgroundWriter) announces its tables itself when
//   its work ends;
// - a write made outside both (a service called directly, a timer) is announced as soon as the
//   connection has committed it.
// Announcing is the shell's business: it registers one announcer per connection. A writer that
// failed and rolled back still announces what it noted: at most one needless refresh, never a
// missed one.
import { AsyncLocalStorage } from 'node:async_hooks'
import type Sqlite from 'better-sqlite3'

/** Every table at once: a restore or a received sync package replaced the data wholesale. */
export const ALL_TABLES = '*'

/** Tells the open windows which tables changed; `origin` says who wrote them (the hub, the background). */
export type Announce = (tables: string[], origin: string) => void

/** Writes made outside every writer's work: announced with this origin. */
export const BACKGROUND_ORIGIN = 'background'

interface Writer {
  tables: Set<string>
  /** False once the writer's work has ended: a late write (a job it started) is no longer its. */
  open: boolean
}

const currentWriter = new AsyncLocalStorage<Writer>()
const announcers = new WeakMap<Sqlite.Database, Announce>()
const unattributed = new WeakMap<Sqlite.Database, Set<string>>()

/** While a transaction is open its writes are not visible yet: look again this much later. */
const COMMIT_POLL_MS = 5

/** Who announces the writes on this connection that no call carries (the backend's event channel). */
export function announceWrites(sqlite: Sqlite.Database, announce: Announce): void {
  announcers.set(sqlite, announce)
}

export function noteWritten(sqlite: Sqlite.Database, table: string): void {
  const writer = currentWriter.getStore()
  if (writer?.open) {
    writer.tables.add(table)
    return
  }
  let tables = unattributed.get(sqlite)
  if (!tables) {
    unattributed.set(sqlite, (tables = new Set()))
    announceWhenCommitted(sqlite, 0)
  }
  tables.add(table)
}

function announceWhenCommitted(sqlite: Sqlite.Database, delayMs: number): void {
  setTimeout(() => {
    if (sqlite.open && sqlite.inTransaction) return announceWhenCommitted(sqlite, COMMIT_POLL_MS)
    const tables = unattributed.get(sqlite)
    unattributed.delete(sqlite)
    if (tables && tables.size > 0) announcers.get(sqlite)?.([...tables].sort(), BACKGROUND_ORIGIN)
  }, delayMs).unref()
}

/** Runs work as one writer and hands its tables (sorted) to `done` when it ends, failed or not. */
async function runAsWriter<T>(work: () => Promise<T>, done: (tables: string[]) => void): Promise<T> {
  const writer: Writer = { tables: new Set(), open: true }
  try {
    return await currentWriter.run(writer, work)
  } finally {
    writer.open = false
    done([...writer.tables].sort())
  }
}

/** Runs work as one writer: answers what it returned and the tables it wrote (sorted). Work never runs inside another writer's note-taking. */
export async function asWriter<T>(work: () => Promise<T>): Promise<{ value: T; tables: string[] }> {
  let tables: string[] = []
  const value = await runAsWriter(work, (written) => (tables = written))
  return { value, tables }
}

/** Runs background work (not a call) as its own writer and announces its tables on this connection when it ends, failed or not. */
export function asBackgroundWriter<T>(sqlite: Sqlite.Database, origin: string, work: () => Promise<T>): Promise<T> {
  return runAsWriter(work, (tables) => {
    if (tables.length > 0) announcers.get(sqlite)?.(tables, origin)
  })
}
