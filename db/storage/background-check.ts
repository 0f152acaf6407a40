// SQLite's own checks in a worker thread on its own read-only connection, so that the seconds (or,
// at city size, minutes) a big file takes never hold the backend's process: the quick_check that
// opening skipped after a clean shutdown (see open.ts), and the check of every fresh backup copy
// (backup.ts), which the writer once ran on its own thread, answering no call meanwhile.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/** What SQLite reported: check messages other than 'ok', and the first foreign-key violations. */
export interface SqliteFindings {
  checks: string[]
  foreignKeys: Array<{ table: string; rowid: number | null; parent: string }>
  /** All violations, of which foreignKeys holds the first hundred. */
  foreignKeyCount: number
}

export interface CheckRequest {
  /** integrity_check instead of quick_check. */
  full: boolean
  /** foreign_key_check as well. */
  foreignKeys: boolean
}

export const FOREIGN_KEYS_LISTED = 100

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Sqlite = require(workerData.sqlite)
const db = new Sqlite(workerData.file, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding })
try {
  const rows = db.pragma(workerData.full ? 'integrity_check(100)' : 'quick_check(100)')
  const checks = rows.map((row) => String(Object.values(row)[0])).filter((m) => m !== 'ok')
  const keys = workerData.foreignKeys ? db.pragma('foreign_key_check') : []
  parentPort.postMessage({ checks, foreignKeys: keys.slice(0, workerData.listed), foreignKeyCount: keys.length })
} finally {
  db.close()
}
`

/** SQLite's findings on a file, read in a worker thread; rejects when SQLite cannot read the file at all. */
export function checkFileInWorker(file: string, request: CheckRequest, nativeBinding?: string): Promise<SqliteFindings> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, nativeBinding, ...request, listed: FOREIGN_KEYS_LISTED, sqlite: createRequire(import.meta.url).resolve('better-sqlite3') },
    })
    let answered = false
    worker.once('message', (findings: SqliteFindings) => {
      answered = true
      resolve(findings)
      void worker.terminate()
    })
    worker.once('error', (error) => {
      answered = true
      reject(error)
    })
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`后台检查意外退出（代码 ${code}）`))
    })
  })
}

/** The problems quick_check finds (empty: none), read in a worker thread. */
export function quickCheckInWorker(file: string, nativeBinding?: string): Promise<string[]> {
  return checkFileInWorker(file, { full: false, foreignKeys: false }, nativeBinding).then(
    (findings) => findings.checks,
    // SQLite refusing to read the file at all is the worst finding, not a failure to check.
    (error: Error) => [`数据库文件已损坏：${error.message}`],
  )
}
