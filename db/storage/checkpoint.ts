// A big write (a new laptop's first pull, a ledger import) leaves its pages in the WAL, and SQLite's
// automatic checkpoint then copies every one of them into the database file as part of the COMMIT,
// on the thread that answers every call: at city size a first pull's 1.2 GB, about 6 s of its 44.
// For such a write the automatic checkpoint is paused and the copy runs afterwards in a worker thread
// on a connection of its own, in PASSIVE mode: it neither waits for nor blocks the app's reads and
// writes, which go on in the WAL meanwhile. The automatic checkpoint resumes once it is done.
// Nothing is less durable: a WAL commit is on disk when COMMIT returns (synchronous = FULL), the
// checkpoint only moves pages into the file, and a WAL left by a crash is read by the next open.
// close() waits for a running copy (checkpointsSettled) before the last connection closes, which
// checkpoints whatever remains and removes the WAL, as after any session.
import type Sqlite from 'better-sqlite3'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { nativeBindingOf } from './integrity'

/** What one copy did: SQLite's wal_checkpoint row (frames in the WAL, frames copied into the file). */
export interface CheckpointResult {
  busy: number
  log: number
  checkpointed: number
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Sqlite = require(workerData.sqlite)
const db = new Sqlite(workerData.file, { fileMustExist: true, nativeBinding: workerData.nativeBinding })
try {
  const [copied] = db.pragma('wal_checkpoint(PASSIVE)')
  // Every frame in the file: give the WAL's space back if no one is reading from it right now
  // (TRUNCATE would otherwise wait for readers and writers; it gives up at once instead).
  db.pragma('busy_timeout = 0')
  if (copied.log === copied.checkpointed) db.pragma('wal_checkpoint(TRUNCATE)')
  parentPort.postMessage(copied)
} finally {
  db.close()
}
`

/**
 * Copies the WAL into the database file on a connection of a worker thread. Settles when the worker
 * has exited, its connection closed: the app's own connection is then the last one again.
 */
function checkpointInWorker(file: string, nativeBinding: string | undefined): Promise<CheckpointResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, nativeBinding, sqlite: createRequire(import.meta.url).resolve('better-sqlite3') } })
    let outcome: CheckpointResult | Error | undefined
    worker.once('message', (result: CheckpointResult) => (outcome = result))
    worker.once('error', (error) => (outcome = error))
    worker.once('exit', (code) => {
      if (outcome === undefined) reject(new Error(`checkpoint worker exited (code ${code})`))
      else if (outcome instanceof Error) reject(outcome)
      else resolve(outcome)
    })
  })
}

interface Deferral {
  /** Big writes running now. */
  writes: number
  /** wal_autocheckpoint before the first of them. */
  pagesBefore: number
  /** The copy after the last of them, while it runs. */
  copying: Promise<void> | null
}

const deferrals = new WeakMap<Sqlite.Database, Deferral>()

/** The last copy's outcome, for tests and the bench. */
const lastResults = new WeakMap<Sqlite.Database, CheckpointResult | Error>()

/**
 * Runs a big write (its own transaction, or one that the caller commits before this returns) with
 * the automatic checkpoint paused, then copies the WAL into the file in a worker thread. In-memory
 * and read-only connections have no WAL to copy: the write simply runs.
 */
export async function deferringCheckpoint<T>(sqlite: Sqlite.Database, write: () => Promise<T>): Promise<T> {
  if (sqlite.memory || sqlite.readonly) return write()
  let deferral = deferrals.get(sqlite)
  if (!deferral) deferrals.set(sqlite, (deferral = { writes: 0, pagesBefore: 0, copying: null }))
  if (deferral.writes === 0 && !deferral.copying) {
    deferral.pagesBefore = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number
    sqlite.pragma('wal_autocheckpoint = 0')
  }
  deferral.writes += 1
  try {
    return await write()
  } finally {
    deferral.writes -= 1
    if (deferral.writes === 0) startCopy(sqlite, deferral)
  }
}

function startCopy(sqlite: Sqlite.Database, deferral: Deferral): void {
  const after = deferral.copying ?? Promise.resolve()
  const copying = after
    .then(() => checkpointInWorker(sqlite.name, nativeBindingOf(sqlite)))
    .then(
      (result) => void lastResults.set(sqlite, result),
      // The copy failed (a worker could not start): SQLite's own checkpoint takes over at the next commit.
      (error: Error) => void lastResults.set(sqlite, error),
    )
    .finally(() => {
      if (deferral.copying !== copying) return
      deferral.copying = null
      // Another big write that began meanwhile resumes it when its own copy is done.
      if (deferral.writes === 0 && sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${deferral.pagesBefore}`)
    })
  deferral.copying = copying
}

/** Resolves when no copy of this connection's WAL is running any more (close() waits for it). */
export async function checkpointsSettled(sqlite: Sqlite.Database): Promise<void> {
  for (let copying = deferrals.get(sqlite)?.copying; copying; copying = deferrals.get(sqlite)?.copying) await copying
}

/** What the last copy after a big write did, or why it failed; undefined before any. */
export const lastCheckpoint = (sqlite: Sqlite.Database): CheckpointResult | Error | undefined => lastResults.get(sqlite)
