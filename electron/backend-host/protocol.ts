// The messages between a shell (the Electron main process, browser mode) and the backend process.
// Plain data, structured-clone safe: Electron's utilityProcess and Node's child_process.fork (with
// serialization 'advanced') carry them the same way.
import type { Result } from '../../db/domain/errors'
import type { ShellName } from '../../db/storage/lock'

export interface BackendStart {
  /** The database file. */
  file: string
  /** better-sqlite3 built for Electron's ABI, when the shell has one (see README). */
  nativeBinding?: string
  shell: ShellName
  /**
   * writer (default): every call, the lock, daily backups, the hub's background sync. reader: the
   * long read-only jobs on a second connection, no lock (the writer holds it), nothing in the background.
   */
  role?: 'writer' | 'reader'
  /**
   * The key that seals the hub password, already opened by the shell from the operating system's
   * keychain (only the window's process may ask the keychain); absent: the password stays in the
   * database file, as in browser mode. Base64 of 32 bytes.
   */
  hubSecretKey?: string
}

export type ToBackend =
  | { type: 'start'; start: BackendStart }
  | { type: 'call'; id: number; method: string; input: unknown }
  /** Finish what runs, close the database (waits for backups), release the lock, exit. */
  | { type: 'close' }

export type FromBackend =
  | { type: 'ready' }
  | { type: 'start-failed'; message: string }
  /** The backend began running call `id`: a death from now on leaves its outcome unknown. */
  | { type: 'started'; id: number }
  | { type: 'result'; id: number; result: Result<unknown> }
  /** An event for the window (reminders, progress, data changed), forwarded as is. */
  | { type: 'event'; event: string; payload: unknown }
