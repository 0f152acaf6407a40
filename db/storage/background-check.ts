// quick_check in a worker thread on its own read-only connection: after a clean shutdown opening
// skips the check (see open.ts), and this runs it once the first page is up, without holding the
// backend's connection or its process for the seconds a big file takes.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Sqlite = require(workerData.sqlite)
const db = new Sqlite(workerData.file, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding })
try {
  const rows = db.pragma('quick_check(100)')
  parentPort.postMessage(rows.map((row) => String(Object.values(row)[0])).filter((m) => m !== 'ok'))
} finally {
  db.close()
}
`

/** The problems quick_check finds (empty: none), read in a worker thread. */
export function quickCheckInWorker(file: string, nativeBinding?: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, nativeBinding, sqlite: createRequire(import.meta.url).resolve('better-sqlite3') },
    })
    let answered = false
    worker.once('message', (problems: string[]) => {
      answered = true
      resolve(problems)
      void worker.terminate()
    })
    worker.once('error', (error) => {
      answered = true
      // SQLite refusing to read the file at all is the worst finding, not a failure to check.
      resolve([`数据库文件已损坏：${error.message}`])
    })
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`后台检查意外退出（代码 ${code}）`))
    })
  })
}
